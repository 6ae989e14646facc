import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServices, type MockServices } from './server.js';
import { renderServices } from './estate/render/services.js';
import { servicesFixturePopulation } from './estate/render/services.fixture.js';
import { Rng } from './estate/rng.js';
import { batchEnquiryXml } from './pnc/xml.js';

let dir: string;
let svc: MockServices;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcv-mock-server-'));
  await renderServices({ population: servicesFixturePopulation(), rng: new Rng(3), outDir: dir, truth: { add: () => {} }, openSql: () => Promise.reject(new Error('no SQL')) });
  svc = await startMockServices({ estateDir: dir, port: 0, now: () => '2021-06-30T12:00:00.000Z', acroAnswerDelayMs: 0 });
});

afterAll(async () => {
  await svc?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startMockServices over real HTTP on loopback', () => {
  it('listens on loopback and gives one base URL per service', () => {
    expect(svc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(svc.pncUrl).toBe(`${svc.url}/pnc`);
    expect(svc.acroUrl).toBe(`${svc.url}/acro`);
    expect(svc.dvaUrl).toBe(`${svc.url}/dva`);
  });

  it('serves PNC XML, including a POSTed batch body', async () => {
    const single = await fetch(`${svc.pncUrl}/subjects/${encodeURIComponent('2011/0654321Z')}`);
    expect(single.status).toBe(200);
    expect(single.headers.get('content-type')).toContain('application/xml');
    expect(await single.text()).toContain('<Name>JONES/SARAH</Name>');
    const batch = await fetch(`${svc.pncUrl}/subjects/batch`, { method: 'POST', body: batchEnquiryXml(['2009/0123456K', '2015/0777777M']) });
    const text = await batch.text();
    expect(text.match(/<Subject /g)).toHaveLength(2);
  });

  it('serves ACRO submissions and polls, and DVA checks with their 400s', async () => {
    const sub = await fetch(`${svc.acroUrl}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: { surname: 'POPESCU', forenames: 'ANA', dateOfBirth: '1995-01-30' }, instigator: 'WYP', purpose: 'CRIMINAL_INVESTIGATION' }),
    });
    expect(sub.status).toBe(202);
    const { reference } = (await sub.json()) as { reference: string };
    const polled = await fetch(`${svc.acroUrl}/requests/${encodeURIComponent(reference)}`);
    expect(await polled.json()).toMatchObject({ status: 'COMPLETE', outcome: 'NO_TRACE' });
    const refused = await fetch(`${svc.dvaUrl}/checks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"passportNumber":"512345678"}' });
    expect(refused.status).toBe(400);
  });

  it('answers 404 for what no mock handles', async () => {
    const res = await fetch(`${svc.url}/nothing/here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'NOT_FOUND' });
  });

  it('applies faults set through the admin route, and a client abort ends a hung request', async () => {
    const set = await fetch(`${svc.url}/_admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pnc: { errorEvery: 2 }, dva: { timeoutEvery: 1 } }) });
    expect(set.status).toBe(200);
    expect((await fetch(`${svc.pncUrl}/status`)).status).toBe(200);
    expect((await fetch(`${svc.pncUrl}/status`)).status).toBe(503);

    const t0 = performance.now();
    await expect(fetch(`${svc.dvaUrl}/status`, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    expect(performance.now() - t0).toBeLessThan(1500);

    await fetch(`${svc.url}/_admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dva: { malformedEvery: 1 }, pnc: null }) });
    const broken = await (await fetch(`${svc.dvaUrl}/status`)).text();
    expect(() => JSON.parse(broken)).toThrow();
    await fetch(`${svc.url}/_admin/faults`, { method: 'DELETE' });
  });

  it('closes cleanly while a request hangs, and refuses missing estate data clearly', async () => {
    const other = await startMockServices({ estateDir: dir, faults: { pnc: { timeoutEvery: 1 } } });
    const hung = fetch(`${other.pncUrl}/status`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    expect(await hung).toBe('failed');
    await expect(fetch(`${other.pncUrl}/status`)).rejects.toThrow();
    await expect(startMockServices({ estateDir: join(dir, 'missing') })).rejects.toThrow(/services\/pnc\.json is missing.*npm run estate/);
  });
});
