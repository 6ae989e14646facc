/**
 * Reading dates people typed into Pathfinder and the hubs' master spreadsheets (004 §6.40–6.44):
 * '3/4/85', '03.04.1985', '03/04/1985', '3rd April 2016', '3 Apr 16', 'Apr-16', '2016-04-03', or
 * 'TBC'. Day-first (UK) order throughout. A two-digit year is placed in the century that makes
 * sense for what the date is: a date of birth lies in the past of the reference year; any other
 * date (a diary event) is put in the century nearest the reference year.
 *
 * The result always keeps the raw text; `problem` says in plain words why no whole day could be
 * read (the caller turns it into a DataQualityIssue naming workbook, sheet, row and column).
 */
import type { HandTypedDate } from '../../src/domain/pathfinder.js';

export type DateKind = 'birth' | 'event';

export interface ParsedHandDate {
  readonly value: HandTypedDate;
  /** Why the cell gives no whole day; null when it does. */
  readonly problem: string | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const two = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Expand a two-digit year against the reference year. */
export function expandYear(text: string, kind: DateKind, referenceYear: number): number {
  const n = Number(text);
  if (text.length === 4) return n;
  const refCentury = Math.floor(referenceYear / 100) * 100;
  if (kind === 'birth') {
    const candidate = refCentury + n;
    return candidate <= referenceYear ? candidate : candidate - 100;
  }
  const candidates = [refCentury - 100 + n, refCentury + n, refCentury + 100 + n];
  return candidates.reduce((best, y) => (Math.abs(y - referenceYear) < Math.abs(best - referenceYear) ? y : best));
}

function whole(raw: string, year: number, month: number, day: number): ParsedHandDate {
  if (month < 1 || month > 12) return unreadable(raw, `"${raw}" has no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { value: { date: null, month: `${year}-${two(month)}`, raw }, problem: `"${raw}" is not a real day (${two(month)}/${year} has no day ${day})` };
  }
  return { value: { date: `${year}-${two(month)}-${two(day)}`, month: `${year}-${two(month)}`, raw }, problem: null };
}

function monthOnly(raw: string, year: number, month: number): ParsedHandDate {
  if (month < 1 || month > 12) return unreadable(raw, `"${raw}" has no month ${month}`);
  return { value: { date: null, month: `${year}-${two(month)}`, raw }, problem: `"${raw}" gives only a month and year, not a day` };
}

function unreadable(raw: string, problem: string): ParsedHandDate {
  return { value: { date: null, month: null, raw }, problem };
}

/** Parse a hand-typed date. Never throws. */
export function parseHandTypedDate(input: string, kind: DateKind, referenceYear: number): ParsedHandDate {
  const raw = input;
  const s = input.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return whole(raw, Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{2}|\d{4})$/.exec(s);
  if (m) return whole(raw, expandYear(m[3]!, kind, referenceYear), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([A-Za-z]{3,9})\.?,? (\d{2}|\d{4})$/i.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month) return whole(raw, expandYear(m[3]!, kind, referenceYear), month, Number(m[1]));
  }
  m = /^([A-Za-z]{3,9})\.? ?[\-/ ] ?(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month) return monthOnly(raw, expandYear(m[2]!, kind, referenceYear), month);
  }
  m = /^(\d{1,2})[/.\-](\d{4})$/.exec(s);
  if (m) return monthOnly(raw, Number(m[2]), Number(m[1]));
  if (/^(tbc|tba|n\/?k|unknown|\?+|not known)$/i.test(s)) return unreadable(raw, `"${raw}" is a placeholder, not a date`);
  return unreadable(raw, `"${raw}" is not a date`);
}
