/**
 * Police National Computer records as the gateway sees them: a subject with UK convictions and
 * circulations (wanted / absconder / missing), keyed by PNC id (`001 §4.32`, `004 §6.22`).
 *
 * PNC writes offences in its own legacy code list; `PNC_OFFENCE_CODES` maps the gateway's offence
 * codes (src/domain/offences.ts) to the codes PNC prints, so the estate renders PNC's codes and the
 * adapter maps them back. A code PNC prints that is not in the table (a retired code) becomes an
 * `UNKNOWN_CODE` data-quality issue on the record, never a dropped conviction.
 */
import type { DataQualityIssue, Gender, PersonName, SourceRef } from './common.js';

export interface PncConviction {
  /** ISO date of conviction, null when PNC's date could not be read (then an issue exists). */
  readonly convictedOn: string | null;
  /** Gateway offence code (offences.ts), null when PNC's code is unknown (then an issue exists). */
  readonly offenceCode: string | null;
  /** The offence code exactly as PNC printed it. */
  readonly pncOffenceCode: string;
  /** Sentence text exactly as PNC printed it, e.g. `12M IMP`, `2Y6M IMP`, `FINE`. */
  readonly sentence: string;
  /** True for a custodial sentence (imprisonment, YOI, life); null when unreadable. */
  readonly custodial: boolean | null;
  /** Months of custody in this single sentence; null when non-custodial, life or unreadable. */
  readonly sentenceMonths: number | null;
  /** True for a life sentence. */
  readonly life: boolean;
  readonly court: string | null;
}

export type CirculationType = 'WANTED' | 'ABSCONDER' | 'MISSING';

export interface PncCirculation {
  /** Null when PNC printed a type the gateway does not know (then an issue exists). */
  readonly type: CirculationType | null;
  /** The type exactly as PNC printed it. */
  readonly pncType: string;
  /** ISO date the circulation started, null when unreadable. */
  readonly since: string | null;
  /** Who circulated the person: a force code or `HOME_OFFICE`, as PNC printed it. */
  readonly owner: string;
  readonly reference: string;
}

export interface PncRecord {
  readonly ref: SourceRef;
  readonly pncId: string;
  readonly croNumber: string | null;
  readonly name: PersonName;
  readonly aliases: readonly PersonName[];
  /** ISO date; null when missing or unreadable (PNC writes `00` for an unknown day). */
  readonly dateOfBirth: string | null;
  readonly gender: Gender | null;
  /** ISO 3166-1 alpha-3. */
  readonly nationality: string | null;
  readonly placeOfBirth: string | null;
  readonly convictions: readonly PncConviction[];
  readonly circulations: readonly PncCirculation[];
  /** Problems found reading this record (malformed values, unknown codes). */
  readonly issues: readonly DataQualityIssue[];
}

/** Search PNC by surname and date of birth (exact, as PNC's own name/date enquiry). */
export interface PncSearch {
  readonly surname: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly dateOfBirth: string;
}

/** Gateway offence code → the legacy code PNC prints (styled on CJS offence codes). */
export const PNC_OFFENCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  MURDER: 'CL57001',
  MANSLAUGHTER: 'CL57002',
  'GBH-S18': 'OF61018',
  'GBH-S20': 'OF61020',
  ABH: 'OF61047',
  'COMMON-ASSAULT': 'CJ88116',
  TRAFFICKING: 'MS15001',
  RAPE: 'SX03001',
  'SEX-ASSAULT': 'SX03007',
  'SEX-CHILD': 'SX03022',
  'CHILD-CRUELTY': 'CY33001',
  'FIREARM-POSS': 'FI68001',
  'FIREARM-INTENT': 'FI68016',
  'KNIFE-POSS': 'CJ88139',
  'OFF-WEAPON': 'PC53001',
  ROBBERY: 'TH68023',
  'BURGLARY-DWELLING': 'TH68010',
  'BURGLARY-OTHER': 'TH68011',
  'DRUGS-SUPPLY-A': 'MD71013',
  'DRUGS-IMPORT': 'CM79001',
  'DRUGS-POSS': 'MD71230',
  THEFT: 'TH68151',
  SHOPLIFTING: 'TH68072',
  FRAUD: 'FR06001',
  'FALSE-DOCS': 'ID10001',
  'PUBLIC-ORDER': 'PU86004',
  'DRINK-DRIVE': 'RT88005',
  'NO-LICENCE': 'RT88191',
  'IMM-OVERSTAY': 'IA71024',
  'IMM-ILLEGAL-WORK': 'IA71025',
  'BREACH-ORDER': 'CJ03510',
});

const gatewayByPnc = new Map(Object.entries(PNC_OFFENCE_CODES).map(([gw, pnc]) => [pnc, gw]));

/** The gateway offence code for a code PNC printed, or undefined when unknown. */
export function offenceCodeFromPnc(pncCode: string): string | undefined {
  return gatewayByPnc.get(pncCode.trim().toUpperCase());
}

/** Retired PNC codes still found on old records; none maps to a gateway offence. */
export const RETIRED_PNC_OFFENCE_CODES: readonly string[] = Object.freeze(['XX99001', 'OF61099', 'TH68999']);

/**
 * A PNC id as a force's custody system holds it, in the gateway's long form `YYYY/NNNNNNNC`, or
 * null when it is neither the long form nor the short form `YY/NNNNNNNC` (a two-digit year from
 * 70 is 19YY, below it 20YY: PNC ids date from the 1970s). The check letter is not verified here:
 * a mistyped id keeps its shape and is caught where ids are compared (src/identity).
 */
export function parsePncId(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  const long = /^(\d{4})\/(\d{7})([A-Z])$/.exec(s);
  if (long) return s;
  const short = /^(\d{2})\/(\d{7})([A-Z])$/.exec(s);
  if (!short) return null;
  const century = Number(short[1]) >= 70 ? '19' : '20';
  return `${century}${short[1]}/${short[2]}${short[3]}`;
}
