/**
 * Day arithmetic for the estate generator. Lives are planned in whole days (days since
 * 1970-01-01, UTC) and minutes, which is fast and exact; they are written out as ISO dates
 * (`YYYY-MM-DD`) and ISO 8601 UTC instants (`...Z`, second precision).
 *
 * The estate's clock: "now" is 08:00 UTC on `EstateOptions.today` (`estateNowMs`), so that the
 * day's reporting events and custody still lie ahead or are in progress.
 */

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date; throws on anything that is not a real calendar date. */
export function dayOf(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`"${isoDate}" is not a date in YYYY-MM-DD form`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / MS_PER_DAY;
  if (isoDateOf(day) !== isoDate) throw new Error(`"${isoDate}" is not a real calendar date`);
  return day;
}

// Formatting dates is the generator's hottest path (every reporting event, note and arrest), so
// day strings are cached and instants are assembled by hand.
// Cached for days 1900-01-01 .. 2099-12-31 (day numbers -25567 .. 47481); others are computed.
const DAY_CACHE_FROM = -25_567;
const dayStrings: (string | undefined)[] = new Array(73_049);
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export function isoDateOf(day: number): string {
  const i = day - DAY_CACHE_FROM;
  let s = dayStrings[i];
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (i >= 0 && i < dayStrings.length) dayStrings[i] = s;
  }
  return s;
}

/** ISO 8601 UTC instant with second precision, e.g. `2017-03-01T08:00:00Z`. */
export function isoInstantOf(ms: number): string {
  const day = Math.floor(ms / MS_PER_DAY);
  let secs = Math.floor((ms - day * MS_PER_DAY) / 1000);
  const h = Math.floor(secs / 3600);
  secs -= h * 3600;
  const m = Math.floor(secs / 60);
  return `${isoDateOf(day)}T${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[secs - m * 60]}Z`;
}

/** The estate's "now": 08:00 UTC on its today. */
export function estateNowMs(today: string): number {
  return dayOf(today) * MS_PER_DAY + 8 * 60 * MS_PER_MINUTE;
}

/** Add whole calendar months to a day (clamping the day of month), for sentences and visas. */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const targetY = y + Math.floor(m / 12);
  const targetM = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetY, targetM + 1, 0)).getUTCDate();
  return Date.UTC(targetY, targetM, Math.min(d.getUTCDate(), lastDay)) / MS_PER_DAY;
}

export function addYears(day: number, years: number): number {
  return addMonths(day, years * 12);
}

/** Day number of the last Sunday of a month (month 0-based). */
function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0) / MS_PER_DAY;
  const weekday = new Date(last * MS_PER_DAY).getUTCDay();
  return last - weekday;
}

/**
 * Minutes London is ahead of UTC on a day: 60 during British Summer Time (last Sunday of March to
 * last Sunday of October), else 0. Reporting windows are local; the estate stores UTC.
 */
/** [start, end) day numbers of British Summer Time per year, 1900–2099. */
const BST: readonly (readonly [number, number])[] = Array.from({ length: 200 }, (_, i) => [lastSunday(1900 + i, 2), lastSunday(1900 + i, 9)] as const);

export function londonOffsetMinutes(day: number): number {
  // Summer time never spans New Year, so an approximate year is exact wherever it matters.
  const range = BST[Math.floor((day + 0.5) / 365.2425) + 70];
  if (!range) {
    const year = new Date(day * MS_PER_DAY).getUTCFullYear();
    return day >= lastSunday(year, 2) && day < lastSunday(year, 9) ? 60 : 0;
  }
  return day >= range[0] && day < range[1] ? 60 : 0;
}

/** Minutes after midnight of a `HH:MM` time. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** UTC instant (ms) of a London local time on a day (`HH:MM` or minutes after midnight). */
export function londonLocalMs(day: number, local: string | number): number {
  const minutes = typeof local === 'number' ? local : minutesOf(local);
  return day * MS_PER_DAY + (minutes - londonOffsetMinutes(day)) * MS_PER_MINUTE;
}
