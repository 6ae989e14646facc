/**
 * CID's own code lists and what they mean to the gateway. A code not listed here is not guessed:
 * the mapper returns null for it and records an UNKNOWN_CODE data-quality issue with the raw code.
 */
import type {
  CidCaseStatus,
  CidCaseType,
  CidEtdStatus,
  CidHarmCategory,
  CidMappaLevel,
  CidReportingFrequency,
  CidReportingResult,
  CidRestrictionStatus,
} from '../../src/domain/cid.js';
import type { Gender } from '../../src/domain/common.js';
import { parseNationality } from '../../src/domain/nationality.js';

export const CASE_TYPES: Readonly<Record<string, CidCaseType>> = {
  VIS: 'VISIT_VISA',
  STU: 'STUDENT_VISA',
  LTR: 'LEAVE_TO_REMAIN',
  EEA: 'EEA_RESIDENCE',
  ASY: 'ASYLUM',
  FREP: 'FURTHER_REPRESENTATIONS',
  HR: 'HUMAN_RIGHTS',
  JR: 'JUDICIAL_REVIEW',
  CRIM: 'CRIMINAL',
  ENF: 'ENFORCEMENT',
};

export const CASE_STATUSES: Readonly<Record<string, CidCaseStatus>> = {
  LIVE: 'OPEN',
  GRANTED: 'GRANTED',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  CONCLUDED: 'CLOSED',
};

export const MAPPA_LEVELS: Readonly<Record<string, CidMappaLevel>> = {
  NON: 'NONE',
  L1: 'LEVEL_1',
  L2: 'LEVEL_2',
  L3: 'LEVEL_3',
  EX: 'EX',
};

export const HARM_CATEGORIES: Readonly<Record<string, CidHarmCategory>> = { A: 'A', B: 'B', C: 'C', D: 'D' };

export const FREQUENCIES: Readonly<Record<string, CidReportingFrequency>> = {
  W: 'WEEKLY',
  F: 'FORTNIGHTLY',
  M: 'MONTHLY',
};

export const RESTRICTION_STATUSES: Readonly<Record<string, CidRestrictionStatus>> = {
  OPEN: 'OPEN',
  REMOVED: 'REMOVED',
  'LEAVE GRANTED': 'GRANTED_LEAVE',
  ABSCONDER: 'ABSCONDER',
  EXCUSED: 'EXCUSED',
};

/** Reporting results: "completed" or "no show"; blank is held as NULL (004 §7.21). */
export const REPORTING_RESULTS: Readonly<Record<string, CidReportingResult>> = {
  COMPLETED: 'COMPLETED',
  'NO SHOW': 'NO_SHOW',
};

export const ETD_STATUSES: Readonly<Record<string, CidEtdStatus>> = {
  'NOT STARTED': 'NOT_STARTED',
  SUBMITTED: 'SUBMITTED',
  'INTERVIEW BOOKED': 'INTERVIEW_BOOKED',
  ISSUED: 'ISSUED',
  REFUSED: 'REFUSED',
};

export const GENDERS: Readonly<Record<string, Gender>> = { M: 'M', F: 'F' };

export const FNO_BANDS: Readonly<Record<string, 1 | 2 | 3 | 4>> = { '1': 1, '2': 2, '3': 3, '4': 4 };

/** Y/N indicators. */
export const INDICATORS: Readonly<Record<string, boolean>> = { Y: true, N: false };

/**
 * CID nationality codes. Since the 2008 migration CID writes ICAO 9303 codes, which are ISO alpha-3
 * except Germany (`D`); cases migrated from the older system keep free text ("NIGERIA", "NIGERIAN").
 * `parseNationality` reads alpha-3 and free text; the ICAO exceptions are listed here.
 */
const ICAO_EXCEPTIONS: Readonly<Record<string, string>> = { D: 'DEU', GBD: 'GBR', GBN: 'GBR', GBO: 'GBR', GBS: 'GBR', UNA: 'XXA', XXB: 'XXA' };

export function cidNationality(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return ICAO_EXCEPTIONS[code] ?? parseNationality(code);
}

/** Look a code up case-insensitively after trimming. */
export function lookupCode<T>(table: Readonly<Record<string, T>>, raw: string): T | undefined {
  const key = raw.trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
