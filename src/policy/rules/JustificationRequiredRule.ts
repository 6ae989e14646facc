/**
 * JustificationRequiredRule: purposes whose rules need a written justification refuse a request
 * without one (`x-justification`): a DVA check only on reasonable doubt, each justified and
 * auditable (DOMAIN restriction 6; 001 fn 21–22).
 */
import type { Purpose } from '../../auth/principal.js';
import type { RequestRule } from '../rule.js';
import { MIN_JUSTIFICATION_LENGTH } from './DvaLicenceRule.js';

export const PURPOSES_NEEDING_JUSTIFICATION: readonly Purpose[] = Object.freeze(['NATIONALITY_VERIFICATION']);
export const MAX_JUSTIFICATION_LENGTH = 500;

export const JustificationRequiredRule: RequestRule = Object.freeze<RequestRule>({
  name: 'JustificationRequiredRule',
  cites: 'DOMAIN restriction 6; 001 fn 21–22',
  summary: 'NATIONALITY_VERIFICATION (DVA) requests carry a written justification.',
  check({ purpose, justification }) {
    if (justification && justification.length > MAX_JUSTIFICATION_LENGTH) {
      return { reason: `The justification is longer than ${MAX_JUSTIFICATION_LENGTH} characters.`, remedy: 'Shorten x-justification.' };
    }
    if (!(PURPOSES_NEEDING_JUSTIFICATION as readonly string[]).includes(purpose ?? '')) return undefined;
    if (!justification || justification.length < MIN_JUSTIFICATION_LENGTH) {
      return {
        reason: `Purpose ${purpose} needs a justification: why is there reasonable doubt that the claim to be British is true?`,
        remedy: `Send header x-justification (at least ${MIN_JUSTIFICATION_LENGTH} characters).`,
      };
    }
    return undefined;
  },
});
