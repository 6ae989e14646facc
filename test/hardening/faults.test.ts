/**
 * Legacy sources misbehaving behind a real gateway (the mock services' fault injection): a PNC that
 * never answers, answers too slowly, fails or sends a truncated body gives a partial answer within
 * PNC's budget that names the source and the reason; repeated failures open PNC's circuit (shown by
 * the `sources` query), later calls are refused without calling PNC, and the circuit closes again
 * once PNC answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../support/gateway.js';

const PNC_TIMEOUT_MS = 600;
const HALF_OPEN_MS = 800;
let gw: TestGateway;
let pncId: string;

beforeAll(async () => {
  gw = await createTestGateway({
    env: {
      PNC_TIMEOUT_MS: String(PNC_TIMEOUT_MS),
      PNC_RETRIES: '1',
      SOURCE_RETRY_BASE_MS: '20',
      SOURCE_BREAKER_FAILURES: '3',
      SOURCE_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_MS),
    },
  });
  const pnc = JSON.parse(readFileSync(join(gw.estateDir, 'services', 'pnc.json'), 'utf8')) as { subjects: Array<{ pncId: string }> };
  pncId = pnc.subjects[0]!.pncId;
}, 120_000);
afterAll(() => gw?.close());
afterEach(() => gw.mocks.faults.reset());

const PARTIAL = 'query Partial($k: ID!) { pncRecord(pncId: $k) { pncId croNumber } pathfinderWorkbooks { workbook } }';

async function setFaults(body: unknown): Promise<void> {
  // Through the admin route, as an operator would.
  const res = await fetch(`${gw.mocks.url}/pnc/_admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

async function timed(query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const res = await gw.request(query, variables);
  return { res, ms: performance.now() - started };
}

async function circuit(): Promise<string> {
  const res = await gw.request('{ sources { name circuit } }');
  const sources = (res.body.data?.sources ?? []) as Array<{ name: string; circuit: string }>;
  return sources.find((s) => s.name === 'pnc')!.circuit;
}

function pncError(res: Awaited<ReturnType<TestGateway['request']>>) {
  return res.body.errors?.find((e) => e.path?.[0] === 'pncRecord');
}

describe('partial answers within the source\'s budget', () => {
  it('reads PNC normally without faults (the baseline)', async () => {
    const { res } = await timed(PARTIAL, { k: pncId });
    expect(res.body.errors ?? []).toEqual([]);
    expect(res.body.data?.pncRecord).toMatchObject({ pncId });
  });

  it.each([
    ['a PNC that never answers', { timeoutEvery: 1 }, 'SOURCE_TIMEOUT', 'TIMEOUT'],
    ['a PNC slower than its budget', { latencyMs: 5_000 }, 'SOURCE_TIMEOUT', 'TIMEOUT'],
    ['a PNC answering errors', { errorEvery: 1 }, 'SOURCE_UNAVAILABLE', 'SOURCE_ERROR'],
    ['a PNC answering truncated bodies', { malformedEvery: 1 }, 'SOURCE_MALFORMED_RESPONSE', 'SOURCE_ERROR'],
  ])('%s', async (_what, faults, code, reason) => {
    await setFaults({ pnc: faults });
    const { res, ms } = await timed(PARTIAL, { k: pncId });
    expect(ms).toBeLessThan(PNC_TIMEOUT_MS + 500);
    expect(res.status).toBe(200);
    expect(res.body.data?.pncRecord).toBeNull();
    // The rest of the answer is there.
    expect((res.body.data?.pathfinderWorkbooks as unknown[]).length).toBeGreaterThan(0);
    expect(pncError(res)?.extensions).toMatchObject({ code, source: 'pnc', reason });
    expect(pncError(res)?.message).toMatch(/^Source "pnc" could not be read: /);
    await gw.mocks.faults.reset();
    // Let the breaker forget these failures before the next case (each case fails at most 2 calls).
    await timed(PARTIAL, { k: pncId });
  });

  it('retries a failed read: one injected error in two calls costs no answer', async () => {
    await setFaults({ pnc: { errorEvery: 2 } });
    // The first call is answered; the next fails once and is retried.
    for (let i = 0; i < 2; i++) {
      const { res } = await timed(PARTIAL, { k: pncId });
      expect(pncError(res)).toBeUndefined();
      expect(res.body.data?.pncRecord).toMatchObject({ pncId });
    }
    expect(gw.mocks.faults.stats('pnc')).toMatchObject({ error: 1 });
  });
});

describe('the circuit breaker', () => {
  it('opens after repeated failures, refuses without calling PNC, half-opens and closes when PNC is back', async () => {
    expect(await circuit()).toBe('CLOSED');
    await setFaults({ pnc: { errorEvery: 1 } });
    // Each request fails PNC twice (a retry), so two requests make three consecutive failures.
    for (let i = 0; i < 2; i++) await timed(PARTIAL, { k: pncId });
    expect(await circuit()).toBe('OPEN');

    const calls = gw.mocks.faults.stats('pnc').requests;
    const { res, ms } = await timed(PARTIAL, { k: pncId });
    expect(ms).toBeLessThan(300);
    expect(pncError(res)?.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'pnc', reason: 'CIRCUIT_OPEN' });
    expect(gw.mocks.faults.stats('pnc').requests).toBe(calls); // not called (the sources probe above is a ping, made before)
    const status = await gw.request('{ sources { name circuit lastError } }');
    const pnc = (status.body.data?.sources as Array<{ name: string; circuit: string; lastError: string }>).find((s) => s.name === 'pnc')!;
    expect(pnc.circuit).toBe('OPEN');

    await gw.mocks.faults.reset();
    await new Promise((r) => setTimeout(r, HALF_OPEN_MS + 100));
    const back = await timed(PARTIAL, { k: pncId });
    expect(pncError(back.res)).toBeUndefined();
    expect(back.res.body.data?.pncRecord).toMatchObject({ pncId });
    expect(await circuit()).toBe('CLOSED');
  });
});
