/**
 * The person index over the gateway store, on SQLite and (when reachable) PostgreSQL: full build,
 * stable ids across re-runs, human decisions surviving a re-run, incremental update, batch lookups
 * with how each record was linked, search with match reasons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPersonIndex, createPersonIndex, evidenceOf, parseRef, type IdentitySource, type PersonIndex } from '../../src/identity/personIndex.js';
import { createIdentityLoaders } from '../../src/identity/loaders.js';
import type { PairEvidence } from '../../src/identity/score.js';
import { COMPARISONS } from '../../src/identity/comparisons.js';
import { openPersonIndexStore, type PersonIndexStore } from '../../src/store/personStore.js';
import type { IdentityFragment, SourceRef } from '../../src/domain/common.js';
import { pgStatus, pgUrlWithSchema, uniqueSchema, dropSchema } from '../support/postgres.js';
import { syntheticEstate } from './synthetic.js';
import { fragment } from './fragments.js';

const estate = syntheticEstate(5, 120);
const sourcesOf = (fragments: readonly IdentityFragment[]): IdentitySource[] => [
  { name: 'cid', async *scanFragments() { for (const f of fragments) if (f.ref.source === 'cid') yield f; } },
  { name: 'custody', async *scanFragments() { for (const f of fragments) if (f.ref.source === 'custody') yield f; } },
  { name: 'acro', async *scanFragments() { for (const f of fragments) if (f.ref.source === 'acro') yield f; } },
];
let tick = 0;
const now = () => `2026-11-22T10:00:${String(tick++ % 60).padStart(2, '0')}Z`;

async function assignments(store: PersonIndexStore): Promise<Map<string, string>> {
  return new Map((await store.loadRecords()).map((r) => [r.ref, r.personId]));
}

function suite(name: string, open: () => Promise<{ store: PersonIndexStore; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    let store: PersonIndexStore;
    let cleanup: () => Promise<void>;
    let index: PersonIndex;
    beforeAll(async () => {
      ({ store, cleanup } = await open());
      index = createPersonIndex({ store, now });
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('builds the index: every record on one person, true persons mostly together', async () => {
      const logged: string[] = [];
      const summary = await buildPersonIndex({ sources: sourcesOf(estate.fragments), store, now, log: { info: (_d, m) => logged.push(m) } });
      expect(summary.records).toBe(estate.fragments.length);
      expect(summary.persons).toBeGreaterThan(90);
      expect(summary.persons).toBeLessThan(200);
      expect(logged).toContain('identity: person index built');
      const a = await assignments(store);
      expect(a.size).toBe(estate.fragments.length);
      let together = 0;
      let apart = 0;
      const firstOf = new Map<string, string>();
      for (const [ref, pid] of a) {
        const t = estate.truth.get(ref)!;
        const seen = firstOf.get(t);
        if (!seen) firstOf.set(t, pid);
        else if (seen === pid) together++;
        else apart++;
      }
      expect(together).toBeGreaterThan(apart * 4);
      const persons = await store.loadPersons();
      expect(persons.filter((p) => p.status === 'ACTIVE').length).toBe(summary.persons);
    });

    it('keeps person ids stable across a re-run on unchanged data', async () => {
      const before = await assignments(store);
      const model = (await index.model())!;
      await buildPersonIndex({ sources: sourcesOf(estate.fragments), store, now, model });
      expect(await assignments(store)).toEqual(before);
      await buildPersonIndex({ sources: sourcesOf([...estate.fragments].reverse()), store, now });
      expect(await assignments(store)).toEqual(before);
    });

    it('answers batches in key order, with an error per unknown key', async () => {
      const refs: SourceRef[] = [estate.fragments[3]!.ref, { source: 'cid', key: 'nope' }, estate.fragments[0]!.ref];
      const ids = await index.personIdForRecord(refs);
      expect(typeof ids[0]).toBe('string');
      expect(ids[1]).toBeInstanceOf(Error);
      expect((ids[1] as Error).message).toContain('cid:nope');
      const records = await index.recordsForPerson([ids[2] as string, 'P-NOBODY']);
      const list = records[0] as Exclude<(typeof records)[number], Error>;
      expect(list.some((r) => r.ref.key === estate.fragments[0]!.ref.key)).toBe(true);
      for (const r of list) expect(['SINGLE', 'PROBABILISTIC', 'HUMAN', 'ONLY_CANDIDATE', 'OTHER_HOLDERS_EXCLUDED'].includes(r.rule) || r.rule.endsWith('Rule')).toBe(true);
      const linked = list.find((r) => r.rule !== 'SINGLE');
      if (linked) expect(linked.evidence?.rows.length).toBe(COMPARISONS.length);
      expect(records[1]).toBeInstanceOf(Error);
    });

    it('stores record-link evidence compactly with its model version; the person view loader reads the full waterfall', async () => {
      const model = (await index.model())!;
      const linked = (await store.loadRecords()).filter((r) => r.evidence !== null);
      expect(linked.length).toBeGreaterThan(0);
      const stored = JSON.parse(linked[0]!.evidence!) as { v: string; p: number; r: unknown[] };
      expect(stored.v).toBe(model.modelVersion);
      expect(stored.r).toHaveLength(model.comparisons.length);
      const loaders = createIdentityLoaders({ index, store });
      const rows = await loaders.recordsByPersonId.load(linked[0]!.personId);
      const row = rows.find((r) => r.ref === linked[0]!.ref)!;
      const full = JSON.parse(row.evidence!) as PairEvidence;
      expect(full.rows.map((r) => r.comparison)).toEqual(model.comparisons.map((c) => c.name));
      for (const [i, r] of full.rows.entries()) expect(r.label).toBe(model.comparisons[i]!.levels[r.level]!.label);
      expect(full.matchWeight).toBeCloseTo(row.matchWeight!, 3);
      expect(full.probability).toBeGreaterThan(0);
      // A store written before compact record links holds the full waterfall: read as it is.
      expect(evidenceOf(null, JSON.stringify(full))).toEqual(full);
      // Evidence scored by another model is not labelled with the wrong one.
      expect(evidenceOf(model, JSON.stringify({ ...stored, v: 'm-other' }))).toBeNull();
    });

    it('a rejected link and a split survive a full re-run; a merge joins two persons', async () => {
      const persons = await store.loadRecords();
      const byPerson = new Map<string, string[]>();
      for (const r of persons) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r.ref]);
      const multi = [...byPerson.entries()].filter(([, refs]) => refs.length >= 3);
      expect(multi.length).toBeGreaterThan(1);
      const [pid, refs] = multi[0]!;
      // Reject the link between the first two records of a person.
      const { summary } = await index.recordDecision({ kind: 'REJECT_LINK', refs: [parseRef(refs[0]!), parseRef(refs[1]!)], decidedBy: 'cw1', reason: 'different people' });
      expect(summary.records).toBe(persons.length);
      const afterReject = await index.personIdForRecord([parseRef(refs[0]!), parseRef(refs[1]!)]);
      expect(afterReject[0]).not.toBe(afterReject[1]);
      // Split a record off another person.
      const [pid2, refs2] = multi[1]!;
      await index.recordDecision({ kind: 'SPLIT', personId: pid2, refs: [parseRef(refs2[0]!)], decidedBy: 'cw2', reason: 'custody record is a namesake' });
      const afterSplit = await index.personIdForRecord([parseRef(refs2[0]!), parseRef(refs2[1]!)]);
      expect(afterSplit[0]).not.toBe(afterSplit[1]);
      expect(afterSplit[1]).toBe(pid2);
      // Re-run: decisions stand.
      await buildPersonIndex({ sources: sourcesOf(estate.fragments), store, now });
      const again = await index.personIdForRecord([parseRef(refs[0]!), parseRef(refs[1]!), parseRef(refs2[0]!), parseRef(refs2[1]!)]);
      expect(again[0]).not.toBe(again[1]);
      expect(again[2]).not.toBe(again[3]);
      expect(again[3]).toBe(pid2);
      // Confirm the rejected link again (a later decision wins), then merge two persons.
      await index.recordDecision({ kind: 'CONFIRM_LINK', refs: [parseRef(refs[0]!), parseRef(refs[1]!)], decidedBy: 'cw1', reason: 'checked passport' });
      const confirmed = await index.personIdForRecord([parseRef(refs[0]!), parseRef(refs[1]!)]);
      expect(confirmed[0]).toBe(confirmed[1]);
      const singles = [...byPerson.entries()].filter(([, r]) => r.length === 1).slice(0, 2);
      await index.recordDecision({ kind: 'MERGE', personIds: [singles[0]![0], singles[1]![0]], decidedBy: 'cw3', reason: 'same person, fingerprint confirmed' });
      const mergedIds = await index.personIdForRecord([parseRef(singles[0]![1][0]!), parseRef(singles[1]![1][0]!)]);
      expect(mergedIds[0]).toBe(mergedIds[1]);
      expect([singles[0]![0], singles[1]![0]]).toContain(mergedIds[0]);
      const merged = await index.recordsForPerson([mergedIds[0] as string]);
      const mergedList = merged[0] as Exclude<(typeof merged)[number], Error>;
      expect(mergedList.length).toBe(2);
      expect(mergedList.every((r) => r.rule === 'HUMAN')).toBe(true);
      const decisions = await store.loadDecisions();
      expect(decisions.map((d) => [d.kind, d.decidedBy])).toEqual([['REJECT_LINK', 'cw1'], ['SPLIT', 'cw2'], ['CONFIRM_LINK', 'cw1'], ['MERGE', 'cw3']]);
      expect(pid).toMatch(/^P-/);
    });

    it('refuses decisions without who and why, or naming unknown records', async () => {
      const ref = estate.fragments[0]!.ref;
      await expect(index.recordDecision({ kind: 'REJECT_LINK', refs: [ref, ref], decidedBy: '', reason: 'x' })).rejects.toThrow(/decidedBy/);
      await expect(index.recordDecision({ kind: 'REJECT_LINK', refs: [ref, ref], decidedBy: 'a', reason: ' ' })).rejects.toThrow(/reason/);
      await expect(index.recordDecision({ kind: 'REJECT_LINK', refs: [ref, ref], decidedBy: 'a', reason: 'r' })).rejects.toThrow(/two different/);
      await expect(index.recordDecision({ kind: 'CONFIRM_LINK', refs: [ref, { source: 'cid', key: 'x' }], decidedBy: 'a', reason: 'r' })).rejects.toThrow(/cid:x/);
      await expect(index.recordDecision({ kind: 'SPLIT', personId: 'P-NONE', refs: [ref], decidedBy: 'a', reason: 'r' })).rejects.toThrow(/no person/);
      const pid = (await index.personIdForRecord([ref]))[0] as string;
      const members = (await index.recordsForPerson([pid]))[0] as readonly { ref: SourceRef }[];
      await expect(index.recordDecision({ kind: 'SPLIT', personId: pid, refs: members.map((m) => m.ref), decidedBy: 'a', reason: 'r' })).rejects.toThrow(/at least one/);
      await expect(index.recordDecision({ kind: 'SPLIT', personId: pid, refs: [{ source: 'cid', key: 'x' }], decidedBy: 'a', reason: 'r' })).rejects.toThrow(/not on person/);
      await expect(index.recordDecision({ kind: 'MERGE', personIds: [pid, pid], decidedBy: 'a', reason: 'r' })).rejects.toThrow(/two different/);
      await expect(index.recordDecision({ kind: 'MERGE', personIds: [pid, 'P-NONE'], decidedBy: 'a', reason: 'r' })).rejects.toThrow(/P-NONE/);
    });

    it('updates incrementally like a full build when a new record shows two people hold one name and date of birth', async () => {
      const person = { given: ['TARAS'], family: 'SHEVCHENKOVYCH', dob: '1961-07-19', place: 'LVIV', nationality: 'UKR' } as const;
      const pncA = fragment({ ...person, ref: 'cid:88888881/3888881', ids: { PNC_ID: '2014/0123456D' } });
      const custody = fragment({ ...person, ref: 'custody:MPS/ZD/15/888882', place: null });
      const pncB = fragment({ ...person, ref: 'cid:88888883/3888883', place: 'DNIPRO', ids: { PNC_ID: '2014/0123457E' } });
      await index.updatePersonIndex([pncA, custody]);
      const [a, c] = await index.personIdForRecord([pncA.ref, custody.ref]);
      expect(c).toBe(a);
      // The namesake's record arrives: the custody record could be either of them, so it leaves A.
      await index.updatePersonIndex([pncB]);
      const [a2, c2, b2] = await index.personIdForRecord([pncA.ref, custody.ref, pncB.ref]);
      expect(new Set([a2, c2, b2]).size).toBe(3);
      const queued = await index.reviewQueue(1000);
      expect(queued.some((q) => [q.left, q.right].some((r) => r.key === custody.ref.key) && /held by two people/.test(q.reason))).toBe(true);
      // The two namesakes themselves are not offered: their PNC ids already say they are two people.
      const keysOf = (q: (typeof queued)[number]) => new Set([q.left.key, q.right.key]);
      expect(queued.some((q) => keysOf(q).has(pncA.ref.key) && keysOf(q).has(pncB.ref.key))).toBe(false);
      // And when it goes again, the custody record rejoins A.
      await index.updatePersonIndex([], [pncB.ref]);
      const [a3, c3] = await index.personIdForRecord([pncA.ref, custody.ref]);
      expect(c3).toBe(a3);
      await index.updatePersonIndex([], [pncA.ref, custody.ref]);
    });

    it('joins a record on a name and date of birth held by two people to the one it can be, saying why', async () => {
      const person = { given: ['BOHDAN'], family: 'KOVALENKOVYCH', dob: '1972-02-11', place: 'LVIV', nationality: 'UKR' } as const;
      const pncA = fragment({ ...person, ref: 'cid:77777771/3777771', ids: { PNC_ID: '2009/0077001H' } });
      const pncB = fragment({ ...person, ref: 'cid:77777772/3777772', ids: { PNC_ID: '2016/0077002Q' } });
      // Arrested in 2012: before B's PNC record was created (2016), so it can only be A.
      const custody = fragment({ ...person, ref: 'custody:MPS/ZD/12/777773', place: null, recordedAt: '2012-03-01T10:00:00Z' });
      await index.updatePersonIndex([pncA, pncB, custody]);
      const [a, b, c] = await index.personIdForRecord([pncA.ref, pncB.ref, custody.ref]);
      expect(c).toBe(a);
      expect(b).not.toBe(a);
      const links = (await index.recordsForPerson([a as string]))[0] as readonly { ref: SourceRef; rule: string }[];
      expect(links.find((l) => l.ref.key === custody.ref.key)?.rule).toBe('OTHER_HOLDERS_EXCLUDED');
      await index.updatePersonIndex([], [pncA.ref, pncB.ref, custody.ref]);
    });

    it('keeps off a namesake a custody record that resembles its owner only weakly (the owner\'s record carries a slip)', async () => {
      const person = { given: ['MYKOLA'], family: 'HRYHORENKOVYCH', place: null, nationality: 'UKR' } as const;
      const pncA = fragment({ ...person, ref: 'cid:66666661/3666661', dob: '1969-10-23', place: 'ODESA', ids: { PNC_ID: '2009/0066001Y' } });
      // B's custody record (no nationality) matches A's name and date of birth exactly; B's own police
      // record has neither date of birth nor gender nor nationality.
      const custodyB = fragment({ ...person, ref: 'custody:MPS/ZD/16/666663', dob: '1969-10-23', nationality: null, recordedAt: '2016-04-01T10:00:00Z' });
      const pncB = fragment({ ...person, ref: 'cid:66666662/3666662', dob: null, gender: null, nationality: null, place: 'KHARKIV', ids: { PNC_ID: '2012/0066002D' } });
      await index.updatePersonIndex([pncA, custodyB]);
      const [a, c] = await index.personIdForRecord([pncA.ref, custodyB.ref]);
      expect(c).toBe(a);
      // B's record arrives: the custody record resembles B (more likely one person than two, below the
      // review threshold) within the ambiguity margin of its link to A, so it is linked to neither.
      await index.updatePersonIndex([pncB]);
      const [a2, c2, b2] = await index.personIdForRecord([pncA.ref, custodyB.ref, pncB.ref]);
      expect(new Set([a2, c2, b2]).size).toBe(3);
      const weak = (await store.loadPairs()).find((p) => [p.leftRef, p.rightRef].sort().join() === [`cid:${pncB.ref.key}`, `custody:${custodyB.ref.key}`].sort().join());
      expect(weak?.outcome).toBe('NOT_LINKED');
      expect(weak!.matchWeight).toBeGreaterThanOrEqual(0);
      const queued = await index.reviewQueue(1000);
      expect(queued.some((q) => [q.left.key, q.right.key].includes(custodyB.ref.key) && /ambiguous/.test(q.reason))).toBe(true);
      await index.updatePersonIndex([], [pncA.ref, pncB.ref, custodyB.ref]);
    });

    it('updates incrementally: a new record joins its person, a changed one moves, a removed one goes', async () => {
      const base = estate.fragments.find((f) => f.ref.source === 'cid' && f.dateOfBirth && f.identifiers.some((i) => i.kind === 'HO_REF'))!;
      const pid = (await index.personIdForRecord([base.ref]))[0] as string;
      const hoRef = base.identifiers.find((i) => i.kind === 'HO_REF')!;
      const fresh: IdentityFragment = { ...base, ref: { source: 'cid', key: '99999999/3999999' }, identifiers: [hoRef], recordedAt: '2026-11-22T00:00:00Z' };
      const before = await assignments(store);
      const s1 = await index.updatePersonIndex([fresh]);
      expect(s1.comparedPairs).toBeGreaterThan(0);
      expect((await index.personIdForRecord([fresh.ref]))[0]).toBe(pid);
      const after = await assignments(store);
      let moved = 0;
      for (const [ref, p] of before) if (after.get(ref) !== p) moved++;
      expect(moved).toBe(0);
      // The record changes to somebody else entirely.
      const other = fragment({ ref: 'cid:99999999/3999999', given: ['ZBIGNIEW'], family: 'QUARTERMAINE', dob: '1941-02-03', place: 'GDANSK', nationality: 'POL' });
      await index.updatePersonIndex([other]);
      expect((await index.personIdForRecord([other.ref]))[0]).not.toBe(pid);
      // Unchanged input changes nothing.
      const s3 = await index.updatePersonIndex([other]);
      expect(s3.comparedPairs).toBe(0);
      await index.updatePersonIndex([], [other.ref]);
      expect((await index.personIdForRecord([other.ref]))[0]).toBeInstanceOf(Error);
    });

    it('searches for candidate persons with match reasons', async () => {
      const p = estate.persons.find((x) => x.fingerprint)!;
      const found = await index.searchCandidates({ familyName: p.family, givenNames: p.given, dateOfBirth: p.dob, limit: 5 });
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.reasons.join(' ')).toMatch(/familyName: exact match/);
      expect(found[0]!.matchWeight).toBeGreaterThanOrEqual(found[found.length - 1]!.matchWeight);
      // One candidate per person and source (a requester who may not see the best source still
      // finds the person through another), and no more persons than the limit.
      const perPersonSource = found.map((c) => `${c.personId}|${c.ref.source}`);
      expect(new Set(perPersonSource).size).toBe(found.length);
      expect(new Set(found.map((c) => c.personId)).size).toBeLessThanOrEqual(5);
      const one = await index.searchCandidates({ familyName: p.family, givenNames: p.given, dateOfBirth: p.dob, limit: 1 });
      expect(new Set(one.map((c) => c.personId))).toEqual(new Set([found[0]!.personId]));
      // A person with records in CID and custody, both copied exactly and on one gateway person, is
      // found through each (the best of each source).
      const exact = (f: (typeof estate.fragments)[number], x: (typeof estate.persons)[number]) =>
        f.name.family === x.family && f.name.given.join(' ') === x.given.join(' ') && f.dateOfBirth === x.dob;
      let both: (typeof estate.persons)[number] | undefined;
      for (const x of estate.persons) {
        const mine = estate.fragments.filter((f) => estate.truth.get(`${f.ref.source}:${f.ref.key}`) === x.id);
        if (x.resembles || new Set(mine.map((f) => f.ref.source)).size !== 2 || !mine.every((f) => exact(f, x))) continue;
        if (new Set(await index.personIdForRecord(mine.map((f) => f.ref))).size === 1) {
          both = x;
          break;
        }
      }
      const hits = await index.searchCandidates({ familyName: both!.family, givenNames: both!.given, dateOfBirth: both!.dob, limit: 1 });
      expect(new Set(hits.map((c) => c.ref.source))).toEqual(new Set(['cid', 'custody']));
      await expect(index.searchCandidates({ familyName: ' ' })).rejects.toThrow(/familyName/);
    });

    it('lists the review queue with evidence', async () => {
      const items = await index.reviewQueue(5);
      for (const it of items) {
        expect(it.leftPersonId).not.toBe(it.rightPersonId);
        expect(it.evidence.rows.length).toBe(7);
        expect(it.reason.length).toBeGreaterThan(0);
      }
    });
  });
}

suite('person index on SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'person-index-'));
  return { store: await openPersonIndexStore(`sqlite:${join(dir, 'gateway.sqlite')}`), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe.skipIf(!pgStatus.available)('on PostgreSQL', () => {
  suite('person index on PostgreSQL', async () => {
    const schema = uniqueSchema('identity');
    return { store: await openPersonIndexStore(pgUrlWithSchema(schema)), cleanup: () => dropSchema(schema) };
  });
});

describe('before a build', () => {
  it('an update needs a built index, and search finds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'person-index-'));
    const store = await openPersonIndexStore(`sqlite:${join(dir, 'g.sqlite')}`);
    const index = createPersonIndex({ store });
    await expect(index.updatePersonIndex([fragment()])).rejects.toThrow(/not been built/);
    expect(await index.searchCandidates({ familyName: 'KHAN' })).toEqual([]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
