import { describe, expect, it } from 'vitest';
import { getResponse, http, HttpResponse } from 'msw';
import { createFaultAdminHandlers, FaultController, validateFaultSettings, withFaults } from './faults.js';

describe('FaultController', () => {
  it('injects every Nth fault per service and counts them', () => {
    const f = new FaultController({ pnc: { errorEvery: 3, timeoutEvery: 5, malformedEvery: 2 } });
    const kinds = Array.from({ length: 10 }, () => f.decide('pnc').fault);
    // 5 and 10 time out (first), 3, 6, 9 error, remaining evens are malformed
    expect(kinds).toEqual([null, 'malformed', 'error', 'malformed', 'timeout', 'error', null, 'malformed', 'error', 'timeout']);
    expect(f.stats('pnc')).toEqual({ requests: 10, timeout: 2, error: 3, malformed: 3 });
    expect(f.decide('acro').fault).toBeNull();
  });

  it('draws rates from a seeded stream: same seed, same faults', () => {
    const run = (seed: number) => {
      const f = new FaultController({ dva: { errorRate: 0.3, seed } });
      return Array.from({ length: 50 }, () => f.decide('dva').fault);
    };
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
    const errors = run(9).filter((k) => k === 'error').length;
    expect(errors).toBeGreaterThan(5);
    expect(errors).toBeLessThan(30);
  });

  it('rejects bad settings with one message per problem', () => {
    expect(validateFaultSettings('pnc', { errorRate: 2, errorStatus: 200, bogus: 1, latencyMs: -1 })).toEqual([
      '"pnc.errorRate" is a share and must be between 0 and 1, got 2',
      '"pnc.errorStatus" must be an HTTP error status 400–599, got 200',
      'unknown fault setting "pnc.bogus" (known: latencyMs, errorStatus, errorEvery, errorRate, timeoutEvery, timeoutRate, malformedEvery, malformedRate, seed)',
      '"pnc.latencyMs" must be a non-negative number, got -1',
    ]);
    expect(() => new FaultController({ acro: { timeoutEvery: 1.5 } })).toThrow(/whole number/);
  });
});

describe('withFaults and the admin route', () => {
  const faults = new FaultController();
  const handlers = [
    ...createFaultAdminHandlers(faults),
    http.get('*/pnc/thing', withFaults(faults, 'pnc', () => HttpResponse.json({ hello: 'world', n: 12345 }))),
  ];
  const call = (path: string, init?: RequestInit) => getResponse(handlers, new Request(`http://svc.test${path}`, init));
  const setFaults = (body: unknown) => call('/_admin/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('changes faults at runtime: error status, malformed body, latency, then clears them', async () => {
    expect((await setFaults({ pnc: { errorEvery: 1, errorStatus: 502 } }))!.status).toBe(200);
    expect((await call('/pnc/thing'))!.status).toBe(502);

    await setFaults({ pnc: { malformedEvery: 1 } });
    const text = await (await call('/pnc/thing'))!.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow();

    await setFaults({ pnc: { latencyMs: 120 } });
    const t0 = performance.now();
    expect((await call('/pnc/thing'))!.status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100);

    const cleared = await (await call('/_admin/faults', { method: 'DELETE' }))!.json();
    expect(cleared).toEqual({ pnc: {}, acro: {}, dva: {} });
    expect(await (await call('/pnc/thing'))!.json()).toEqual({ hello: 'world', n: 12345 });
  });

  it('never answers a timed-out request until the caller aborts it', async () => {
    await setFaults({ pnc: { timeoutEvery: 1 } });
    const ac = new AbortController();
    const pending = call('/pnc/thing', { signal: ac.signal });
    const raced = await Promise.race([pending.then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), 150))]);
    expect(raced).toBe('waiting');
    ac.abort();
    const res = await pending;
    expect(res!.type).toBe('error');
    await call('/_admin/faults', { method: 'DELETE' });
  });

  it('refuses bad admin bodies with a clear message', async () => {
    const res = await setFaults({ pcn: { errorEvery: 1 }, dva: { errorRate: 5 } });
    expect(res!.status).toBe(400);
    expect(((await res!.json()) as { message: string }).message).toBe(
      'unknown service "pcn" (known: pnc, acro, dva); "dva.errorRate" is a share and must be between 0 and 1, got 5',
    );
  });
});
