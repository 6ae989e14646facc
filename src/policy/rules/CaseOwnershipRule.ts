/**
 * CaseOwnershipRule: UKVI and other case owners outside Criminal Casework see the casework of the
 * cases their unit owns (DOMAIN "Who uses it"; 004 §6.18). Unclear ownership (004 §6.10) is not
 * ownership.
 */
import type { ValueRule } from '../rule.js';

export const CaseOwnershipRule: ValueRule = Object.freeze<ValueRule>({
  name: 'CaseOwnershipRule',
  cites: 'DOMAIN "Who uses it"; 004 §6.10, §6.18',
  summary: 'A UKVI case owner sees CID casework only on cases their unit owns.',
  appliesTo: ['CID'],
  decide(ctx, datum) {
    if (datum.kind !== 'CID' || ctx.principal.role !== 'UKVI_CASE_OWNER') return undefined;
    const unit = ctx.principal.unit?.trim().toUpperCase();
    const owner = datum.ownerUnit?.trim().toUpperCase();
    if (unit && owner && unit === owner) return { effect: 'ALLOW' };
    return {
      effect: 'DENY',
      reason: `This case is not owned by your unit${unit ? ` (${unit})` : ''}; case owners see the cases they own.`,
      remedy: 'Ask the owning unit, or have the case allocated to your unit.',
    };
  },
});
