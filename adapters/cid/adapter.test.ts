import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CidCase, CidPersonOnCase } from '../../src/domain/cid.js';
import type { IdentityFragment } from '../../src/domain/common.js';
import { BadInputError, NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/db/connect.js';
import { pgStatus } from '../../test/support/postgres.js';
import { openCidAdapter, type CidAdapter } from './adapter.js';
import { fixturePopulation } from './testing/fixturePopulation.js';
import { renderCidTo, type Engine, type RenderedCid } from './testing/renderToDatabase.js';

/** Rows a real CID holds that the renderer never writes: the adapter must cope with them too. */
async function addQuirkyRows(url: string): Promise<void> {
  const db = openDatabase(url);
  try {
    await db('cid_case').insert([
      { case_id: 'Q900001', case_type_cd: 'XYZ', case_status_cd: 'PENDING?', opened_dt: '31-FEB-2010', owner_unit: 'UKBA CROYDON' },
      { case_id: 'Q900002', case_type_cd: 'CRIM', case_status_cd: 'LIVE', opened_dt: null, owner_unit: 'unidentified group 4', crim_offence_cd: 'BIGAMY', crim_mappa_cd: 'L9', crim_fno_band: 7, crim_tagged_ind: 'X', crim_sentence_mths: 0 },
    ]);
    await db('cid_person_on_case').insert([
      { case_id: 'Q900001', cid_person_id: 'QP1', surname: null, forenames: 'Ghost', dob: '31-FEB-1985', gender_cd: 'U', nationality_cd: 'ATLANTIS', created_dtm: '2010-02-31 10:00' },
    ]);
    await db('cid_person_alias').insert([{ case_id: 'Q900001', cid_person_id: 'QP1', alias_seq: 1, surname: 'SPECTRE', forenames: 'G', dob: '00-JAN-1980' }]);
    await db('cid_case_note').insert([{ note_id: 99001, case_id: 'Q900001', note_dtm: '2016-03-28 13:00', author: null, note_text: null }]);
    await db('cid_rep_restriction').insert([{ restriction_id: 'QR1', case_id: 'Q900001', freq_cd: 'D', window_start: '25:00', window_mins: 60, bail_ind: 'Y', status_cd: 'OPEN', start_dt: '01-JAN-2016' }]);
    await db('cid_rep_event').insert([{ event_id: 'QE1', restriction_id: 'QR1', due_dtm: '06-JAN-2016 10:00:00', result_txt: 'ATTENDED?' }]);
    await db('cid_etd_application').insert([{ etd_id: 'QETD1', case_id: 'Q900001', country_cd: 'ATLANTIS', status_cd: 'LOST', submitted_dt: '2016-01-01' }]);
  } finally {
    await db.destroy();
  }
}

function isOk<V>(v: V | Error): V {
  if (v instanceof Error) throw v;
  return v;
}

function suite(engine: Engine): void {
  let rendered: RenderedCid;
  let cid: CidAdapter;

  beforeAll(async () => {
    rendered = await renderCidTo(engine, fixturePopulation());
    await addQuirkyRows(rendered.url);
    cid = openCidAdapter(rendered.url);
  });
  afterAll(async () => {
    await cid?.close();
    await rendered?.cleanup();
  });

  const kinds = (r: { issues: readonly { kind: string; field: string }[] }) => r.issues.map((i) => `${i.kind}:${i.field}`).sort();

  describe('casesByIds', () => {
    it('answers in key order, with NotFoundError for a missing case and repeated keys answered each time', async () => {
      const out = await cid.casesByIds(['C300003', 'NOPE', 'C100001', 'C300003']);
      expect(out).toHaveLength(4);
      expect((out[0] as CidCase).caseId).toBe('C300003');
      expect(out[1]).toBeInstanceOf(NotFoundError);
      expect((out[1] as NotFoundError).code).toBe('NOT_FOUND');
      expect((out[2] as CidCase).caseId).toBe('C100001');
      expect((out[3] as CidCase).caseId).toBe('C300003');
      expect(await cid.casesByIds([])).toEqual([]);
    });

    it('maps CID codes and dates, and lists the persons on the case', async () => {
      const c = isOk((await cid.casesByIds(['C100001']))[0]!);
      expect(c).toMatchObject({
        ref: { source: 'cid', key: 'C100001' },
        type: 'ASYLUM',
        typeCode: 'ASY',
        status: 'REFUSED',
        statusCode: 'REFUSED',
        openedOn: '2005-06-14',
        closedOn: '2006-02-01',
        caseworker: 'J SMITH',
        criminal: null,
        personKeys: ['C100001/P500001'],
      });
    });

    it('reads every criminal detail of a criminal case', async () => {
      const c = isOk((await cid.casesByIds(['C200002']))[0]!);
      expect(c.type).toBe('CRIMINAL');
      expect(c.criminal).toEqual({
        offenceCode: 'ROBBERY',
        convictedOn: '2011-05-20',
        sentenceMonths: 30,
        releasedOn: '2013-02-15',
        deportationDecisionOn: '2012-09-03',
        noticeServedBefore2008: false,
        s33Exception: false,
        band: 1,
        mappaLevel: 'LEVEL_2',
        harmCategory: 'B',
        tagged: true,
        noFixedAddress: false,
        operationZincs: false,
      });
      expect(c.owner).toEqual({ label: 'CRIMINAL CASEWORK LIVERPOOL', unit: 'CRIMINAL CASEWORK LIVERPOOL', ownershipUnclear: null });
      expect(c.issues).toEqual([]);
    });

    it('flags unclear ownership: NO UNIT, NOT IN USE, blank, obsolete and unidentified units (004 §6.10, §6.16)', async () => {
      const out = (await cid.casesByIds(['C300003', 'C500005', 'C400004', 'C100001', 'Q900001', 'Q900002', 'C600006'])).map(isOk);
      expect(out.map((c) => c.owner.ownershipUnclear)).toEqual(['NO_UNIT', 'NOT_IN_USE', 'BLANK', 'OBSOLETE_UNIT', 'OBSOLETE_UNIT', 'UNIDENTIFIED_GROUP', null]);
      expect(out[2]!.owner.label).toBe('');
      for (const c of out.slice(0, 6)) {
        expect(c.issues.filter((i) => i.kind === 'OWNERSHIP_UNCLEAR')).toEqual([
          expect.objectContaining({ refs: [c.ref], field: 'cid_case.owner_unit', rawValue: c.owner.label }),
        ]);
      }
      expect(out[6]!.issues).toEqual([]);
    });

    it('reports unknown codes and impossible dates as data-quality issues, not errors', async () => {
      const [q1, q2] = (await cid.casesByIds(['Q900001', 'Q900002'])).map(isOk);
      expect(q1).toMatchObject({ type: null, typeCode: 'XYZ', status: null, statusCode: 'PENDING?', openedOn: null });
      expect(kinds(q1!)).toEqual([
        'OWNERSHIP_UNCLEAR:cid_case.owner_unit',
        'UNKNOWN_CODE:cid_case.case_status_cd',
        'UNKNOWN_CODE:cid_case.case_type_cd',
        'UNPARSEABLE_VALUE:cid_case.opened_dt',
      ]);
      expect(q1!.issues.find((i) => i.field === 'cid_case.opened_dt')).toMatchObject({ rawValue: '31-FEB-2010' });
      expect(q2!.criminal).toMatchObject({ offenceCode: null, mappaLevel: null, band: null, tagged: null, sentenceMonths: null });
      expect(kinds(q2!)).toEqual([
        'MISSING_VALUE:cid_case.opened_dt',
        'OWNERSHIP_UNCLEAR:cid_case.owner_unit',
        'UNKNOWN_CODE:cid_case.crim_fno_band',
        'UNKNOWN_CODE:cid_case.crim_mappa_cd',
        'UNKNOWN_CODE:cid_case.crim_offence_cd',
        'UNKNOWN_CODE:cid_case.crim_tagged_ind',
      ]);
    });
  });

  describe('personsOnCaseByKeys', () => {
    it('normalises a migrated record: mixed-case names, free-text nationality, CID dates', async () => {
      const p = isOk((await cid.personsOnCaseByKeys(['C100001/P500001']))[0]!);
      expect(p).toMatchObject({
        ref: { source: 'cid', key: 'C100001/P500001' },
        caseId: 'C100001',
        cidPersonId: 'P500001',
        hoRef: 'I1234567',
        name: { given: ['MOHAMMED', 'ALI'], family: 'IBRAHIM', original: 'Ibrahim, Mohammed Ali' },
        dateOfBirth: '1984-03-07',
        gender: 'M',
        nationality: 'NGA',
        placeOfBirth: 'KANO',
        fingerprintRef: 'IABS0001234',
        pncId: null,
      });
      expect(['NIGERIA', 'NIGERIAN']).toContain(p.nationalityRaw);
      expect(p.recordedAt).toMatch(/^2005-06-14T\d\d:\d\d:\d\dZ$/);
      expect(p.issues).toEqual([]);
    });

    it("reads CID's ICAO code D as Germany", async () => {
      const p = isOk((await cid.personsOnCaseByKeys(['C400004/P800004']))[0]!);
      expect(p).toMatchObject({ nationality: 'DEU', nationalityRaw: 'D', gender: 'F', dateOfBirth: '1990-01-31' });
    });

    it('keeps aliases recorded on the case', async () => {
      const keys = ['C100001/P500001', 'C200002/P700002', 'C300003/P500001'];
      const people = (await cid.personsOnCaseByKeys(keys)).map(isOk);
      const aliases = people.flatMap((p) => p.aliases);
      for (const a of aliases) expect(a).toMatchObject({ name: { family: 'BELLO', given: ['MUSA'] }, dateOfBirth: '1983-07-03' });
    });

    it('answers each key in order: NotFoundError when absent, BadInputError when malformed', async () => {
      const out = await cid.personsOnCaseByKeys(['C300003/P500001', 'C300003/P999', 'nonsense', 'C100001/P500001']);
      expect((out[0] as CidPersonOnCase).ref.key).toBe('C300003/P500001');
      expect(out[1]).toBeInstanceOf(NotFoundError);
      expect(out[2]).toBeInstanceOf(BadInputError);
      expect((out[3] as CidPersonOnCase).ref.key).toBe('C100001/P500001');
    });

    it('reports an impossible date of birth, missing surname, unknown gender and nationality', async () => {
      const p = isOk((await cid.personsOnCaseByKeys(['Q900001/QP1']))[0]!);
      expect(p).toMatchObject({ dateOfBirth: null, gender: null, nationality: null, nationalityRaw: 'ATLANTIS', recordedAt: null, name: { family: '', given: ['GHOST'] } });
      expect(p.aliases).toEqual([{ name: { given: ['G'], family: 'SPECTRE', original: 'SPECTRE, G' }, dateOfBirth: null }]);
      expect(kinds(p)).toEqual([
        'MISSING_VALUE:cid_person_on_case.surname',
        'UNKNOWN_CODE:cid_person_on_case.gender_cd',
        'UNKNOWN_CODE:cid_person_on_case.nationality_cd',
        'UNPARSEABLE_VALUE:cid_person_alias.dob#1',
        'UNPARSEABLE_VALUE:cid_person_on_case.created_dtm',
        'UNPARSEABLE_VALUE:cid_person_on_case.dob',
      ]);
      expect(p.issues.every((i) => i.refs[0]!.key === 'Q900001/QP1')).toBe(true);
    });
  });

  describe('list lookups', () => {
    it('casesByHoRef finds every case a Home Office reference appears on, empty for none', async () => {
      const out = (await cid.casesByHoRef(['I1234567', 'NONE', 'W7654321'])).map(isOk);
      expect(out.map((cs) => cs.map((c) => c.caseId))).toEqual([['C100001', 'C200002', 'C300003'], [], ['C400004']]);
    });

    it('casesByCidPersonId follows a reused CID person id across cases', async () => {
      const out = (await cid.casesByCidPersonId(['P500001', 'P700002', 'P0'])).map(isOk);
      expect(out.map((cs) => cs.map((c) => c.caseId))).toEqual([['C100001', 'C300003'], ['C200002'], []]);
    });

    it('notesByCaseIds returns each case its own notes oldest first, times in UTC', async () => {
      const [crim, none, asylum, hr] = (await cid.notesByCaseIds(['C200002', 'C400004', 'C100001', 'C600006'])).map(isOk);
      expect(hr!.map((n) => n.writtenAt)).toEqual(['2016-07-31T23:30:00Z']);
      expect(crim!.map((n) => [n.writtenAt, n.text])).toEqual([
        ['2012-01-10T09:00:00Z', 'Referral received from prison.'],
        ['2016-03-26T12:00:00Z', 'Reviewed: awaiting ETD.'],
        ['2016-03-28T12:00:00Z', 'Reporting instructions issued.'],
      ]);
      expect(crim!.map((n) => [n.caseId, n.author])).toEqual([
        ['C200002', 'INTAKE CROYDON'],
        ['C200002', 'A KHAN'],
        ['C200002', 'A KHAN'],
      ]);
      expect(none).toEqual([]);
      expect(asylum!.map((n) => n.writtenAt)).toEqual(['2005-06-14T10:15:00Z']);
    });

    it('reports an unreadable note time', async () => {
      const [notes] = (await cid.notesByCaseIds(['Q900001'])).map(isOk);
      expect(notes).toEqual([
        expect.objectContaining({ noteId: '99001', writtenAt: null, text: '', author: null, issues: [expect.objectContaining({ kind: 'UNPARSEABLE_VALUE', rawValue: '2016-03-28 13:00' })] }),
      ]);
    });

    it('restrictionsByCaseIds and reportingEventsByRestrictionIds read reporting (004 §7.21)', async () => {
      const [restrictions, none] = (await cid.restrictionsByCaseIds(['C200002', 'C100001'])).map(isOk);
      expect(none).toEqual([]);
      expect(restrictions).toEqual([
        {
          restrictionId: 'R300001', caseId: 'C200002', reportingCentre: 'DALLAS COURT', frequency: 'WEEKLY', windowStart: '10:00',
          windowMinutes: 60, bail: false, status: 'OPEN', startedOn: '2013-02-20', issues: [],
        },
      ]);
      const [events, empty] = (await cid.reportingEventsByRestrictionIds(['R300001', 'R0'])).map(isOk);
      expect(empty).toEqual([]);
      expect(events!.map((e) => [e.eventId, e.dueAt, e.result])).toEqual([
        ['E1', '2013-02-27T10:00:00Z', 'COMPLETED'],
        ['E2', '2013-03-06T10:00:00Z', 'NO_SHOW'],
        ['E3', '2013-07-10T09:00:00Z', null],
      ]);
    });

    it('reports unknown reporting codes and a window that is not a time', async () => {
      const [[r]] = (await cid.restrictionsByCaseIds(['Q900001'])).map(isOk) as [CidAdapterList<'restrictionsByCaseIds'>];
      expect(r).toMatchObject({ frequency: null, windowStart: null, bail: true });
      expect(kinds(r!)).toEqual(['UNKNOWN_CODE:cid_rep_restriction.freq_cd', 'UNPARSEABLE_VALUE:cid_rep_restriction.window_start']);
      const [[e]] = (await cid.reportingEventsByRestrictionIds(['QR1'])).map(isOk) as [CidAdapterList<'reportingEventsByRestrictionIds'>];
      expect(e).toMatchObject({ result: null, dueAt: '2016-01-06T10:00:00Z' });
      expect(e!.issues).toEqual([expect.objectContaining({ kind: 'UNKNOWN_CODE', rawValue: 'ATTENDED?', refs: [{ source: 'cid', key: 'Q900001' }] })]);
    });

    it('etdByCaseIds reads ETD applications, reporting what it cannot read', async () => {
      const [etds, none, quirky] = (await cid.etdByCaseIds(['C200002', 'C300003', 'Q900001'])).map(isOk);
      expect(etds).toEqual([
        { etdId: 'ETD9001', caseId: 'C200002', country: 'NGA', status: 'INTERVIEW_BOOKED', submittedOn: '2013-04-02', interviewOn: '2013-05-14', issues: [] },
      ]);
      expect(none).toEqual([]);
      expect(quirky![0]).toMatchObject({ country: null, status: null, submittedOn: null });
      expect(kinds(quirky![0]!)).toEqual([
        'UNKNOWN_CODE:cid_etd_application.country_cd',
        'UNKNOWN_CODE:cid_etd_application.status_cd',
        'UNPARSEABLE_VALUE:cid_etd_application.submitted_dt',
      ]);
    });
  });

  describe('identity fragments', () => {
    it('fragmentsByKeys carries every identifier CID holds on that case', async () => {
      const [crim, missing] = await cid.fragmentsByKeys(['C200002/P700002', 'C1/P1']);
      expect(missing).toBeInstanceOf(NotFoundError);
      const f = crim as IdentityFragment;
      expect(f).toMatchObject({ ref: { source: 'cid', key: 'C200002/P700002' }, dateOfBirth: '1984-03-07', nationality: 'NGA', gender: 'M', placeOfBirth: 'KANO' });
      expect(f.identifiers).toEqual([
        { kind: 'CID_CASE', value: 'C200002' },
        { kind: 'CID_PERSON', value: 'P700002' },
        { kind: 'HO_REF', value: 'I1234567' },
        { kind: 'PNC_ID', value: '2011/0012345K' },
        { kind: 'FINGERPRINT', value: 'IABS0001234' },
      ]);
    });

    it('scanFragments pages through every person-on-case record once, in key order', async () => {
      const keys: string[] = [];
      for await (const f of cid.scanFragments(2)) keys.push(f.ref.key);
      const expected = [...rendered.truth.map((t) => t.key), 'Q900001/QP1'].sort();
      expect(keys).toEqual(expected);
    });

    it('fragmentsByDateOfBirth searches by ISO date in CID form', async () => {
      const [ibrahim, none, bad] = await cid.fragmentsByDateOfBirth(['1984-03-07', '2000-01-01', '07/03/1984']);
      expect((ibrahim as IdentityFragment[]).map((f) => f.ref.key).sort()).toEqual(['C100001/P500001', 'C200002/P700002', 'C300003/P500001']);
      expect(none).toEqual([]);
      expect(bad).toBeInstanceOf(BadInputError);
    });

    it('fragmentsByFamilyNameKey finds upper- and mixed-case surnames by normalised key', async () => {
      const [ibrahim, nguyen, none, bad] = await cid.fragmentsByFamilyNameKey(['ibrahim', "o'nguyen", 'SMITH', '--']);
      expect((ibrahim as IdentityFragment[]).map((f) => f.name.original).sort()).toEqual(['IBRAHIM, MOHAMMED ALI', 'IBRAHIM, MOHAMMED ALI', 'Ibrahim, Mohammed Ali']);
      expect((nguyen as IdentityFragment[]).map((f) => f.ref.key).sort()).toEqual(['C500005/P900005', 'C600006/P900006']);
      expect(none).toEqual([]);
      expect(bad).toBeInstanceOf(BadInputError);
    });
  });

  it('ping resolves when CID answers', async () => {
    await expect(cid.ping()).resolves.toBeUndefined();
  });
}

type CidAdapterList<K extends keyof CidAdapter> = CidAdapter[K] extends (keys: readonly string[]) => Promise<ReadonlyArray<infer V>> ? Exclude<V, Error> : never;

describe('CID adapter on SQLite', () => suite('sqlite'));
describe.skipIf(!pgStatus.available)('CID adapter on PostgreSQL', () => suite('postgres'));

describe('CID adapter when CID cannot be read', () => {
  it('rejects the whole batch with SourceUnavailableError, and ping rejects', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-cid-empty-'));
    const file = path.join(dir, 'cid.sqlite');
    const init = openDatabase(`sqlite:${file}`);
    await init.raw('create table unrelated (x integer)');
    await init.destroy();
    const cid = openCidAdapter(`sqlite:${file}`);
    try {
      await expect(cid.casesByIds(['C1'])).rejects.toBeInstanceOf(SourceUnavailableError);
      await expect(cid.notesByCaseIds(['C1'])).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', details: { source: 'cid' } });
      await expect(cid.ping()).rejects.toBeInstanceOf(SourceUnavailableError);
    } finally {
      await cid.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
