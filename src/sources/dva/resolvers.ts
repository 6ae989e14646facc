/**
 * Resolvers for schema/dva.graphql. Who may check and why is decided before execution (DVA licence,
 * NATIONALITY_VERIFICATION purpose, a written justification: src/policy/rules/DvaLicenceRule.ts,
 * JustificationRequiredRule.ts); the justification and the requesting user sent to HMPO are the
 * request's own, never arguments a client could forge, and the request's audit event records both.
 */
import { unauthenticated } from '../../auth/errors.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Resolvers } from '../../generated/graphql.js';

export const dvaResolvers: Resolvers = {
  Query: {
    dvaCheck: async (_p, { checkId }, ctx) => {
      const found = await ctx.loaders.dva.checkById.load(checkId).catch((e: unknown) => {
        if (e instanceof NotFoundError) return null;
        throw e;
      });
      return found;
    },
  },
  Mutation: {
    checkPassportWithDva: async (_p, { input }, ctx) => {
      if (!ctx.policy) throw unauthenticated('NO_TOKEN');
      return ctx.loaders.dva.checkPassport({
        passportNumber: input.passportNumber.trim(),
        surname: input.surname,
        dateOfBirth: input.dateOfBirth,
        justification: ctx.policy.justification ?? '',
        requestedBy: ctx.policy.principal.userId,
      });
    },
  },
  DvaCheck: {
    passport: (c) => c.passport,
  },
};
