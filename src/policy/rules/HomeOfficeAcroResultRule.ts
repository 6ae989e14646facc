/**
 * HomeOfficeAcroResultRule: ACRO results instigated by the Home Office for immigration purposes
 * belong to it and may be used by Home Office staff (DOMAIN restriction 2); the data is owned by the
 * instigator of the check (001 §4.35), so police may not use it.
 */
import { isHomeOfficeStaff } from '../../auth/principal.js';
import type { ValueRule } from '../rule.js';

export const HomeOfficeAcroResultRule: ValueRule = Object.freeze<ValueRule>({
  name: 'HomeOfficeAcroResultRule',
  cites: 'DOMAIN restriction 2; 001 §4.35',
  summary: 'Home Office-instigated ACRO results are for Home Office staff.',
  appliesTo: ['ACRO_RESULT', 'ACRO_REQUEST'],
  decide(ctx, datum) {
    const instigator = datum.kind === 'ACRO_RESULT' ? datum.result.instigator : datum.kind === 'ACRO_REQUEST' ? datum.request.instigator : null;
    if (!instigator || instigator.kind !== 'HOME_OFFICE') return undefined;
    if (isHomeOfficeStaff(ctx.principal)) return { effect: 'ALLOW' };
    return {
      effect: 'DENY',
      reason: 'This ACRO check was instigated by the Home Office for immigration purposes; ACRO data is owned by the instigator of the check.',
      remedy: 'Instigate a police ACRO check, or ask the Home Office.',
    };
  },
});
