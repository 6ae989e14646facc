/**
 * Referral to Criminal Casework (004 §6.32–6.34). Refer all non-EEA nationals who have served or
 * are serving 12 months or more, in one sentence or as a combination of 2 or 3 sentences over a
 * 5-year period (§6.32); refer those convicted without a custodial sentence too (§6.33); below the
 * threshold, a case may still be referred when the offence involves violence, sex, children or
 * serious drugs (§6.34).
 */
import { addYears, compareDates } from '../dates.js';
import { assessment, describeConviction, describeNationality, isNonEeaForeign, offenceOf } from '../helpers.js';
import type { AssessmentRule, ConvictionFact } from '../types.js';

export const THRESHOLD_MONTHS = 12;
export const WINDOW_YEARS = 5;

/** 2 or 3 custodial sentences within any 5-year window that add up to 12 months or more. */
export function cumulativeSentences(convictions: readonly ConvictionFact[]): ConvictionFact[] | null {
  const custodial = convictions
    .filter((c) => c.sentenceMonths != null && c.sentenceMonths > 0 && c.convictedOn != null)
    .sort((a, b) => compareDates(a.convictedOn!, b.convictedOn!));
  for (let i = 0; i < custodial.length; i++) {
    const end = addYears(custodial[i]!.convictedOn!, WINDOW_YEARS);
    const window = custodial.slice(i).filter((c) => compareDates(c.convictedOn!, end) <= 0);
    for (const size of [2, 3]) {
      if (window.length < size) continue;
      // the largest `size` sentences in the window give the best chance of reaching the threshold
      const best = [...window].sort((a, b) => b.sentenceMonths! - a.sentenceMonths!).slice(0, size);
      if (best.reduce((s, c) => s + c.sentenceMonths!, 0) >= THRESHOLD_MONTHS) return best;
    }
  }
  return null;
}

export const CriminalCaseworkReferralRule: AssessmentRule = {
  kind: 'CRIMINAL_CASEWORK_REFERRAL',
  guidance: '004 §6.32–6.34',
  assess(facts) {
    if (!isNonEeaForeign(facts.nationality)) {
      return assessment(this.kind, this.guidance, {
        applies: false,
        value: 'NOT_APPLICABLE',
        reasons: [`The referral guidance covers non-EEA nationals; this person is ${describeNationality(facts.nationality)}.`],
      });
    }
    const uk = facts.convictions.filter((c) => c.country === 'GBR');
    const single = uk.filter((c) => (c.sentenceMonths ?? 0) >= THRESHOLD_MONTHS);
    if (single.length > 0) {
      return assessment(this.kind, this.guidance, {
        applies: true,
        value: 'REFER_SENTENCE_THRESHOLD',
        reasons: single.map((c) => `Sentenced to ${THRESHOLD_MONTHS} months or more in one sentence: ${describeConviction(c)}.`),
        evidence: single.map((c) => c.ref),
        actions: ['Refer to Criminal Casework through the CC referral form (004 §6.35).'],
      });
    }
    const combined = cumulativeSentences(uk);
    if (combined) {
      return assessment(this.kind, this.guidance, {
        applies: true,
        value: 'REFER_COMBINED_SENTENCES',
        reasons: [`${combined.length} sentences within ${WINDOW_YEARS} years add up to ${combined.reduce((s, c) => s + c.sentenceMonths!, 0)} months: ${combined.map(describeConviction).join('; ')}.`],
        evidence: combined.map((c) => c.ref),
        actions: ['Refer to Criminal Casework through the CC referral form (004 §6.35).'],
      });
    }
    const nonCustodial = uk.filter((c) => c.sentenceMonths == null);
    if (nonCustodial.length > 0) {
      return assessment(this.kind, this.guidance, {
        applies: true,
        value: 'REFER_NON_CUSTODIAL',
        reasons: nonCustodial.map((c) => `Convicted without a custodial sentence: ${describeConviction(c)} (004 §6.33).`),
        evidence: nonCustodial.map((c) => c.ref),
        actions: ['Refer to Criminal Casework through the CC referral form (004 §6.35).'],
      });
    }
    const byNature = uk.filter((c) => {
      const o = offenceOf(c);
      return o != null && (o.violent || o.sexual || o.involvesChildren || o.seriousDrugs);
    });
    if (byNature.length > 0) {
      return assessment(this.kind, this.guidance, {
        applies: true,
        value: 'CONSIDER_BY_NATURE',
        reasons: byNature.map((c) => `Below the threshold, but the offence involves violence, sex, children or serious drugs: ${describeConviction(c)} (004 §6.34).`),
        evidence: byNature.map((c) => c.ref),
        actions: ['Consider referral to Criminal Casework: the offence may make continued stay not conducive to the public good.'],
      });
    }
    return assessment(this.kind, this.guidance, {
      applies: false,
      value: 'NOT_MET',
      reasons: [uk.length === 0 ? 'No UK conviction is visible to you.' : 'UK convictions visible to you do not meet the referral criteria.'],
      evidence: uk.map((c) => c.ref),
    });
  },
};
