/**
 * Rules for every write (issue 7): a retry with the same key returns the original result and never
 * doubles a record; the same key with other input is a CONFLICT; when CID is down or refuses,
 * nothing is half-applied and the caller is told what to retry; an intent accepted before a crash is
 * completed by the recovery step on the next start, exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CidWorkflowAdapter } from '../../adapters/cid/writeAdapter.js';
import { createCidWorkflowAdapter } from '../../adapters/cid/writeAdapter.js';
import type { TrueCase, TrueReportingEvent } from '../../mocks/estate/model.js';
import { openDatabase } from '../../src/db/connect.js';
import { SourceUnavailableError } from '../../src/domain/errors.js';
import { WorkflowError } from '../../src/workflow/errors.js';
import type { WorkflowService } from '../../src/workflow/service.js';
import { pgStatus } from '../support/postgres.js';
import { caller, createWorkflowFixture, population, type Engine, type WorkflowFixture, rejects } from './fixture.js';

/** Open restrictions with blank events (distinct cases), and a completed event for the CONFLICT case. */
function blankEvents(n: number): { c: TrueCase; e: TrueReportingEvent }[] {
  const out: { c: TrueCase; e: TrueReportingEvent }[] = [];
  for (const p of population.persons) {
    for (const c of p.cases) {
      const r = c.restriction;
      const e = r?.status === 'OPEN' ? r.events.find((x) => x.result === null && x.dueAt < '2017-03-01') : undefined;
      if (e && out.length < n) out.push({ c, e });
    }
  }
  if (out.length < n) throw new Error('not enough blank events in the test population');
  return out;
}
function completedEvent(): { c: TrueCase; e: TrueReportingEvent } {
  for (const p of population.persons) for (const c of p.cases) {
    const e = c.restriction?.events.find((x) => x.result === 'COMPLETED');
    if (e) return { c, e };
  }
  throw new Error('no completed event');
}

type Ev = { c: TrueCase; e: TrueReportingEvent };
const [a, b, c, d, e] = blankEvents(5) as [Ev, Ev, Ev, Ev, Ev];
const done = completedEvent();
const rom = () => caller({ role: 'REPORTING_CENTRE_OFFICER' }, 'REPORTING');

/** CID that is "down" for writes (reads still answer, as when a write lock times out). */
function cidDownForWrites(real: CidWorkflowAdapter): CidWorkflowAdapter {
  return {
    ...real,
    writeReportingOutcome: async () => {
      throw new SourceUnavailableError('cid', 'writeReportingOutcome: connection refused');
    },
  };
}

function suite(engine: Engine): void {
  let fx: WorkflowFixture;
  let wf: WorkflowService;
  const counts = async (eventId: string) => {
    const store = (await fx.service()).deps.store.db;
    const outcomes = await store('wf_reporting_outcome').where('event_id', eventId);
    const inbox = await store('wf_inbox').where('event_id', eventId);
    const cid = fx.cidDb();
    const ev = await cid('cid_rep_event').where('event_id', eventId).first();
    const caseId = (await cid('cid_rep_restriction').where('restriction_id', ev.restriction_id).first()).case_id;
    const notes = await cid('cid_case_note').where('case_id', caseId).andWhere('note_text', 'like', '[PCV %');
    return { outcomes: outcomes.length, inbox: inbox.length, cidResult: ev.result_txt as string | null, notes: notes.length };
  };

  beforeAll(async () => {
    fx = await createWorkflowFixture(engine);
    wf = await fx.service();
  }, 120_000);
  afterAll(async () => {
    await fx?.cleanup();
  });

  it('a retry with the same key returns the original result and writes nothing twice', async () => {
    const input = { idempotencyKey: 'retry-same-0001', eventId: a.e.id, outcome: 'ATTENDED' };
    const first = await wf.recordReportingOutcome(rom(), input);
    const again = await wf.recordReportingOutcome(rom(), input);
    expect(again.replayed).toBe(true);
    expect({ ...again, replayed: false }).toEqual(first);
    expect(await counts(a.e.id)).toEqual({ outcomes: 1, inbox: 1, cidResult: 'COMPLETED', notes: 1 });
  });

  it('the same key with different input is a CONFLICT naming the key; another key for the same event too', async () => {
    const err = await rejects(wf.recordReportingOutcome(rom(), { idempotencyKey: 'retry-same-0001', eventId: a.e.id, outcome: 'NO_SHOW' }));
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey', retryable: false });
    const twice = await rejects(wf.recordReportingOutcome(rom(), { idempotencyKey: 'other-key-0001', eventId: a.e.id, outcome: 'NO_SHOW' }));
    expect(twice.code).toBe('CONFLICT');
    expect(await counts(a.e.id)).toEqual({ outcomes: 1, inbox: 1, cidResult: 'COMPLETED', notes: 1 });
  });

  it('names every bad field', async () => {
    const err = await rejects(wf.recordReportingOutcome(rom(), { idempotencyKey: 'x', eventId: '', outcome: 'EXCUSED' }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.problems.map((p) => p.field)).toEqual(['idempotencyKey', 'eventId', 'reason']);
    const unknown = await rejects(wf.recordReportingOutcome(rom(), { idempotencyKey: 'unknown-event-1', eventId: 'NOPE', outcome: 'ATTENDED' }));
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId' });
  });

  it('CID down: nothing half-applied, retryable with the same key, then applied once', async () => {
    const down = await fx.service({ cid: cidDownForWrites(createCidWorkflowAdapter(openDatabase(fx.cidUrl, { poolMax: 1 }))) });
    const input = { idempotencyKey: 'cid-down-00001', eventId: b.e.id, outcome: 'NO_SHOW' };
    const err = await rejects(down.recordReportingOutcome(rom(), input));
    expect(err).toMatchObject({ code: 'SOURCE_UNAVAILABLE', retryable: true, idempotencyKey: 'cid-down-00001' });
    expect(await counts(b.e.id)).toEqual({ outcomes: 0, inbox: 0, cidResult: null, notes: 0 });
    const intent = await down.deps.store.findIntent('test.reporting_centre_officer', 'cid-down-00001');
    expect(intent).toMatchObject({ status: 'ACCEPTED', attempts: 1 });
    const ok = await wf.recordReportingOutcome(rom(), input);
    expect(ok.outcome).toBe('NO_SHOW');
    expect(await counts(b.e.id)).toEqual({ outcomes: 1, inbox: 2, cidResult: 'NO SHOW', notes: 1 });
  });

  it('CID refuses: the intent is rejected, nothing is written, the refusal is stable on retry', async () => {
    const input = { idempotencyKey: 'cid-refuses-01', eventId: done.e.id, outcome: 'NO_SHOW' };
    const err = await rejects(wf.recordReportingOutcome(rom(), input));
    expect(err).toMatchObject({ code: 'CONFLICT', field: 'outcome', retryable: false });
    expect(await counts(done.e.id)).toEqual({ outcomes: 0, inbox: 0, cidResult: 'COMPLETED', notes: 0 });
    expect((await rejects(wf.recordReportingOutcome(rom(), input))).code).toBe('CONFLICT');
    // The event is free again for a correct outcome under a new key.
    const fixed = await wf.recordReportingOutcome(rom(), { idempotencyKey: 'cid-refuses-02', eventId: done.e.id, outcome: 'ATTENDED' });
    expect(fixed.outcome).toBe('ATTENDED');
  });

  it('crash after CID committed: recovery on the next start completes it exactly once', async () => {
    const crashing = await fx.service({
      crash: {
        afterLegacyApply: () => {
          throw new Error('process killed');
        },
      },
    });
    await expect(crashing.recordReportingOutcome(rom(), { idempotencyKey: 'crash-after-cid', eventId: c.e.id, outcome: 'DETAINED' })).rejects.toThrow();
    expect(await counts(c.e.id)).toEqual({ outcomes: 0, inbox: 0, cidResult: 'COMPLETED', notes: 1 });
    const restarted = await fx.service();
    const recovered = await restarted.recoverPending();
    expect(recovered.applied).toBeGreaterThanOrEqual(1);
    expect(await counts(c.e.id)).toEqual({ outcomes: 1, inbox: 1, cidResult: 'COMPLETED', notes: 1 });
    const replay = await restarted.recordReportingOutcome(rom(), { idempotencyKey: 'crash-after-cid', eventId: c.e.id, outcome: 'DETAINED' });
    expect(replay).toMatchObject({ replayed: true, outcome: 'DETAINED' });
  });

  it('crash right after accepting: nothing reached CID, recovery applies it', async () => {
    const crashing = await fx.service({
      crash: {
        afterAccept: () => {
          throw new Error('process killed');
        },
      },
    });
    await expect(crashing.recordReportingOutcome(rom(), { idempotencyKey: 'crash-after-accept', eventId: d.e.id, outcome: 'EXCUSED', reason: 'In hospital' })).rejects.toThrow('process killed');
    expect(await counts(d.e.id)).toEqual({ outcomes: 0, inbox: 0, cidResult: null, notes: 0 });
    const restarted = await fx.service();
    await restarted.recoverPending();
    expect(await counts(d.e.id)).toEqual({ outcomes: 1, inbox: 1, cidResult: null, notes: 1 });
  });

  it('concurrent retries of one key record once', async () => {
    const input = { idempotencyKey: 'concurrent-0001', eventId: e.e.id, outcome: 'ATTENDED' };
    const results = await Promise.allSettled([wf.recordReportingOutcome(rom(), input), wf.recordReportingOutcome(rom(), input), wf.recordReportingOutcome(rom(), input)]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as WorkflowError).retryable).toBe(true);
    await (await fx.service()).recoverPending();
    expect(await counts(e.e.id)).toEqual({ outcomes: 1, inbox: 1, cidResult: 'COMPLETED', notes: 1 });
  });
}

describe('write safety on SQLite', () => suite('sqlite'));
describe.skipIf(!pgStatus.available)('write safety on PostgreSQL', () => suite('postgres'));
