import { describe, expect, it } from 'vitest';
import { linkRecords } from '../../src/identity/link.js';
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

  it('keeps only linked and possible pairs, each with a full waterfall', () => {
    expect(result.compared).toBeGreaterThanOrEqual(result.pairs.length);
    for (const p of result.pairs) {
      expect(p.outcome).not.toBe('NOT_LINKED');
      expect(p.evidence.rows.map((r) => r.comparison)).toEqual(model.comparisons.map((c) => c.name));
      const sum = p.evidence.priorWeight + p.evidence.rows.reduce((a, r) => a + r.partialWeight, 0);
      expect(p.evidence.matchWeight).toBeCloseTo(sum, 6);
    }
  });

  it('honours caseworker constraints', () => {
    const linked = result.pairs.find((p) => p.outcome === 'LINKED')!;
    const apart = linkRecords(model, recs, [{ left: linked.left, right: linked.right, link: false }]);
    expect(apart.clusterOf[linked.left]).not.toBe(apart.clusterOf[linked.right]);
  });
});
