/**
 * The CID adapter over a small *generated* estate (mocks/estate/population.ts), checked against the
 * ground truth: every person-on-case record can be read back, CID's codes and formats round-trip,
 * ownership is flagged unclear exactly where CID's label says so, and copied details drift only as
 * much as the noise allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrueCase, TruePerson } from '../../mocks/estate/model.js';
import { DEFAULT_NOISE } from '../../mocks/estate/noise.js';
import { generatePopulation } from '../../mocks/estate/population.js';
import type { CidCase, CidPersonOnCase } from '../../src/domain/cid.js';
import { parseNationality } from '../../src/domain/nationality.js';
import { pgStatus } from '../../test/support/postgres.js';
import { openCidAdapter, type CidAdapter } from './adapter.js';
import { renderCidTo, type Engine, type RenderedCid } from './testing/renderToDatabase.js';

const population = generatePopulation({ seed: 2024, persons: 250, today: '2017-01-01', noise: DEFAULT_NOISE });
const truthCases: { person: TruePerson; c: TrueCase }[] = population.persons.flatMap((person) => person.cases.map((c) => ({ person, c })));

function unclearLabel(label: string): boolean {
  const l = label.trim().toUpperCase();
  return l === '' || l === 'NO UNIT' || l === 'NOT IN USE' || l.startsWith('LOCAL IMMIGRATION TEAM');
}

function ok<V>(values: ReadonlyArray<V | Error>): V[] {
  return values.map((v) => {
    if (v instanceof Error) throw v;
    return v;
  });
}

function suite(engine: Engine): void {
  let rendered: RenderedCid;
  let cid: CidAdapter;
  let cases: Map<string, CidCase>;
  let persons: Map<string, CidPersonOnCase>;

  beforeAll(async () => {
    rendered = await renderCidTo(engine, population, 5);
    cid = openCidAdapter(rendered.url);
    cases = new Map(ok(await cid.casesByIds(truthCases.map(({ c }) => c.caseId))).map((c) => [c.caseId, c]));
    persons = new Map(ok(await cid.personsOnCaseByKeys(rendered.truth.map((t) => t.key))).map((p) => [p.ref.key, p]));
  });
  afterAll(async () => {
    await cid?.close();
    await rendered?.cleanup();
  });

  it('holds one person-on-case record per true case, each reported to the truth sink once', () => {
    expect(truthCases.length).toBeGreaterThan(50);
    expect(rendered.truth).toHaveLength(truthCases.length);
    expect(new Set(rendered.truth.map((t) => t.key)).size).toBe(truthCases.length);
    expect(persons.size).toBe(truthCases.length);
    for (const { person, c } of truthCases) {
      expect(rendered.truth).toContainEqual({ source: 'cid', key: `${c.caseId}/${c.cidPersonId}`, personId: person.id });
    }
  });

  it('scanFragments yields exactly the truth keys', async () => {
    const keys: string[] = [];
    for await (const f of cid.scanFragments(37)) keys.push(f.ref.key);
    expect(keys).toEqual(rendered.truth.map((t) => t.key).sort());
  });

  it('reads back case type, status, dates, owner label and criminal details', () => {
    for (const { person, c } of truthCases) {
      const got = cases.get(c.caseId)!;
      expect(got).toMatchObject({ type: c.type, status: c.status, openedOn: c.openedOn, closedOn: c.closedOn, caseworker: c.caseworker });
      expect(got.owner.label).toBe(c.ownerUnit);
      expect(got.owner.ownershipUnclear !== null).toBe(unclearLabel(c.ownerUnit));
      if (c.criminal) {
        const conviction = person.convictions[c.criminal.convictionIndex]!;
        expect(got.criminal).toMatchObject({
          offenceCode: conviction.offenceCode,
          convictedOn: conviction.convictedOn,
          sentenceMonths: conviction.sentenceMonths,
          band: c.criminal.band,
          releasedOn: c.criminal.releasedOn,
          operationZincs: c.criminal.operationZincs,
          tagged: person.tagged,
        });
      } else {
        expect(got.criminal).toBeNull();
      }
      expect(got.issues.filter((i) => i.kind !== 'OWNERSHIP_UNCLEAR')).toEqual([]);
    }
  });

  it('reads every nationality (ICAO codes and pre-2008 free text) as the true alpha-3', () => {
    for (const { person, c } of truthCases) {
      expect(persons.get(`${c.caseId}/${c.cidPersonId}`)!.nationality).toBe(person.nationality);
    }
  });

  it('copies drift within the noise: most dates of birth match the truth, the rest are reported or plausible', () => {
    let exact = 0;
    for (const { person, c } of truthCases) {
      const p = persons.get(`${c.caseId}/${c.cidPersonId}`)!;
      if (p.dateOfBirth === person.dateOfBirth) exact++;
      else if (p.dateOfBirth === null) expect(p.issues.map((i) => i.field)).toContain('cid_person_on_case.dob');
    }
    expect(exact / truthCases.length).toBeGreaterThan(0.85);
  });

  it('notes, reporting events and ETD applications round-trip, times through UK local time', async () => {
    const ids = truthCases.map(({ c }) => c.caseId);
    const notes = ok(await cid.notesByCaseIds(ids));
    const restrictions = ok(await cid.restrictionsByCaseIds(ids));
    const etds = ok(await cid.etdByCaseIds(ids));
    let events = 0;
    for (const [i, { c }] of truthCases.entries()) {
      const wantNotes = [...c.notes].map((n) => Date.parse(n.at)).sort((a, b) => a - b);
      const gotNotes = notes[i]!.map((n) => Date.parse(n.writtenAt!)).sort((a, b) => a - b);
      // The repeated October hour reads as BST: a note written in its second half-hour shows an hour early.
      expect(gotNotes.map((t, k) => (t === wantNotes[k] || wantNotes[k]! - t === 3_600_000 ? 'ok' : new Date(t).toISOString()))).toEqual(wantNotes.map(() => 'ok'));
      expect(restrictions[i]!.map((r) => r.restrictionId)).toEqual(c.restriction ? [c.restriction.id] : []);
      expect(etds[i]!.map((e) => [e.etdId, e.status, e.country])).toEqual(c.etd ? [[c.etd.id, c.etd.status, parseNationality(c.etd.country)]] : []);
      if (c.restriction) {
        const [got] = ok(await cid.reportingEventsByRestrictionIds([c.restriction.id]));
        const want = [...c.restriction.events].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id.localeCompare(b.id, 'en', { numeric: true }));
        expect(got!.map((e) => e.result)).toEqual(want.map((e) => e.result));
        events += got!.length;
      }
    }
    expect(events).toBeGreaterThan(0);
  });
}

describe('CID adapter over a generated estate on SQLite', () => suite('sqlite'));
describe.skipIf(!pgStatus.available)('CID adapter over a generated estate on PostgreSQL', () => suite('postgres'));
