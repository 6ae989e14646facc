import { describe, expect, it } from 'vitest';
import type { ScoredPair } from '../../src/identity/link.js';
import { reviewOffers } from '../../src/identity/reviewQueue.js';
import { comparePair, scoreCompared } from '../../src/identity/score.js';
import { record, type FragmentSpec } from './fragments.js';
import { handModel } from './handModel.js';

const model = handModel();

describe('reviewOffers', () => {
  // 0, 1: two namesakes with different PNC ids; 2, 3: records with no personal identifier.
  const records = ([
    { ref: 'pnc:2014/0123456D', ids: { PNC_ID: '2014/0123456D' } },
    { ref: 'pnc:2014/0123457E', ids: { PNC_ID: '2014/0123457E' } },
    { ref: 'custody:MPS/ZD/15/000003', place: null },
    { ref: 'acro:AC/15/000004', place: null },
  ] satisfies FragmentSpec[]).map((s, i) => record(s, i));
  const possible = (left: number, right: number, rule = 'PROBABILISTIC', guard: string | null = 'between'): ScoredPair => ({
    left, right, outcome: 'POSSIBLE_MATCH', rule, guard, evidence: scoreCompared(model, comparePair(records[left]!, records[right]!), null),
  });
  const apart = [0, 1, 2, 3];
  const persons = (offers: ReturnType<typeof reviewOffers>) => offers.map((o) => [o.leftCluster, o.rightCluster].sort().join('-')).sort();

  it('offers one item per pair of persons, leaving out persons whose identifiers conflict and pairs a caseworker decided', () => {
    const pairs = [possible(0, 1), possible(2, 0), possible(2, 1)];
    expect(persons(reviewOffers({ records, clusterOf: apart, pairs, refused: [] }))).toEqual(['0-2', '1-2']);
    expect(persons(reviewOffers({ records, clusterOf: apart, pairs, refused: [], decided: new Set(['0:2']) }))).toEqual(['1-2']);
    // Records 2 and 3 on one person: one item per pair of persons, the best-scoring pair.
    const joined = reviewOffers({ records, clusterOf: [0, 1, 2, 2], pairs: [possible(2, 0), possible(3, 0)], refused: [] });
    expect(joined).toHaveLength(1);
  });

  it('offers persons whose identifiers conflict when the pair shares an identifier (reused or miscopied)', () => {
    const offers = reviewOffers({ records, clusterOf: apart, pairs: [possible(0, 1, 'ReusedCidPersonIdRule', 'identifier contradicted: conflicting PNC_ID')], refused: [] });
    expect(persons(offers)).toEqual(['0-1']);
  });

  it('offers refused links with the reason', () => {
    const offers = reviewOffers({ records, clusterOf: apart, pairs: [], refused: [{ pair: possible(2, 0), left: 2, right: 0, reason: 'ambiguous' }] });
    expect(offers.map((o) => o.reason)).toEqual(['link refused: ambiguous']);
  });

  it('defers two unidentified persons each queued against an identified one: deciding those settles it', () => {
    const pairs = [possible(2, 0), possible(2, 1), possible(3, 0), possible(3, 1), possible(2, 3)];
    expect(persons(reviewOffers({ records, clusterOf: apart, pairs, refused: [] }))).toEqual(['0-2', '0-3', '1-2', '1-3']);
    // Once record 3 is no longer queued against anyone identified, the pair is offered.
    expect(persons(reviewOffers({ records, clusterOf: apart, pairs: [possible(2, 0), possible(2, 3)], refused: [] }))).toEqual(['0-2', '2-3']);
  });
});
