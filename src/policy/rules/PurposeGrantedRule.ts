/**
 * PurposeGrantedRule: a user may state only a purpose their identity grants (the token's
 * `purposes`) and that their role may act for (src/policy/grants.ts).
 */
import { isPurpose } from '../../auth/principal.js';
import { grantFor, purposesOfRole } from '../grants.js';
import type { RequestRule } from '../rule.js';

export const PurposeGrantedRule: RequestRule = Object.freeze<RequestRule>({
  name: 'PurposeGrantedRule',
  cites: 'issue 6 "Who is asking, and why"; src/policy/grants.ts',
  summary: "The stated purpose must be granted to the user and open to the user's role.",
  check({ principal, purpose }) {
    if (!isPurpose(purpose)) return undefined; // PurposeDeclaredRule reports it
    const usable = principal.purposes.filter((p) => grantFor(principal.role, p));
    if (!principal.purposes.includes(purpose)) {
      return { reason: `Your identity does not grant the purpose ${purpose}.`, remedy: usable.length ? `Use one of: ${usable.join(', ')}; or ask for ${purpose} to be granted.` : `Ask for ${purpose} to be granted.` };
    }
    if (!grantFor(principal.role, purpose)) {
      return { reason: `Role ${principal.role} may not act for purpose ${purpose}.`, remedy: `Role ${principal.role} may act for: ${purposesOfRole(principal.role).join(', ') || 'nothing'}.` };
    }
    return undefined;
  },
});
