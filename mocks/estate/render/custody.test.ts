import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { renderCustodyEstate, type RenderedCustody } from '../../../adapters/custody/custody.testkit.js';
import { openDatabase } from '../../../src/db/connect.js';
import { parseNationality } from '../../../src/domain/nationality.js';
import { pgStatus } from '../../../test/support/postgres.js';
import type { Population } from '../model.js';
import { custodyFixturePopulation, NO_NOISE } from './custody.fixture.js';
import { ukLocal } from './custody.js';

type Row = Record<string, unknown>;

async function dump(estate: RenderedCustody): Promise<Record<string, Row[]>> {
  const tables: [keyof RenderedCustody['urls'], string, string][] = [
    ['MPS', 'custody_record', 'custody_record_no'],
    ['MPS', 'imm_status_check', 'check_id'],
    ['WMP', 'CustodySuite', 'SuiteId'],
    ['WMP', 'OffenceLookup', 'OffenceRef'],
    ['WMP', 'Detention', 'DetentionNo'],
    ['WYP', 'nat_codes', 'nat_cd'],
    ['WYP', 'custody_detentions', 'cust_ref'],
    ['WYP', 'io_referrals', 'ref_id'],
  ];
  const out: Record<string, Row[]> = {};
  for (const [force, table, key] of tables) {
    const db = openDatabase(estate.urls[force], { readonly: true });
    const rows = (await db(table).orderBy(key)) as Row[];
    // pg returns bigint as text: compare as the same text on both engines.
    out[`${force}.${table}`] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v == null ? null : String(v)])));
    await db.destroy();
  }
  return out;
}

async function columns(db: Knex, table: string): Promise<string[]> {
  return Object.keys(await db(table).columnInfo()).sort();
}

const population = custodyFixturePopulation({ persons: 300 });

describe('renderCustody', () => {
  let estate: RenderedCustody;
  let mps: Knex;
  let wmp: Knex;
  let wyp: Knex;

  beforeAll(async () => {
    estate = await renderCustodyEstate(population);
    ({ MPS: mps, WMP: wmp, WYP: wyp } = estate.open());
  });

  afterAll(async () => {
    await Promise.all([mps, wmp, wyp].map((db) => db?.destroy()));
    await estate?.cleanup();
  });

  it('writes three different schemas, one database per force', async () => {
    expect(await columns(mps, 'custody_record')).toEqual(
      ['arrest_datetime', 'custody_record_no', 'date_of_birth', 'detainee_name', 'iabs_ref', 'ident1_hit', 'nationality_doubt', 'nationality_text', 'offence_code', 'pnc_id', 'record_status', 'release_datetime', 'released_pre_io', 'sex', 'suite_name'].sort(),
    );
    expect(await columns(wmp, 'Detention')).toEqual(
      ['BookedIn', 'DOB', 'DetentionNo', 'Forenames', 'GenderCode', 'HOFingerprintNo', 'Ident1Result', 'NationalityCode', 'NationalityQueried', 'OffenceRef', 'PNCId', 'ReferralDateTime', 'ReferralOutcome', 'ReferralRoute', 'Released', 'ReleasedBeforeIO', 'SuiteId', 'Surname'].sort(),
    );
    const wypColumns = await columns(wyp, 'custody_detentions');
    expect(wypColumns).toEqual(['arr_ts', 'cust_ref', 'dob', 'family_name', 'gender', 'given_names', 'nat_cd', 'nat_query', 'offence_desc', 'pnc_ref', 'rel_before_io', 'rel_ts', 'suite'].sort());
    // West Yorkshire prints are not checked against Home Office records (002 §4.4).
    expect(wypColumns.some((c) => /finger|ident|iabs/i.test(c))).toBe(false);
  });

  it('writes each force’s own date formats in UK local time', async () => {
    const m = (await mps('custody_record').where({ custody_record_no: 'BS/16/000101' }).first()) as Row;
    expect(m).toMatchObject({ arrest_datetime: '2016-07-01 09:30:00', release_datetime: '2016-07-01 21:00:00', date_of_birth: '1984-03-02' });
    const c = (await mps('imm_status_check').where({ custody_record_no: 'BS/16/000101' }).first()) as Row;
    expect(c).toMatchObject({ route_code: 'CCU', requested_datetime: '2016-07-01 09:45:00', outcome: 'IMMIGRATION OFFENDER' });
    const w = (await wmp('Detention').where({ DetentionNo: '201701000102' }).first()) as Row;
    expect(w).toMatchObject({ BookedIn: '15/01/2017 23:30', Released: null, DOB: '23/11/1990', GenderCode: 1, NationalityCode: 'GB', Ident1Result: 'YES', HOFingerprintNo: 'IA004000002', ReferralRoute: null });
    const y = (await wyp('custody_detentions').where({ cust_ref: 'WY-000103-15' }).first()) as Row;
    expect(y).toMatchObject({ arr_ts: '201510250130', rel_ts: '201510250915', gender: 'FEMALE', nat_cd: 'POLI', offence_desc: 'THEFT FROM A SHOP', rel_before_io: 1 });
    const r = (await wyp('io_referrals').where({ cust_ref: 'WY-000103-15' }).first()) as Row;
    expect(r).toMatchObject({ channel: 'L', referred_epoch: Date.parse('2015-10-25T02:00:00Z') / 1000, result_cd: 'EL' });
  });

  it('writes names as each force does: "SURNAME, Forenames" vs separate columns', async () => {
    const names = (await mps('custody_record').select('detainee_name')) as { detainee_name: string }[];
    expect(names.every((n) => /^[A-Z' -]+(, [A-Z][a-z' -]*( [A-Z][a-z' -]*)*)?$/.test(n.detainee_name))).toBe(true);
    const w = (await wmp('Detention').select('Surname', 'Forenames')) as Row[];
    expect(w.every((r) => String(r.Surname) === String(r.Surname).toUpperCase())).toBe(true);
    const y = (await wyp('custody_detentions').select('family_name')) as Row[];
    expect(y.every((r) => /^[A-Z][a-z]/.test(String(r.family_name)))).toBe(true);
  });

  it('writes nationality as free text (MPS), alpha-2 (WMP) and a force code list (WYP)', async () => {
    const texts = ((await mps('custody_record').distinct('nationality_text')) as { nationality_text: string }[]).map((r) => r.nationality_text);
    expect(texts.some((t) => /^[A-Z][a-z]+$/.test(t))).toBe(true); // "Nigerian"
    expect(texts.some((t) => /^[A-Z ]{4,}$/.test(t))).toBe(true); // "NIGERIA"
    expect(texts.some((t) => /^[a-z]+$/.test(t))).toBe(true); // "british"
    expect(texts.filter((t) => parseNationality(t) === null).length).toBeLessThanOrEqual(2);
    const codes = ((await wmp('Detention').distinct('NationalityCode')) as Row[]).map((r) => r.NationalityCode);
    expect(codes.every((c) => c === null || /^[A-Z]{2}$/.test(String(c)))).toBe(true);
    const lookup = (await wyp('nat_codes').where({ nat_cd: 'BRIT' }).first()) as Row;
    expect(lookup.nat_desc).toBe('UNITED KINGDOM');
  });

  it('records who declared British although not (the false claim survives into the source)', async () => {
    const liar = population.persons[1]!;
    expect(liar.falseClaim).toBe('BRITISH');
    const w = (await wmp('Detention').where({ DetentionNo: liar.arrests[0]!.custodyRecord }).first()) as Row;
    expect(w.NationalityCode).toBe('GB');
  });

  it('MPS cannot complete a released foreign national’s record without a status-check request (001 §4.9)', async () => {
    for (const p of population.persons) {
      for (const a of p.arrests.filter((x) => x.force === 'MPS')) {
        const row = (await mps('custody_record').where({ custody_record_no: a.custodyRecord }).first()) as Row;
        const expected = !a.releasedAt ? 'OPEN' : a.declaredNationality !== 'GBR' && !a.statusCheck ? 'INCOMPLETE' : 'COMPLETE';
        expect(row.record_status).toBe(expected);
      }
    }
  });

  it('reports every custody record to the truth sink with its FORCE/record key', async () => {
    const expected = population.persons.flatMap((p) => p.arrests.map((a) => ({ source: 'custody', key: `${a.force}/${a.custodyRecord}`, personId: p.id })));
    expect(estate.truth).toEqual(expected);
    const rows = estate.summary.counts;
    expect(rows['custody_mps.custody_record']! + rows['custody_wmp.Detention']! + rows['custody_wyp.custody_detentions']!).toBe(expected.length);
    expect(rows['custody_mps.imm_status_check']).toBe(population.persons.flatMap((p) => p.arrests).filter((a) => a.force === 'MPS' && a.statusCheck).length);
  });

  it('plants a few deliberate defects (unreadable dates, unknown codes) at a low rate', async () => {
    const m = (await mps('custody_record').select('arrest_datetime', 'sex')) as Row[];
    const badMps = m.filter((r) => r.sex === 'X' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(r.arrest_datetime)) || /25:70/.test(String(r.arrest_datetime)));
    const w = (await wmp('Detention').select('GenderCode', 'NationalityCode', 'ReferralRoute', 'BookedIn')) as Row[];
    const badWmp = w.filter((r) => r.GenderCode === 9 || r.NationalityCode === 'XZ' || r.ReferralRoute === 7 || !/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(String(r.BookedIn)));
    const y = (await wyp('custody_detentions').select('gender', 'nat_cd', 'arr_ts')) as Row[];
    const badWyp = y.filter((r) => r.gender === 'U' || r.nat_cd === 'ZZZ' || !/^\d{12}$/.test(String(r.arr_ts)));
    const total = m.length + w.length + y.length;
    const bad = badMps.length + badWmp.length + badWyp.length;
    expect(bad).toBeGreaterThan(0);
    expect(bad / total).toBeLessThan(0.03);
  });

  it('copies names without noise when noise is off, and with noise when it is on', async () => {
    const quiet = await renderCustodyEstate(custodyFixturePopulation({ persons: 120, noise: NO_NOISE }));
    const loud = await renderCustodyEstate(custodyFixturePopulation({ persons: 120, noise: { nameVariant: 0.9, nameTypo: 0.9 } }));
    const surnames = async (e: RenderedCustody) => {
      const db = openDatabase(e.urls.WMP, { readonly: true });
      const rows = (await db('Detention').orderBy('DetentionNo').select('DetentionNo', 'Surname')) as { DetentionNo: string; Surname: string }[];
      await db.destroy();
      return rows;
    };
    const truthByRecord = (pop: Population) => new Map(pop.persons.flatMap((p) => p.arrests.map((a) => [a.custodyRecord, p] as const)));
    const quietTruth = truthByRecord(custodyFixturePopulation({ persons: 120, noise: NO_NOISE }));
    const quietRows = await surnames(quiet);
    const matching = quietRows.filter((r) => {
      const p = quietTruth.get(r.DetentionNo)!;
      return p.familyName === r.Surname || p.aliases.some((a) => a.familyName === r.Surname);
    });
    expect(matching.length).toBe(quietRows.length);
    const loudTruth = truthByRecord(custodyFixturePopulation({ persons: 120, noise: { nameVariant: 0.9, nameTypo: 0.9 } }));
    const loudRows = await surnames(loud);
    const differing = loudRows.filter((r) => loudTruth.get(r.DetentionNo)!.familyName !== r.Surname);
    expect(differing.length).toBeGreaterThan(loudRows.length / 3);
    await quiet.cleanup();
    await loud.cleanup();
  });

  it('is deterministic: same seed, same rows; another seed, other rows', async () => {
    const again = await renderCustodyEstate(custodyFixturePopulation({ persons: 300 }));
    const other = await renderCustodyEstate({ ...population, options: { ...population.options, seed: 12 } });
    const base = await dump(estate);
    expect(await dump(again)).toEqual(base);
    for (const force of ['MPS', 'WMP', 'WYP'] as const) {
      expect(fs.readFileSync(again.urls[force].slice('sqlite:'.length)).equals(fs.readFileSync(estate.urls[force].slice('sqlite:'.length)))).toBe(true);
    }
    expect(await dump(other)).not.toEqual(base);
    await again.cleanup();
    await other.cleanup();
  });

  it('refuses a population with two arrests under one custody record', async () => {
    const p = population.persons[0]!;
    const broken: Population = { ...population, persons: [p, { ...p, id: 'TP9999999' }] };
    await expect(renderCustodyEstate(broken)).rejects.toThrow(/two arrests with custody record "MPS\/BS\/16\/000101"/);
  });

  it('converts UTC to UK wall-clock time across both clock changes', () => {
    expect(ukLocal('2016-03-27T00:59:00Z')).toMatchObject({ h: '00', mi: '59' });
    expect(ukLocal('2016-03-27T01:00:00Z')).toMatchObject({ h: '02', mi: '00' });
    expect(ukLocal('2016-10-30T00:30:00Z')).toMatchObject({ h: '01', mi: '30' });
    expect(ukLocal('2016-10-30T01:30:00Z')).toMatchObject({ h: '01', mi: '30' });
  });

  describe.skipIf(!pgStatus.available)('on PostgreSQL', () => {
    it('writes the same rows as on SQLite', async () => {
      const pg = await renderCustodyEstate(population, 'postgres');
      try {
        expect(await dump(pg)).toEqual(await dump(estate));
      } finally {
        await pg.cleanup();
      }
    });
  });
});
