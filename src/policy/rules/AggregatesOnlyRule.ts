/**
 * AggregatesOnlyRule: management information users get counts and rates, never a person
 * (DOMAIN restriction 7; 002 rec. 2–3).
 */
import type { ValueRule } from '../rule.js';

export const AggregatesOnlyRule: ValueRule = Object.freeze<ValueRule>({
  name: 'AggregatesOnlyRule',
  cites: 'DOMAIN restriction 7; 002 rec. 2–3',
  summary: 'An MI analyst sees aggregates only, never data about a person.',
  appliesTo: 'ALL',
  decide(ctx, datum) {
    if (ctx.principal.role !== 'MI_ANALYST' && ctx.purpose !== 'STATISTICS') return undefined;
    if (datum.kind === 'AGGREGATE') return { effect: 'ALLOW' };
    return {
      effect: 'DENY',
      reason: 'Management information gives counts and rates only, never data about a person.',
      remedy: 'Ask for the aggregate (counts, rates) instead.',
    };
  },
});
