import { describe, expect, it } from 'vitest';
import { COMPETITOR_FLOOR, isCompetitor, linkRecords } from '../../src/identity/link.js';
import { trainModel } from '../../src/identity/em.js';
import { prepareRecord } from '../../src/identity/prepare.js';
import { evaluateLinks } from '../../src/identity/evaluate.js';
import { syntheticEstate } from './synthetic.js';

describe('linkRecords end to end on a small synthetic estate', () => {
  const est = syntheticEstate(21, 250);
  const recs = est.fragments.map((f, i) => prepareRecord(f, i));
  const model = trainModel(recs);
  const result = linkRecords(model, recs);

  it('links most true pairs and few false ones', () => {
    const assigned = new Map(recs.map((r, i) => [r.refKey, `C${result.clusterOf[i]}`]));
    const report = evaluateLinks({ assigned, truth: est.truth, hardNegatives: [], reviewQueue: 0, pairs: [] });
    expect(report.precision).toBeGreaterThan(0.97);
    expect(report.recall).toBeGreaterThan(0.85);
  });

  it('keeps linked and possible pairs and, of the rest, only resemblances (weight >= 0), each with a full waterfall', () => {
    expect(result.compared).toBeGreaterThan(result.pairs.length);
    expect(result.pairs.some((p) => p.outcome === 'NOT_LINKED')).toBe(true);
    for (const p of result.pairs) {
      if (p.outcome === 'NOT_LINKED') {
        expect(p.rule).toBe('PROBABILISTIC');
        expect(p.evidence.matchWeight).toBeGreaterThanOrEqual(COMPETITOR_FLOOR);
        expect(p.evidence.matchWeight).toBeLessThan(model.thresholds.review);
      }
      expect(p.evidence.rows.map((r) => r.comparison)).toEqual(model.comparisons.map((c) => c.name));
      const sum = p.evidence.priorWeight + p.evidence.rows.reduce((a, r) => a + r.partialWeight, 0);
      expect(p.evidence.matchWeight).toBeCloseTo(sum, 6);
    }
  });

  it('counts as a resemblance only a probabilistic pair below the review threshold at or above the floor', () => {
    expect(isCompetitor('NOT_LINKED', 'PROBABILISTIC', COMPETITOR_FLOOR)).toBe(true);
    expect(isCompetitor('NOT_LINKED', 'PROBABILISTIC', COMPETITOR_FLOOR - 0.01)).toBe(false);
    expect(isCompetitor('POSSIBLE_MATCH', 'PROBABILISTIC', 7)).toBe(false);
    expect(isCompetitor('NOT_LINKED', 'PncIdOnCidCaseRule', 3)).toBe(false);
  });

  it('honours caseworker constraints', () => {
    const linked = result.pairs.find((p) => p.outcome === 'LINKED')!;
    const apart = linkRecords(model, recs, [{ left: linked.left, right: linked.right, link: false }]);
    expect(apart.clusterOf[linked.left]).not.toBe(apart.clusterOf[linked.right]);
  });
});
