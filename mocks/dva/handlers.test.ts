import { describe, expect, it } from 'vitest';
import { getResponse } from 'msw';
import { createDvaHandlers } from './handlers.js';
import { buildDvaData } from './data.js';
import { servicesFixturePopulation } from '../estate/render/services.fixture.js';
import { Rng } from '../estate/rng.js';

const data = buildDvaData(servicesFixturePopulation(), new Rng(1));

function setup() {
  const handlers = createDvaHandlers(data, { now: () => '2021-06-30T12:00:00.000Z' });
  return async (path: string, init?: RequestInit) => {
    const res = await getResponse(handlers, new Request(`http://dva.test/dva${path}`, init));
    if (!res) throw new Error(`unhandled ${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}
const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const valid = { passportNumber: '512345678', surname: 'Jones', dateOfBirth: '1990-11-02', justification: 'Claims British; no CID record of naturalisation', requestedBy: 'u-1042' };

describe('mock DVA handlers', () => {
  it('refuses a check without a justification or requesting user, saying what is missing', async () => {
    const call = setup();
    const r = await call('/checks', post({ ...valid, justification: '', requestedBy: undefined }));
    expect(r.status).toBe(400);
    expect(String(r.body.message)).toContain('justification is required');
    expect(String(r.body.message)).toContain('requestedBy is required');
    expect((await call('/stats')).body).toEqual({ checks: 0 });
  });

  it('matches a genuine British passport, reports its status, counts and keeps the check', async () => {
    const call = setup();
    const r = await call('/checks', post(valid));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ checkId: 'DVA-000001', result: 'MATCH', requestedBy: 'u-1042', checkedAt: '2021-06-30T12:00:00.000Z' });
    expect((r.body.passport as Record<string, unknown>).passportNumber).toBe('512345678');
    expect((await call('/checks/DVA-000001')).body).toEqual(r.body);
    expect((await call('/stats')).body).toEqual({ checks: 1 });
  });

  it('finds no record for a false British claimant, and notices details that differ', async () => {
    const call = setup();
    expect((await call('/checks', post({ ...valid, passportNumber: 'PK1234567', surname: 'HUSSAIN', dateOfBirth: '1979-07-07' }))).body).toMatchObject({ result: 'NO_RECORD', passport: null });
    expect((await call('/checks', post({ ...valid, dateOfBirth: '1990-02-11' }))).body).toMatchObject({ result: 'DETAILS_DIFFER' });
    expect((await call('/stats')).body).toEqual({ checks: 2 });
    expect((await call('/checks/DVA-999999')).status).toBe(404);
  });
});
