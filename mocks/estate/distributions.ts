/**
 * The shares and weights the population generator draws from, in one place so they can be
 * reviewed against the seeds. Each figure cites the paragraph it follows; where the seeds give no
 * figure, the choice is ours and says so. Shares are probabilities; weights need not sum to 1.
 */
import type { ForceCode } from '../../src/domain/common.js';
import type { Barrier, CheckRoute } from './model.js';

/**
 * Who is in the estate. British arrestees appear only in custody and PNC. With the arrest counts
 * below, foreign nationals make up about 30% of arrests, near the 27% of London arrests in
 * Nexus' first weeks (002 §1.1).
 */
export const BRITISH_SHARE = 0.55;
/** Share of foreign nationals who are EEA nationals (our choice). */
export const EEA_SHARE_OF_FOREIGN = 0.3;

export type ForeignProfile = 'FNO' | 'IMMIGRATION' | 'UNKNOWN_TO_HO';
/**
 * Non-EEA foreign nationals: offenders with a Criminal Casework case; the wider reporting
 * population (applicants, overstayers, asylum seekers; 004 §6.9 puts criminal cases at ~7% of it,
 * we over-represent offenders so small estates have enough); people never known to the Home
 * Office (undetected entrants, 001 fn 11).
 */
export const NON_EEA_PROFILE_WEIGHTS: Readonly<Record<ForeignProfile, number>> = { FNO: 0.35, IMMIGRATION: 0.5, UNKNOWN_TO_HO: 0.15 };
/** EEA nationals: most are arrested and never referred; a quarter are offenders with a CC case. */
export const EEA_FNO_SHARE = 0.25;
/** EEA nationals with an EEA residence application on CID (our choice). */
export const EEA_RESIDENCE_CASE_SHARE = 0.12;

/** Nationalities of foreign nationals (weights; our choice, after the populations the seeds name). */
export const FOREIGN_NATIONALITY_WEIGHTS: Readonly<Record<string, number>> = {
  // EEA
  POL: 14, ROU: 13, LTU: 6, IRL: 5, LVA: 2, BGR: 3, PRT: 4, ITA: 3, ESP: 2, FRA: 2, DEU: 1, NLD: 1, SVK: 2,
  CZE: 1, HUN: 2, GRC: 1, CHE: 0.2, NOR: 0.2,
  // non-EEA
  ALB: 8, NGA: 7, JAM: 6, PAK: 7, IND: 6, BGD: 3, AFG: 5, IRN: 4, IRQ: 5, SYR: 2, SOM: 5, ERI: 3, SDN: 3,
  ETH: 1, ZWE: 2, VNM: 4, CHN: 3, LKA: 2, TUR: 3, EGY: 1, DZA: 2, MAR: 1, LBY: 1, RUS: 1, UKR: 1, BRA: 2,
  COL: 1, USA: 1, KEN: 1, UGA: 1, COD: 1, SLE: 1, GMB: 1, KWT: 0.5, MYS: 0.5, PHL: 0.5, TTO: 0.5, XXA: 0.5,
};

/** Nationals who need no visa to visit, so are not fingerprinted on entry (001 fn 11). */
export const NON_VISA_NATIONALS: ReadonlySet<string> = new Set(['USA', 'BRA', 'MYS', 'COL']);
/** Home Office biometrics for visa applicants began with the 2008 regulations (001 fn 11). */
export const BIOMETRICS_FROM = '2008-11-25';

/** Where people are arrested: MPS makes a third of UK foreign-national arrests (001 §3.1). */
export const FORCE_WEIGHTS: Readonly<Record<ForceCode, number>> = { MPS: 0.55, WMP: 0.25, WYP: 0.2 };

export interface Suite {
  readonly code: string;
  readonly name: string;
}
export const SUITES: Readonly<Record<ForceCode, readonly Suite[]>> = {
  MPS: [
    { code: 'LX', name: 'BRIXTON' }, { code: 'CX', name: 'CHARING CROSS' }, { code: 'ZD', name: 'CROYDON' },
    { code: 'PL', name: 'LEWISHAM' }, { code: 'GN', name: 'STOKE NEWINGTON' }, { code: 'QD', name: 'WEMBLEY' },
    { code: 'ID', name: 'HEATHROW' }, { code: 'KD', name: 'ILFORD' }, { code: 'SX', name: 'COLINDALE' },
    { code: 'NI', name: 'ISLINGTON' }, { code: 'YR', name: 'TOTTENHAM' }, { code: 'ZT', name: 'SUTTON' },
  ],
  WMP: [
    { code: 'PB', name: 'PERRY BARR' }, { code: 'OB', name: 'OLDBURY' }, { code: 'BV', name: 'BOURNVILLE LANE' },
    { code: 'SH', name: 'STEELHOUSE LANE' }, { code: 'WV', name: 'WOLVERHAMPTON' }, { code: 'CV', name: 'COVENTRY' },
  ],
  WYP: [
    { code: 'ER', name: 'ELLAND ROAD' }, { code: 'TH', name: 'TRAFALGAR HOUSE BRADFORD' },
    { code: 'HU', name: 'HUDDERSFIELD' }, { code: 'WK', name: 'WAKEFIELD' }, { code: 'HX', name: 'HALIFAX' },
  ],
};

/** Custody databases hold records from this date (our choice: ten-odd years of history). */
export const CUSTODY_HISTORY_FROM = '2005-01-01';

/**
 * How a foreign national's arrest is referred for a status check, per force. MPS: all via CCU
 * (001 §4.7, §4.9), more than half overall (001 §4.8); WMP: just over a third via CCU, most passed
 * straight to embedded IOs, 5–10% never referred (001 §4.3, §4.10); WYP: under 15% via CCU, 2,920
 * direct to local IOs vs 881 to CCU (001 §4.11). `null` = no check requested.
 */
export const CHECK_ROUTE_WEIGHTS: Readonly<Record<ForceCode, readonly (readonly [CheckRoute | null, number])[]>> = {
  MPS: [['CCU', 0.78], ['EMBEDDED_IO', 0.04], [null, 0.18]],
  WMP: [['CCU', 0.36], ['EMBEDDED_IO', 0.46], ['LOCAL_IO', 0.1], [null, 0.08]],
  WYP: [['CCU', 0.13], ['LOCAL_IO', 0.45], ['EMBEDDED_IO', 0.04], [null, 0.38]],
};
/** Police refer EEA nationals less often (001 §4.1, §4.4, §4.5): multiply the chance of a check. */
export const EEA_CHECK_FACTOR = 0.6;
/** Self-declared British are checked only on doubt (001 §4.2): without a fingerprint hit. */
export const DECLARED_BRITISH_CHECK_SHARE = 0.15;
/** ...and almost always once IDENT1 says the Home Office knows them (002 §4.4). */
export const FINGERPRINT_HIT_CHECK_SHARE = 0.9;
/** British arrestees checked on doubt (our choice). */
export const BRITISH_CHECK_SHARE = 0.02;
/** Prints are not taken from the drunk or violent (002 §4.4). */
export const FINGERPRINTED_SHARE = 0.93;
/** Immigration offenders released before an IO attended (002 rec. 2; our share). */
export const RELEASED_BEFORE_IO_SHARE = 0.12;
/** Persons with arrests who are in custody at the estate's now (the custody-suite worklist). */
export const IN_CUSTODY_NOW_SHARE = 0.012;

/** Arrests per British arrestee: 1–4, weights 40/30/20/10 (our choice, tuned to the 27–35% share). */
export const BRITISH_ARREST_WEIGHTS: readonly (readonly [number, number])[] = [[1, 40], [2, 30], [3, 20], [4, 10]];
export const BRITISH_CONVICTED_SHARE = 0.45;
/** Non-EEA reporting population with an arrest in one of the three forces (our choice). */
export const IMMIGRATION_ARRESTED_SHARE = 0.3;
/** FNOs whose convictions were in one of the three forces' areas (others arrested elsewhere). */
export const FNO_ARREST_IN_ESTATE_SHARE = 0.8;

/** Criminal cases whose owner is unclear on CID: 1,653 of 5,119 (004 §6.10). */
export const UNCLEAR_OWNER_SHARE = 1653 / 5119;
/**
 * Unclear labels: more than half "no unit" or "not in use" (004 §6.10); blank and obsolete Local
 * Immigration Teams (replaced 1 April 2013) in Figure 3's proportions (135 blank, 25 LIT).
 */
export const UNCLEAR_OWNER_WEIGHTS: readonly (readonly [string, number])[] = [
  ['NO UNIT', 0.3], ['NOT IN USE', 0.26], ['', 0.3], ['LOCAL IMMIGRATION TEAM', 0.14],
];
export const LIT_AREAS = ['CROYDON', 'HOUNSLOW', 'BIRMINGHAM', 'LEEDS', 'LIVERPOOL', 'SHEFFIELD', 'STOCKTON'] as const;
/** Of clear owners, cases another unit owns after the 2016 review: flagged Operation Zincs (004 §6.12, §6.15: 1,387 of 5,513). */
export const ZINCS_SHARE_OF_CLEAR = 1387 / (1387 + 3789);
/** Other owners CID shows (004 §6.12, Figure 3). */
export const OTHER_OWNER_UNITS = [
  'UKVI COMPLEX CASEWORK DIRECTORATE',
  'UKVI TEMPORARY AND PERMANENT MIGRATION',
  'REMOVALS CASEWORK (FAMILY RETURNS UNIT)',
  'ASYLUM CASES',
  'BORDER FORCE',
  'NATIONAL REMOVALS COMMAND',
  'DETAINED CASEWORK',
] as const;
export const CC_CROYDON = 'CRIMINAL CASEWORK CROYDON';
export const CC_LIVERPOOL = 'CRIMINAL CASEWORK LIVERPOOL';
export const CC_LEEDS = 'CRIMINAL CASEWORK LEEDS';
/** Owners of non-criminal cases (our choice) and the share of them that is unclear. */
export const NON_CRIMINAL_OWNERS = [
  'UKVI TEMPORARY AND PERMANENT MIGRATION', 'ASYLUM CASES', 'UKVI COMPLEX CASEWORK DIRECTORATE',
  'ICE LONDON', 'ICE MIDLANDS', 'ICE NORTH EAST YORKSHIRE AND HUMBER', 'NATIONAL REMOVALS COMMAND',
] as const;
export const NON_CRIMINAL_UNCLEAR_SHARE = 0.06;

/** FNOs detained (prison or immigration detention), owned by Croydon (004 §6.2: 9,415 of 13,420). */
export const FNO_DETAINED_SHARE = 0.3;
/** FNOs already removed (case closed, restriction REMOVED; our choice). */
export const FNO_REMOVED_SHARE = 0.06;
/** Non-detained CC stock recorded as absconders: 704 of 5,884 (004 §7.20). */
export const FNO_ABSCONDER_SHARE = 704 / 5884;
/** Reporting population (non-FNO) absconders (our choice). */
export const IMMIGRATION_ABSCONDER_SHARE = 0.05;
/** Absconders circulated on PNC: done in 2 of 11 sampled cases (002 §4.49–4.50). */
export const ABSCONDER_CIRCULATED_SHARE = 2 / 11;
/** Consecutive breaches before an absconder is recorded: 3 usually, 13 and 19 in extreme cases (004 §7.26, DOMAIN). */
export const ABSCONDER_BREACH_RUNS: readonly (readonly [number, number])[] = [[3, 60], [4, 15], [5, 10], [6, 6], [8, 4], [13, 2], [19, 1]];
/** Of open restrictions, events left blank (359 of 5,513 had a blank, 004 §7.21) or missed. */
export const EVENT_BLANK_SHARE = 0.03;
export const EVENT_NO_SHOW_SHARE = 0.025;
/** About 360 of 5,884 non-detained FNOs electronically monitored (004 §7.31). */
export const FNO_TAGGED_SHARE = 360 / 5884;
/** Released with no fixed address (004 §7.35; our share). */
export const NO_FIXED_ADDRESS_SHARE = 0.05;

/** Criminal cases with at least one barrier to removal (004 §6.13: almost 80% of the unclear ones; our overall share). */
export const BARRIER_SHARE = 0.55;
/** Barrier mix after the failed Jamaica charter removals, 55 / 35 / 26 (004 §7.19), plus documents and applications. */
export const BARRIER_WEIGHTS: readonly (readonly [Barrier, number])[] = [
  ['OUTSTANDING_ASYLUM_CLAIM', 55],
  ['JUDICIAL_REVIEW', 35],
  ['FURTHER_REPRESENTATIONS', 26],
  ['NO_TRAVEL_DOCUMENT', 40],
  ['OUTSTANDING_APPLICATION', 15],
];

/** MAPPA levels of FNOs (our choice; band 1 needs level 2/3, band 2 level 1 or ex-MAPPA, 004 §6.3). */
export const MAPPA_WEIGHTS: readonly (readonly [0 | 1 | 2 | 3 | 'EX', number])[] = [[0, 0.76], [1, 0.11], [2, 0.04], [3, 0.01], ['EX', 0.08]];
/** Harm matrix categories of FNOs; "D" is low harm (004 §6.65, fn 20). */
export const HARM_WEIGHTS: readonly (readonly ['A' | 'B' | 'C' | 'D', number])[] = [['A', 0.08], ['B', 0.22], ['C', 0.38], ['D', 0.32]];
/** Police High Harm intelligence: 319 of 5,513 criminal cases (004 §6.18) — mostly people meeting the definition. */
export const HIGH_HARM_INTEL_IF_MEETS = 0.35;
export const HIGH_HARM_INTEL_OTHERWISE = 0.01;

/**
 * Sentence of the conviction that brought the case to CC, in months, as [min, max, weight]:
 * most ≥ 12 months (automatic deportation, 004 §5.10); some below threshold for violent, sexual or
 * drugs offences or non-custodial (004 §6.32–6.34).
 */
export const FNO_SENTENCE_BANDS: readonly (readonly [number, number, number])[] = [
  [12, 24, 0.42], [25, 60, 0.3], [61, 144, 0.1], [3, 11, 0.12], [0, 0, 0.06],
];
/** Deportation decisions outstanding: "time served" > 12 months with no decision, 116 cases (004 §6.24). */
export const NO_DECISION_SHARE = 0.04;
/** Notice of decision served before 1 August 2008 (excludes automatic deportation, 004 §5.10). */
export const NOTICE_BEFORE_2008_SHARE = 0.2;
export const S33_EXCEPTION_SHARE = 0.05;

/** ACRO (001 §4.31–4.35): police ask on a foreign national's arrest; the Home Office asks for FNOs. */
export const ACRO_POLICE_SHARE = 0.4;
export const ACRO_HOME_OFFICE_SHARE = 0.4;
export const ACRO_OUTCOME_WEIGHTS: readonly (readonly ['RESULTS' | 'NO_TRACE' | 'PENDING' | 'NEVER', number])[] = [
  ['RESULTS', 0.32], ['NO_TRACE', 0.43], ['PENDING', 0.1], ['NEVER', 0.15],
];

/** Reporting frequency: FNOs weekly (004 §6.64–6.65) unless low harm; others fortnightly to monthly (004 §6.63). */
export const FNO_FREQUENCY_WEIGHTS = [['WEEKLY', 0.8], ['FORTNIGHTLY', 0.15], ['MONTHLY', 0.05]] as const;
export const NON_FNO_FREQUENCY_WEIGHTS = [['WEEKLY', 0.05], ['FORTNIGHTLY', 0.3], ['MONTHLY', 0.65]] as const;
/** CC often sets long windows, e.g. 10:00–16:00 (004 §6.66); reporting centres one hour. */
export const FNO_LONG_WINDOW_SHARE = 0.4;

export const REPORTING_CENTRES: Readonly<Record<ForceCode, readonly string[]>> = {
  MPS: ['CROYDON (LUNAR HOUSE)', 'HOUNSLOW (EATON HOUSE)', 'LONDON BRIDGE (BECKET HOUSE)', 'BECKENHAM (ASHFORD HOUSE)'],
  WMP: ['SOLIHULL (SANDFORD HOUSE)', 'LOUGHBOROUGH (CHARNWOOD)'],
  WYP: ['LEEDS (WATERSIDE COURT)', 'SHEFFIELD (VULCAN HOUSE)', 'MIDDLESBROUGH (CROWN HOUSE)'],
};

export const COURTS: Readonly<Record<ForceCode, { readonly crown: readonly string[]; readonly magistrates: readonly string[] }>> = {
  MPS: {
    crown: ['SNARESBROOK CROWN COURT', 'WOOD GREEN CROWN COURT', 'ISLEWORTH CROWN COURT', 'SOUTHWARK CROWN COURT', 'INNER LONDON CROWN COURT', 'CROYDON CROWN COURT'],
    magistrates: ['WESTMINSTER MAGISTRATES COURT', 'HIGHBURY CORNER MAGISTRATES COURT', 'CROYDON MAGISTRATES COURT', 'UXBRIDGE MAGISTRATES COURT'],
  },
  WMP: {
    crown: ['BIRMINGHAM CROWN COURT', 'WOLVERHAMPTON CROWN COURT', 'COVENTRY CROWN COURT'],
    magistrates: ['BIRMINGHAM MAGISTRATES COURT', 'WOLVERHAMPTON MAGISTRATES COURT', 'COVENTRY MAGISTRATES COURT'],
  },
  WYP: {
    crown: ['LEEDS CROWN COURT', 'BRADFORD CROWN COURT'],
    magistrates: ['LEEDS MAGISTRATES COURT', 'BRADFORD AND KEIGHLEY MAGISTRATES COURT', 'KIRKLEES MAGISTRATES COURT'],
  },
};

/** Passport held (our choice): most British and EEA nationals; about half of non-EEA nationals. */
export const PASSPORT_SHARE = { BRITISH: 0.75, EEA: 0.8, NON_EEA: 0.5 } as const;
/** Males among arrestees and offenders (our choice). */
export const MALE_SHARE_ARRESTEES = 0.85;
export const MALE_SHARE_OFFENDERS = 0.92;
export const MALE_SHARE_IMMIGRATION = 0.62;

/** Pick from [value, weight] pairs. */
export function pickWeighted<T>(rng: { weighted<U>(items: readonly U[], w: (u: U) => number): U }, pairs: readonly (readonly [T, number])[]): T {
  return rng.weighted(pairs, (p) => p[1])[0];
}
