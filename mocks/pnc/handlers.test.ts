import { describe, expect, it } from 'vitest';
import { getResponse } from 'msw';
import { XMLParser } from 'fast-xml-parser';
import { createPncHandlers } from './handlers.js';
import { buildPncData } from './data.js';
import { batchEnquiryXml } from './xml.js';
import { servicesFixturePopulation } from '../estate/render/services.fixture.js';
import { Rng } from '../estate/rng.js';

const data = buildPncData(servicesFixturePopulation(), new Rng(1));
const handlers = createPncHandlers(data, { maxBatch: 3 });
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['Subject', 'NoTrace', 'Conviction'].includes(n) });
const BASE = 'http://pnc.test/pnc';

async function call(path: string, init?: RequestInit) {
  const res = await getResponse(handlers, new Request(`${BASE}${path}`, init));
  if (!res) throw new Error(`unhandled ${path}`);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), text, doc: parser.parse(text) };
}

describe('mock PNC handlers', () => {
  it('answers a single enquiry in legacy XML', async () => {
    const r = await call(`/subjects/${encodeURIComponent('2009/0123456K')}`);
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/xml');
    const s = r.doc.PNCResponse.Subject[0];
    expect(s).toMatchObject({ PNCID: '2009/0123456K', CRO: '123456/09A', Name: 'OKAFOR/CHUKWUEMEKA JOHN', Sex: 'M', Nationality: 'NIGERIA' });
    expect(String(s.DOB)).toBe('15031985');
    expect(s.Conviction[0]).toEqual({ Date: '12062012', OffenceCode: 'TH68023', Court: 'LEEDS CROWN COURT', Sentence: '18M IMP' });
    expect(s.Circulation).toMatchObject({ Type: 'ABSCONDER', Owner: 'HOME OFFICE' });
  });

  it('answers NO TRACE in band for an unknown PNC id', async () => {
    const r = await call(`/subjects/${encodeURIComponent('1999/0000000A')}`);
    expect(r.status).toBe(200);
    expect(r.doc.PNCResponse.NoTrace[0].PNCID).toBe('1999/0000000A');
  });

  it('answers a batch enquiry in request order, with NoTrace for unknown ids', async () => {
    const r = await call('/subjects/batch', { method: 'POST', body: batchEnquiryXml(['2015/0777777M', 'X/1', '2009/0123456K']) });
    expect(r.status).toBe(200);
    expect(r.text.indexOf('2015/0777777M')).toBeLessThan(r.text.indexOf('X/1'));
    expect(r.text.indexOf('X/1')).toBeLessThan(r.text.indexOf('2009/0123456K'));
    expect(r.doc.PNCResponse.Subject).toHaveLength(2);
    expect(r.doc.PNCResponse.NoTrace).toHaveLength(1);
  });

  it('refuses an oversized or malformed batch with a legacy error', async () => {
    const big = await call('/subjects/batch', { method: 'POST', body: batchEnquiryXml(['a', 'b', 'c', 'd']) });
    expect(big.status).toBe(400);
    expect(big.doc.PNCResponse.Error['#text']).toBe('BATCH TOO LARGE: 4 IDS, MAXIMUM 3');
    const bad = await call('/subjects/batch', { method: 'POST', body: '<PNCBatchEnquiry><PNCID>' });
    expect(bad.status).toBe(400);
  });

  it('searches by surname and DDMMYYYY date of birth, including aliases', async () => {
    const r = await call('/search?surname=hussain&dob=07071979');
    expect(r.doc.PNCResponse.Matches).toBe('1');
    expect(r.doc.PNCResponse.Subject[0].PNCID).toBe('2015/0777777M');
    const alias = await call('/search?surname=OKAFOR&dob=03051985');
    expect(alias.doc.PNCResponse.Subject[0].PNCID).toBe('2009/0123456K');
    const none = await call('/search?surname=OKAFOR&dob=01011900');
    expect(none.doc.PNCResponse.Matches).toBe('0');
    expect((await call('/search?surname=OKAFOR&dob=1985-03-15')).status).toBe(400);
  });

  it('pages the bulk export', async () => {
    const p1 = await call('/export?page=1&pageSize=2');
    expect(p1.doc.PNCExport).toMatchObject({ Page: '1', PageSize: '2', TotalPages: '2', TotalRecords: '3' });
    expect(p1.doc.PNCExport.Subject).toHaveLength(2);
    const p2 = await call('/export?page=2&pageSize=2');
    expect(p2.doc.PNCExport.Subject.map((s: { PNCID: string }) => s.PNCID)).toEqual(['2015/0777777M']);
    expect((await call('/export?page=0')).status).toBe(400);
  });
});
