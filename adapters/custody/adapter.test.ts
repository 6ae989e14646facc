import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { custodyFixturePopulation, NO_NOISE } from '../../mocks/estate/render/custody.fixture.js';
import type { TrueArrest } from '../../mocks/estate/model.js';
import { DEFAULT_NOISE } from '../../mocks/estate/noise.js';
import { generatePopulation } from '../../mocks/estate/population.js';
import type { IdentityFragment } from '../../src/domain/common.js';
import type { CustodyEpisode } from '../../src/domain/custody.js';
import { BadInputError, NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/db/connect.js';
import { pgStatus } from '../../test/support/postgres.js';
import { createCustodyAdapter, type CustodyAdapter } from './adapter.js';
import { renderCustodyEstate, type Dialect, type RenderedCustody } from './custody.testkit.js';

const population = custodyFixturePopulation({ persons: 250, noise: NO_NOISE });
const truthArrests = new Map<string, TrueArrest>();
for (const p of population.persons) for (const a of p.arrests) truthArrests.set(`${a.force}/${a.custodyRecord}`, a);

function ok(value: CustodyEpisode | Error | undefined): CustodyEpisode {
  if (!value || value instanceof Error) throw new Error(`expected an episode, got ${String(value)}`);
  return value;
}

for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
  describe.skipIf(dialect === 'postgres' && !pgStatus.available)(`custody adapter on ${dialect}`, () => {
    let estate: RenderedCustody;
    let dbs: Record<'MPS' | 'WMP' | 'WYP', Knex>;
    let adapter: CustodyAdapter;

    beforeAll(async () => {
      estate = await renderCustodyEstate(population, dialect);
      dbs = estate.open();
      adapter = createCustodyAdapter(dbs);
    });

    afterAll(async () => {
      await adapter?.close();
      await estate?.cleanup();
    });

    it('reads the showcase MPS record: BST local time to UTC, IDENT1 hit, CCU check, completed record', async () => {
      const [e] = await adapter.episodesByKeys(['MPS/BS/16/000101']);
      expect(ok(e)).toMatchObject({
        ref: { source: 'custody', key: 'MPS/BS/16/000101' },
        force: 'MPS',
        recordNumber: 'BS/16/000101',
        suite: 'BRIXTON',
        arrestedAt: '2016-07-01T08:30:00Z',
        releasedAt: '2016-07-01T20:00:00Z',
        inCustody: false,
        offenceCode: 'FALSE-DOCS',
        declaredNationality: 'NGA',
        claimsBritishOrEea: false,
        fingerprintHit: true,
        hoFingerprintRef: 'IA004000001',
        statusCheck: { requested: true, route: 'CCU', requestedAt: '2016-07-01T08:45:00Z', result: 'IMMIGRATION_OFFENDER' },
        recordComplete: true,
        name: { given: ['MOHAMMED', 'ALI'], family: 'HUSSEIN' },
        dateOfBirth: '1984-03-02',
        gender: 'M',
        dataQuality: [],
      });
    });

    it('reads the showcase WMP record: GMT, false British claim, hit, never referred, still in custody', async () => {
      const e = ok((await adapter.episodesByKeys(['WMP/201701000102']))[0]);
      expect(e).toMatchObject({
        suite: 'Perry Barr',
        arrestedAt: '2017-01-15T23:30:00Z',
        releasedAt: null,
        inCustody: true,
        offenceCode: 'ROBBERY',
        declaredNationality: 'GBR',
        declaredNationalityAsHeld: 'GB',
        claimsBritishOrEea: true,
        fingerprintHit: true,
        hoFingerprintRef: 'IA004000002',
        statusCheck: { requested: false, route: null, requestedAt: null, result: null },
        recordComplete: null,
        name: { given: ['KHALID'], family: 'RAHMAN', original: 'KHALID RAHMAN' },
        dateOfBirth: '1990-11-23',
      });
    });

    it('reads the showcase WYP record: repeated October hour, epoch referral, no fingerprint columns', async () => {
      const e = ok((await adapter.episodesByKeys(['WYP/WY-000103-15']))[0]);
      expect(e).toMatchObject({
        arrestedAt: '2015-10-25T00:30:00Z',
        releasedAt: '2015-10-25T09:15:00Z',
        declaredNationality: 'POL',
        claimsBritishOrEea: true,
        fingerprintHit: null,
        hoFingerprintRef: null,
        statusCheck: { requested: true, route: 'LOCAL_IO', requestedAt: '2015-10-25T02:00:00Z', result: 'EEA_LAWFUL' },
        releasedBeforeIoAttended: true,
        name: { given: ['TATYANA'], family: 'KOWALSKI', original: 'Tatyana Kowalski' },
        gender: 'F',
      });
    });

    it('maps every rendered record back to its truth across all three schemas', async () => {
      const keys = estate.truth.map((t) => t.key);
      const episodes = await adapter.episodesByKeys(keys);
      let compared = 0;
      episodes.forEach((value, i) => {
        const e = ok(value);
        const t = truthArrests.get(keys[i]!)!;
        expect(e.ref.key).toBe(keys[i]);
        const fields = new Set(e.dataQuality.map((q) => q.field));
        if (!fields.has('arrest_datetime') && !fields.has('BookedIn') && !fields.has('arr_ts')) expect(e.arrestedAt).toBe(t.arrestedAt);
        expect(e.releasedAt).toBe(t.releasedAt);
        expect(e.inCustody).toBe(t.releasedAt === null);
        expect(e.offenceCode).toBe(t.offenceCode);
        expect(e.statusCheck.requested).toBe(t.statusCheck !== null);
        if (t.statusCheck) {
          expect(e.statusCheck.requestedAt).toBe(t.statusCheck.requestedAt);
          expect(e.statusCheck.result).toBe(t.statusCheck.result);
          if (e.dataQuality.length === 0) expect(e.statusCheck.route).toBe(t.statusCheck.route);
        }
        if (e.dataQuality.length === 0) expect(e.declaredNationality).toBe(t.declaredNationality);
        expect(e.fingerprintHit).toBe(t.force === 'WYP' ? null : t.fingerprintHit);
        expect(e.releasedBeforeIoAttended).toBe(t.releasedBeforeIoAttended);
        compared++;
      });
      expect(compared).toBe(estate.truth.length);
    });

    it('keeps key order, repeats and per-key errors (DataLoader contract)', async () => {
      const keys = ['WYP/WY-000103-15', 'MPS/NOPE', 'MPS/BS/16/000101', 'not-a-key', 'XYZ/1', 'WYP/WY-000103-15'];
      const out = await adapter.episodesByKeys(keys);
      expect(out).toHaveLength(keys.length);
      expect(ok(out[0]).ref.key).toBe('WYP/WY-000103-15');
      expect(out[1]).toBeInstanceOf(NotFoundError);
      expect(ok(out[2]).ref.key).toBe('MPS/BS/16/000101');
      expect(out[3]).toBeInstanceOf(BadInputError);
      expect(out[4]).toBeInstanceOf(NotFoundError);
      expect(out[5]).toEqual(out[0]);
      expect(await adapter.episodesByKeys([])).toEqual([]);
    });

    it('finds episodes by the matched Home Office fingerprint ref (MPS and WMP only)', async () => {
      const [one, two, none] = await adapter.episodesByHoFingerprintRef(['IA004000001', 'IA004000002', 'IA999999999']);
      expect((one as CustodyEpisode[]).map((e) => e.ref.key)).toEqual(['MPS/BS/16/000101']);
      expect((two as CustodyEpisode[]).map((e) => e.ref.key)).toEqual(['WMP/201701000102']);
      expect(none).toEqual([]);
      const withHits = population.persons.filter((p) => p.fingerprintRef && p.arrests.some((a) => a.fingerprintHit && a.force !== 'WYP'));
      const lists = await adapter.episodesByHoFingerprintRef(withHits.map((p) => p.fingerprintRef!));
      lists.forEach((list, i) => {
        const expected = withHits[i]!.arrests.filter((a) => a.fingerprintHit && a.force !== 'WYP').map((a) => `${a.force}/${a.custodyRecord}`);
        expect((list as CustodyEpisode[]).map((e) => e.ref.key).sort()).toEqual(expected.sort());
      });
    });

    it('searches by date of birth across the three date formats', async () => {
      const [first, third, bad] = await adapter.episodesByDateOfBirth(['1984-03-02', '1979-12-05', '05/12/1979']);
      expect((first as CustodyEpisode[]).map((e) => e.ref.key)).toContain('MPS/BS/16/000101');
      expect((third as CustodyEpisode[]).map((e) => e.ref.key).sort()).toEqual(['WYP/WY-000103-15', 'WYP/WY-000104-17']);
      expect(bad).toBeInstanceOf(BadInputError);
    });

    it('searches by family name whatever the case convention of the force', async () => {
      const [hussein, kowalski, rahman] = await adapter.episodesByFamilyName(['hussein', 'Kowalski', 'RAHMAN']);
      expect((hussein as CustodyEpisode[]).every((e) => e.name.family === 'HUSSEIN')).toBe(true);
      expect((hussein as CustodyEpisode[]).map((e) => e.ref.key)).toContain('MPS/BS/16/000101');
      expect((kowalski as CustodyEpisode[]).map((e) => e.ref.key)).toEqual(expect.arrayContaining(['WYP/WY-000103-15', 'WYP/WY-000104-17']));
      expect((rahman as CustodyEpisode[]).map((e) => e.ref.key)).toContain('WMP/201701000102');
      const forces = new Set((hussein as CustodyEpisode[]).map((e) => e.force));
      expect(forces.size).toBeGreaterThan(1);
    });

    it('gives identity fragments with CUSTODY_RECORD and, from an IDENT1 hit, FINGERPRINT', async () => {
      const [mps, wyp, missing] = await adapter.fragmentsByKeys(['MPS/BS/16/000101', 'WYP/WY-000103-15', 'MPS/NOPE']);
      expect(mps).toMatchObject({
        ref: { source: 'custody', key: 'MPS/BS/16/000101' },
        dateOfBirth: '1984-03-02',
        nationality: 'NGA',
        recordedAt: '2016-07-01T08:30:00Z',
        identifiers: [
          { kind: 'CUSTODY_RECORD', value: 'MPS/BS/16/000101' },
          { kind: 'FINGERPRINT', value: 'IA004000001' },
        ],
      });
      expect(wyp).toHaveProperty('identifiers');
      expect((wyp as unknown as { identifiers: unknown[] }).identifiers).toEqual([{ kind: 'CUSTODY_RECORD', value: 'WYP/WY-000103-15' }]);
      expect(missing).toBeInstanceOf(NotFoundError);
    });

    it('scans every fragment once, in pages', async () => {
      const seen: string[] = [];
      for await (const f of adapter.scanFragments({ pageSize: 37 })) seen.push(f.ref.key);
      expect(seen).toHaveLength(estate.truth.length);
      expect(new Set(seen)).toEqual(new Set(estate.truth.map((t) => t.key)));
    });

    it('lists possible foreign nationals in custody with no status check, most urgent PACE clock first', async () => {
      const now = '2017-05-31T00:00:00Z';
      const list = await adapter.inCustodyWithoutStatusCheck('WYP', now);
      const keys = list.map((d) => d.episode.ref.key);
      expect(keys).toContain('WYP/WY-000104-17');
      const expected = [...truthArrests.entries()].filter(
        ([, a]) => a.force === 'WYP' && a.releasedAt === null && a.statusCheck === null && a.arrestedAt <= now && a.declaredNationality !== 'GBR',
      );
      for (const [key] of expected) expect(keys).toContain(key);
      for (const d of list) {
        expect(d.episode.inCustody).toBe(true);
        expect(d.episode.statusCheck.requested).toBe(false);
        expect(d.episode.declaredNationality !== 'GBR' || d.episode.nationalityDoubted).toBe(true);
      }
      const expiries = list.map((d) => d.paceClockExpiresAt!);
      expect(expiries).toEqual([...expiries].sort());
      const showcase = list.find((d) => d.episode.ref.key === 'WYP/WY-000104-17')!;
      expect(showcase.paceClockExpiresAt).toBe('2017-05-31T18:00:00Z');
      expect(showcase.minutesRemaining).toBe(18 * 60);
    });

    it('puts someone claiming to be British on the worklist when IDENT1 matched Home Office prints', async () => {
      const list = await adapter.inCustodyWithoutStatusCheck('WMP', '2017-01-16T10:00:00Z');
      const showcase = list.find((d) => d.episode.ref.key === 'WMP/201701000102');
      expect(showcase?.minutesRemaining).toBe(13 * 60 + 30);
      // Arrests after `now` are not yet anyone's business.
      expect(list.every((d) => d.episode.arrestedAt! <= '2017-01-16T10:00:00Z')).toBe(true);
    });

    it('counts arrests of foreign nationals and checks by route, from the truth', async () => {
      const from = '2015-01-01T00:00:00Z';
      const to = '2017-01-01T00:00:00Z';
      for (const force of ['MPS', 'WMP', 'WYP'] as const) {
        const counts = await adapter.arrestCounts(force, from, to);
        const inWindow = [...truthArrests.entries()].filter(([, a]) => a.force === force && a.arrestedAt >= from && a.arrestedAt < to);
        const episodes = (await adapter.episodesByKeys(inWindow.map(([k]) => k))).map(ok);
        const dated = inWindow.filter((_, i) => episodes[i]!.arrestedAt !== null);
        expect(counts.arrests).toBe(dated.length);
        const foreign = dated.filter(([, a], i) => a.declaredNationality !== 'GBR' || (force !== 'WYP' && a.fingerprintHit) || episodes[i]!.nationalityDoubted);
        expect(counts.foreignNationalArrests).toBe(foreign.length);
        expect(counts.notChecked).toBe(foreign.filter(([, a]) => !a.statusCheck).length);
        const routed = foreign.filter(([k]) => episodes[inWindow.findIndex(([kk]) => kk === k)]!.statusCheck.route !== null);
        expect(counts.checksByRoute.CCU + counts.checksByRoute.EMBEDDED_IO + counts.checksByRoute.LOCAL_IO).toBe(routed.length);
        expect(counts.checksByRoute.CCU).toBe(routed.filter(([, a]) => a.statusCheck?.route === 'CCU').length);
        expect(counts.releasedBeforeIoAttended).toBe(foreign.filter(([, a]) => a.releasedBeforeIoAttended).length);
      }
      await expect(adapter.arrestCounts('MPS', '2015-01-01', to)).rejects.toBeInstanceOf(BadInputError);
    });

    it('pings each force', async () => {
      const pings = await adapter.pingForces();
      expect(pings.map((p) => [p.force, p.ok])).toEqual([['MPS', true], ['WMP', true], ['WYP', true]]);
      await expect(adapter.ping()).resolves.toBeUndefined();
    });
  });
}

describe('custody adapter data-quality quirks (SQLite)', () => {
  let estate: RenderedCustody;
  let adapter: CustodyAdapter;
  const rows = {
    mpsTime: 'MPS/BS/16/000101',
    wmp: 'WMP/201701000102',
    wyp: 'WYP/WY-000103-15',
  };

  beforeAll(async () => {
    estate = await renderCustodyEstate(population, 'sqlite');
    const mps = estate.openWritable('MPS');
    await mps('custody_record').where({ custody_record_no: 'BS/16/000101' }).update({
      arrest_datetime: '2016-02-30 10:00:00',
      nationality_text: 'Not stated',
      sex: 'X',
      offence_code: 'LOITERING',
    });
    await mps('imm_status_check').where({ custody_record_no: 'BS/16/000101' }).update({ route_code: 'TEL' });
    await mps.destroy();
    const wmp = estate.openWritable('WMP');
    await wmp('Detention').where({ DetentionNo: '201701000102' }).update({ BookedIn: '15/01/2017 23.30', GenderCode: 9, NationalityCode: 'XZ', DOB: '31/02/1990' });
    await wmp('Detention').where({ DetentionNo: '201701000102' }).update({ OffenceRef: 9999 });
    await wmp.destroy();
    const wyp = estate.openWritable('WYP');
    await wyp('custody_detentions').where({ cust_ref: 'WY-000103-15' }).update({ nat_cd: 'ZZZ', arr_ts: '20151025' });
    await wyp('io_referrals').where({ cust_ref: 'WY-000103-15' }).update({ channel: 'X' });
    await wyp.destroy();
    adapter = createCustodyAdapter(estate.open());
  });

  afterAll(async () => {
    await adapter?.close();
    await estate?.cleanup();
  });

  it('reports unreadable and unknown values on the record instead of failing', async () => {
    const [mps, wmp, wyp] = (await adapter.episodesByKeys([rows.mpsTime, rows.wmp, rows.wyp])).map(ok);
    const summary = (e: CustodyEpisode) => e.dataQuality.map((q) => [q.kind, q.field, q.rawValue]);
    expect(summary(mps!)).toEqual(
      expect.arrayContaining([
        ['UNPARSEABLE_VALUE', 'arrest_datetime', '2016-02-30 10:00:00'],
        ['UNPARSEABLE_VALUE', 'nationality_text', 'Not stated'],
        ['UNKNOWN_CODE', 'sex', 'X'],
        ['UNKNOWN_CODE', 'offence_code', 'LOITERING'],
        ['UNKNOWN_CODE', 'route_code', 'TEL'],
      ]),
    );
    expect(mps).toMatchObject({ arrestedAt: null, declaredNationality: null, gender: null, offenceCode: null, statusCheck: { requested: true, route: null } });
    expect(mps!.dataQuality.every((q) => q.refs[0]?.key === rows.mpsTime)).toBe(true);
    expect(summary(wmp!)).toEqual(
      expect.arrayContaining([
        ['UNPARSEABLE_VALUE', 'BookedIn', '15/01/2017 23.30'],
        ['UNKNOWN_CODE', 'GenderCode', '9'],
        ['UNKNOWN_CODE', 'NationalityCode', 'XZ'],
        ['UNPARSEABLE_VALUE', 'DOB', '31/02/1990'],
        ['UNKNOWN_CODE', 'OffenceRef', '9999'],
      ]),
    );
    expect(wmp).toMatchObject({ arrestedAt: null, dateOfBirth: null, claimsBritishOrEea: false, offenceCode: null });
    expect(wmp!.dataQuality.filter((q) => q.field === 'OffenceTitle')).toEqual([]);
    expect(summary(wyp!)).toEqual(
      expect.arrayContaining([
        ['UNKNOWN_CODE', 'nat_cd', 'ZZZ'],
        ['UNPARSEABLE_VALUE', 'arr_ts', '20151025'],
        ['UNKNOWN_CODE', 'channel', 'X'],
      ]),
    );
  });

  it('keeps an in-custody record with an unreadable arrest time at the top of the worklist', async () => {
    const list = await adapter.inCustodyWithoutStatusCheck('WMP', '2017-05-31T00:00:00Z');
    expect(list[0]).toMatchObject({ episode: { ref: { key: rows.wmp } }, paceClockExpiresAt: null, minutesRemaining: null });
  });

  it('leaves undated records out of arrest counts and says how many', async () => {
    const counts = await adapter.arrestCounts('WYP', '2015-01-01T00:00:00Z', '2016-01-01T00:00:00Z');
    expect(counts.undatedRecords).toBeGreaterThanOrEqual(1);
  });

  it('MPS: a released foreign national with no status check has an incomplete record (001 §4.9)', async () => {
    const released = [...truthArrests.entries()].filter(([, a]) => a.force === 'MPS' && a.releasedAt && a.declaredNationality !== 'GBR' && !a.statusCheck);
    const checked = [...truthArrests.entries()].filter(([, a]) => a.force === 'MPS' && a.releasedAt && a.statusCheck);
    const inCustody = [...truthArrests.entries()].filter(([, a]) => a.force === 'MPS' && !a.releasedAt);
    expect(released.length * checked.length * inCustody.length).toBeGreaterThan(0);
    const [a, b, c] = await Promise.all([released, checked, inCustody].map((list) => adapter.episodesByKeys(list.map(([k]) => k))));
    expect(a!.map((e) => ok(e).recordComplete)).toEqual(released.map(() => false));
    expect(b!.map((e) => ok(e).recordComplete)).toEqual(checked.map(() => true));
    expect(c!.map((e) => ok(e).recordComplete)).toEqual(inCustody.map(() => false));
  });
});

describe('custody adapter when a force fails', () => {
  let estate: RenderedCustody;
  let adapter: CustodyAdapter;

  beforeAll(async () => {
    estate = await renderCustodyEstate(custodyFixturePopulation({ persons: 20 }), 'sqlite');
    const dbs = estate.open();
    await dbs.WMP.destroy();
    // A database that opens but is not a WMP custody database (as after a failed restore).
    dbs.WMP = openDatabase(`sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custody-empty-')), 'empty.sqlite')}`);
    adapter = createCustodyAdapter(dbs);
  });

  afterAll(async () => {
    await adapter?.close();
    await estate?.cleanup();
  });

  it('gives errors for that force’s keys only', async () => {
    const out = await adapter.episodesByKeys(['MPS/BS/16/000101', 'WMP/201701000102', 'WYP/WY-000103-15', 'WMP/OTHER']);
    expect(ok(out[0]).force).toBe('MPS');
    expect(out[1]).toBeInstanceOf(SourceUnavailableError);
    expect((out[1] as Error).message).toMatch(/WMP custody database: no such table: Detention/);
    expect((out[1] as Error).message).not.toMatch(/201701000102/);
    expect(ok(out[2]).force).toBe('WYP');
    expect(out[3]).toBe(out[1]);
  });

  it('fails cross-force searches rather than return a list that looks complete', async () => {
    const [list] = await adapter.episodesByHoFingerprintRef(['IA004000001']);
    expect(list).toBeInstanceOf(SourceUnavailableError);
  });

  it('names the failing force in ping', async () => {
    const pings = await adapter.pingForces();
    expect(pings.filter((p) => !p.ok).map((p) => p.force)).toEqual(['WMP']);
    await expect(adapter.ping()).rejects.toThrow(/WMP/);
  });

  it('answers keys of an unconfigured force with an error, and the others normally', async () => {
    const partial = createCustodyAdapter({ MPS: openDatabase(estate.urls.MPS, { readonly: true }) });
    const [mps, wyp] = await partial.episodesByKeys(['MPS/BS/16/000101', 'WYP/WY-000103-15']);
    expect(ok(mps).force).toBe('MPS');
    expect(wyp).toBeInstanceOf(SourceUnavailableError);
    expect(partial.forces).toEqual(['MPS']);
    await partial.close();
  });
});

describe('custody adapter over the generated population (mocks/estate/population.ts)', () => {
  let estate: RenderedCustody;
  let adapter: CustodyAdapter;
  const generated = generatePopulation({ seed: 42, persons: 300, today: '2017-05-31', noise: DEFAULT_NOISE });
  const truth = new Map<string, TrueArrest>(generated.persons.flatMap((p) => p.arrests.map((a) => [`${a.force}/${a.custodyRecord}`, a] as const)));

  beforeAll(async () => {
    estate = await renderCustodyEstate(generated, 'sqlite');
    adapter = createCustodyAdapter(estate.open());
  });

  afterAll(async () => {
    await adapter?.close();
    await estate?.cleanup();
  });

  it('reads back every arrest the population made, exactly, wherever the record has no planted defect', async () => {
    let clean = 0;
    let seen = 0;
    for await (const e of adapter.scanEpisodes({ pageSize: 200 })) {
      seen++;
      const a = truth.get(e.ref.key)!;
      expect(a, e.ref.key).toBeDefined();
      if (e.dataQuality.length > 0) continue;
      clean++;
      expect({
        arrestedAt: e.arrestedAt,
        releasedAt: e.releasedAt,
        nationality: e.declaredNationality,
        offence: e.offenceCode,
        route: e.statusCheck.route,
        result: e.statusCheck.result,
        hit: e.fingerprintHit,
        early: e.releasedBeforeIoAttended,
      }).toEqual({
        arrestedAt: a.arrestedAt,
        releasedAt: a.releasedAt,
        nationality: a.declaredNationality,
        offence: a.offenceCode,
        route: a.statusCheck?.route ?? null,
        result: a.statusCheck?.result ?? null,
        hit: a.force === 'WYP' ? null : a.fingerprintHit,
        early: a.releasedBeforeIoAttended,
      });
    }
    expect(seen).toBe(truth.size);
    expect(clean / seen).toBeGreaterThan(0.97);
  });

  it('reads the PNC id every force records (MPS and WYP long form, WMP short form) into the long form and a PNC_ID identifier', async () => {
    const personOf = new Map<string, (typeof generated.persons)[number]>(generated.persons.flatMap((p) => p.arrests.map((a) => [`${a.force}/${a.custodyRecord}`, p] as const)));
    const byForce = new Map<string, { withId: number; exact: number }>();
    let firstWith = 0;
    let firstAll = 0;
    for await (const e of adapter.scanEpisodes({ pageSize: 200 })) {
      const person = personOf.get(e.ref.key)!;
      const first = person.arrests[0]!.custodyRecord === e.recordNumber && person.arrests[0]!.force === e.force;
      if (first) firstAll++;
      if (e.pncId === null) continue;
      if (first) firstWith++;
      expect(e.pncId).toMatch(/^\d{4}\/\d{7}[A-Z]$/);
      const f = byForce.get(e.force) ?? { withId: 0, exact: 0 };
      f.withId++;
      if (e.pncId === person.pncId) f.exact++;
      byForce.set(e.force, f);
      const [fragment] = await adapter.fragmentsByKeys([e.ref.key as `MPS/${string}`]);
      expect(fragment).not.toBeInstanceOf(Error);
      expect((fragment as IdentityFragment).identifiers).toContainEqual({ kind: 'PNC_ID', value: e.pncId });
      expect((fragment as IdentityFragment).occasion).toEqual(e.arrestedAt ? { kind: 'ARREST', force: e.force, at: e.arrestedAt } : null);
    }
    expect([...byForce.keys()].sort()).toEqual(['MPS', 'WMP', 'WYP']);
    // Copied like any identifier: a few are mistyped (the check letter then fails), none belong to another person.
    for (const f of byForce.values()) expect(f.exact / f.withId).toBeGreaterThan(0.95);
    // The id created from a first arrest is often never written back to its custody record.
    expect(firstWith / firstAll).toBeGreaterThan(0.3);
    expect(firstWith / firstAll).toBeLessThan(0.7);
  });
});
