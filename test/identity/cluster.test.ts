import { describe, expect, it } from 'vitest';
import { clusterRecords } from '../../src/identity/cluster.js';
import { identityKey } from '../../src/identity/collisions.js';
import { record, type FragmentSpec } from './fragments.js';

const recs = (specs: FragmentSpec[]) => specs.map((s, i) => record(s, i));
const same = (r: readonly number[], i: number, j: number) => r[i] === r[j];

describe('clusterRecords', () => {
  it('joins linked records transitively', () => {
    const { clusterOf, refused } = clusterRecords(recs([{}, {}, {}, {}]), [
      { left: 0, right: 1, strength: 10 },
      { left: 1, right: 2, strength: 9 },
    ]);
    expect(same(clusterOf, 0, 2)).toBe(true);
    expect(same(clusterOf, 0, 3)).toBe(false);
    expect(refused).toEqual([]);
  });

  it('refuses to chain through two far-apart fingerprint refs', () => {
    const r = recs([{ ids: { FINGERPRINT: 'IA000000001' } }, {}, { ids: { FINGERPRINT: 'IA555555555' } }]);
    const { clusterOf, refused } = clusterRecords(r, [
      { left: 0, right: 1, strength: 10 },
      { left: 1, right: 2, strength: 9 },
    ]);
    expect(same(clusterOf, 0, 1)).toBe(true);
    expect(same(clusterOf, 1, 2)).toBe(false);
    expect(refused.map((x) => x.reason)).toEqual(['conflicting FINGERPRINT']);
  });

  it('refuses to chain a mistyped PNC id (failing its check letter) into a group holding a PNC id it is not a slip of', () => {
    // 2014/0987654D fails its check letter; the real id is one slip from it, so not 2014/0123456D.
    const r = recs([{ ids: { PNC_ID: '2014/0987654D' } }, {}, { ids: { PNC_ID: '2014/0123456D' } }, { ids: { PNC_ID: '2014/0123458D' } }]);
    const { clusterOf, refused } = clusterRecords(r, [
      { left: 0, right: 1, strength: 10 },
      { left: 1, right: 2, strength: 9 },
      { left: 2, right: 3, strength: 8 },
    ]);
    expect(same(clusterOf, 0, 1)).toBe(true);
    expect(same(clusterOf, 1, 2)).toBe(false);
    expect(refused.map((x) => x.reason)).toEqual(['conflicting PNC_ID']);
    // 2014/0123458D is one digit off 2014/0123456D: the same PNC record mistyped.
    expect(same(clusterOf, 2, 3)).toBe(true);
  });

  it('allows a mistyped reference (one character off) in one person', () => {
    const r = recs([{ ids: { HO_REF: 'B1234567' } }, { ids: { HO_REF: 'B1234568' } }]);
    expect(same(clusterRecords(r, [{ left: 0, right: 1, strength: 1 }]).clusterOf, 0, 1)).toBe(true);
  });

  it('refuses to chain through dates of birth far apart, unless a caseworker linked them', () => {
    const r = recs([{ dob: '1980-01-01' }, { dob: null }, { dob: '1962-06-30' }]);
    const edges = [{ left: 0, right: 1, strength: 10 }, { left: 1, right: 2, strength: 9 }];
    const auto = clusterRecords(r, edges);
    expect(same(auto.clusterOf, 0, 2)).toBe(false);
    expect(auto.refused[0]!.reason).toBe('dates of birth far apart');
    const human = clusterRecords(r, [...edges, { left: 0, right: 2, strength: Infinity, human: true }]);
    expect(same(human.clusterOf, 0, 2)).toBe(true);
  });

  it('joins dates of birth far apart through a shared check-lettered id (a date given under an alias), but not conflicting ids', () => {
    const r = recs([{ dob: '1980-01-01', ids: { PNC_ID: '2014/0123456D' } }, { dob: '1962-06-30', ids: { PNC_ID: '2014/0123456D' } }, { ids: { PNC_ID: '2014/0123457E' } }]);
    const { clusterOf, refused } = clusterRecords(r, [
      { left: 0, right: 1, strength: 1e6, verified: true },
      { left: 1, right: 2, strength: 1e6, verified: true },
    ]);
    expect(same(clusterOf, 0, 1)).toBe(true);
    expect(same(clusterOf, 1, 2)).toBe(false);
    expect(refused.map((x) => x.reason)).toEqual(['conflicting PNC_ID']);
  });

  it('refuses a link on the model\'s evidence between places of birth that disagree outright, not a spelling or an identifier link', () => {
    const r = recs([{ place: 'RAWALPINDI' }, { place: 'ISLAMABAD' }, { place: 'RAWALPINDI' }, { place: 'RAWALPINDY' }]);
    const prob = clusterRecords(r, [{ left: 0, right: 1, strength: 20, probabilistic: true }, { left: 2, right: 3, strength: 20, probabilistic: true }]);
    expect(same(prob.clusterOf, 0, 1)).toBe(false);
    expect(same(prob.clusterOf, 2, 3)).toBe(true);
    expect(prob.refused.map((x) => x.reason)).toEqual(['places of birth disagree']);
    expect(same(clusterRecords(r, [{ left: 0, right: 1, strength: 1e6 }]).clusterOf, 0, 1)).toBe(true);
  });

  it('does not join on the model\'s evidence an arrest made before the other person\'s PNC record was created', () => {
    const custody = (key: string, at: string) => ({ ref: `custody:MPS/${key}`, place: null, recordedAt: at });
    const r = recs([custody('ZD/09/000001', '2009-05-01T10:00:00Z'), { ref: 'pnc:2013/0041877Q', ids: { PNC_ID: '2013/0041877Q' } }, custody('ZD/14/000002', '2014-05-01T10:00:00Z')]);
    const { clusterOf, refused } = clusterRecords(r, [
      { left: 0, right: 1, strength: 20, probabilistic: true },
      { left: 2, right: 1, strength: 20, probabilistic: true },
    ]);
    expect(same(clusterOf, 0, 1)).toBe(false);
    expect(same(clusterOf, 1, 2)).toBe(true);
    expect(refused.map((x) => x.reason)).toEqual(["arrested before the other person's PNC record was created"]);
    // A shared identifier is not second-guessed by it.
    expect(same(clusterRecords(r, [{ left: 0, right: 1, strength: 1e6 }]).clusterOf, 0, 1)).toBe(true);
  });

  it('does not join two look-alikes\' unidentified records when the look-alikes cannot be the same person', () => {
    // 0 and 3: two police records of namesakes (different PNC ids); 1 and 2: custody records with no
    // identifier, matching each other and each of them. Record 1 joining 2 could join the two people.
    const r = recs([{ ids: { PNC_ID: '2014/0123456D' } }, {}, {}, { ids: { PNC_ID: '2014/0123457E' } }]);
    const { clusterOf, refused } = clusterRecords(r, [
      { left: 1, right: 2, strength: 20, probabilistic: true },
      { left: 0, right: 1, strength: 15, probabilistic: true },
      { left: 2, right: 3, strength: 15, probabilistic: true },
    ], [], { ambiguityMargin: 10 });
    expect(same(clusterOf, 1, 2)).toBe(false);
    expect(same(clusterOf, 0, 3)).toBe(false);
    expect(refused.map((x) => x.reason)).toContain('ambiguous: both records are among the look-alikes of two people who cannot be the same');
    // Without the second person, the same links make one person.
    const alone = clusterRecords(recs([{ ids: { PNC_ID: '2014/0123456D' } }, {}, {}]), [
      { left: 1, right: 2, strength: 20, probabilistic: true },
      { left: 0, right: 1, strength: 15, probabilistic: true },
    ], [], { ambiguityMargin: 10 });
    expect(same(alone.clusterOf, 0, 2)).toBe(true);
  });

  describe('a name and date of birth held by two people (shared key)', () => {
    // 0 and 1: two namesakes' police records (PNC ids created 2010 and 2015); 2: an unidentified
    // custody record matching both on name and date of birth, held back by the shared key.
    const custody = (at: string) => ({ ref: 'custody:MPS/ZD/12/000003', place: null, recordedAt: at });
    const people = (arrestedAt: string) =>
      recs([{ ref: 'pnc:2010/0123456T', ids: { PNC_ID: '2010/0123456T' } }, { ref: 'pnc:2015/0123457V', ids: { PNC_ID: '2015/0123457V' } }, custody(arrestedAt)]);
    const keyed = (r: ReturnType<typeof recs>, left: number, right: number, strength: number) =>
      ({ left, right, strength, possible: true, candidateOnly: true, sharedKeys: [identityKey(r[2]!)!] });

    it('joins the record to the one holder it can be when every other holder is excluded by a fact', () => {
      const r = people('2012-05-01T10:00:00Z'); // arrested before the 2015 PNC record existed
      const res = clusterRecords(r, [keyed(r, 2, 0, 20), keyed(r, 2, 1, 20)], [], { ambiguityMargin: 10, unscoredWeight: 6 });
      expect(same(res.clusterOf, 0, 2)).toBe(true);
      expect(same(res.clusterOf, 1, 2)).toBe(false);
      expect(res.resolved.map((e) => [e.left, e.right])).toEqual([[2, 0]]);
    });

    it('leaves it in review when it could be either', () => {
      const r = people('2016-05-01T10:00:00Z');
      const res = clusterRecords(r, [keyed(r, 2, 0, 20), keyed(r, 2, 1, 20)], [], { ambiguityMargin: 10, unscoredWeight: 6 });
      expect(new Set(res.clusterOf).size).toBe(3);
      expect(res.resolved).toEqual([]);
      expect(res.refused).toEqual([]);
    });

    it('counts a link held back by the key as a competitor of a probabilistic link elsewhere', () => {
      // Record 2 matches holder 0 through a record on the shared key (held back) and a third person,
      // record 3 (its PNC record, not on the key: a date-of-birth slip), by the model alone.
      const r = recs([
        { ref: 'pnc:2010/0123456T', ids: { PNC_ID: '2010/0123456T' } }, { ref: 'pnc:2015/0123457V', ids: { PNC_ID: '2015/0123457V' } },
        custody('2016-05-01T10:00:00Z'), { ref: 'pnc:2014/0123456D', ids: { PNC_ID: '2014/0123456D' }, dob: '1985-04-14' },
      ]);
      const edges = [keyed(r, 2, 0, 20), { left: 2, right: 3, strength: 14, probabilistic: true }];
      const res = clusterRecords(r, edges, [], { ambiguityMargin: 10, unscoredWeight: 6 });
      expect(same(res.clusterOf, 2, 3)).toBe(false);
      expect(same(res.clusterOf, 2, 0)).toBe(false);
      expect(res.refused.map((x) => x.reason)).toEqual(['ambiguous: also matches another person who cannot be the same']);
      // Without the held-back link, the record joins the third person.
      expect(same(clusterRecords(r, [edges[1]!], [], { ambiguityMargin: 10, unscoredWeight: 6 }).clusterOf, 2, 3)).toBe(true);
    });

    it('joins the holder it matches better by the ambiguity margin, counting an unscored pair at the review threshold', () => {
      const r = people('2016-05-01T10:00:00Z');
      expect(same(clusterRecords(r, [keyed(r, 2, 0, 30), keyed(r, 2, 1, 19)], [], { ambiguityMargin: 10 }).clusterOf, 0, 2)).toBe(true);
      expect(same(clusterRecords(r, [keyed(r, 2, 0, 28), keyed(r, 2, 1, 19)], [], { ambiguityMargin: 10 }).clusterOf, 0, 2)).toBe(false);
      // No scored pair with the other holder: at most the review threshold (pairs below it are not kept).
      expect(same(clusterRecords(r, [keyed(r, 2, 0, 16)], [], { ambiguityMargin: 10, unscoredWeight: 6 }).clusterOf, 0, 2)).toBe(true);
      expect(same(clusterRecords(r, [keyed(r, 2, 0, 15)], [], { ambiguityMargin: 10, unscoredWeight: 6 }).clusterOf, 0, 2)).toBe(false);
      // Unknown (not given): a missing pair never outweighs anything.
      expect(same(clusterRecords(r, [keyed(r, 2, 0, 40)], [], { ambiguityMargin: 10 }).clusterOf, 0, 2)).toBe(false);
    });
  });

  it('respects cannot-link decisions across the whole cluster', () => {
    const r = recs([{}, {}, {}]);
    const { clusterOf, refused } = clusterRecords(r, [
      { left: 0, right: 1, strength: 10 },
      { left: 1, right: 2, strength: 9 },
    ], [[0, 2]]);
    expect(same(clusterOf, 1, 2)).toBe(false);
    expect(refused[0]!.reason).toMatch(/caseworker/);
  });

  it('links a record to neither of two people who cannot be the same (ambiguity)', () => {
    const r = recs([{ ids: { FINGERPRINT: 'IA000000001' } }, {}, { ids: { FINGERPRINT: 'IA555555555' } }, {}]);
    const { clusterOf, refused } = clusterRecords(r, [
      { left: 0, right: 1, strength: 20, probabilistic: true },
      { left: 1, right: 2, strength: 19, probabilistic: true },
      { left: 2, right: 3, strength: 1e6 },
    ]);
    expect(same(clusterOf, 0, 1)).toBe(false);
    expect(same(clusterOf, 1, 2)).toBe(false);
    expect(same(clusterOf, 2, 3)).toBe(true);
    expect(refused.map((x) => x.reason)).toEqual([
      'ambiguous: also matches another person who cannot be the same',
      'ambiguous: also matches another person who cannot be the same',
    ]);
  });

  it('does not count as a competitor a person the record cannot be (a conflicting fact)', () => {
    // Record 1 matches both look-alikes about equally, but its place of birth rules out person 2.
    const r = recs([{ ids: { FINGERPRINT: 'IA000000001' } }, {}, { ids: { FINGERPRINT: 'IA555555555' }, place: 'KARACHI' }]);
    const { clusterOf } = clusterRecords(r, [
      { left: 0, right: 1, strength: 20, probabilistic: true },
      { left: 1, right: 2, strength: 19, probabilistic: true },
    ], [], { ambiguityMargin: 10 });
    expect(same(clusterOf, 0, 1)).toBe(true);
    expect(same(clusterOf, 1, 2)).toBe(false);
  });

  it('joins the clearly better of two people who cannot be the same, by the ambiguity margin', () => {
    const r = recs([{ ids: { FINGERPRINT: 'IA000000001' } }, {}, { ids: { FINGERPRINT: 'IA555555555' } }]);
    const edges = [
      { left: 0, right: 1, strength: 30, probabilistic: true },
      { left: 1, right: 2, strength: 19, probabilistic: true },
    ];
    const clear = clusterRecords(r, edges, [], { ambiguityMargin: 10 });
    expect(same(clear.clusterOf, 0, 1)).toBe(true);
    expect(same(clear.clusterOf, 1, 2)).toBe(false);
    expect(clear.refused.map((x) => x.reason)).toEqual(['ambiguous: also matches another person who cannot be the same']);
    const close = clusterRecords(r, edges, [], { ambiguityMargin: 12 });
    expect(same(close.clusterOf, 0, 1)).toBe(false);
    expect(same(close.clusterOf, 1, 2)).toBe(false);
  });

  describe('resemblances that are not links compete (possible matches, and pairs below the review threshold)', () => {
    // 0 and 2: two namesakes' police records (PNC ids: two people); 1: an unidentified custody record
    // of person 2's that matches person 0 exactly and its owner only weakly (the owner's record
    // carries a date-of-birth slip).
    const r = recs([{ ids: { PNC_ID: '2014/0123456D' } }, {}, { ids: { PNC_ID: '2014/0123457E' } }]);
    const link = { left: 0, right: 1, strength: 14, probabilistic: true };

    it('links the record to neither when a resemblance below the review threshold is within the margin', () => {
      const res = clusterRecords(r, [link, { left: 1, right: 2, strength: 5, competitor: true }], [], { ambiguityMargin: 10 });
      expect(same(res.clusterOf, 0, 1)).toBe(false);
      expect(same(res.clusterOf, 1, 2)).toBe(false);
      expect(res.refused.map((x) => x.reason)).toEqual(['ambiguous: also matches another person who cannot be the same']);
      // Without the resemblance the record joins person 0; with one beyond the margin, too.
      expect(same(clusterRecords(r, [link], [], { ambiguityMargin: 10 }).clusterOf, 0, 1)).toBe(true);
      expect(same(clusterRecords(r, [link, { left: 1, right: 2, strength: 3, competitor: true }], [], { ambiguityMargin: 10 }).clusterOf, 0, 1)).toBe(true);
    });

    it('counts a possible match as a competitor', () => {
      const res = clusterRecords(r, [link, { left: 1, right: 2, strength: 8, possible: true }], [], { ambiguityMargin: 10 });
      expect(same(res.clusterOf, 0, 1)).toBe(false);
      expect(same(res.clusterOf, 1, 2)).toBe(false);
    });

    it('never joins a resemblance, and counts it as a candidate, so a possible match is no longer the only one', () => {
      const lone = clusterRecords(recs([{}, {}]), [{ left: 0, right: 1, strength: 3, competitor: true }]);
      expect(same(lone.clusterOf, 0, 1)).toBe(false);
      const three = recs([{}, {}, {}]);
      const only = [{ left: 0, right: 1, strength: 7, possible: true }];
      expect(same(clusterRecords(three, only).clusterOf, 0, 1)).toBe(true);
      const res = clusterRecords(three, [...only, { left: 0, right: 2, strength: 2, competitor: true }]);
      expect(same(res.clusterOf, 0, 1)).toBe(false);
      expect(res.promoted).toEqual([]);
    });

    it('reaches the second look-alike through a link held back by a shared key (unidentified records not joined to each other)', () => {
      // 0 and 3: namesakes' police records; 1 and 2: unidentified custody records matching each other.
      // 1 matches person 0 by the model, 2 matches person 3 only through a record on a shared key.
      const q = recs([{ ids: { PNC_ID: '2014/0123456D' } }, {}, {}, { ids: { PNC_ID: '2014/0123457E' } }]);
      const edges = [
        { left: 1, right: 2, strength: 20, probabilistic: true },
        { left: 0, right: 1, strength: 15, probabilistic: true },
        { left: 2, right: 3, strength: 15, possible: true, candidateOnly: true, sharedKeys: ['ALI|KHAN|1980-01-02'] },
      ];
      const res = clusterRecords(q, edges, [], { ambiguityMargin: 10 });
      expect(same(res.clusterOf, 1, 2)).toBe(false);
      expect(res.refused.map((x) => x.reason)).toContain('ambiguous: both records are among the look-alikes of two people who cannot be the same');
      // Without the held-back link nothing reaches person 3: the three records make one person.
      const alone = clusterRecords(q, edges.slice(0, 2), [], { ambiguityMargin: 10 });
      expect(same(alone.clusterOf, 0, 2)).toBe(true);
    });
  });

  it('applies stronger links first', () => {
    const r = recs([{ ids: { PNC_ID: '2014/0123456D' } }, {}, { ids: { PNC_ID: '2014/0123457E' } }]);
    const { clusterOf } = clusterRecords(r, [
      { left: 0, right: 1, strength: 1 },
      { left: 1, right: 2, strength: 50 },
    ]);
    expect(same(clusterOf, 1, 2)).toBe(true);
    expect(same(clusterOf, 0, 1)).toBe(false);
  });

  it('keeps one person whose records carry two different one-digit slips of the same date', () => {
    const r = recs([{ dob: '1985-03-14' }, { dob: '1985-08-14' }, { dob: '1985-03-15' }]);
    const { clusterOf } = clusterRecords(r, [{ left: 0, right: 1, strength: 1e6 }, { left: 0, right: 2, strength: 1e6 }]);
    expect(same(clusterOf, 1, 2)).toBe(true);
  });

  it('joins a possible match only when each side has no other candidate', () => {
    const r = recs([{}, {}, {}, {}, {}]);
    const lone = clusterRecords(r, [{ left: 0, right: 1, strength: 7, possible: true }]);
    expect(same(lone.clusterOf, 0, 1)).toBe(true);
    expect(lone.promoted).toHaveLength(1);
    // Record 2 is a candidate for both 3 and 4: none of those possible matches joins.
    const shared = clusterRecords(r, [{ left: 2, right: 3, strength: 7, possible: true }, { left: 2, right: 4, strength: 8, possible: true }]);
    expect(same(shared.clusterOf, 2, 3) || same(shared.clusterOf, 2, 4)).toBe(false);
    expect(shared.promoted).toEqual([]);
  });

  it('counts a guarded possible match as a candidate that never joins', () => {
    const r = recs([{}, {}, {}]);
    const res = clusterRecords(r, [{ left: 0, right: 1, strength: 7, possible: true }, { left: 0, right: 2, strength: 9, possible: true, candidateOnly: true }]);
    expect(same(res.clusterOf, 0, 1)).toBe(false);
    expect(same(res.clusterOf, 0, 2)).toBe(false);
    expect(res.promoted).toEqual([]);
  });

  it('does not join a possible match that conflicts, and does not report it as refused', () => {
    const r = recs([{ ids: { FINGERPRINT: 'IA000000001' } }, { ids: { FINGERPRINT: 'IA555555555' } }]);
    const res = clusterRecords(r, [{ left: 0, right: 1, strength: 7, possible: true }]);
    expect(same(res.clusterOf, 0, 1)).toBe(false);
    expect(res.refused).toEqual([]);
  });
});
