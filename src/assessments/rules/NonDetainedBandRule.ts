/**
 * Non-detained FNO bands (004 §6.3–6.4, Figure 2): 1 = MAPPA level 2 or 3, the most harmful MAPPA
 * level 1 cases, or a sentence over 5 years; 2 = MAPPA level 1 or ex-MAPPA; 3 = non-MAPPA, possibly
 * removable; 4 = non-MAPPA, not removable. CC Liverpool owns bands 1–2, CC Leeds bands 3–4; Croydon
 * owns detained cases (004 §6.1). "Most harmful MAPPA level 1" is read as harm category A.
 */
import { assessment, describeConviction } from '../helpers.js';
import type { AssessmentRule } from '../types.js';
import { findBarriers } from './BarriersToRemovalRule.js';

export const LONG_SENTENCE_MONTHS = 60;

export function hubForBand(band: 1 | 2 | 3 | 4): 'CC_LIVERPOOL' | 'CC_LEEDS' {
  return band <= 2 ? 'CC_LIVERPOOL' : 'CC_LEEDS';
}

export const NonDetainedBandRule: AssessmentRule = {
  kind: 'NON_DETAINED_BAND',
  guidance: '004 §6.3–6.4',
  assess(facts) {
    if (facts.detained) {
      return assessment(this.kind, this.guidance, {
        applies: false,
        value: 'DETAINED',
        reasons: ['The person is detained: detained cases are owned by Criminal Casework in Croydon and are not banded (004 §6.1).'],
      });
    }
    if (facts.criminalCases.length === 0 && facts.convictions.length === 0) {
      return assessment(this.kind, this.guidance, { applies: false, value: 'NOT_APPLICABLE', reasons: ['No criminal case or conviction visible to you: not a foreign national offender case.'] });
    }
    const long = facts.convictions.filter((c) => (c.sentenceMonths ?? 0) > LONG_SENTENCE_MONTHS);
    const m = facts.mappaLevel;
    const result = (band: 1 | 2 | 3 | 4, reasons: string[], evidence = long.map((c) => c.ref)) =>
      assessment(this.kind, this.guidance, {
        applies: true,
        value: `BAND_${band}`,
        reasons: [...reasons, `Band ${band} cases are owned by ${hubForBand(band) === 'CC_LIVERPOOL' ? 'Criminal Casework Liverpool' : 'Criminal Casework Leeds'} (004 §6.4).`],
        evidence: [...evidence, ...facts.criminalCases.map((k) => k.ref)],
      });
    if (m === 2 || m === 3) return result(1, [`MAPPA level ${m}.`]);
    if (m === 1 && facts.harmCategory === 'A') return result(1, ['MAPPA level 1 and in the most harmful category (A).']);
    if (long.length > 0) return result(1, long.map((c) => `Sentence over 5 years: ${describeConviction(c)}.`));
    if (m === 1) return result(2, ['MAPPA level 1.']);
    if (m === 'EX') return result(2, ['Ex-MAPPA case.']);
    const barriers = findBarriers(facts);
    const mappaWords = m === null ? 'MAPPA level not recorded; treated as non-MAPPA.' : 'Non-MAPPA case.';
    if (barriers.length === 0) return result(3, [mappaWords, 'Possibly removable: no barrier to removal is visible.']);
    return result(4, [mappaWords, `Not removable at present: ${barriers.map((b) => b.reason).join('; ')}.`], barriers.flatMap((b) => [...b.evidence]));
  },
};
