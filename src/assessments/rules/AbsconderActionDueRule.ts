/**
 * Absconder action (004 §7.22–7.30, 002 §4.49–4.50). A no-show is not yet an absconder (§7.22), but
 * the guidance says to act on the FIRST failure to report: telephone contact and a verbal warning,
 * then referral to an arrest team (§7.29); a failure-to-report warning letter after the first missed
 * event and compliance visits, then circulation on PNC through the Home Office PNC team (002
 * §4.49–4.50). Staff waited for 3 consecutive breaches, in extreme cases 13 and 19 (§7.30): this
 * rule raises action on the first and escalates with each further consecutive breach.
 */
import { assessment } from '../helpers.js';
import { openRestrictions, reportingHistory } from '../reporting.js';
import type { AssessmentRule } from '../types.js';

export const FIRST_STEPS = [
  'Telephone the person for an explanation and give a verbal warning (004 §7.29).',
  'Send a failure-to-report warning letter (002 §4.49).',
];
export const SECOND_STEPS = ['Make a compliance visit to the last known address (002 §4.49).', 'If there is still no contact, refer to an arrest team (004 §7.29).'];
export const THIRD_STEPS = [
  'Consider recording the person as an absconder once all mandatory contact procedures have failed (004 §7.23).',
  'Circulate the person on PNC through the Home Office PNC team (002 §4.50).',
  'Refer to the Trace and Locate Team, with the risk and removability rating (004 §7.27–7.28).',
];

export function stepsFor(consecutive: number): string[] {
  if (consecutive <= 0) return [];
  if (consecutive === 1) return [...FIRST_STEPS];
  if (consecutive === 2) return [...FIRST_STEPS, ...SECOND_STEPS];
  return [...FIRST_STEPS, ...SECOND_STEPS, ...THIRD_STEPS];
}

export function escalationLevel(consecutive: number): 'NONE' | 'FIRST_FAILURE' | 'REPEATED_FAILURE' | 'ABSCONDER_PROCEDURES' {
  if (consecutive <= 0) return 'NONE';
  if (consecutive === 1) return 'FIRST_FAILURE';
  if (consecutive === 2) return 'REPEATED_FAILURE';
  return 'ABSCONDER_PROCEDURES';
}

export const AbsconderActionDueRule: AssessmentRule = {
  kind: 'ABSCONDER_ACTION_DUE',
  guidance: '004 §7.22–7.30; 002 §4.49–4.50',
  assess(facts) {
    const h = reportingHistory(openRestrictions(facts.restrictions), facts.today);
    const n = h.trailingBreaches.length;
    if (n === 0) {
      return assessment(this.kind, this.guidance, { applies: false, value: 'NONE', reasons: ['No failure to report since the last completed reporting event.'] });
    }
    const first = h.trailingBreaches[0]!;
    return assessment(this.kind, this.guidance, {
      applies: true,
      value: escalationLevel(n),
      reasons: [
        `${n} consecutive failure(s) to report, the first due ${first.dueAt.slice(0, 10)}.`,
        'Guidance says act on the first failure to report; a no-show is not yet an absconder (004 §7.22, §7.29).',
      ],
      evidence: h.trailingBreaches.map((e) => e.ref),
      actions: stepsFor(n),
    });
  },
};
