/**
 * CID (Casework Information Database) records as the gateway sees them, after the CID adapter has
 * normalised them: ISO dates, ISO 3166 alpha-3 nationalities, names normalised with the original
 * kept, CID's code lists turned into the gateway's enums, and every problem found on the way kept
 * as a `DataQualityIssue` on the record it was found on.
 *
 * CID is organised around cases, not persons (004 §3.12, §6.47): a person's details are copied
 * onto each case they appear on and drift from copy to copy, and case notes sit on their case.
 * So the unit of identity here is the *person on a case* (`<caseId>/<cidPersonId>`), never a person.
 */
import type { DataQualityIssue, Gender, PersonName, SourceRef } from './common.js';

export type CidCaseType =
  | 'VISIT_VISA'
  | 'STUDENT_VISA'
  | 'LEAVE_TO_REMAIN'
  | 'EEA_RESIDENCE'
  | 'ASYLUM'
  | 'FURTHER_REPRESENTATIONS'
  | 'HUMAN_RIGHTS'
  | 'JUDICIAL_REVIEW'
  | 'CRIMINAL'
  | 'ENFORCEMENT';

export type CidCaseStatus = 'OPEN' | 'GRANTED' | 'REFUSED' | 'WITHDRAWN' | 'CLOSED';

/**
 * Why nobody can tell who owns a case (004 §6.10, §6.16, Figure 3): CID says "NO UNIT" or
 * "NOT IN USE", holds nothing, names a unit that no longer exists (Local Immigration Teams were
 * abolished on 1 April 2013), or names an unidentified group.
 */
export type OwnershipUnclearReason = 'NO_UNIT' | 'NOT_IN_USE' | 'BLANK' | 'OBSOLETE_UNIT' | 'UNIDENTIFIED_GROUP';

export interface CidOwnerUnit {
  /** The owner unit exactly as CID holds it (may be '', or null when the column is empty). */
  readonly label: string | null;
  /** The unit's name, trimmed and upper-cased, when the label names a unit at all. */
  readonly unit: string | null;
  /** Set when ownership is unclear; null when the label names a current unit. */
  readonly ownershipUnclear: OwnershipUnclearReason | null;
}

/** MAPPA level as CID records it; `EX` is "ex-MAPPA" (004 §6.3–6.4). */
export type CidMappaLevel = 'NONE' | 'LEVEL_1' | 'LEVEL_2' | 'LEVEL_3' | 'EX';

/** Harm matrix category; D is low harm (004 §6.65, fn 20). */
export type CidHarmCategory = 'A' | 'B' | 'C' | 'D';

/** The criminal (deportation) side of a Criminal Casework case. */
export interface CidCriminalDetail {
  /** Gateway offence code (src/domain/offences.ts), or null when CID's code is unknown. */
  readonly offenceCode: string | null;
  readonly convictedOn: string | null;
  /** Months of custody in the single sentence; null when non-custodial or not recorded. */
  readonly sentenceMonths: number | null;
  /** Released from custody ("time served") on this date. */
  readonly releasedOn: string | null;
  readonly deportationDecisionOn: string | null;
  /** Notice of decision to deport served before 1 August 2008 (UK Borders Act 2007 s32, 004 §5.10). */
  readonly noticeServedBefore2008: boolean | null;
  /** An exception under UK Borders Act 2007 s33 applies. */
  readonly s33Exception: boolean | null;
  /** Non-detained FNO band 1–4 (004 §6.3–6.4). */
  readonly band: 1 | 2 | 3 | 4 | null;
  readonly mappaLevel: CidMappaLevel | null;
  readonly harmCategory: CidHarmCategory | null;
  /** Electronically monitored (004 §7.31–7.33). */
  readonly tagged: boolean | null;
  /** Released with no fixed address (004 §7.35). */
  readonly noFixedAddress: boolean | null;
  /** Not owned by Criminal Casework after the 2016 review (Operation Zincs, 004 §6.12). */
  readonly operationZincs: boolean | null;
}

export interface CidCase {
  readonly ref: SourceRef;
  readonly caseId: string;
  readonly type: CidCaseType | null;
  /** CID's own case type code, as held. */
  readonly typeCode: string | null;
  readonly status: CidCaseStatus | null;
  readonly statusCode: string | null;
  readonly openedOn: string | null;
  readonly closedOn: string | null;
  readonly owner: CidOwnerUnit;
  readonly caseworker: string | null;
  readonly criminal: CidCriminalDetail | null;
  /** Keys `<caseId>/<cidPersonId>` of the persons recorded on this case. */
  readonly personKeys: readonly string[];
  readonly issues: readonly DataQualityIssue[];
}

/** An alias recorded on one case for the person on that case. */
export interface CidAlias {
  readonly name: PersonName;
  readonly dateOfBirth: string | null;
}

/** One person as copied onto one case. The same human may appear on many cases, differently. */
export interface CidPersonOnCase {
  readonly ref: SourceRef;
  readonly caseId: string;
  /** CID person id: per case, sometimes reused from an earlier case, often not. */
  readonly cidPersonId: string;
  readonly hoRef: string | null;
  readonly name: PersonName;
  readonly aliases: readonly CidAlias[];
  readonly dateOfBirth: string | null;
  readonly gender: Gender | null;
  /** ISO 3166 alpha-3. */
  readonly nationality: string | null;
  /** Nationality exactly as CID holds it (alpha-3, ICAO code or legacy free text). */
  readonly nationalityRaw: string | null;
  readonly placeOfBirth: string | null;
  readonly pncId: string | null;
  /** IABS fingerprint reference. */
  readonly fingerprintRef: string | null;
  readonly passportNumber: string | null;
  /** When this person was added to the case (ISO 8601 UTC). */
  readonly recordedAt: string | null;
  readonly issues: readonly DataQualityIssue[];
}

export interface CidNote {
  readonly noteId: string;
  readonly caseId: string;
  /** ISO 8601 UTC (CID holds UK local time). */
  readonly writtenAt: string | null;
  readonly author: string | null;
  readonly text: string;
  readonly issues: readonly DataQualityIssue[];
}

export type CidReportingFrequency = 'WEEKLY' | 'FORTNIGHTLY' | 'MONTHLY';

/** State of a reporting restriction; OPEN means still required to report (004 fn 3). */
export type CidRestrictionStatus = 'OPEN' | 'REMOVED' | 'GRANTED_LEAVE' | 'ABSCONDER' | 'EXCUSED';

export interface CidRestriction {
  readonly restrictionId: string;
  readonly caseId: string;
  readonly reportingCentre: string | null;
  readonly frequency: CidReportingFrequency | null;
  /** Start of the reporting window, UK local time `HH:MM` (reporting centres work in local time). */
  readonly windowStart: string | null;
  readonly windowMinutes: number | null;
  /** A bail case: always weekly (004 §6.63). */
  readonly bail: boolean | null;
  readonly status: CidRestrictionStatus | null;
  readonly startedOn: string | null;
  readonly issues: readonly DataQualityIssue[];
}

/**
 * Outcome of a reporting event: COMPLETED, NO_SHOW, or null when CID holds nothing — either not yet
 * due, or left blank (not recorded), which CID's daily breach report lists with no-shows (004 §7.21, §7.25).
 */
export type CidReportingResult = 'COMPLETED' | 'NO_SHOW';

export interface CidReportingEvent {
  readonly eventId: string;
  readonly restrictionId: string;
  /** ISO 8601 UTC. */
  readonly dueAt: string | null;
  readonly result: CidReportingResult | null;
  readonly issues: readonly DataQualityIssue[];
}

export type CidEtdStatus = 'NOT_STARTED' | 'SUBMITTED' | 'INTERVIEW_BOOKED' | 'ISSUED' | 'REFUSED';

/** An Emergency Travel Document application (barrier to removal when missing, 004 fn 5). */
export interface CidEtdApplication {
  readonly etdId: string;
  readonly caseId: string;
  /** Country asked to issue the document, ISO 3166 alpha-3. */
  readonly country: string | null;
  readonly status: CidEtdStatus | null;
  readonly submittedOn: string | null;
  readonly interviewOn: string | null;
  readonly issues: readonly DataQualityIssue[];
}
