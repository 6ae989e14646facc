/**
 * Reporting compliance (004 §7.21–7.26): results are "completed", "no show" or left blank; CID's
 * daily breach report treats no-shows and blanks as breaches. Only open restrictions count (an open
 * restriction: still required to report, 004 fn 3).
 */
import { assessment } from '../helpers.js';
import { openRestrictions, reportingHistory } from '../reporting.js';
import type { AssessmentRule } from '../types.js';

export const ReportingComplianceRule: AssessmentRule = {
  kind: 'REPORTING_COMPLIANCE',
  guidance: '004 §7.21–7.26',
  assess(facts) {
    const open = openRestrictions(facts.restrictions);
    if (open.length === 0) {
      return assessment(this.kind, this.guidance, { applies: false, value: 'NO_OPEN_RESTRICTION', reasons: ['No open reporting restriction is visible to you.'] });
    }
    const h = reportingHistory(open, facts.today);
    const reasons = [
      `${h.past.length} past reporting event(s): ${h.completed} completed, ${h.noShows} no-show(s), ${h.blanks} left blank (blanks count as breaches, 004 §7.25).`,
    ];
    if (h.trailingBreaches.length > 0) reasons.push(`${h.trailingBreaches.length} consecutive breach(es) since the last completed event, the latest due ${h.trailingBreaches.at(-1)!.dueAt.slice(0, 10)}.`);
    const value = h.trailingBreaches.length > 0 ? 'IN_BREACH' : h.past.length === 0 ? 'NO_EVENTS_YET' : 'COMPLIANT';
    return assessment(this.kind, this.guidance, {
      applies: value === 'IN_BREACH',
      value,
      reasons,
      evidence: [...open.map((r) => r.ref), ...h.trailingBreaches.map((e) => e.ref)],
    });
  },
};
