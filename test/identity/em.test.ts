import { describe, expect, it } from 'vitest';
import { estimateU, expectationMaximisation, patternsOf, seededRandom, trainModel } from '../../src/identity/em.js';
import { COMPARISONS } from '../../src/identity/comparisons.js';
import { prepareRecord } from '../../src/identity/prepare.js';
import { parseModel, serialiseModel, modelVersionOf } from '../../src/identity/model.js';
import { syntheticEstate } from './synthetic.js';

/** Comparison vectors drawn from known m and u, to check EM recovers them. */
function simulate(n: number, lambda: number, m: number[][], u: number[][], random: () => number): number[][] {
  const draw = (p: number[]) => {
    let r = random();
    for (let i = 0; i < p.length; i++) {
      r -= Number.isNaN(p[i]!) ? 0 : p[i]!;
      if (r < 0) return i;
    }
    return p.length - 1;
  };
  return Array.from({ length: n }, () => {
    const match = random() < lambda;
    return (match ? m : u).map(draw);
  });
}

describe('expectation–maximisation', () => {
  it('recovers known m probabilities and the match share, and converges', () => {
    const random = seededRandom(7);
    const m = COMPARISONS.map((c) => c.levels.map((l, i) => (l.isNull ? Number.NaN : i === 1 ? 0.85 : 0.15 / (c.levels.length - 2))));
    const u = COMPARISONS.map((c) => c.levels.map((l, i) => (l.isNull ? Number.NaN : i === c.levels.length - 1 ? 0.9 : 0.1 / (c.levels.length - 2))));
    const vectors = simulate(20_000, 0.3, m, u, random);
    const em = expectationMaximisation(patternsOf(vectors), u, COMPARISONS.map(() => true));
    expect(em.converged).toBe(true);
    expect(em.lambda).toBeGreaterThan(0.27);
    expect(em.lambda).toBeLessThan(0.33);
    em.m.forEach((row, c) => expect(row[1]!).toBeCloseTo(m[c]![1]!, 1));
  });

  it('leaves fixed comparisons at their starting m and stops at the iteration cap', () => {
    const random = seededRandom(1);
    const u = COMPARISONS.map((c) => c.levels.map((l) => (l.isNull ? Number.NaN : 1 / (c.levels.length - 1))));
    const start = u.map((r) => [...r]);
    const em = expectationMaximisation(patternsOf(simulate(500, 0.5, u, u, random)), u, COMPARISONS.map((_, i) => i !== 0), { maxIterations: 2, startM: start });
    expect(em.m[0]).toEqual(start[0]);
    expect(em.iterations).toBe(2);
    expect(em.converged).toBe(false);
  });

  it('estimates u from random pairs with smoothing (no zero u)', () => {
    const recs = syntheticEstate(3, 60).fragments.map((f, i) => prepareRecord(f, i));
    const u = estimateU(recs, 2000, seededRandom(2));
    for (const row of u) for (const x of row) if (!Number.isNaN(x)) expect(x).toBeGreaterThan(0);
    expect(estimateU(recs.slice(0, 1), 10, seededRandom(2))[0]![1]).toBeGreaterThan(0);
  });
});

describe('trainModel on synthetic records', () => {
  const est = syntheticEstate(11, 250);
  const recs = est.fragments.map((f, i) => prepareRecord(f, i));
  const model = trainModel(recs, { trainedAt: '2026-01-01T00:00:00Z' });

  it('learns that agreement is evidence for and disagreement against', () => {
    for (const c of model.comparisons) {
      const exact = c.levels[1]!;
      const last = c.levels[c.levels.length - 1]!;
      expect(Math.log2(exact.m! / exact.u!), c.name).toBeGreaterThan(0);
      expect(Math.log2(last.m! / last.u!), c.name).toBeLessThan(0.5);
    }
    expect(model.prior).toBeGreaterThan(0);
    expect(model.prior).toBeLessThan(0.01);
    expect(model.training!.labelledPairs).toBeGreaterThan(0);
  });

  it('is reproducible and round-trips through versioned JSON', () => {
    const again = trainModel(recs, { trainedAt: '2026-01-01T00:00:00Z' });
    expect(again.modelVersion).toBe(model.modelVersion);
    expect(parseModel(serialiseModel(model))).toEqual(model);
    expect(model.modelVersion).toBe(modelVersionOf(model));
  });

  it('rejects a broken model file, listing every problem', () => {
    const broken = { ...model, format: 'x', prior: 2, thresholds: { link: 1, review: 5 }, comparisons: model.comparisons.slice(1) };
    expect(() => parseModel(JSON.stringify(broken))).toThrow(/format.*; prior.*; comparisons.*; thresholds/);
    const badLevel = { ...model, comparisons: model.comparisons.map((c, i) => (i === 0 ? { ...c, levels: [c.levels[0], { ...c.levels[1]!, m: 0 }] } : c)) };
    expect(() => parseModel(JSON.stringify(badLevel))).toThrow(/levels, expected.*needs m and u/);
  });

  it('falls back to a default prior without identifier-linked pairs', () => {
    const bare = recs.slice(0, 40).map((r, i) => prepareRecord({ ...r.fragment, identifiers: [] }, i));
    const m = trainModel(bare);
    expect(m.training!.labelledPairs).toBe(0);
    expect(m.prior).toBeGreaterThan(0);
  });
});
