/**
 * Bournemouth Commitment (004 §5.11–5.12): non-EEA foreign nationals involved in gun crime or a
 * serious drug offence are considered for removal whatever the length of sentence.
 */
import { assessment, describeConviction, describeNationality, isNonEeaForeign, offenceOf } from '../helpers.js';
import type { AssessmentRule } from '../types.js';

export const BournemouthCommitmentRule: AssessmentRule = {
  kind: 'BOURNEMOUTH_COMMITMENT',
  guidance: '004 §5.11',
  assess(facts) {
    if (!isNonEeaForeign(facts.nationality)) {
      return assessment(this.kind, this.guidance, {
        applies: false,
        value: 'NOT_APPLICABLE',
        reasons: [`The commitment covers non-EEA nationals; this person is ${describeNationality(facts.nationality)}.`],
      });
    }
    const hits = facts.convictions.filter((c) => {
      const o = offenceOf(c);
      return o != null && (o.gunCrime || o.seriousDrugs);
    });
    if (hits.length === 0) {
      return assessment(this.kind, this.guidance, { applies: false, value: 'NOT_MET', reasons: ['No gun crime or serious drug conviction is visible to you.'] });
    }
    return assessment(this.kind, this.guidance, {
      applies: true,
      value: 'CONSIDER_REMOVAL',
      reasons: hits.map((c) => `${describeConviction(c)}: gun crime or a serious drug offence, so consider removal whatever the sentence.`),
      evidence: hits.map((c) => c.ref),
    });
  },
};
