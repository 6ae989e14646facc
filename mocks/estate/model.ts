/**
 * The ground truth of the synthetic estate: who the people really are and what really happened to
 * them. The population generator (`population.ts`) creates it from a seed; each renderer
 * (`render/<system>.ts`) writes it into one legacy source *with that source's awkwardness* (drifting
 * copies, code lists, formats, noise), and records in the truth file which source record belongs to
 * which true person. The gateway never reads any of this; identity evaluation does.
 *
 * Dates are ISO `YYYY-MM-DD`; instants are ISO 8601 UTC (`...Z`). The estate's "today" is
 * `EstateOptions.today`, so estates are reproducible whatever day they are generated.
 */
import type { ForceCode } from '../../src/domain/common.js';

export interface NoiseOptions {
  /** Probability that a copied record spells a name differently (transliteration/spelling variant). */
  readonly nameVariant: number;
  /** Probability of a one-character typo in a copied name. */
  readonly nameTypo: number;
  /** Probability that given and family names are swapped in a copied record. */
  readonly nameSwap: number;
  /** Probability that a copied date of birth has day and month swapped (when both ≤ 12). */
  readonly dobSwap: number;
  /** Probability of a one-digit typo in a copied date of birth. */
  readonly dobTypo: number;
  /** Probability that an identifier that should be on a record is missing. */
  readonly missingIdentifier: number;
  /** Probability that an identifier on a record is mistyped (one character). */
  readonly identifierTypo: number;
  /** Share of true persons with one or more aliases. */
  readonly aliasRate: number;
  /** Share of foreign nationals who self-declare as British or EEA on arrest. */
  readonly falseNationalityClaim: number;
  /** Share of persons generated as a twin of another (same family name, DOB, place). */
  readonly twinRate: number;
  /** Share of persons generated as a namesake of another (same name, close or equal DOB). */
  readonly namesakeRate: number;
  /** Probability that a hand-typed spreadsheet cell is unparseable or contradicts CID. */
  readonly spreadsheetError: number;
}

export interface EstateOptions {
  readonly seed: number;
  readonly persons: number;
  /** The estate's "today" (ISO date); all lives happen before it. */
  readonly today: string;
  readonly noise: NoiseOptions;
}

export type CaseType =
  | 'VISIT_VISA'
  | 'STUDENT_VISA'
  | 'LEAVE_TO_REMAIN'
  | 'EEA_RESIDENCE'
  | 'ASYLUM'
  | 'FURTHER_REPRESENTATIONS'
  | 'HUMAN_RIGHTS'
  | 'JUDICIAL_REVIEW'
  | 'CRIMINAL' // a Criminal Casework (deportation) case
  | 'ENFORCEMENT'; // overstayer / illegal entrant enforcement case

export type CaseStatus = 'OPEN' | 'GRANTED' | 'REFUSED' | 'WITHDRAWN' | 'CLOSED';

export interface TrueNote {
  readonly at: string;
  readonly author: string;
  readonly text: string;
}

export type ReportingFrequency = 'WEEKLY' | 'FORTNIGHTLY' | 'MONTHLY';
export type RestrictionStatus = 'OPEN' | 'REMOVED' | 'GRANTED_LEAVE' | 'ABSCONDER' | 'EXCUSED';

export interface TrueReportingEvent {
  readonly id: string;
  readonly dueAt: string;
  /** "completed", "no show", or not recorded (blank) — 004 §7.21. Future events are null. */
  readonly result: 'COMPLETED' | 'NO_SHOW' | null;
}

export interface TrueRestriction {
  readonly id: string;
  readonly centre: string;
  readonly frequency: ReportingFrequency;
  /** Local start of the reporting window, `HH:MM`. */
  readonly windowStart: string;
  readonly windowMinutes: number;
  readonly bail: boolean;
  readonly status: RestrictionStatus;
  readonly startedOn: string;
  readonly events: readonly TrueReportingEvent[];
}

export type EtdStatus = 'NOT_STARTED' | 'SUBMITTED' | 'INTERVIEW_BOOKED' | 'ISSUED' | 'REFUSED';

export interface TrueEtd {
  readonly id: string;
  readonly country: string;
  readonly status: EtdStatus;
  readonly submittedOn: string | null;
  readonly interviewOn: string | null;
}

export interface TrueCriminalDetail {
  /** Index into the person's convictions of the conviction this case is about. */
  readonly convictionIndex: number;
  readonly deportationDecisionOn: string | null;
  /** Notice of decision to deport served before 1 Aug 2008 (excludes automatic deportation). */
  readonly noticeServedBefore2008: boolean;
  readonly s33Exception: boolean;
  /** Released from custody ("time served") on this date, if released. */
  readonly releasedOn: string | null;
  readonly band: 1 | 2 | 3 | 4 | null;
  /** Not owned by Criminal Casework after the 2016 review (004 §6.12). */
  readonly operationZincs: boolean;
}

export interface TrueCase {
  readonly caseId: string;
  /** CID person id on this case: sometimes a fresh one, sometimes reused from an earlier case. */
  readonly cidPersonId: string;
  readonly type: CaseType;
  readonly status: CaseStatus;
  readonly openedOn: string;
  readonly closedOn: string | null;
  /** Owner unit exactly as CID labels it, including 'NO UNIT', 'NOT IN USE', '' and obsolete units. */
  readonly ownerUnit: string;
  readonly caseworker: string | null;
  readonly notes: readonly TrueNote[];
  readonly criminal: TrueCriminalDetail | null;
  readonly restriction: TrueRestriction | null;
  readonly etd: TrueEtd | null;
  /** Barriers to removal hand-annotated in Pathfinder for this case (004 fn 5). */
  readonly barriers: readonly Barrier[];
}

export type Barrier =
  | 'OUTSTANDING_ASYLUM_CLAIM'
  | 'OUTSTANDING_APPLICATION'
  | 'FURTHER_REPRESENTATIONS'
  | 'JUDICIAL_REVIEW'
  | 'NO_TRAVEL_DOCUMENT';

export type CheckRoute = 'CCU' | 'EMBEDDED_IO' | 'LOCAL_IO';
export type StatusCheckResult = 'NO_TRACE' | 'IMMIGRATION_OFFENDER' | 'LAWFUL' | 'BRITISH_CONFIRMED' | 'EEA_LAWFUL';

export interface TrueArrest {
  readonly force: ForceCode;
  readonly custodyRecord: string;
  readonly suite: string;
  readonly arrestedAt: string;
  readonly offenceCode: string;
  /** Nationality the person gave (alpha-3): may be British or EEA when untrue. */
  readonly declaredNationality: string;
  readonly fingerprinted: boolean;
  /** IDENT1 fingerprint matched Home Office records (MPS and WMP check automatically, 002 §4.4). */
  readonly fingerprintHit: boolean;
  readonly statusCheck: { readonly route: CheckRoute; readonly requestedAt: string; readonly result: StatusCheckResult } | null;
  /** Null while still in custody. */
  readonly releasedAt: string | null;
  /** Police released an immigration offender before an IO attended (002 rec. 2). */
  readonly releasedBeforeIoAttended: boolean;
}

export interface TrueConviction {
  readonly id: string;
  readonly convictedOn: string;
  readonly offenceCode: string;
  /** Months of custody in a single sentence; null for a non-custodial sentence. */
  readonly sentenceMonths: number | null;
  readonly court: string;
}

export interface TrueCirculation {
  readonly type: 'WANTED' | 'ABSCONDER' | 'MISSING';
  readonly since: string;
  readonly force: ForceCode | 'HOME_OFFICE';
  readonly reference: string;
}

export interface TrueAcroResult {
  readonly country: string;
  readonly convictedOn: string;
  readonly offenceCode: string;
  readonly sentence: string;
}

export interface TrueAcroCheck {
  readonly ref: string;
  /** Who asked: the Home Office (immigration purposes) or a police force. */
  readonly instigator: 'HOME_OFFICE' | ForceCode;
  readonly requestedAt: string;
  /** RESULTS/NO_TRACE answered by `answeredAt`; PENDING still to come; NEVER never answers (001 §4.31). */
  readonly outcome: 'RESULTS' | 'NO_TRACE' | 'PENDING' | 'NEVER';
  readonly answeredAt: string | null;
  readonly results: readonly TrueAcroResult[];
}

export interface TrueAlias {
  readonly givenNames: readonly string[];
  readonly familyName: string;
  readonly dateOfBirth: string | null;
}

export interface TruePerson {
  /** Ground-truth id, e.g. `TP0000001`. Never shown to the gateway. */
  readonly id: string;
  readonly givenNames: readonly string[];
  readonly familyName: string;
  readonly gender: 'M' | 'F';
  readonly dateOfBirth: string;
  /** True nationality, alpha-3. British persons appear only in custody (and PNC). */
  readonly nationality: string;
  readonly placeOfBirth: string;
  readonly aliases: readonly TrueAlias[];
  /** Set on a twin or namesake: the person it was made to resemble (a hard negative for linking). */
  readonly resembles: { readonly personId: string; readonly kind: 'TWIN' | 'NAMESAKE' } | null;
  /** Claims to be British (or EEA) although not: a DVA check may be justified (001 fn 21). */
  readonly falseClaim: 'BRITISH' | 'EEA' | null;

  readonly hoRef: string | null;
  readonly fingerprintRef: string | null;
  readonly pncId: string | null;
  readonly croNumber: string | null;
  readonly passportNumber: string | null;

  readonly cases: readonly TrueCase[];
  readonly arrests: readonly TrueArrest[];
  readonly convictions: readonly TrueConviction[];
  readonly circulations: readonly TrueCirculation[];
  readonly acroChecks: readonly TrueAcroCheck[];

  readonly mappaLevel: 0 | 1 | 2 | 3 | 'EX';
  /** Harm matrix category; "D" is low harm (004 §6.65, fn 20). */
  readonly harmCategory: 'A' | 'B' | 'C' | 'D' | null;
  readonly detained: boolean;
  readonly tagged: boolean;
  readonly noFixedAddress: boolean;
  /** Police hold Nexus High Harm intelligence on this person (004 §6.18). */
  readonly highHarmIntelligence: boolean;
  /** Set only on the scripted showcase persons TP0000001–TP0000008 (see showcase.ts). */
  readonly showcase?: ShowcaseTag;
}

/**
 * The scripted showcase persons, at fixed ids (TP0000001 = FIGURE_1_LIFE ... TP0000008 =
 * ACRO_SHARING). Renderers may key deliberate quirks on them (e.g. Pathfinder contradicts CID for
 * CID_PATHFINDER_CONFLICT).
 */
export type ShowcaseTag =
  | 'FIGURE_1_LIFE'
  | 'FIRST_NO_SHOW'
  | 'HIGH_HARM_PNC_ONLY'
  | 'BAND_1'
  | 'UNCLEAR_OWNERSHIP'
  | 'CID_PATHFINDER_CONFLICT'
  | 'FALSE_BRITISH_FINGERPRINT_HIT'
  | 'ACRO_SHARING';

export interface Population {
  readonly options: EstateOptions;
  readonly persons: readonly TruePerson[];
}

/** A row of the truth file: this source record belongs to this true person. */
export interface TruthRecord {
  readonly source: string;
  readonly key: string;
  readonly personId: string;
}
