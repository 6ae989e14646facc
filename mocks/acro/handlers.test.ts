import { describe, expect, it } from 'vitest';
import { getResponse } from 'msw';
import { createAcroHandlers, type AcroRequestView } from './handlers.js';
import { buildAcroData } from './data.js';
import { servicesFixturePopulation } from '../estate/render/services.fixture.js';
import { Rng } from '../estate/rng.js';

const data = buildAcroData(servicesFixturePopulation(), new Rng(1));
const BASE = 'http://acro.test/acro';

function setup(options: { neverAnswerEvery?: number } = {}) {
  let now = '2021-06-30T12:00:00.000Z';
  const handlers = createAcroHandlers(data, { now: () => now, answerDelayMs: 60_000, ...options });
  const call = async (path: string, init?: RequestInit) => {
    const res = await getResponse(handlers, new Request(`${BASE}${path}`, init));
    if (!res) throw new Error(`unhandled ${path}`);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  };
  return { call, setNow: (iso: string) => (now = iso) };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = (ref: string) => `/requests/${encodeURIComponent(ref)}`;

describe('mock ACRO handlers', () => {
  it('shows an answered request with results that name the instigator and HOSOL', async () => {
    const { call } = setup();
    const r = await call(get('ACRO/17/000101'));
    expect(r.status).toBe(200);
    const v = r.body as unknown as AcroRequestView;
    expect(v).toMatchObject({ status: 'COMPLETE', outcome: 'RESULTS', instigator: 'HOME_OFFICE', answeredAt: '2017-04-12T09:30:00Z' });
    expect(v.results).toEqual([expect.objectContaining({ ukOffenceCode: 'RAPE', hosol: true, instigatedBy: 'HOME_OFFICE' })]);
  });

  it('keeps a pre-seeded request PENDING until its answer time, then completes it', async () => {
    const { call, setNow } = setup();
    const before = await call(get('ACRO/20/000404'));
    expect(before.body).toMatchObject({ status: 'PENDING', outcome: null, answeredAt: null, results: [] });
    const at = data.requests.find((r) => r.reference === 'ACRO/20/000404')!.answerAt!;
    setNow(at);
    expect((await call(get('ACRO/20/000404'))).body).toMatchObject({ status: 'COMPLETE', outcome: 'NO_TRACE', answeredAt: at });
  });

  it('never answers a NEVER request, however late', async () => {
    const { call, setNow } = setup();
    setNow('2099-01-01T00:00:00Z');
    expect((await call(get('ACRO/19/000303'))).body).toMatchObject({ status: 'PENDING', outcome: null });
  });

  it('accepts a submission with 202 and a reference, answers after the delay with known results', async () => {
    const { call, setNow } = setup();
    const sub = await call('/requests', post({ subject: { surname: 'Okafor', forenames: 'CHUKWUEMEKA', dateOfBirth: '1985-03-15', nationality: 'NG' }, instigator: 'HOME_OFFICE', purpose: 'IMMIGRATION' }));
    expect(sub.status).toBe(202);
    expect(sub.body).toMatchObject({ reference: 'ACRO/21/900001', status: 'PENDING' });
    expect(sub.headers.get('location')).toBe(`requests/${encodeURIComponent('ACRO/21/900001')}`);
    expect((await call(get('ACRO/21/900001'))).body).toMatchObject({ status: 'PENDING' });
    setNow('2021-06-30T12:01:00.000Z');
    const done = (await call(get('ACRO/21/900001'))).body as unknown as AcroRequestView;
    expect(done.status).toBe('COMPLETE');
    expect(done.outcome).toBe('RESULTS');
    expect(done.results.map((r) => [r.ukOffenceCode, r.instigatedBy]).sort()).toEqual([['RAPE', 'HOME_OFFICE'], ['THEFT', 'HOME_OFFICE']]);
  });

  it('refuses an incomplete submission with every problem named', async () => {
    const { call } = setup();
    const r = await call('/requests', post({ subject: { surname: 'X' }, instigator: 'FBI' }));
    expect(r.status).toBe(400);
    expect(String(r.body.message)).toMatch(/forenames.*dateOfBirth.*instigator.*purpose/);
  });

  it('leaves every Nth submission unanswered when configured', async () => {
    const { call, setNow } = setup({ neverAnswerEvery: 2 });
    const body = { subject: { surname: 'A', forenames: 'B', dateOfBirth: '2000-01-01' }, instigator: 'WYP', purpose: 'CRIMINAL_INVESTIGATION' };
    await call('/requests', post(body));
    const second = await call('/requests', post(body));
    setNow('2030-01-01T00:00:00Z');
    expect((await call(get('ACRO/21/900001'))).body).toMatchObject({ status: 'COMPLETE', outcome: 'NO_TRACE' });
    expect((await call(get(String(second.body.reference)))).body).toMatchObject({ status: 'PENDING' });
  });

  it('answers a batch query in order, unknown references marked NOT_FOUND, and 404 for a single unknown', async () => {
    const { call } = setup();
    const r = await call('/requests/query', post({ references: ['ACRO/20/000505', 'NOPE', 'ACRO/18/000202'] }));
    const list = r.body.requests as Record<string, unknown>[];
    expect(list.map((x) => x.reference)).toEqual(['ACRO/20/000505', 'NOPE', 'ACRO/18/000202']);
    expect(list[1]).toEqual({ reference: 'NOPE', error: 'NOT_FOUND' });
    expect((await call(get('NOPE'))).status).toBe(404);
  });

  it('lists every request page by page', async () => {
    const { call } = setup();
    const p = await call('/requests?page=2&pageSize=3');
    expect(p.body).toMatchObject({ page: 2, total: 5, totalPages: 2 });
    expect((p.body.requests as unknown[]).length).toBe(2);
  });
});
