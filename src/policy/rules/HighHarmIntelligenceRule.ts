/**
 * HighHarmIntelligenceRule: case owners see that Nexus High Harm police intelligence exists and whom
 * to contact (the flag); only the Nexus High Harm Team sees the intelligence itself
 * (DOMAIN restriction 5; 004 §6.18).
 */
import type { Role } from '../../auth/principal.js';
import type { ValueRule } from '../rule.js';

export const HIGH_HARM_TEAM_ROLES: readonly Role[] = Object.freeze(['HIGH_HARM_POLICE', 'HIGH_HARM_HOME_OFFICE']);
export const HIGH_HARM_CONTACT = 'Nexus High Harm Team';

export const HighHarmIntelligenceRule: ValueRule = Object.freeze<ValueRule>({
  name: 'HighHarmIntelligenceRule',
  cites: 'DOMAIN restriction 5; 004 §6.18',
  summary: 'Only the Nexus High Harm Team sees High Harm intelligence; others see the flag and whom to contact.',
  appliesTo: ['HIGH_HARM_INTELLIGENCE'],
  decide(ctx) {
    if (HIGH_HARM_TEAM_ROLES.includes(ctx.principal.role)) return { effect: 'ALLOW' };
    return {
      effect: 'DENY',
      reason: 'Police intelligence behind the High Harm flag is for the Nexus High Harm Team only.',
      remedy: `Contact the ${HIGH_HARM_CONTACT} before making a decision (004 §6.18).`,
    };
  },
});
