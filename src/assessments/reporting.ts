/**
 * Reporting history arithmetic shared by the reporting rules: which events are past, which count as
 * breaches (a "no show" or a result left blank — CID's daily breach report lists both, 004 §7.25),
 * and the run of consecutive breaches at the end.
 */
import { compareDates } from './dates.js';
import type { ReportingEventFact, RestrictionFact } from './types.js';

export interface ReportingHistory {
  readonly past: readonly ReportingEventFact[];
  readonly completed: number;
  readonly noShows: number;
  readonly blanks: number;
  /** The breaches (no show or blank) since the last completed event, oldest first. */
  readonly trailingBreaches: readonly ReportingEventFact[];
}

export function openRestrictions(restrictions: readonly RestrictionFact[]): RestrictionFact[] {
  return restrictions.filter((r) => r.status === 'OPEN');
}

export function reportingHistory(restrictions: readonly RestrictionFact[], today: string): ReportingHistory {
  const past = restrictions
    .flatMap((r) => r.events)
    .filter((e) => compareDates(e.dueAt, today) < 0)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const trailing: ReportingEventFact[] = [];
  for (let i = past.length - 1; i >= 0 && past[i]!.result !== 'COMPLETED'; i--) trailing.unshift(past[i]!);
  return {
    past,
    completed: past.filter((e) => e.result === 'COMPLETED').length,
    noShows: past.filter((e) => e.result === 'NO_SHOW').length,
    blanks: past.filter((e) => e.result === null).length,
    trailingBreaches: trailing,
  };
}
