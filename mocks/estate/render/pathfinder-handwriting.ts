/**
 * How Criminal Casework staff type things into Pathfinder and their master spreadsheets
 * (004 §6.40–6.44): dates in whatever format came to hand, barriers in their own shorthand, names
 * in mixed case, case ids with stray spaces. Every function takes the renderer's Rng, so the mess
 * is deterministic. The adapter (adapters/pathfinder/) must read all of it back, or report it.
 */
import type { Rng } from '../rng.js';
import type { Barrier } from '../model.js';
import { countryByAlpha3 } from '../../../src/domain/nationality.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A spreadsheet cell value the renderer writes: text, a number, a real Excel date, or empty. */
export type SheetValue = string | number | Date | null;

export function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** True when `iso` is a real calendar day (copyDate noise can produce e.g. 2001-02-31). */
export function isValidIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = isoToDate(iso);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export function addDays(iso: string, days: number): string {
  const d = isoToDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return `${day}th`;
  const suffix = day % 10 === 1 ? 'st' : day % 10 === 2 ? 'nd' : day % 10 === 3 ? 'rd' : 'th';
  return `${day}${suffix}`;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The ways a date gets typed; `MON_YY` keeps only the month. */
export const HAND_DATE_STYLES = ['EXCEL_DATE', 'D_M_YY', 'DD_MM_YYYY', 'DD_DOT_MM_DOT_YYYY', 'ORDINAL_MONTH_YYYY', 'D_MON_YY', 'MON_YY'] as const;
export type HandDateStyle = (typeof HAND_DATE_STYLES)[number];

/** Write `iso` in one hand-typed style. An invalid ISO date (copy noise) is always written as text. */
export function formatHandDate(iso: string, style: HandDateStyle): SheetValue {
  const [ys, ms, ds] = iso.split('-') as [string, string, string];
  const y = Number(ys);
  const m = Number(ms);
  const d = Number(ds);
  const yy = two(y % 100);
  const mon = (MONTHS[m - 1] ?? 'Jan').slice(0, 3);
  switch (style) {
    case 'EXCEL_DATE':
      return isValidIsoDate(iso) ? isoToDate(iso) : `${two(d)}/${two(m)}/${ys}`;
    case 'D_M_YY':
      return `${d}/${m}/${yy}`;
    case 'DD_MM_YYYY':
      return `${two(d)}/${two(m)}/${ys}`;
    case 'DD_DOT_MM_DOT_YYYY':
      return `${two(d)}.${two(m)}.${ys}`;
    case 'ORDINAL_MONTH_YYYY':
      return `${ordinal(d)} ${MONTHS[m - 1] ?? 'January'} ${ys}`;
    case 'D_MON_YY':
      return `${d} ${mon} ${yy}`;
    case 'MON_YY':
      return `${mon}-${yy}`;
  }
}

/** What people type when they do not know the date, or mistype it beyond reading. */
export function garbageDate(rng: Rng, iso: string): string {
  const year = iso.slice(0, 4);
  return rng.pick(['TBC', 'tbc', 'N/K', 'unknown', '??/??/????', `31/${rng.pick(['02', '04', '06', '09', '11'])}/${year}`, `${iso.slice(8, 10)}/${year}`]);
}

/**
 * A hand-typed date: usually one of the styles (weighted towards the common ones), and with
 * probability `errorRate` something unreadable.
 */
export function handDate(rng: Rng, iso: string, errorRate: number, excelShare = 0.2): SheetValue {
  if (rng.chance(errorRate)) return garbageDate(rng, iso);
  const weights: Record<HandDateStyle, number> = {
    EXCEL_DATE: excelShare,
    D_M_YY: 0.2,
    DD_MM_YYYY: 0.2,
    DD_DOT_MM_DOT_YYYY: 0.15,
    ORDINAL_MONTH_YYYY: 0.12,
    D_MON_YY: 0.08,
    MON_YY: 0.05,
  };
  return formatHandDate(iso, rng.weighted(HAND_DATE_STYLES, (s) => weights[s]));
}

/** Shorthand for each barrier, as caseworkers write it (004 fn 5, §7.19). */
export const BARRIER_PHRASES: Readonly<Record<Barrier, readonly string[]>> = Object.freeze({
  OUTSTANDING_ASYLUM_CLAIM: ['Asylum claim outstanding', 'AS claim o/s', 'Fresh asylum claim', 'asylum o/s'],
  OUTSTANDING_APPLICATION: ['Outstanding application', 'FLR app o/s', 'LTR application pending', 'outstanding app'],
  FURTHER_REPRESENTATIONS: ['Further reps', 'FRs lodged', "further submissions rec'd", 'FR o/s'],
  JUDICIAL_REVIEW: ['JR', 'Judicial review lodged', 'JR pending', 'PAP letter / JR'],
  NO_TRAVEL_DOCUMENT: ['No TD', 'No ETD', 'ETD outstanding', 'no passport/ETD'],
});

/** Text meaning "no barriers". */
export const NO_BARRIER_PHRASES = ['None', 'none', 'Nil', 'n/a', '-', 'None known'];

/** Annotations that name no barrier anyone can recognise. */
export const UNREADABLE_BARRIER_PHRASES = ['see notes', 'awaiting HMPPS', '???', 'check w/ Croydon', 'pending'];

export function barrierPhrase(rng: Rng, barrier: Barrier): string {
  return rng.pick(BARRIER_PHRASES[barrier]);
}

/** Several barriers in one cell, joined as people join them. */
export function barrierText(rng: Rng, barriers: readonly Barrier[]): string {
  const sep = rng.pick(['; ', ', ', ' + ', ' & ', '\n']);
  return barriers.map((b) => barrierPhrase(rng, b)).join(sep);
}

/** Title case a name ("ABDI HASSAN" → "Abdi Hassan"), keeping hyphens and apostrophes. */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_all, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * A CID case id as typed into a master spreadsheet: with probability `rate` it gets a stray space
 * (leading, trailing, doubled or inside) or its letter prefix typed in lower case.
 */
export function scuffCaseId(rng: Rng, caseId: string, rate: number): string {
  if (!rng.chance(rate)) return caseId;
  const prefix = /^[A-Za-z]+/.exec(caseId)?.[0] ?? '';
  switch (rng.int(0, 3)) {
    case 0:
      return ` ${caseId}`;
    case 1:
      return `${caseId}  `;
    case 2:
      return prefix && prefix.length < caseId.length ? `${prefix} ${caseId.slice(prefix.length)}` : `${caseId} `;
    default:
      return prefix ? prefix.toLowerCase() + caseId.slice(prefix.length) : ` ${caseId} `;
  }
}

/** Nationality as a hub caseworker types it: demonym, country name or code; sometimes vague. */
export function handNationality(rng: Rng, alpha3: string, errorRate: number): string {
  if (rng.chance(errorRate)) return rng.pick(['African', 'Asian', '?', 'tbc', 'E. European']);
  const c = countryByAlpha3(alpha3);
  if (!c) return alpha3;
  return rng.weighted(
    [c.demonym, c.name, c.alpha3, c.demonym.toUpperCase()],
    (v) => (v === c.demonym ? 0.45 : v === c.name ? 0.2 : v === c.alpha3 ? 0.2 : 0.15),
  );
}

/** A band as typed: 2, '2', 'Band 2', 'B2'; sometimes unreadable. */
export function handBand(rng: Rng, band: number, errorRate: number): SheetValue {
  if (rng.chance(errorRate)) return rng.pick(['?', 'tbc', `${band}/${band === 4 ? 3 : band + 1}`]);
  return rng.weighted<SheetValue>([band, String(band), `Band ${band}`, `B${band}`], (v) => (typeof v === 'number' ? 0.4 : 0.2));
}

/** MAPPA level as typed in the Liverpool master. */
export function handMappa(rng: Rng, level: 0 | 1 | 2 | 3 | 'EX'): string {
  if (level === 0) return rng.pick(['N/A', '', 'No', 'none']);
  if (level === 'EX') return rng.pick(['Ex-MAPPA', 'ex', 'EX MAPPA']);
  return rng.pick([`L${level}`, `Level ${level}`, `MAPPA ${level}`, `Cat 1 L${level}`]);
}

/** Free-text comments seen on master spreadsheets (no personal data). */
export const COMMENT_PHRASES = [
  'Chased HMPPS for licence conditions',
  'Poss. FR - check CID',
  'Reporting well',
  'Missed reporting x2',
  'Awaiting ETD interview date',
  'File requested from Croydon',
  'Refer to HH team?',
  'Detention review pending',
  'Emailed ROM re reporting',
  'Case discussed at MAPPA mtg',
];
