/**
 * CID's date and time formats. CID holds dates as text `DD-MON-YYYY` (e.g. `01-APR-2013`) and times
 * as `DD-MON-YYYY HH24:MI:SS` in UK local time, the way its Oracle-era screens show them. Parsers
 * here return ISO values, or null when the text is not a real date (then the caller records a
 * data-quality issue with the raw text); they never throw.
 */
import { ukLocalToUtc } from './ukTime.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DATE = /^(\d{2})-([A-Z]{3})-(\d{4})$/;
const DATE_TIME = /^(\d{2})-([A-Z]{3})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `31-JAN-1985` → `1985-01-31`; null for anything else, including `31-FEB-1985`. */
export function parseCidDate(raw: string): string | null {
  const m = DATE.exec(raw.trim().toUpperCase());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1;
  const day = Number(m[1]);
  const year = Number(m[3]);
  if (month === 0 || !realDate(year, month, day)) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]}`;
}

/** `14-JUL-2016 09:30:00` (UK local) → `2016-07-14T08:30:00Z`; null when unreadable. */
export function parseCidDateTime(raw: string): string | null {
  const m = DATE_TIME.exec(raw.trim().toUpperCase());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1;
  if (month === 0) return null;
  return ukLocalToUtc(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** ISO `1985-01-31` → CID's `31-JAN-1985` (used to search CID by date). Null when not ISO. */
export function toCidDate(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return null;
  return `${m[3]}-${month}-${m[1]}`;
}
