/**
 * Recommended reporting frequency (004 §6.63–6.66). FNOs owned by Criminal Casework report weekly,
 * unless they have a history of compliance, are low harm (harm matrix "D") or have a low likelihood
 * of removal in the near future; bail cases always weekly (§6.64). Other reporters' frequency is set
 * by the reporting centre (§6.63). Reporting centres use one-hour windows; longer windows waste arrest
 * teams (§6.66).
 */
import { assessment } from '../helpers.js';
import { openRestrictions, reportingHistory } from '../reporting.js';
import type { AssessmentRule } from '../types.js';
import { findBarriers } from './BarriersToRemovalRule.js';

/** Consecutive completed events that make "a history of compliance". */
export const COMPLIANCE_HISTORY_EVENTS = 8;
export const STANDARD_WINDOW_MINUTES = 60;

export const RecommendedReportingFrequencyRule: AssessmentRule = {
  kind: 'RECOMMENDED_REPORTING_FREQUENCY',
  guidance: '004 §6.63–6.66',
  assess(facts) {
    const open = openRestrictions(facts.restrictions);
    const windowNotes = open
      .filter((r) => r.windowMinutes != null && r.windowMinutes > STANDARD_WINDOW_MINUTES)
      .map((r) => `The reporting window is ${r.windowMinutes} minutes; reporting centres use one-hour windows, and long windows waste arrest teams (004 §6.66).`);
    if (!facts.ownedByCriminalCasework) {
      return assessment(this.kind, this.guidance, {
        applies: open.length > 0,
        value: 'SET_BY_REPORTING_CENTRE',
        reasons: ['Not a Criminal Casework case: the reporting centre sets the frequency (004 §6.63).', ...windowNotes],
        evidence: open.map((r) => r.ref),
      });
    }
    const bail = open.filter((r) => r.bail);
    if (bail.length > 0) {
      return assessment(this.kind, this.guidance, {
        applies: true,
        value: 'WEEKLY',
        reasons: ['A bail case: weekly reporting in all cases (004 §6.64).', ...windowNotes],
        evidence: bail.map((r) => r.ref),
      });
    }
    const exceptions: string[] = [];
    const h = reportingHistory(open, facts.today);
    const recent = h.past.slice(-COMPLIANCE_HISTORY_EVENTS);
    if (recent.length >= COMPLIANCE_HISTORY_EVENTS && recent.every((e) => e.result === 'COMPLETED')) {
      exceptions.push(`a history of compliance (the last ${COMPLIANCE_HISTORY_EVENTS} events completed)`);
    }
    if (facts.harmCategory === 'D') exceptions.push('low harm (harm matrix category D)');
    const barriers = findBarriers(facts);
    if (barriers.length > 0) exceptions.push(`low likelihood of removal in the near future (${barriers.map((b) => b.reason).join('; ')})`);
    if (exceptions.length === 0) {
      return assessment(this.kind, this.guidance, {
        applies: true,
        value: 'WEEKLY',
        reasons: ['A Criminal Casework FNO with none of the stated exceptions: report weekly (004 §6.65).', ...windowNotes],
        evidence: open.map((r) => r.ref),
      });
    }
    return assessment(this.kind, this.guidance, {
      applies: true,
      value: 'LESS_THAN_WEEKLY_PERMITTED',
      reasons: [`Weekly is the norm, but an exception applies: ${exceptions.join('; ')} (004 §6.65).`, ...windowNotes],
      evidence: open.map((r) => r.ref),
    });
  },
};
