/**
 * Resolvers for schema/cid.graphql. They only call the per-request CID loaders and shape domain
 * records into their GraphQL fields (`issues` → `dataQualityIssues`, ...). A lookup of a key CID
 * does not hold answers null; any other failure is an error.
 */
import { personIdentifiers } from '../../../adapters/cid/index.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Resolvers } from '../../generated/graphql.js';

/** Null for a record CID does not hold; every other failure propagates. */
function nullIfNotFound<T>(p: Promise<T>): Promise<T | null> {
  return p.catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
}

export const cidResolvers: Resolvers = {
  Query: {
    cidCase: (_parent, { caseId }, ctx) => nullIfNotFound(ctx.loaders.cid.caseById.load(caseId)),
    cidPersonOnCase: (_parent, { caseId, cidPersonId }, ctx) =>
      nullIfNotFound(ctx.loaders.cid.personOnCaseByKey.load(`${caseId}/${cidPersonId}`)),
  },
  CidCase: {
    persons: (c, _args, ctx) => Promise.all(c.personKeys.map((key) => ctx.loaders.cid.personOnCaseByKey.load(key))),
    notes: async (c, _args, ctx) => [...(await ctx.loaders.cid.notesByCaseId.load(c.caseId))],
    restrictions: async (c, _args, ctx) => [...(await ctx.loaders.cid.restrictionsByCaseId.load(c.caseId))],
    etdApplications: async (c, _args, ctx) => [...(await ctx.loaders.cid.etdByCaseId.load(c.caseId))],
    dataQualityIssues: (c) => [...c.issues],
  },
  CidPersonOnCase: {
    aliases: (p) => [...p.aliases],
    nationalityAsHeld: (p) => p.nationalityRaw,
    identifiers: (p) => personIdentifiers(p),
    case: (p, _args, ctx) => nullIfNotFound(ctx.loaders.cid.caseById.load(p.caseId)),
    dataQualityIssues: (p) => [...p.issues],
  },
  CidNote: {
    dataQualityIssues: (n) => [...n.issues],
  },
  CidRestriction: {
    events: async (r, _args, ctx) => [...(await ctx.loaders.cid.reportingEventsByRestrictionId.load(r.restrictionId))],
    dataQualityIssues: (r) => [...r.issues],
  },
  CidReportingEvent: {
    dataQualityIssues: (e) => [...e.issues],
  },
  CidEtdApplication: {
    dataQualityIssues: (e) => [...e.issues],
  },
};
