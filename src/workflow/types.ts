/**
 * The workflow's records as the GraphQL layer returns them (field names as in
 * schema/reporting.graphql and schema/statusChecks.graphql), and what every service call needs.
 */
import type { CidWorkflowAdapter } from '../../adapters/cid/writeAdapter.js';
import type { CustodyAdapter } from '../../adapters/custody/adapter.js';
import type { AuditCollector } from '../audit/collector.js';
import type { PersonName } from '../domain/common.js';
import type { CheckRoute, StatusCheckResult } from '../domain/custody.js';
import type { PolicyContext } from '../policy/context.js';
import type { Outbox } from './outbox.js';
import type { WorkflowStore } from './store.js';

export type ReportingOutcomeKind = 'ATTENDED' | 'NO_SHOW' | 'DETAINED' | 'EXCUSED';
export const REPORTING_OUTCOMES: readonly ReportingOutcomeKind[] = ['ATTENDED', 'NO_SHOW', 'DETAINED', 'EXCUSED'];

/** What the case owner asks the reporting centre to do at the event (004 §5.5, §6.61, §6.66). */
export type ReportingTask = 'DETAIN_ON_REPORTING' | 'ETD_INTERVIEW' | 'ELICIT_CURRENT_CIRCUMSTANCES' | 'DISCUSS_VOLUNTARY_DEPARTURE' | 'SERVE_PAPERS' | 'OTHER';
export const REPORTING_TASKS: readonly ReportingTask[] = ['DETAIN_ON_REPORTING', 'ETD_INTERVIEW', 'ELICIT_CURRENT_CIRCUMSTANCES', 'DISCUSS_VOLUNTARY_DEPARTURE', 'SERVE_PAPERS', 'OTHER'];

/** The exceptions to weekly reporting the guidance states (004 §6.65). */
export type FrequencyException = 'HISTORY_OF_COMPLIANCE' | 'LOW_HARM' | 'LOW_REMOVABILITY';
export const FREQUENCY_EXCEPTIONS: readonly FrequencyException[] = ['HISTORY_OF_COMPLIANCE', 'LOW_HARM', 'LOW_REMOVABILITY'];

export type Frequency = 'WEEKLY' | 'FORTNIGHTLY' | 'MONTHLY';
export const FREQUENCIES: readonly Frequency[] = ['WEEKLY', 'FORTNIGHTLY', 'MONTHLY'];

export interface CaseOwnerContact {
  readonly unit: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface ReportingInstructions {
  readonly restrictionId: string;
  readonly caseId: string;
  readonly frequency: Frequency | null;
  readonly frequencyException: FrequencyException | null;
  readonly frequencyExceptionReason: string | null;
  /** `HH:MM`, UK local time. */
  readonly windowStart: string | null;
  readonly windowMinutes: number | null;
  readonly windowReason: string | null;
  readonly tasks: readonly ReportingTask[];
  readonly otherTask: string | null;
  readonly location: string | null;
  readonly caseOwner: CaseOwnerContact;
  /** 0 when nothing was set through the gateway (CID's restriction only). */
  readonly version: number;
  readonly setAt: string | null;
}

export interface ReportingPersonSummary {
  readonly cidPersonKey: string;
  readonly name: PersonName;
  readonly dateOfBirth: string | null;
  readonly nationality: string | null;
  readonly homeOfficeReference: string | null;
}

export interface OfficerSafety {
  readonly highHarm: boolean;
  readonly highHarmReasons: readonly string[];
  readonly absconderHistory: boolean;
  readonly previousNoShows: number;
}

export interface ReportingScheduleEntry {
  readonly eventId: string;
  readonly restrictionId: string;
  readonly caseId: string;
  readonly dueAt: string | null;
  readonly windowOpensAt: string | null;
  readonly windowClosesAt: string | null;
  readonly person: ReportingPersonSummary | null;
  readonly safety: OfficerSafety | null;
  readonly instructions: ReportingInstructions;
  readonly recordedOutcome: ReportingOutcomeKind | 'COMPLETED' | null;
}

export interface ReportingSchedule {
  readonly centre: string;
  readonly date: string;
  readonly entries: readonly ReportingScheduleEntry[];
  /** Events left out because policy withholds them from this officer. */
  readonly withheld: number;
}

export interface AbsconderAction {
  readonly consecutiveNoShows: number;
  readonly escalation: string;
  readonly steps: readonly string[];
  readonly reasons: readonly string[];
  readonly guidance: string;
}

export interface ReportingOutcomeResult {
  readonly eventId: string;
  readonly restrictionId: string;
  readonly caseId: string;
  readonly outcome: ReportingOutcomeKind;
  readonly unit: string;
  readonly recordedAt: string;
  readonly inboxSeqs: readonly number[];
  readonly absconderAction: AbsconderAction | null;
}

export type InboxKind = 'REPORTING_OUTCOME' | 'ABSCONDER_ACTION_DUE';

export interface InboxItem {
  readonly cursor: string;
  readonly kind: InboxKind;
  readonly unit: string;
  readonly caseId: string;
  readonly restrictionId: string | null;
  readonly eventId: string | null;
  readonly outcome: ReportingOutcomeKind | null;
  readonly reason: string | null;
  readonly notes: string | null;
  readonly centre: string | null;
  readonly recordedBy: string | null;
  readonly absconderAction: AbsconderAction | null;
  readonly createdAt: string;
}

export interface InboxPage {
  readonly unit: string;
  readonly items: readonly InboxItem[];
  /** Pass back as `after` to get only newer items. */
  readonly cursor: string;
  readonly hasMore: boolean;
}

export interface StatusCheckRecord {
  readonly id: string;
  readonly force: string;
  readonly suite: string | null;
  readonly custodyRecord: string | null;
  readonly personRef: string | null;
  readonly route: CheckRoute;
  readonly result: StatusCheckResult;
  readonly checkedAt: string;
  readonly checkedBy: string;
  readonly checkedByRole: string;
  readonly recordedAt: string;
}

export type ReleaseReason = 'NO_IO_AVAILABLE' | 'DETENTION_SPACE_NEEDED' | 'PACE_CLOCK_EXPIRED' | 'OTHER';
export const RELEASE_REASONS: readonly ReleaseReason[] = ['NO_IO_AVAILABLE', 'DETENTION_SPACE_NEEDED', 'PACE_CLOCK_EXPIRED', 'OTHER'];

export interface ReleaseBeforeIoRecord {
  readonly id: string;
  readonly force: string;
  readonly suite: string | null;
  readonly custodyRecord: string;
  readonly releasedAt: string;
  readonly ioRequestedAt: string | null;
  readonly reason: ReleaseReason;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export interface UncheckedDetainee {
  readonly custodyRecord: string;
  readonly suite: string | null;
  readonly arrestedAt: string | null;
  readonly declaredNationality: string | null;
  readonly whyForeignNational: readonly string[];
  /** Arrest + 24 h (001 fn 17). */
  readonly paceClockExpiresAt: string | null;
  /** Arrest + 36 h, if a superintendent extends (001 fn 17). */
  readonly extendedClockExpiresAt: string | null;
  readonly minutesRemaining: number | null;
  readonly name: PersonName | null;
  readonly dateOfBirth: string | null;
}

export interface UncheckedList {
  readonly force: string;
  readonly at: string;
  readonly detainees: readonly UncheckedDetainee[];
  /** Detainees the custody database shows unchecked but a central record already covers. */
  readonly checkedCentrally: number;
}

export interface RouteCount {
  readonly route: CheckRoute;
  readonly checks: number;
}

export interface StatusCheckRates {
  readonly force: string;
  readonly from: string;
  readonly to: string;
  readonly arrests: number;
  readonly foreignNationalArrests: number;
  readonly checked: number;
  readonly notChecked: number;
  /** checked / foreignNationalArrests, or null when there were none. */
  readonly checkRate: number | null;
  readonly byRoute: readonly RouteCount[];
  /** Central records in the period with no custody record to match (counted apart). */
  readonly centralChecksWithoutCustodyRecord: number;
  readonly releasedBeforeIoAttended: number;
  readonly undatedRecords: number;
}

/** What each service call is made with: who asks, for what, and where accesses are recorded. */
export interface Caller {
  readonly policy: PolicyContext | null;
  readonly audit: AuditCollector | null;
}

export interface WorkflowDeps {
  readonly store: WorkflowStore;
  readonly cid: CidWorkflowAdapter;
  readonly custody: CustodyAdapter | null;
  readonly outbox: Outbox;
  readonly now: () => Date;
}
