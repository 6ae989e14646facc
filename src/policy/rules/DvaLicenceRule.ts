/**
 * DvaLicenceRule: DVA is for licensed users only, only on reasonable doubt that a claim to be British
 * is true, each check justified and auditable (DOMAIN restriction 6; 001 §4.37, fn 21–22).
 */
import type { ValueRule } from '../rule.js';

export const MIN_JUSTIFICATION_LENGTH = 15;

export const DvaLicenceRule: ValueRule = Object.freeze<ValueRule>({
  name: 'DvaLicenceRule',
  cites: 'DOMAIN restriction 6; 001 §4.37, fn 21–22',
  summary: 'DVA checks need a DVA licence, the NATIONALITY_VERIFICATION purpose and a written justification.',
  appliesTo: ['DVA_CHECK'],
  decide(ctx) {
    if (!ctx.principal.dvaLicensed) {
      return { effect: 'DENY', reason: 'DVA is restricted to licensed users with a need to know.', remedy: 'Ask CCU to run the DVA check.' };
    }
    if (ctx.purpose !== 'NATIONALITY_VERIFICATION') {
      return { effect: 'DENY', reason: `DVA may be used only to verify a doubtful claim to be British, not for ${ctx.purpose}.`, remedy: 'State x-purpose: NATIONALITY_VERIFICATION with a justification.' };
    }
    if (!ctx.justification || ctx.justification.trim().length < MIN_JUSTIFICATION_LENGTH) {
      return { effect: 'DENY', reason: 'Each DVA check must be justified: why is there reasonable doubt that the claim to be British is true?', remedy: `Send x-justification (at least ${MIN_JUSTIFICATION_LENGTH} characters).` };
    }
    return { effect: 'ALLOW' };
  },
});
