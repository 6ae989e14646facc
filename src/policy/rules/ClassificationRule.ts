/**
 * ClassificationRule: a value is visible only if the grants table gives the requester's role, for
 * the stated purpose, the value's data class (src/policy/grants.ts; DOMAIN "Who uses it").
 */
import { DATA_CLASS_TITLES } from '../classes.js';
import { classOf } from '../datum.js';
import { GRANTS } from '../grants.js';
import type { ValueRule } from '../rule.js';

export const ClassificationRule: ValueRule = Object.freeze<ValueRule>({
  name: 'ClassificationRule',
  cites: 'DOMAIN "Who uses it"; src/policy/grants.ts',
  summary: 'The role, acting for the stated purpose, must be granted the data class.',
  appliesTo: 'ALL',
  decide(ctx, datum) {
    const cls = classOf(datum);
    if (ctx.granted.has(cls)) return { effect: 'ALLOW' };
    const { role, purposes } = ctx.principal;
    const other = GRANTS.filter((x) => x.role === role && x.classes.includes(cls) && purposes.includes(x.purpose)).map((x) => x.purpose);
    return {
      effect: 'DENY',
      reason: `Role ${role} acting for purpose ${ctx.purpose} may not see ${DATA_CLASS_TITLES[cls]} (${cls}).`,
      remedy: other.length > 0
        ? `State a purpose that covers it: x-purpose: ${other.join(' or ')}.`
        : `No purpose open to role ${role} covers ${cls}; ask a user whose role does.`,
    };
  },
});
