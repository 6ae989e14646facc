/**
 * Assessments derive what the guidance says should follow from what the sources hold. They are pure
 * functions of `AssessmentFacts` — facts already normalised by the adapters, already filtered by what
 * the requester may see (so an assessment never reveals withheld data, e.g. High Harm computed only
 * from visible convictions) — and return a value, plain-words reasons, the source records behind
 * them and the paragraph of guidance applied.
 */
import type { SourceRef } from '../domain/common.js';

export interface ConvictionFact {
  readonly offenceCode: string;
  readonly convictedOn: string | null;
  /** Months of custody in a single sentence; null when non-custodial or unknown. */
  readonly sentenceMonths: number | null;
  /** Where convicted (alpha-3); GBR for UK convictions. */
  readonly country: string;
  readonly ref: SourceRef;
}

export interface ArrestFact {
  readonly offenceCode: string | null;
  readonly arrestedAt: string;
  readonly ref: SourceRef;
}

export interface CaseFact {
  readonly caseId: string;
  /** CID case type, e.g. ASYLUM, FURTHER_REPRESENTATIONS, JUDICIAL_REVIEW, CRIMINAL. */
  readonly type: string;
  /** OPEN means an outstanding application, claim or case. */
  readonly status: string;
  readonly ref: SourceRef;
}

export interface CriminalCaseFact {
  readonly ref: SourceRef;
  readonly deportationDecisionOn: string | null;
  readonly noticeServedBefore2008: boolean;
  readonly s33Exception: boolean;
  /** Released from the custodial part of the sentence ("time served") on this date. */
  readonly releasedOn: string | null;
}

export interface ReportingEventFact {
  readonly ref: SourceRef;
  readonly dueAt: string;
  /** "completed", "no show" or blank (not recorded) — 004 §7.21, §7.25. */
  readonly result: 'COMPLETED' | 'NO_SHOW' | null;
}

export interface RestrictionFact {
  readonly ref: SourceRef;
  /** OPEN = still required to report (004 fn 3). */
  readonly status: string;
  readonly frequency: string | null;
  readonly bail: boolean;
  readonly windowMinutes: number | null;
  readonly events: readonly ReportingEventFact[];
}

export interface TravelDocumentFact {
  /** A valid passport is held (from CID or a DVA/Pathfinder record); null when unknown. */
  readonly validPassportHeld: boolean | null;
  /** Latest ETD application status, if any (e.g. SUBMITTED, ISSUED, REFUSED). */
  readonly etdStatus: string | null;
  readonly refs: readonly SourceRef[];
}

export interface AssessmentFacts {
  /** The reference date for "now" (ISO date). */
  readonly today: string;
  /** Best-known nationality (alpha-3), or null. */
  readonly nationality: string | null;
  readonly convictions: readonly ConvictionFact[];
  readonly arrests: readonly ArrestFact[];
  readonly cases: readonly CaseFact[];
  readonly criminalCases: readonly CriminalCaseFact[];
  readonly restrictions: readonly RestrictionFact[];
  readonly travelDocument: TravelDocumentFact;
  /** MAPPA level (0 = non-MAPPA, 'EX' = ex-MAPPA), null when unknown. */
  readonly mappaLevel: 0 | 1 | 2 | 3 | 'EX' | null;
  /** Harm matrix category A–D (D = low harm, 004 fn 20), null when unknown. */
  readonly harmCategory: 'A' | 'B' | 'C' | 'D' | null;
  readonly detained: boolean;
  /** The person is owned by Criminal Casework. */
  readonly ownedByCriminalCasework: boolean;
}

export type AssessmentKind =
  | 'NEXUS_HIGH_HARM'
  | 'AUTOMATIC_DEPORTATION'
  | 'TIME_SERVED_NO_DECISION'
  | 'CRIMINAL_CASEWORK_REFERRAL'
  | 'BOURNEMOUTH_COMMITMENT'
  | 'NON_DETAINED_BAND'
  | 'BARRIERS_TO_REMOVAL'
  | 'REPORTING_COMPLIANCE'
  | 'ABSCONDER_ACTION_DUE'
  | 'RECOMMENDED_REPORTING_FREQUENCY';

export interface Assessment {
  readonly kind: AssessmentKind;
  /** Whether the rule applies to this person (e.g. High Harm: true). */
  readonly applies: boolean;
  /** The rule's value in words or a code (e.g. "BAND_1", "WEEKLY", "ACT_NOW"). */
  readonly value: string;
  /** Plain-words reasons, in order. */
  readonly reasons: readonly string[];
  /** The source records the reasons rest on. */
  readonly evidence: readonly SourceRef[];
  /** The guidance applied, by reference (e.g. "004 §5.10"). */
  readonly guidance: string;
  /** Steps the guidance lists, where it lists them (e.g. absconder action). */
  readonly actions: readonly string[];
}

/** One rule: facts in, one assessment out. */
export interface AssessmentRule {
  readonly kind: AssessmentKind;
  readonly guidance: string;
  assess(facts: AssessmentFacts): Assessment;
}
