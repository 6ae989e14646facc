/**
 * Resolvers for schema/base.graphql: the time scalars and the `sources` health query.
 */
import type { Resolvers } from '../generated/graphql.js';
import { DateScalar, DateTimeScalar } from './scalars.js';

export const baseResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: {
    sources: (_parent, _args, ctx) => ctx.health.probe(),
  },
};
