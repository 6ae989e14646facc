/**
 * Status checks and custody (001 §4.7–4.12, fn 17; 000 rec. 1; 002 rec. 2–3): one central record of
 * every status check whatever the route, the immigration officer's worklist of foreign nationals in
 * custody with no check yet (most urgent PACE clock first), releases before an IO could attend, and
 * the management information that compares arrests with checks — counts only.
 */
import { randomUUID } from 'node:crypto';
import { parseCustodyKey } from '../../adapters/custody/adapter.js';
import { FORCE_CODES, type ForceCode } from '../domain/common.js';
import { CHECK_ROUTES, isPossibleForeignNational, type CheckRoute, type CustodyEpisode, type StatusCheckResult } from '../domain/custody.js';
import { NotFoundError, SourceUnavailableError } from '../domain/errors.js';
import { decideAggregate, decideCustodyEpisode } from '../policy/decide.js';
import { forbiddenWrite, unavailable } from './errors.js';
import type { WriteOperation } from './outbox.js';
import { authorise } from './permissions.js';
import { actorOf } from './reporting.js';
import type {
  Caller,
  ReleaseBeforeIoRecord,
  ReleaseReason,
  StatusCheckRates,
  StatusCheckRecord,
  UncheckedDetainee,
  UncheckedList,
  WorkflowDeps,
} from './types.js';
import { RELEASE_REASONS } from './types.js';
import { InputChecker } from './validate.js';

export const STATUS_CHECK_RESULTS: readonly StatusCheckResult[] = ['NO_TRACE', 'IMMIGRATION_OFFENDER', 'LAWFUL', 'BRITISH_CONFIRMED', 'EEA_LAWFUL'];

/** PACE: 24 hours, 36 with a superintendent's authority (001 fn 17). */
export const PACE_EXTENDED_HOURS = 36;

/** Which routes each role records checks for: CCU by telephone, IOs in the suite or the local office (001 §4.7–4.11). */
export const ROUTES_BY_ROLE: Readonly<Record<string, readonly CheckRoute[]>> = Object.freeze({
  CCU_CALL_HANDLER: ['CCU'],
  EMBEDDED_IO: ['EMBEDDED_IO', 'LOCAL_IO'],
  JOC_IO: ['CCU', 'EMBEDDED_IO', 'LOCAL_IO'],
});

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function custodyOrFail(deps: WorkflowDeps) {
  if (!deps.custody) throw unavailable('No custody database is configured; nothing was recorded.');
  return deps.custody;
}

/** Checks a custody record key against the force and reads it; errors name the field. */
async function episodeFor(deps: WorkflowDeps, check: InputChecker, key: string, force: ForceCode, field: string): Promise<CustodyEpisode | null> {
  const parsed = parseCustodyKey(key);
  if (!parsed || parsed.force !== force) {
    check.add(field, `"${key}" is not a ${force} custody record key "${force}/<custody record number>".`);
    return null;
  }
  const [found] = await custodyOrFail(deps).episodesByKeys([key]);
  if (found instanceof NotFoundError) {
    check.add(field, `${force} custody holds no record "${key}".`);
    return null;
  }
  if (found instanceof SourceUnavailableError) throw found;
  if (found instanceof Error) {
    check.add(field, found.message);
    return null;
  }
  return found ?? null;
}

// --- recordStatusCheck -------------------------------------------------------------------------

export interface RecordStatusCheckInput {
  readonly idempotencyKey: string;
  readonly force: string;
  readonly suite?: string | null;
  readonly custodyRecord?: string | null;
  readonly personRef?: string | null;
  readonly route: string;
  readonly result: string;
  readonly checkedAt?: string | null;
  readonly notes?: string | null;
}

type StatusCheckPayload = Omit<StatusCheckRecord, 'recordedAt' | 'checkedBy' | 'checkedByRole'> & { readonly notes: string | null };

export const statusCheckOperation: WriteOperation<StatusCheckPayload, StatusCheckRecord> = {
  name: 'recordStatusCheck',
  target: () => null,
  async complete(trx, env) {
    const p = env.payload;
    const record: StatusCheckRecord = {
      id: p.id,
      force: p.force,
      suite: p.suite,
      custodyRecord: p.custodyRecord,
      personRef: p.personRef,
      route: p.route,
      result: p.result,
      checkedAt: p.checkedAt,
      checkedBy: env.actor.displayName,
      checkedByRole: env.actor.role,
      recordedAt: env.acceptedAt,
    };
    await trx('wf_status_check').insert({
      id: record.id,
      force: record.force,
      suite: record.suite,
      custody_record: record.custodyRecord,
      person_ref: record.personRef,
      route: record.route,
      result: record.result,
      checked_at: record.checkedAt,
      checked_by: env.actor.userId,
      checked_by_role: env.actor.role,
      notes: p.notes,
      recorded_at: record.recordedAt,
    });
    return record;
  },
};

export async function recordStatusCheck(deps: WorkflowDeps, caller: Caller, input: RecordStatusCheckInput): Promise<StatusCheckRecord & { replayed: boolean; idempotencyKey: string }> {
  const policy = authorise(caller.policy, 'recordStatusCheck');
  const check = new InputChecker();
  const key = check.idempotencyKey(input.idempotencyKey);
  const force = check.oneOf('force', input.force, FORCE_CODES);
  const route = check.oneOf('route', input.route, CHECK_ROUTES);
  const result = check.oneOf('result', input.result, STATUS_CHECK_RESULTS);
  const suite = check.text('suite', input.suite, { max: 120 });
  const custodyRecord = check.text('custodyRecord', input.custodyRecord, { max: 80 });
  const personRef = check.text('personRef', input.personRef, { max: 120 });
  const notes = check.text('notes', input.notes, { max: 2000 });
  const checkedAt = check.instant('checkedAt', input.checkedAt) ?? iso(deps.now());
  if (Date.parse(checkedAt) > deps.now().getTime() + 5 * 60_000) check.add('checkedAt', 'is in the future.');
  if (!custodyRecord && !personRef) check.add('custodyRecord', 'give the custody record (or personRef) the check was about.');
  const allowed = ROUTES_BY_ROLE[policy.principal.role] ?? [];
  if (route && !allowed.includes(route)) check.add('route', `${policy.principal.role} records checks made via ${allowed.join(' or ')}, not ${route}.`);
  check.done();
  if (policy.principal.role === 'EMBEDDED_IO' && policy.principal.force && policy.principal.force !== force) {
    throw forbiddenWrite('ForceOfWorkRule', `you work with ${policy.principal.force}; checks at ${force} are recorded by officers working there or CCU.`);
  }
  const { idempotencyKey: _k, ...hashInput } = input;
  const run = await deps.outbox.run(statusCheckOperation, {
    actor: actorOf(policy),
    idempotencyKey: key!,
    hashInput,
    validate: async () => {
      const v = new InputChecker();
      const episode = custodyRecord ? await episodeFor(deps, v, custodyRecord, force!, 'custodyRecord') : null;
      v.done();
      caller.audit?.disclosed({ coordinate: 'Mutation.recordStatusCheck', source: custodyRecord ? 'custody' : null });
      return { id: randomUUID(), force: force!, suite: suite ?? episode?.suite ?? null, custodyRecord, personRef, route: route!, result: result!, checkedAt, notes };
    },
  });
  return { ...run.result, replayed: run.replayed, idempotencyKey: key! };
}

// --- recordReleaseBeforeIoAttended -------------------------------------------------------------

export interface RecordReleaseInput {
  readonly idempotencyKey: string;
  readonly force: string;
  readonly custodyRecord: string;
  readonly suite?: string | null;
  readonly releasedAt: string;
  readonly ioRequestedAt?: string | null;
  readonly reason: string;
  readonly notes?: string | null;
}

type ReleasePayload = Omit<ReleaseBeforeIoRecord, 'recordedBy' | 'recordedAt'> & { readonly notes: string | null };

export const releaseOperation: WriteOperation<ReleasePayload, ReleaseBeforeIoRecord> = {
  name: 'recordReleaseBeforeIoAttended',
  target: (p) => `release-before-io:${p.custodyRecord}`,
  async complete(trx, env) {
    const p = env.payload;
    await trx('wf_release_before_io').insert({
      id: p.id,
      force: p.force,
      suite: p.suite,
      custody_record: p.custodyRecord,
      released_at: p.releasedAt,
      io_requested_at: p.ioRequestedAt,
      reason: p.reason,
      notes: p.notes,
      recorded_by: env.actor.userId,
      recorded_by_role: env.actor.role,
      recorded_at: env.acceptedAt,
    });
    return { id: p.id, force: p.force, suite: p.suite, custodyRecord: p.custodyRecord, releasedAt: p.releasedAt, ioRequestedAt: p.ioRequestedAt, reason: p.reason, recordedBy: env.actor.displayName, recordedAt: env.acceptedAt };
  },
};

export async function recordReleaseBeforeIoAttended(deps: WorkflowDeps, caller: Caller, input: RecordReleaseInput): Promise<ReleaseBeforeIoRecord & { replayed: boolean; idempotencyKey: string }> {
  const policy = authorise(caller.policy, 'recordReleaseBeforeIoAttended');
  const check = new InputChecker();
  const key = check.idempotencyKey(input.idempotencyKey);
  const force = check.oneOf('force', input.force, FORCE_CODES);
  const custodyRecord = check.text('custodyRecord', input.custodyRecord, { required: true, max: 80 });
  const suite = check.text('suite', input.suite, { max: 120 });
  const releasedAt = check.instant('releasedAt', input.releasedAt, true);
  const ioRequestedAt = check.instant('ioRequestedAt', input.ioRequestedAt);
  const reason = check.oneOf<ReleaseReason>('reason', input.reason, RELEASE_REASONS);
  const notes = check.text('notes', input.notes, { max: 2000 });
  if (reason === 'OTHER' && !notes) check.add('notes', 'is required when the reason is OTHER.');
  if (releasedAt && ioRequestedAt && ioRequestedAt > releasedAt) check.add('ioRequestedAt', 'is after releasedAt: the IO must have been asked for before the release.');
  if (releasedAt && Date.parse(releasedAt) > deps.now().getTime() + 5 * 60_000) check.add('releasedAt', 'is in the future.');
  check.done();
  const p = policy.principal;
  if (p.organisation !== 'HOME_OFFICE' && p.organisation !== force) throw forbiddenWrite('ForceOfWorkRule', `${p.organisation} officers record releases from their own force's custody, not ${force}.`);
  if (p.organisation === 'HOME_OFFICE' && p.role === 'EMBEDDED_IO' && p.force && p.force !== force) throw forbiddenWrite('ForceOfWorkRule', `you work with ${p.force}, not ${force}.`);
  const { idempotencyKey: _k, ...hashInput } = input;
  const run = await deps.outbox.run(releaseOperation, {
    actor: actorOf(policy),
    idempotencyKey: key!,
    hashInput,
    validate: async () => {
      const v = new InputChecker();
      const episode = await episodeFor(deps, v, custodyRecord!, force!, 'custodyRecord');
      if (episode?.arrestedAt && releasedAt && releasedAt < episode.arrestedAt) v.add('releasedAt', `is before the arrest (${episode.arrestedAt}).`);
      v.done();
      caller.audit?.disclosed({ coordinate: 'Mutation.recordReleaseBeforeIoAttended', source: 'custody' });
      return { id: randomUUID(), force: force!, suite: suite ?? episode?.suite ?? null, custodyRecord: custodyRecord!, releasedAt: releasedAt!, ioRequestedAt, reason: reason!, notes };
    },
  });
  return { ...run.result, replayed: run.replayed, idempotencyKey: key! };
}

// --- uncheckedInCustody ------------------------------------------------------------------------

function whyForeign(e: CustodyEpisode): string[] {
  const why: string[] = [];
  if (e.declaredNationality && e.declaredNationality !== 'GBR') why.push(`Declared nationality ${e.declaredNationality}.`);
  if (e.nationalityDoubted) why.push('The custody officer doubts the declared nationality.');
  if (e.fingerprintHit) why.push('Custody fingerprints matched Home Office records (IDENT1).');
  return why;
}

async function centrallyChecked(deps: WorkflowDeps, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = (await deps.store.db('wf_status_check').select('custody_record').whereIn('custody_record', [...keys])) as { custody_record: string }[];
  return new Set(rows.map((r) => r.custody_record));
}

export async function uncheckedInCustody(deps: WorkflowDeps, caller: Caller, forceIn: string): Promise<UncheckedList> {
  const policy = authorise(caller.policy, 'uncheckedInCustody');
  const check = new InputChecker();
  const force = check.oneOf('force', forceIn, FORCE_CODES);
  check.done();
  const decision = decideCustodyEpisode(policy, { force: force! });
  caller.audit?.record({ coordinate: 'Query.uncheckedInCustody', source: 'custody' }, decision);
  if (decision.effect === 'DENY') throw forbiddenWrite(decision.refusal.rule, decision.refusal.reason, true);
  if (decision.effect === 'WITHHOLD') throw forbiddenWrite(decision.rule, 'custody data of this force is not available to you.', true);
  const fields = decision.fields ? new Set(decision.fields) : null;
  const may = (f: string) => fields === null || fields.has(f);
  const now = iso(deps.now());
  const listed = await custodyOrFail(deps).inCustodyWithoutStatusCheck(force!, now);
  const checked = await centrallyChecked(deps, listed.map((u) => u.episode.ref.key));
  const detainees: UncheckedDetainee[] = [];
  for (const u of listed) {
    const e = u.episode;
    if (checked.has(e.ref.key)) continue;
    caller.audit?.disclosed({ coordinate: 'UncheckedDetainee', source: 'custody' });
    detainees.push({
      custodyRecord: e.ref.key,
      suite: may('suite') ? e.suite : null,
      arrestedAt: may('arrestedAt') ? e.arrestedAt : null,
      declaredNationality: may('declaredNationality') ? e.declaredNationality : null,
      whyForeignNational: whyForeign({ ...e, fingerprintHit: may('fingerprintHit') ? e.fingerprintHit : null }),
      paceClockExpiresAt: u.paceClockExpiresAt,
      extendedClockExpiresAt: e.arrestedAt ? iso(new Date(Date.parse(e.arrestedAt) + PACE_EXTENDED_HOURS * 3_600_000)) : null,
      minutesRemaining: u.minutesRemaining,
      name: may('name') ? e.name : null,
      dateOfBirth: may('dateOfBirth') ? e.dateOfBirth : null,
    });
  }
  return { force: force!, at: now, detainees, checkedCentrally: listed.length - detainees.length };
}

// --- statusCheckRates (MI: counts only) --------------------------------------------------------

export async function statusCheckRates(deps: WorkflowDeps, caller: Caller, forceIn: string, fromIn: string, toIn: string): Promise<StatusCheckRates> {
  const policy = authorise(caller.policy, 'statusCheckRates');
  const check = new InputChecker();
  const force = check.oneOf('force', forceIn, FORCE_CODES);
  const from = check.instant('from', fromIn, true);
  const to = check.instant('to', toIn, true);
  if (from && to && from >= to) check.add('to', 'must be after from.');
  check.done();
  const decision = decideAggregate(policy);
  caller.audit?.record({ coordinate: 'Query.statusCheckRates', source: 'custody' }, decision);
  if (decision.effect !== 'ALLOW') throw forbiddenWrite(decision.effect === 'DENY' ? decision.refusal.rule : decision.rule, 'management information is counts only, for MI analysts.', true);
  const custody = custodyOrFail(deps);
  const counts = await custody.arrestCounts(force!, from!, to!);
  // Central records (002 rec. 3): a check recorded here for an arrest the custody database shows
  // unchecked turns that arrest into a checked one, under the central record's route.
  const central = (await deps.store.db('wf_status_check').select('custody_record', 'route', 'checked_at').where('force', force!)) as { custody_record: string | null; route: CheckRoute; checked_at: string }[];
  const byRoute: Record<CheckRoute, number> = { ...counts.checksByRoute };
  let notChecked = counts.notChecked;
  let withoutRecord = 0;
  const keyed = new Map<string, CheckRoute>();
  for (const c of central) {
    if (c.custody_record) {
      if (!keyed.has(c.custody_record)) keyed.set(c.custody_record, c.route);
    } else if (c.checked_at >= from! && c.checked_at < to!) withoutRecord++;
  }
  const episodes = await custody.episodesByKeys([...keyed.keys()]);
  for (const e of episodes) {
    if (e instanceof SourceUnavailableError) throw e;
    if (e instanceof Error || !e.arrestedAt || e.arrestedAt < from! || e.arrestedAt >= to!) continue;
    if (!isPossibleForeignNational(e) || e.statusCheck.requested) continue;
    byRoute[keyed.get(e.ref.key)!]++;
    notChecked--;
  }
  const releases = (await deps.store.db('wf_release_before_io').where('force', force!).andWhere('released_at', '>=', from!).andWhere('released_at', '<', to!).count({ n: '*' }).first()) as { n: unknown } | undefined;
  const checked = counts.foreignNationalArrests - notChecked;
  return {
    force: force!,
    from: from!,
    to: to!,
    arrests: counts.arrests,
    foreignNationalArrests: counts.foreignNationalArrests,
    checked,
    notChecked,
    checkRate: counts.foreignNationalArrests > 0 ? Math.round((checked / counts.foreignNationalArrests) * 10_000) / 10_000 : null,
    byRoute: CHECK_ROUTES.map((route) => ({ route, checks: byRoute[route] })),
    centralChecksWithoutCustodyRecord: withoutRecord,
    releasedBeforeIoAttended: counts.releasedBeforeIoAttended + Number(releases?.n ?? 0),
    undatedRecords: counts.undatedRecords,
  };
}
