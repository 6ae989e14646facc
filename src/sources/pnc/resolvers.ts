/** Resolvers for schema/pnc.graphql: loaders only; field resolvers shape domain records. */
import { offenceByCode } from '../../domain/offences.js';
import type { Resolvers } from '../../generated/graphql.js';

export const pncResolvers: Resolvers = {
  Query: {
    pncRecord: (_parent, { pncId }, ctx) => ctx.loaders.pnc.recordByPncId.load(pncId),
  },
  PncRecord: {
    aliases: (r) => [...r.aliases],
    convictions: (r) => [...r.convictions],
    circulations: (r) => [...r.circulations],
    issues: (r) => [...r.issues],
  },
  PncConviction: {
    offenceDescription: (c) => (c.offenceCode ? (offenceByCode(c.offenceCode)?.description ?? null) : null),
  },
};
