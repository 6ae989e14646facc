import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Knex } from 'knex';
import { openDatabase } from '../../../src/db/connect.js';
import { fixturePopulation, IBRAHIM, NO_NOISE } from '../../../adapters/cid/testing/fixturePopulation.js';
import { renderCidTo, type Engine, type RenderedCid } from '../../../adapters/cid/testing/renderToDatabase.js';
import { pgStatus } from '../../../test/support/postgres.js';
import { CID_SCHEMA } from './cid.js';

type Row = Record<string, unknown>;

async function dump(url: string): Promise<Record<string, Row[]>> {
  const db: Knex = openDatabase(url, { readonly: true });
  try {
    const out: Record<string, Row[]> = {};
    for (const spec of CID_SCHEMA) {
      const rows = (await db(spec.name).select('*')) as Row[];
      // Integer columns come back as numbers from both engines; order rows by their JSON for comparison.
      out[spec.name] = rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    return out;
  } finally {
    await db.destroy();
  }
}

function suite(engine: Engine): void {
  let rendered: RenderedCid;
  let tables: Record<string, Row[]>;

  beforeAll(async () => {
    rendered = await renderCidTo(engine, fixturePopulation());
    tables = await dump(rendered.url);
  });
  afterAll(async () => rendered?.cleanup());

  const rows = (table: string): Row[] => tables[table] ?? [];
  const one = (table: string, where: Row): Row => {
    const found = rows(table).filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('writes one row per case, person-on-case, note, restriction, event and ETD application', () => {
    expect(rendered.summary).toEqual({
      source: 'cid',
      counts: {
        cid_case: 6,
        cid_person_on_case: 6,
        cid_person_alias: rows('cid_person_alias').length,
        cid_case_note: 5,
        cid_rep_restriction: 1,
        cid_rep_event: 3,
        cid_etd_application: 1,
      },
    });
    for (const spec of CID_SCHEMA) expect(rows(spec.name)).toHaveLength(rendered.summary.counts[spec.name]!);
  });

  it('reports every person-on-case row to the truth sink', () => {
    expect([...rendered.truth].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { source: 'cid', key: 'C100001/P500001', personId: 'TP0000001' },
      { source: 'cid', key: 'C200002/P700002', personId: 'TP0000001' },
      { source: 'cid', key: 'C300003/P500001', personId: 'TP0000001' },
      { source: 'cid', key: 'C400004/P800004', personId: 'TP0000002' },
      { source: 'cid', key: 'C500005/P900005', personId: 'TP0000003' },
      { source: 'cid', key: 'C600006/P900006', personId: 'TP0000003' },
    ]);
  });

  it('keeps the CID person id per case, reusing it where the truth reuses it', () => {
    const ids = rows('cid_person_on_case').filter((r) => r.cid_person_id === 'P500001').map((r) => r.case_id);
    expect(ids.sort()).toEqual(['C100001', 'C300003']);
  });

  it('writes owner units exactly as labelled, including NO UNIT, NOT IN USE, blank and obsolete', () => {
    expect(Object.fromEntries(rows('cid_case').map((r) => [r.case_id, r.owner_unit]))).toEqual({
      C100001: 'LIT LIVERPOOL',
      C200002: 'CRIMINAL CASEWORK LIVERPOOL',
      C300003: 'NO UNIT',
      C400004: '',
      C500005: 'NOT IN USE',
      C600006: 'REMOVALS CASEWORK (FAMILY RETURNS UNIT)',
    });
  });

  it('writes dates as DD-MON-YYYY and case codes from CID code lists', () => {
    expect(one('cid_case', { case_id: 'C100001' })).toMatchObject({
      case_type_cd: 'ASY',
      case_status_cd: 'REFUSED',
      opened_dt: '14-JUN-2005',
      closed_dt: '01-FEB-2006',
      crim_offence_cd: null,
    });
    expect(one('cid_case', { case_id: 'C600006' })).toMatchObject({ case_type_cd: 'HR', case_status_cd: 'LIVE', closed_dt: null });
  });

  it('writes the criminal details of a criminal case', () => {
    expect(one('cid_case', { case_id: 'C200002' })).toMatchObject({
      case_type_cd: 'CRIM',
      crim_offence_cd: 'ROBBERY',
      crim_conviction_dt: '20-MAY-2011',
      crim_sentence_mths: 30,
      crim_release_dt: '15-FEB-2013',
      crim_deport_decision_dt: '03-SEP-2012',
      crim_pre2008_notice_ind: 'N',
      crim_s33_exception_ind: 'N',
      crim_fno_band: 1,
      crim_mappa_cd: 'L2',
      crim_harm_cat: 'B',
      crim_tagged_ind: 'Y',
      crim_nfa_ind: 'N',
      crim_zincs_ind: 'N',
    });
  });

  it('writes migrated (pre-2008) cases with mixed-case names and free-text nationality', () => {
    const legacy = one('cid_person_on_case', { case_id: 'C100001' });
    expect(legacy).toMatchObject({ surname: 'Ibrahim', forenames: 'Mohammed Ali', dob: '07-MAR-1984', ho_ref: 'I1234567' });
    expect(['NIGERIA', 'NIGERIAN']).toContain(legacy.nationality_cd);
    expect(one('cid_person_on_case', { case_id: 'C200002' })).toMatchObject({ surname: 'IBRAHIM', forenames: 'MOHAMMED ALI', nationality_cd: 'NGA' });
  });

  it('writes Germany as the ICAO code D', () => {
    expect(one('cid_person_on_case', { case_id: 'C400004' }).nationality_cd).toBe('D');
  });

  it('holds the PNC id on criminal and enforcement cases and the passport on visa-like cases', () => {
    expect(one('cid_person_on_case', { case_id: 'C200002' })).toMatchObject({ pnc_id: '2011/0012345K', iabs_ref: 'IABS0001234' });
    expect(one('cid_person_on_case', { case_id: 'C300003' }).pnc_id).toBe('2011/0012345K');
    expect(one('cid_person_on_case', { case_id: 'C500005' }).passport_no).toBe('C9876543');
  });

  it('writes note and event times in UK local time (BST from the last Sunday in March)', () => {
    const notes = Object.fromEntries(rows('cid_case_note').map((r) => [r.note_text, r]));
    expect(notes['Reviewed: awaiting ETD.']).toMatchObject({ case_id: 'C200002', note_dtm: '26-MAR-2016 12:00:00' });
    expect(notes['Reporting instructions issued.']).toMatchObject({ note_dtm: '28-MAR-2016 13:00:00' });
    expect(notes['Human rights claim acknowledged.']).toMatchObject({ case_id: 'C600006', note_dtm: '01-AUG-2016 00:30:00' });
    expect(one('cid_rep_event', { event_id: 'E3' }).due_dtm).toBe('10-JUL-2013 10:00:00');
  });

  it("writes reporting results as 'COMPLETED', 'NO SHOW' or NULL (004 §7.21)", () => {
    expect(Object.fromEntries(rows('cid_rep_event').map((r) => [r.event_id, r.result_txt]))).toEqual({
      E1: 'COMPLETED',
      E2: 'NO SHOW',
      E3: null,
    });
    expect(one('cid_rep_restriction', { restriction_id: 'R300001' })).toMatchObject({
      case_id: 'C200002',
      freq_cd: 'W',
      window_start: '10:00',
      window_mins: 60,
      bail_ind: 'N',
      status_cd: 'OPEN',
      start_dt: '20-FEB-2013',
    });
  });

  it('writes ETD applications with CID codes', () => {
    expect(one('cid_etd_application', { etd_id: 'ETD9001' })).toMatchObject({
      case_id: 'C200002',
      country_cd: 'NGA',
      status_cd: 'INTERVIEW BOOKED',
      submitted_dt: '02-APR-2013',
      interview_dt: '14-MAY-2013',
    });
  });
}

describe('renderCid on SQLite', () => suite('sqlite'));

describe.skipIf(!pgStatus.available)('renderCid on PostgreSQL', () => {
  suite('postgres');

  it('writes the same rows as on SQLite', async () => {
    const a = await renderCidTo('sqlite', fixturePopulation());
    const b = await renderCidTo('postgres', fixturePopulation());
    try {
      expect(await dump(b.url)).toEqual(await dump(a.url));
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});

describe('renderCid noise and determinism', () => {
  it('gives identical rows for the same seed and different drift for another seed', async () => {
    const noisy = fixturePopulation({ ...NO_NOISE, nameVariant: 0.5, nameTypo: 0.5, dobSwap: 0.5, identifierTypo: 0.3 });
    const a = await renderCidTo('sqlite', noisy, 11);
    const b = await renderCidTo('sqlite', noisy, 11);
    const c = await renderCidTo('sqlite', noisy, 12);
    try {
      const [da, db, dc] = [await dump(a.url), await dump(b.url), await dump(c.url)];
      expect(db).toEqual(da);
      // Byte-identical database files, not only equal rows.
      expect(fs.readFileSync(b.url.slice('sqlite:'.length)).equals(fs.readFileSync(a.url.slice('sqlite:'.length)))).toBe(true);
      expect(dc.cid_person_on_case).not.toEqual(da.cid_person_on_case);
    } finally {
      await Promise.all([a.cleanup(), b.cleanup(), c.cleanup()]);
    }
  });

  it('copies details per case so that they drift between cases of one person', async () => {
    const noisy = fixturePopulation({ ...NO_NOISE, nameSwap: 0.9, dobSwap: 0.9, missingIdentifier: 0.5 });
    const r = await renderCidTo('sqlite', noisy, 3);
    try {
      const copies = (await dump(r.url)).cid_person_on_case!.filter((row) => ['C100001', 'C200002', 'C300003'].includes(row.case_id as string));
      // Names swapped: the family name appears as a forename on some copy.
      expect(copies.some((row) => String(row.forenames).toUpperCase().startsWith(IBRAHIM.familyName))).toBe(true);
      // Day and month swapped (1984-03-07 → 1984-07-03) on some copy.
      expect(copies.some((row) => row.dob === '03-JUL-1984')).toBe(true);
      expect(new Set(copies.map((row) => `${row.surname}|${row.forenames}|${row.dob}|${row.ho_ref}`)).size).toBeGreaterThan(1);
    } finally {
      await r.cleanup();
    }
  });
});
