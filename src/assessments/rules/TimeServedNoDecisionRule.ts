/**
 * "Time served" with no deportation decision (004 §6.24): foreign national offenders who finished
 * the custodial part of their sentence more than 12 months ago and still have no deportation
 * decision (the inspection found 116 such cases) — a case that has stalled.
 */
import { addMonths, compareDates } from '../dates.js';
import { assessment } from '../helpers.js';
import type { AssessmentRule } from '../types.js';
import { qualifyingConvictions } from './AutomaticDeportationRule.js';

export const STALL_MONTHS = 12;

export const TimeServedNoDecisionRule: AssessmentRule = {
  kind: 'TIME_SERVED_NO_DECISION',
  guidance: '004 §6.24',
  assess(facts) {
    if (facts.nationality === 'GBR' || qualifyingConvictions(facts.convictions).length === 0) {
      return assessment(this.kind, this.guidance, { applies: false, value: 'NOT_APPLICABLE', reasons: ['No sentence that makes the person liable to deportation is visible to you.'] });
    }
    const cutoff = addMonths(facts.today, -STALL_MONTHS);
    const stalled = facts.criminalCases.filter((k) => k.releasedOn != null && k.deportationDecisionOn == null && compareDates(k.releasedOn, cutoff) < 0);
    if (stalled.length === 0) {
      const decided = facts.criminalCases.filter((k) => k.deportationDecisionOn != null);
      return assessment(this.kind, this.guidance, {
        applies: false,
        value: decided.length > 0 ? 'DECISION_MADE' : 'WITHIN_TIME',
        reasons: [decided.length > 0 ? `A deportation decision was made on ${decided[0]!.deportationDecisionOn}.` : `Not released more than ${STALL_MONTHS} months ago without a decision.`],
        evidence: decided.map((k) => k.ref),
      });
    }
    return assessment(this.kind, this.guidance, {
      applies: true,
      value: 'STALLED',
      reasons: stalled.map((k) => `Released on ${k.releasedOn}, more than ${STALL_MONTHS} months before ${facts.today}, and no deportation decision is recorded.`),
      evidence: stalled.map((k) => k.ref),
      actions: ['Make a deportation decision or record why none can be made.'],
    });
  },
};
