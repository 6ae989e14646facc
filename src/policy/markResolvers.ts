/**
 * Resolvers for schema/policy.graphql: what the value guards (guardSchema.ts) attached to a value
 * they let through — marks such as "not actionable for removal", and field limits.
 */
import type { Resolvers } from '../generated/graphql.js';
import { decisionOf } from './guardSchema.js';

function marksOf(value: unknown) {
  const d = decisionOf(value);
  return d?.effect === 'ALLOW' ? d.marks.map((m) => ({ code: m.code, message: m.message, rule: m.rule, cites: m.cites })) : [];
}

export const policyResolvers: Resolvers = {
  AcroResult: { policyMarks: (v) => marksOf(v) },
  AcroRequest: { policyMarks: (v) => marksOf(v) },
  CustodyEpisode: {
    policyMarks: (v) => marksOf(v),
    visibleFields: (v) => {
      const d = decisionOf(v);
      return d?.effect === 'ALLOW' && d.fields !== null ? [...d.fields] : null;
    },
  },
};
