/**
 * UK wall-clock time to UTC. Custody officers record local time (GMT in winter, BST in summer) with
 * no zone; the gateway works in UTC. British Summer Time runs from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October (the EU rule the UK has followed since 1996;
 * earlier years are read with the same rule and may be an hour out near the October change).
 *
 * Two local hours are awkward: 01:00–01:59 on the March change day never happened (read as GMT, i.e.
 * as if the clocks had not yet gone forward), and 01:00–01:59 on the October change day happened
 * twice (read as the first, BST, occurrence). The source cannot tell us which was meant.
 */

const HOUR = 3_600_000;

function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay());
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the calendar fields name a real date (and time, when given). */
export function isValidDateTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return (
    Number.isInteger(y) && y >= 1800 && y <= 2200 &&
    mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) &&
    h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59
  );
}

/** ISO 8601 UTC with no milliseconds, e.g. `2016-04-01T08:30:00Z`. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The UTC instant of a UK local wall-clock time, or null when the fields are not a real time. */
export function ukLocalToUtc(y: number, mo: number, d: number, h: number, mi: number, s = 0): string | null {
  if (!isValidDateTime(y, mo, d, h, mi, s)) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  // Local-time bounds of BST: from 02:00 local (after the jump) in March to 02:00 local (BST) in October.
  const bstStart = lastSundayUtc(y, 2) + 2 * HOUR;
  const bstEnd = lastSundayUtc(y, 9) + 2 * HOUR;
  const offset = local >= bstStart && local < bstEnd ? HOUR : 0;
  return isoUtc(local - offset);
}

/** `YYYY-MM-DD` when the fields name a real date, else null. */
export function isoDate(y: number, mo: number, d: number): string | null {
  if (!isValidDateTime(y, mo, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
