import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createAcroAdapter } from './adapter.js';
import { createAcroHandlers } from '../../mocks/acro/handlers.js';
import { buildAcroData, type AcroData } from '../../mocks/acro/data.js';
import { FaultController } from '../../mocks/faults.js';
import { servicesFixturePopulation } from '../../mocks/estate/render/services.fixture.js';
import { Rng } from '../../mocks/estate/rng.js';
import { NotFoundError } from '../../src/domain/errors.js';
import type { AcroRequest } from '../../src/domain/acro.js';
import type { IdentityFragment } from '../../src/domain/common.js';

const clean = buildAcroData(servicesFixturePopulation(), new Rng(1));
const odd = { ...clean.requests[1]!, reference: 'ACRO/18/000999', results: [{ ...clean.requests[1]!.results[0]!, country: 'QQ', ukOffenceCode: 'SPITTING' }] };
const data: AcroData = { ...clean, requests: [...clean.requests, odd] };
let now = '2021-06-30T12:00:00.000Z';
const faults = new FaultController();
const calls: string[] = [];
const server = setupServer(...createAcroHandlers(data, { faults, now: () => now, answerDelayMs: 3_600_000, maxBatch: 2 }));
server.events.on('request:start', ({ request }) => calls.push(`${request.method} ${new URL(request.url).pathname}`));
const adapter = createAcroAdapter({ url: 'http://acro.test/acro/', timeoutMs: 300, batchSize: 2, pageSize: 4 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  faults.reset();
  calls.length = 0;
  server.resetHandlers();
  now = '2021-06-30T12:00:00.000Z';
});
afterAll(() => server.close());

describe('ACRO adapter', () => {
  it('maps a complete request: instigator, purpose, alpha-3 countries, results with instigator and HOSOL', async () => {
    const [r] = (await adapter.requestsByRefs(['ACRO/17/000101'])) as [AcroRequest];
    expect(r).toMatchObject({
      ref: { source: 'acro', key: 'ACRO/17/000101' },
      instigator: { kind: 'HOME_OFFICE' },
      purpose: 'IMMIGRATION',
      status: 'COMPLETE',
      outcome: 'RESULTS',
      answeredAt: '2017-04-12T09:30:00Z',
      subject: { name: { given: ['CHUKWUEMEKA', 'JOHN'], family: 'OKAFOR' }, dateOfBirth: '1985-03-15', nationality: 'NGA', pncId: '2009/0123456K' },
      issues: [],
    });
    expect(r.results).toEqual([
      { country: 'NGA', convictedOn: '2004-07-01', offenceCode: 'RAPE', offenceText: 'Rape', sentence: '7 years imprisonment', hosol: true, instigator: { kind: 'HOME_OFFICE' } },
    ]);
  });

  it('does not filter police-instigated or non-HOSOL results (the policy layer decides)', async () => {
    const [r] = (await adapter.requestsByRefs(['ACRO/18/000202'])) as [AcroRequest];
    expect(r.instigator).toEqual({ kind: 'POLICE', force: 'WYP' });
    expect(r.results).toEqual([expect.objectContaining({ offenceCode: 'THEFT', hosol: false, instigator: { kind: 'POLICE', force: 'WYP' } })]);
  });

  it('keeps key order with NotFoundError per unknown reference, one call per batch of two', async () => {
    const out = await adapter.requestsByRefs(['ACRO/20/000505', 'ACRO/00/NOPE', 'ACRO/19/000303']);
    expect((out[0] as AcroRequest).outcome).toBe('NO_TRACE');
    expect(out[1]).toBeInstanceOf(NotFoundError);
    expect(out[2]).toMatchObject({ status: 'PENDING', outcome: null, results: [] });
    expect(calls).toEqual(['POST /acro/requests/query', 'POST /acro/requests/query']);
  });

  it('reports a never-answered request as PENDING however long it has waited', async () => {
    now = '2035-01-01T00:00:00Z';
    const [r] = (await adapter.requestsByRefs(['ACRO/19/000303'])) as [AcroRequest];
    expect(r).toMatchObject({ status: 'PENDING', requestedAt: '2019-08-01T08:00:00Z', answeredAt: null });
  });

  it('submits a request, sees it PENDING, then COMPLETE after the answer delay', async () => {
    const receipt = await adapter.submit({
      subject: { givenNames: ['ANA', 'MARIA'], familyName: 'POPESCU', dateOfBirth: '1995-01-30', nationality: 'ROU' },
      instigator: { kind: 'HOME_OFFICE' },
      purpose: 'IMMIGRATION',
    });
    expect(receipt).toEqual({ reference: 'ACRO/21/900001', status: 'PENDING', requestedAt: '2021-06-30T12:00:00.000Z' });
    expect(((await adapter.requestsByRefs([receipt.reference]))[0] as AcroRequest).status).toBe('PENDING');
    now = '2021-06-30T13:00:00.000Z';
    const [done] = (await adapter.requestsByRefs([receipt.reference])) as [AcroRequest];
    expect(done).toMatchObject({ status: 'COMPLETE', outcome: 'NO_TRACE', instigator: { kind: 'HOME_OFFICE' }, subject: { nationality: 'ROU' } });
    await expect(adapter.submit({ subject: { givenNames: [], familyName: 'X', dateOfBirth: '2000-01-01', nationality: null }, instigator: { kind: 'HOME_OFFICE' }, purpose: 'IMMIGRATION' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('reports unknown countries and offence codes as data-quality issues on the request', async () => {
    const [r] = (await adapter.requestsByRefs(['ACRO/18/000999'])) as [AcroRequest];
    expect(r.results[0]).toMatchObject({ country: null, offenceCode: null, hosol: false });
    expect(r.issues.map((i) => `${i.kind} ${i.field} ${i.rawValue}`)).toEqual(['UNKNOWN_CODE results[0].ukOffenceCode SPITTING', 'UNKNOWN_CODE results[0].country QQ']);
  });

  it('scans every request into identity fragments, page by page', async () => {
    const frags: IdentityFragment[] = [];
    for await (const f of adapter.scanFragments()) frags.push(f);
    // Every pre-seeded request, in order, then any submitted by earlier tests.
    expect(frags.slice(0, 6).map((f) => f.ref.key)).toEqual(data.requests.map((r) => r.reference));
    expect(calls).toEqual(Array.from({ length: Math.ceil(frags.length / 4) }, () => 'GET /acro/requests'));
    expect(frags[0]!.identifiers).toEqual([{ kind: 'ACRO_REF', value: 'ACRO/17/000101' }, { kind: 'PNC_ID', value: '2009/0123456K' }]);
    const byKey = await adapter.fragmentsByKeys(['ACRO/20/000505']);
    expect(byKey[0]).toMatchObject({ name: { family: 'POPESCU' }, nationality: 'ROU' });
    // A force's request is an occasion (made on an arrest, 001 §4.31); the Home Office's is not.
    data.requests.forEach((r, i) => {
      expect(frags[i]!.occasion, r.reference).toEqual(r.instigator === 'HOME_OFFICE' ? null : { kind: 'ACRO_REQUEST', force: r.instigator, at: frags[i]!.recordedAt });
    });
    expect(data.requests.some((r) => r.instigator !== 'HOME_OFFICE') && data.requests.some((r) => r.instigator === 'HOME_OFFICE')).toBe(true);
  });

  describe('fault modes', () => {
    it('error status, timeout, malformed JSON and a short answer each reject the batch with a coded error', async () => {
      faults.set('acro', { errorEvery: 1, errorStatus: 500 });
      await expect(adapter.requestsByRefs(['ACRO/17/000101'])).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', message: 'Source "acro" could not be read: request query: HTTP 500' });
      faults.set('acro', { timeoutEvery: 1 });
      const t0 = performance.now();
      await expect(adapter.requestsByRefs(['ACRO/17/000101'])).rejects.toMatchObject({ code: 'SOURCE_TIMEOUT' });
      expect(performance.now() - t0).toBeLessThan(1500);
      faults.set('acro', { malformedEvery: 1 });
      await expect(adapter.requestsByRefs(['ACRO/17/000101'])).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE', message: expect.stringContaining('not valid JSON') });
      await expect(adapter.ping()).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
      faults.reset();
      server.use(http.post('*/acro/requests/query', () => HttpResponse.json({ requests: [] })));
      await expect(adapter.requestsByRefs(['ACRO/17/000101'])).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
    });

    it('pings when healthy', async () => {
      await expect(adapter.ping()).resolves.toBeUndefined();
    });
  });
});
