/**
 * CID writes times as UK local wall-clock time with no zone (GMT in winter, BST in summer). The
 * gateway speaks UTC. Since 1996 (EU Summer Time directive, kept after 2020) BST runs from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October; this module applies that
 * rule without the process clock or time-zone data, so it gives the same answer on every machine.
 * Earlier years used other change-over days: times from before 1996 may be an hour out.
 *
 * The hour repeated in October (01:00–02:00 local) is read as BST, its first occurrence.
 */

/** Day of month of the last Sunday of a month (month 1–12). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0)); // day 0 of next month = last day of this month
  return last.getUTCDate() - last.getUTCDay();
}

/** The BST period of a year as UTC milliseconds [start, end). */
export function bstPeriodUtc(year: number): { readonly start: number; readonly end: number } {
  return {
    start: Date.UTC(year, 2, lastSunday(year, 3), 1),
    end: Date.UTC(year, 9, lastSunday(year, 10), 1),
  };
}

/**
 * UTC instant of a UK local wall-clock time given as parts. Returns null for impossible parts.
 */
export function ukLocalToUtc(year: number, month: number, day: number, hour: number, minute: number, second: number): string | null {
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asIfUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return null;
  }
  const { start, end } = bstPeriodUtc(year);
  // Local BST wall time t corresponds to UTC t - 1h; it is BST when that instant is in the period.
  const bstCandidate = asIfUtc - 3_600_000;
  const utc = bstCandidate >= start && bstCandidate < end ? bstCandidate : asIfUtc;
  return new Date(utc).toISOString().replace('.000Z', 'Z');
}
