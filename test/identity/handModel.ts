/** A linkage model for table-driven identity tests. */
import { COMPARISONS } from '../../src/identity/comparisons.js';
import { makeModel } from '../../src/identity/model.js';

/** A model with every level's Bayes factor set by hand: agreement levels strong, else levels weak. */
export function handModel(thresholds: { link: number; review: number } = { link: 12, review: 2 }) {
  return makeModel({
    trainedAt: null,
    prior: 1e-4,
    thresholds,
    training: null,
    comparisons: COMPARISONS.map((c) => ({
      name: c.name,
      levels: c.levels.map((l, i) => {
        if (l.isNull) return { label: l.label, isNull: true, tf: l.tf, m: null, u: null };
        const last = i === c.levels.length - 1;
        const strength = c.name === 'gender' || c.name === 'nationality' ? 0.05 : 0.002;
        return { label: l.label, isNull: false, tf: l.tf, m: last ? 0.01 : 0.9 / (c.levels.length - 2), u: last ? 0.9 : strength };
      }),
    })),
  });
}
