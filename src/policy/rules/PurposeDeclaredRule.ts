/**
 * PurposeDeclaredRule: every request states one known purpose (`x-purpose`), which the audit trail
 * records and the policy is keyed by (issue 6 "Who is asking, and why"; DPA 2018 Part 3 s62).
 */
import { PURPOSES, isPurpose } from '../../auth/principal.js';
import type { RequestRule } from '../rule.js';

export const PurposeDeclaredRule: RequestRule = Object.freeze<RequestRule>({
  name: 'PurposeDeclaredRule',
  cites: 'issue 6 "Who is asking, and why"; DPA 2018 Part 3 s62',
  summary: 'A request must state a known purpose.',
  check({ principal, purpose }) {
    const yours = principal.purposes.join(', ');
    if (!purpose) return { reason: 'The request states no purpose.', remedy: `Send header x-purpose with one of your purposes: ${yours}.` };
    if (!isPurpose(purpose)) return { reason: `"${purpose}" is not a known purpose (${PURPOSES.join(', ')}).`, remedy: `Send x-purpose with one of your purposes: ${yours}.` };
    return undefined;
  },
});
