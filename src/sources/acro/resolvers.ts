/**
 * Resolvers for schema/acro.graphql: loaders only. Nothing is filtered here: whether a result may
 * be seen (instigator, HOSOL) is decided by the policy layer.
 */
import type { Resolvers } from '../../generated/graphql.js';

export const acroResolvers: Resolvers = {
  Query: {
    acroRequest: (_parent, { reference }, ctx) => ctx.loaders.acro.requestByReference.load(reference),
  },
  AcroRequest: {
    results: (r) => [...r.results],
    issues: (r) => [...r.issues],
  },
  AcroInstigator: {
    force: (i) => (i.kind === 'POLICE' ? i.force : null),
  },
};
