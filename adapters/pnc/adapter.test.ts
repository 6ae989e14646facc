import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createPncAdapter } from './adapter.js';
import { parsePncSentence, parsePncDate } from './legacyValues.js';
import { createPncHandlers } from '../../mocks/pnc/handlers.js';
import { buildPncData, type PncData } from '../../mocks/pnc/data.js';
import { FaultController } from '../../mocks/faults.js';
import { servicesFixturePopulation } from '../../mocks/estate/render/services.fixture.js';
import { Rng } from '../../mocks/estate/rng.js';
import { NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import type { PncRecord } from '../../src/domain/pnc.js';

const clean = buildPncData(servicesFixturePopulation(), new Rng(1));
const broken = {
  ...clean.subjects[1]!,
  pncId: '2001/0000001B',
  name: 'NOSLASHNAME',
  dob: '00031985',
  nationality: 'ATLANTIS',
  convictions: [{ date: '31022001', offenceCode: 'XX99001', court: 'X', sentence: 'SEE REMARKS' }],
  circulations: [{ type: 'BOLO', date: '01012020', owner: 'MPS', ref: 'R1' }],
};
const data: PncData = { ...clean, subjects: [...clean.subjects, broken] };
const faults = new FaultController();
const calls: string[] = [];
const server = setupServer(...createPncHandlers(data, { faults }));
server.events.on('request:start', ({ request }) => calls.push(`${request.method} ${new URL(request.url).pathname}`));
const URL_ = 'http://pnc.test/pnc';
const adapter = createPncAdapter({ url: URL_, timeoutMs: 300, batchSize: 2, pageSize: 2 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  faults.reset();
  calls.length = 0;
  server.resetHandlers();
});
afterAll(() => server.close());

describe('PNC legacy values', () => {
  it.each([
    ['18M IMP', { custodial: true, months: 18, life: false, readable: true }],
    ['2Y6M IMP', { custodial: true, months: 30, life: false, readable: true }],
    ['4Y IMP', { custodial: true, months: 48, life: false, readable: true }],
    ['9M YOI', { custodial: true, months: 9, life: false, readable: true }],
    ['LIFE IMP', { custodial: true, months: null, life: true, readable: true }],
    ['FINE', { custodial: false, months: null, life: false, readable: true }],
    ['SUSPENDED 6M', { custodial: false, months: null, life: false, readable: true }],
    ['SEE REMARKS', { custodial: null, months: null, life: false, readable: false }],
  ])('sentence %s', (text, expected) => expect(parsePncSentence(text)).toEqual(expected));

  it('reads DDMMYYYY and refuses 00 days and impossible dates', () => {
    expect(parsePncDate('15031985')).toEqual({ ok: true, iso: '1985-03-15' });
    expect(parsePncDate('00031985')).toEqual({ ok: false, reason: 'day not known to PNC (written 00)' });
    expect(parsePncDate('31022001').ok).toBe(false);
    expect(parsePncDate('1985-03-15').ok).toBe(false);
  });
});

describe('PNC adapter', () => {
  it('maps a subject to a PncRecord: names, ISO dates, offence codes, sentence months, circulations', async () => {
    const [r] = (await adapter.recordsByPncIds(['2009/0123456K'])) as [PncRecord];
    expect(r.ref).toEqual({ source: 'pnc', key: '2009/0123456K' });
    expect(r.name).toEqual({ given: ['CHUKWUEMEKA', 'JOHN'], family: 'OKAFOR', original: 'OKAFOR/CHUKWUEMEKA JOHN' });
    expect(r.aliases).toEqual([{ given: ['EMEKA'], family: 'OKAFOR', original: 'OKAFOR/EMEKA' }]);
    expect(r).toMatchObject({ croNumber: '123456/09A', dateOfBirth: '1985-03-15', gender: 'M', nationality: 'NGA', placeOfBirth: 'LAGOS', issues: [] });
    expect(r.convictions[0]).toEqual({ convictedOn: '2012-06-12', offenceCode: 'ROBBERY', pncOffenceCode: 'TH68023', sentence: '18M IMP', custodial: true, sentenceMonths: 18, life: false, court: 'LEEDS CROWN COURT' });
    expect(r.convictions[1]).toMatchObject({ offenceCode: 'THEFT', custodial: false, sentenceMonths: null });
    expect(r.convictions[2]).toMatchObject({ offenceCode: 'GBH-S18', sentenceMonths: 30 });
    expect(r.circulations).toEqual([{ type: 'ABSCONDER', pncType: 'ABSCONDER', since: '2019-02-01', owner: 'HOME OFFICE', reference: 'HO/ABS/0001' }]);
  });

  it('keeps the DataLoader contract: key order, NotFoundError per unknown key, one HTTP call per batch', async () => {
    const out = await adapter.recordsByPncIds(['2015/0777777M', '1999/9999999Z', '2009/0123456K']);
    expect(out).toHaveLength(3);
    expect((out[0] as PncRecord).pncId).toBe('2015/0777777M');
    expect(out[1]).toBeInstanceOf(NotFoundError);
    expect((out[1] as NotFoundError).code).toBe('NOT_FOUND');
    expect((out[2] as PncRecord).pncId).toBe('2009/0123456K');
    expect(calls).toEqual(['POST /pnc/subjects/batch', 'POST /pnc/subjects/batch']); // batchSize 2
  });

  it('turns every unreadable value of a malformed record into a data-quality issue on that record', async () => {
    const [r] = (await adapter.recordsByPncIds(['2001/0000001B'])) as [PncRecord];
    expect(r.dateOfBirth).toBeNull();
    expect(r.name.family).toBe('NOSLASHNAME');
    expect(r.convictions[0]).toMatchObject({ offenceCode: null, pncOffenceCode: 'XX99001', convictedOn: null, custodial: null });
    expect(r.circulations[0]).toMatchObject({ type: null, pncType: 'BOLO' });
    expect(r.issues.map((i) => `${i.kind} ${i.field} ${i.rawValue}`)).toEqual([
      'UNPARSEABLE_VALUE Name NOSLASHNAME',
      'UNKNOWN_CODE Nationality ATLANTIS',
      'UNKNOWN_CODE Conviction[0].OffenceCode XX99001',
      'UNPARSEABLE_VALUE Conviction[0].Sentence SEE REMARKS',
      'UNPARSEABLE_VALUE Conviction[0].Date 31022001',
      'UNKNOWN_CODE Circulation[0].Type BOLO',
      'UNPARSEABLE_VALUE DOB 00031985',
    ]);
    expect(r.issues.every((i) => i.refs[0]!.key === '2001/0000001B')).toBe(true);
  });

  it('searches by surname and ISO date of birth', async () => {
    const found = await adapter.search({ surname: 'Jones', dateOfBirth: '1990-11-02' });
    expect(found.map((r) => r.pncId)).toEqual(['2011/0654321Z']);
    expect(await adapter.search({ surname: 'Jones', dateOfBirth: '1990-11-03' })).toEqual([]);
    await expect(adapter.search({ surname: 'Jones', dateOfBirth: '02/11/1990' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('scans the bulk export page by page into identity fragments, and fragments by key', async () => {
    const frags = [];
    for await (const f of adapter.scanFragments()) frags.push(f);
    expect(frags.map((f) => f.ref.key)).toEqual(['2009/0123456K', '2011/0654321Z', '2015/0777777M', '2001/0000001B']);
    expect(calls.filter((c) => c.startsWith('GET /pnc/export'))).toHaveLength(2);
    expect(frags[0]!.identifiers).toEqual([{ kind: 'PNC_ID', value: '2009/0123456K' }, { kind: 'CRO', value: '123456/09A' }]);
    const byKey = await adapter.fragmentsByKeys(['2011/0654321Z', 'nope']);
    expect(byKey[0]).toMatchObject({ dateOfBirth: '1990-11-02', nationality: 'GBR' });
    expect(byKey[1]).toBeInstanceOf(NotFoundError);
  });

  it('pings', async () => {
    await expect(adapter.ping()).resolves.toBeUndefined();
  });

  describe('fault modes', () => {
    it('an error status rejects the whole batch with SOURCE_UNAVAILABLE naming PNC', async () => {
      faults.set('pnc', { errorEvery: 1, errorStatus: 503 });
      const err = await adapter.recordsByPncIds(['2009/0123456K']).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SourceUnavailableError);
      expect(err).toMatchObject({ code: 'SOURCE_UNAVAILABLE', message: 'Source "pnc" could not be read: batch enquiry: HTTP 503' });
    });

    it('a service that never answers is abandoned within the timeout with SOURCE_TIMEOUT', async () => {
      faults.set('pnc', { timeoutEvery: 1 });
      const t0 = performance.now();
      const err = await adapter.recordsByPncIds(['2009/0123456K']).catch((e: unknown) => e);
      const elapsed = performance.now() - t0;
      expect(err).toMatchObject({ code: 'SOURCE_TIMEOUT', message: 'Source "pnc" could not be read: batch enquiry: no answer within 300 ms' });
      expect(elapsed).toBeGreaterThanOrEqual(280);
      expect(elapsed).toBeLessThan(1500);
    });

    it('truncated XML is SOURCE_MALFORMED_RESPONSE, for lookups, search, export and ping', async () => {
      faults.set('pnc', { malformedEvery: 1 });
      await expect(adapter.recordsByPncIds(['2009/0123456K'])).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
      await expect(adapter.search({ surname: 'JONES', dateOfBirth: '1990-11-02' })).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
      await expect(adapter.ping()).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
      const scan = async () => {
        for await (const _ of adapter.scanFragments()) void _;
      };
      await expect(scan()).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
    });

    it('a well-formed answer of the wrong shape is malformed too; an unreachable host is unavailable', async () => {
      server.use(http.post('*/pnc/subjects/batch', () => new HttpResponse('<Other/>', { headers: { 'content-type': 'application/xml' } })));
      await expect(adapter.recordsByPncIds(['x'])).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE', message: expect.stringContaining('expected <PNCResponse>') });
      server.use(http.post('*/pnc/subjects/batch', () => HttpResponse.error()));
      await expect(adapter.recordsByPncIds(['x'])).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    });
  });
});
