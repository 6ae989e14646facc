/**
 * The per-source resilience policy on its own (src/resilience): time budget, retries for reads
 * only, the circuit breaker opening, half-opening and closing, the bulkhead, and the errors that
 * name the source and the reason.
 */
import { describe, expect, it } from 'vitest';
import type { SourceResilienceConfig } from '../../src/config/types.js';
import { SourceHealthStore } from '../../src/context/sourceHealth.js';
import { SourceCallLog } from '../../src/context/sourceCalls.js';
import { SourceUnavailableError } from '../../src/domain/errors.js';
import { SourceCallFailedError } from '../../src/resilience/errors.js';
import { attachResilience, SourceResilience } from '../../src/resilience/registry.js';
import { createSourcePolicy, type CircuitStatus } from '../../src/resilience/sourcePolicy.js';

const settings: SourceResilienceConfig = { timeoutMs: 200, retries: 2, retryBaseMs: 5, breakerFailures: 3, breakerHalfOpenMs: 150, concurrency: 2 };
const down = () => Promise.reject(new SourceUnavailableError('pnc', 'batch enquiry: HTTP 503'));
const never = () => new Promise<never>(() => undefined);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function failure(p: Promise<unknown>): Promise<SourceCallFailedError> {
  const e = await p.then(() => null, (error: unknown) => error);
  expect(e).toBeInstanceOf(SourceCallFailedError);
  return e as SourceCallFailedError;
}

describe('createSourcePolicy', () => {
  it('answers within the budget when the source never answers, with reason TIMEOUT', async () => {
    const policy = createSourcePolicy('acro', { ...settings, retries: 0 });
    const started = performance.now();
    const e = await failure(policy.read(never));
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(400);
    expect(e).toMatchObject({ code: 'SOURCE_TIMEOUT', reason: 'TIMEOUT', source: 'acro' });
    expect(e.extensions).toEqual({ reason: 'TIMEOUT', timeoutMs: 200 });
    expect(e.message).toBe('Source "acro" could not be read: no answer within 200 ms');
  });

  it('retries a failed read with backoff, and succeeds when the source recovers', async () => {
    const policy = createSourcePolicy('pnc', settings);
    let calls = 0;
    const flaky = () => (++calls < 3 ? down() : Promise.resolve('ok'));
    await expect(policy.read(flaky)).resolves.toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after the retries, naming the source and the reason, with the attempts made', async () => {
    const policy = createSourcePolicy('pnc', settings);
    let calls = 0;
    const e = await failure(policy.read(() => (calls++, down())));
    expect(calls).toBe(3);
    expect(e).toMatchObject({ code: 'SOURCE_UNAVAILABLE', reason: 'SOURCE_ERROR' });
    expect(e.extensions).toEqual({ reason: 'SOURCE_ERROR', attempts: 3 });
    expect(e.message).toBe('Source "pnc" could not be read: batch enquiry: HTTP 503');
  });

  it('never retries a write', async () => {
    const policy = createSourcePolicy('acro', settings);
    let calls = 0;
    await failure(policy.write(() => (calls++, down())));
    expect(calls).toBe(1);
  });

  it('does not retry an error that a second attempt would meet again (bad input)', async () => {
    const policy = createSourcePolicy('pnc', settings);
    let calls = 0;
    const bad = () => (calls++, Promise.reject(new Error('bug')));
    await expect(policy.read(bad)).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });

  it('opens the circuit after repeated failures, refuses at once while open, half-opens to probe and closes on success', async () => {
    const states: CircuitStatus[] = [];
    const policy = createSourcePolicy('pnc', { ...settings, retries: 0 }, { onCircuit: (_s, state) => states.push(state) });
    for (let i = 0; i < 3; i++) await failure(policy.read(down));
    expect(policy.circuit()).toBe('OPEN');
    let called = false;
    const started = performance.now();
    const e = await failure(policy.read(async () => ((called = true), 'x')));
    expect(performance.now() - started).toBeLessThan(50);
    expect(called).toBe(false);
    expect(e).toMatchObject({ code: 'SOURCE_UNAVAILABLE', reason: 'CIRCUIT_OPEN' });
    expect(e.extensions).toMatchObject({ reason: 'CIRCUIT_OPEN', retryAfterMs: 150 });

    await sleep(170);
    // The probe fails: open again.
    await failure(policy.read(down));
    expect(policy.circuit()).toBe('OPEN');
    await sleep(170);
    await expect(policy.read(async () => 'back')).resolves.toBe('back');
    expect(policy.circuit()).toBe('CLOSED');
    expect(states).toEqual(['OPEN', 'HALF_OPEN', 'OPEN', 'HALF_OPEN', 'CLOSED']);
  });

  it('counts a hung attempt as a failure of the source', async () => {
    const policy = createSourcePolicy('dva', { ...settings, retries: 0, timeoutMs: 30, breakerFailures: 2 });
    await failure(policy.read(never));
    await failure(policy.read(never));
    expect(policy.circuit()).toBe('OPEN');
  });

  it('refuses at once beyond its concurrency and queue (bulkhead)', async () => {
    const policy = createSourcePolicy('pnc', { ...settings, concurrency: 1, timeoutMs: 300 });
    const slow = () => sleep(100).then(() => 'slow');
    const first = policy.read(slow);
    const queued = policy.read(slow);
    const started = performance.now();
    const e = await failure(policy.read(slow));
    expect(performance.now() - started).toBeLessThan(50);
    expect(e).toMatchObject({ reason: 'BULKHEAD_FULL', code: 'SOURCE_UNAVAILABLE' });
    await expect(first).resolves.toBe('slow');
    await expect(queued).resolves.toBe('slow');
  });
});

describe('RequestScope.track with resilience attached', () => {
  it('puts every batch call through its source\'s policy and reports the breaker to the health store', async () => {
    const health = new SourceHealthStore();
    const all = { ...settings, retries: 0, breakerFailures: 2 };
    attachResilience(health, new SourceResilience({ cid: all, custody: all, pathfinder: all, pnc: all, acro: all, dva: all }, health));
    const scope = new SourceCallLog(health);
    const batch = scope.track<string, string>('pnc', 'recordsByPncId', () => down());
    await expect(batch(['a'])).rejects.toMatchObject({ reason: 'SOURCE_ERROR' });
    await expect(batch(['b'])).rejects.toMatchObject({ reason: 'SOURCE_ERROR' });
    expect(health.circuit('pnc')).toBe('OPEN');
    expect(health.circuit('cid')).toBe('CLOSED');
    await expect(batch(['c'])).rejects.toMatchObject({ reason: 'CIRCUIT_OPEN', code: 'SOURCE_UNAVAILABLE' });
    expect(scope.summary().pnc).toMatchObject({ calls: 3, failedCalls: 3 });
    expect(health.lastError('pnc')?.message).toMatch(/^SOURCE_UNAVAILABLE: circuit open/);
    // Per-key answers (not found) are not failures.
    const ok = scope.track<string, string | Error>('cid', 'caseById', async (keys) => keys.map(() => new Error('x')));
    for (let i = 0; i < 3; i++) await ok(['k']);
    expect(health.circuit('cid')).toBe('CLOSED');
  });
});
