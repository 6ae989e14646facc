/**
 * Automatic deportation, UK Borders Act 2007 s32(5) (004 §5.10): the Secretary of State must make a
 * deportation order where a foreign criminal was convicted in the UK and sentenced to 12 months or
 * more in a single sentence for a single conviction, was serving it on or after 1 August 2008, had
 * not been served a notice of decision to deport before 1 August 2008, and no s33 exception applies.
 */
import { addMonths, compareDates } from '../dates.js';
import { assessment, describeConviction, describeNationality } from '../helpers.js';
import type { AssessmentRule, ConvictionFact } from '../types.js';

export const COMMENCEMENT = '2008-08-01';
export const THRESHOLD_MONTHS = 12;

/** UK convictions that meet the sentence limbs of s32(5). */
export function qualifyingConvictions(convictions: readonly ConvictionFact[]): ConvictionFact[] {
  return convictions.filter(
    (c) =>
      c.country === 'GBR' &&
      c.sentenceMonths != null &&
      c.sentenceMonths >= THRESHOLD_MONTHS &&
      c.convictedOn != null &&
      compareDates(addMonths(c.convictedOn, c.sentenceMonths), COMMENCEMENT) >= 0,
  );
}

export const AutomaticDeportationRule: AssessmentRule = {
  kind: 'AUTOMATIC_DEPORTATION',
  guidance: '004 §5.10 (UK Borders Act 2007 s32(5))',
  assess(facts) {
    const nat = describeNationality(facts.nationality);
    if (facts.nationality === 'GBR') {
      return assessment(this.kind, this.guidance, { applies: false, value: 'NOT_APPLICABLE', reasons: ['British citizens are not foreign criminals under s32.'] });
    }
    const qualifying = qualifyingConvictions(facts.convictions);
    if (qualifying.length === 0) {
      return assessment(this.kind, this.guidance, {
        applies: false,
        value: 'NOT_LIABLE',
        reasons: [`No UK conviction with a single sentence of ${THRESHOLD_MONTHS} months or more served on or after ${COMMENCEMENT} is visible to you.`],
      });
    }
    const reasons = qualifying.map((c) => `Convicted in the UK: ${describeConviction(c)} — a single sentence of ${THRESHOLD_MONTHS} months or more, served on or after ${COMMENCEMENT}.`);
    reasons.unshift(`The person is a ${nat}.`);
    const evidence = qualifying.map((c) => c.ref);
    const notice = facts.criminalCases.filter((k) => k.noticeServedBefore2008);
    const exception = facts.criminalCases.filter((k) => k.s33Exception);
    if (notice.length > 0) {
      return assessment(this.kind, this.guidance, {
        applies: false,
        value: 'NOTICE_SERVED_BEFORE_2008',
        reasons: [...reasons, `A notice of decision to deport was served before ${COMMENCEMENT}, so s32 does not apply; consider deportation under the 1971 Act.`],
        evidence: [...evidence, ...notice.map((k) => k.ref)],
      });
    }
    if (exception.length > 0) {
      return assessment(this.kind, this.guidance, {
        applies: false,
        value: 'S33_EXCEPTION',
        reasons: [...reasons, 'A section 33 exception is recorded on the criminal case.'],
        evidence: [...evidence, ...exception.map((k) => k.ref)],
      });
    }
    if (facts.nationality == null) reasons.push('Nationality is not known: confirm the person is a foreign national.');
    reasons.push('A deportation order must be made.');
    return assessment(this.kind, this.guidance, { applies: true, value: 'LIABLE', reasons, evidence: [...evidence, ...facts.criminalCases.map((k) => k.ref)] });
  },
};
