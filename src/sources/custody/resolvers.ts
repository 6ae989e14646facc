/**
 * Resolvers for schema/custody.graphql. They only call the per-request loaders; field resolvers
 * rename or derive from the domain record (PACE clock, offence wording, identifiers).
 */
import { custodyIdentifiers, paceClockExpiresAt } from '../../domain/custody.js';
import { offenceByCode } from '../../domain/offences.js';
import type { Resolvers } from '../../generated/graphql.js';

export const custodyResolvers: Resolvers = {
  Query: {
    custodyRecord: (_parent, { force, recordNumber }, ctx) => ctx.loaders.custody.episodeByKey.load(`${force}/${recordNumber}`),
  },
  CustodyEpisode: {
    paceClockExpiresAt: (e) => paceClockExpiresAt(e),
    offenceDescription: (e) => (e.offenceCode ? (offenceByCode(e.offenceCode)?.description ?? null) : null),
    homeOfficeFingerprintRef: (e) => e.hoFingerprintRef,
    identifiers: (e) => custodyIdentifiers(e),
    dataQuality: (e) => [...e.dataQuality],
    sameFingerprintEpisodes: async (e, _args, ctx) => {
      if (!e.fingerprintHit || !e.hoFingerprintRef) return [];
      const all = await ctx.loaders.custody.episodesByHoFingerprintRef.load(e.hoFingerprintRef);
      return all.filter((other) => other.ref.key !== e.ref.key);
    },
  },
};
