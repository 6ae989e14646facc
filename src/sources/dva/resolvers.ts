/**
 * Resolvers for schema/dva.graphql. DVA has no query or mutation yet (it needs authorisation);
 * the types resolve from DvaCheck records as they are.
 */
import type { Resolvers } from '../../generated/graphql.js';

export const dvaResolvers: Resolvers = {
  DvaCheck: {
    passport: (c) => c.passport,
  },
};
