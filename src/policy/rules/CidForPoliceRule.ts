/**
 * CidForPoliceRule: CID is not open to police officers, except those in the Nexus Joint Operations
 * Centre; police receive the outcome of a status check instead (DOMAIN restriction 3; 001 §4.28).
 */
import type { ValueRule } from '../rule.js';

export const CidForPoliceRule: ValueRule = Object.freeze<ValueRule>({
  name: 'CidForPoliceRule',
  cites: 'DOMAIN restriction 3; 001 §4.28',
  summary: 'Police other than JOC officers never see CID; they receive status-check outcomes.',
  appliesTo: ['CID'],
  decide(ctx) {
    if (ctx.principal.organisation === 'HOME_OFFICE') return undefined;
    if (ctx.principal.role === 'JOC_POLICE_OFFICER') return { effect: 'ALLOW' };
    return {
      effect: 'DENY',
      reason: 'CID is not open to police officers outside the Nexus Joint Operations Centre.',
      remedy: 'Ask for an immigration status check (CCU or an embedded IO); its outcome is shared with police.',
    };
  },
});
