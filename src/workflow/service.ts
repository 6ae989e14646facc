/**
 * The workflow service: the reporting and status-check operations over one store, CID's workflow
 * adapter and the custody adapter, with the outbox that makes every write idempotent and
 * crash-safe. `openWorkflowService` also runs the recovery step, so intents accepted before a
 * crash or restart are applied before the gateway answers again.
 */
import { openCidWorkflowAdapter, type CidWorkflowAdapter } from '../../adapters/cid/writeAdapter.js';
import type { CustodyAdapter } from '../../adapters/custody/adapter.js';
import { createOutbox, type CrashPoints, type Outbox, type WriteOperation } from './outbox.js';
import {
  caseOwnerInbox,
  instructionsOperation,
  recordReportingOutcome,
  reportingOutcomeOperation,
  reportingSchedule,
  setReportingInstructions,
  type RecordReportingOutcomeInput,
  type SetReportingInstructionsInput,
} from './reporting.js';
import {
  recordReleaseBeforeIoAttended,
  recordStatusCheck,
  releaseOperation,
  statusCheckOperation,
  statusCheckRates,
  uncheckedInCustody,
  type RecordReleaseInput,
  type RecordStatusCheckInput,
} from './statusChecks.js';
import { openWorkflowStore, type WorkflowStore } from './store.js';
import type { Caller, WorkflowDeps } from './types.js';

export interface WorkflowService {
  readonly deps: WorkflowDeps;
  reportingSchedule(caller: Caller, centre: string, date: string): ReturnType<typeof reportingSchedule>;
  recordReportingOutcome(caller: Caller, input: RecordReportingOutcomeInput): ReturnType<typeof recordReportingOutcome>;
  caseOwnerInbox(caller: Caller, unit: string, after?: string | null, limit?: number | null): ReturnType<typeof caseOwnerInbox>;
  setReportingInstructions(caller: Caller, input: SetReportingInstructionsInput): ReturnType<typeof setReportingInstructions>;
  recordStatusCheck(caller: Caller, input: RecordStatusCheckInput): ReturnType<typeof recordStatusCheck>;
  uncheckedInCustody(caller: Caller, force: string): ReturnType<typeof uncheckedInCustody>;
  statusCheckRates(caller: Caller, force: string, from: string, to: string): ReturnType<typeof statusCheckRates>;
  recordReleaseBeforeIoAttended(caller: Caller, input: RecordReleaseInput): ReturnType<typeof recordReleaseBeforeIoAttended>;
  /** Applies every accepted-but-unapplied intent (run at start). */
  recoverPending(): ReturnType<Outbox['recoverPending']>;
  close(): Promise<void>;
}

export interface WorkflowServiceOptions {
  readonly store: WorkflowStore;
  readonly cid: CidWorkflowAdapter;
  readonly custody: CustodyAdapter | null;
  /** The clock; default: the system clock. */
  readonly now?: () => Date;
  /** Test seam: simulate the process dying between outbox steps. */
  readonly crash?: CrashPoints;
  /** Close the store and adapters with the service (default true). */
  readonly owns?: boolean;
}

export function createWorkflowService(options: WorkflowServiceOptions): WorkflowService {
  const now = options.now ?? (() => new Date());
  const base = { store: options.store, cid: options.cid };
  const operations = [reportingOutcomeOperation(base), instructionsOperation(base), statusCheckOperation, releaseOperation] as unknown as ReadonlyArray<WriteOperation<never, unknown>>;
  const outbox = createOutbox({ store: options.store, operations, now, crash: options.crash });
  const deps: WorkflowDeps = { store: options.store, cid: options.cid, custody: options.custody, outbox, now };
  return {
    deps,
    reportingSchedule: (c, centre, date) => reportingSchedule(deps, c, centre, date),
    recordReportingOutcome: (c, i) => recordReportingOutcome(deps, c, i),
    caseOwnerInbox: (c, unit, after, limit) => caseOwnerInbox(deps, c, unit, after, limit),
    setReportingInstructions: (c, i) => setReportingInstructions(deps, c, i),
    recordStatusCheck: (c, i) => recordStatusCheck(deps, c, i),
    uncheckedInCustody: (c, force) => uncheckedInCustody(deps, c, force),
    statusCheckRates: (c, force, from, to) => statusCheckRates(deps, c, force, from, to),
    recordReleaseBeforeIoAttended: (c, i) => recordReleaseBeforeIoAttended(deps, c, i),
    recoverPending: () => outbox.recoverPending(),
    async close() {
      if (options.owns === false) return;
      await Promise.allSettled([options.store.close(), options.cid.close()]);
    },
  };
}

export interface OpenWorkflowOptions {
  /** GATEWAY_DATABASE_URL: the gateway's own store. */
  readonly storeUrl: string;
  /** CID_DATABASE_URL, opened writable for the workflow's writes. */
  readonly cidUrl: string;
  /** The runtime's custody adapter (read-only), if custody is configured. */
  readonly custody: CustodyAdapter | null;
  readonly now?: () => Date;
}

/** Opens the store (migrating it) and CID, then completes pending intents. */
export async function openWorkflowService(options: OpenWorkflowOptions): Promise<{ service: WorkflowService; recovered: Awaited<ReturnType<Outbox['recoverPending']>> }> {
  const store = await openWorkflowStore(options.storeUrl);
  const cid = openCidWorkflowAdapter(options.cidUrl);
  const service = createWorkflowService({ store, cid, custody: options.custody, now: options.now });
  const recovered = await service.recoverPending();
  return { service, recovered };
}
