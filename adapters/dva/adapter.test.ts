import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createDvaAdapter } from './adapter.js';
import { createDvaHandlers } from '../../mocks/dva/handlers.js';
import { buildDvaData } from '../../mocks/dva/data.js';
import { FaultController } from '../../mocks/faults.js';
import { servicesFixturePopulation } from '../../mocks/estate/render/services.fixture.js';
import { Rng } from '../../mocks/estate/rng.js';
import { NotFoundError } from '../../src/domain/errors.js';

const data = buildDvaData(servicesFixturePopulation(), new Rng(1));
const faults = new FaultController();
const server = setupServer(...createDvaHandlers(data, { faults, now: () => '2021-06-30T12:00:00.000Z' }));
const adapter = createDvaAdapter({ url: 'http://dva.test/dva', timeoutMs: 300 });
const check = { passportNumber: '512345678', surname: 'JONES', dateOfBirth: '1990-11-02', justification: 'Claims British citizenship; no record of it on CID', requestedBy: 'u-1042' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  faults.reset();
  server.resetHandlers();
});
afterAll(() => server.close());

describe('DVA adapter', () => {
  it('checks a passport and maps the answer, then reads the check back by id', async () => {
    const c = await adapter.checkPassport(check);
    expect(c).toMatchObject({ ref: { source: 'dva', key: c.checkId }, result: 'MATCH', requestedBy: 'u-1042', justification: check.justification, checkedAt: '2021-06-30T12:00:00.000Z' });
    expect(c.passport).toMatchObject({ passportNumber: '512345678', name: { given: ['SARAH'], family: 'JONES' }, dateOfBirth: '1990-11-02' });
    expect(['VALID', 'LOST', 'STOLEN', 'CANCELLED']).toContain(c.passport!.status);
    const [again, missing] = await adapter.checksByIds([c.checkId, 'DVA-999999']);
    expect(again).toEqual(c);
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it('finds no record for a false British claimant', async () => {
    expect(await adapter.checkPassport({ ...check, passportNumber: 'PK1234567', surname: 'HUSSAIN', dateOfBirth: '1979-07-07' })).toMatchObject({ result: 'NO_RECORD', passport: null });
  });

  it('refuses to send a check without a justification or requesting user', async () => {
    await expect(adapter.checkPassport({ ...check, justification: ' ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('"justification"') });
    await expect(adapter.checkPassport({ ...check, requestedBy: '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('"requestedBy"') });
  });

  it("maps DVA's own 400 to BAD_USER_INPUT quoting the service", async () => {
    await expect(adapter.checkPassport({ ...check, justification: 'short' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('at least 10 characters') });
  });

  it('error, timeout and malformed JSON each give a coded error naming DVA', async () => {
    faults.set('dva', { errorEvery: 1 });
    await expect(adapter.checkPassport(check)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', message: 'Source "dva" could not be read: passport check: HTTP 503' });
    faults.set('dva', { timeoutEvery: 1 });
    await expect(adapter.ping()).rejects.toMatchObject({ code: 'SOURCE_TIMEOUT' });
    faults.set('dva', { malformedEvery: 1 });
    await expect(adapter.checkPassport(check)).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
    faults.reset();
    server.use(http.post('*/dva/checks', () => HttpResponse.json({ checkId: 'DVA-1', result: 'PERHAPS' }, { status: 201 })));
    await expect(adapter.checkPassport(check)).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
    await expect(adapter.ping()).resolves.toBeUndefined();
  });
});
