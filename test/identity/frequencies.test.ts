import { describe, expect, it } from 'vitest';
import { termFrequencies } from '../../src/identity/frequencies.js';
import { comparePair, scoreCompared } from '../../src/identity/score.js';
import { makeModel } from '../../src/identity/model.js';
import { handModel } from './handModel.js';
import { record, type FragmentSpec } from './fragments.js';

const NAMES = [['AHMED', 'KHAN'], ['ALI', 'KHAN'], ['AHMED', 'RAZA'], ['ALI', 'RAZA'], ['OMAR', 'SHAH'], ['ZAIN', 'MIRZA']] as const;

/** A batch of records: `common` copies of AHMED KHAN, the others once each. */
function batch(common: number) {
  const specs: FragmentSpec[] = [];
  for (let i = 0; i < common; i++) specs.push({ given: ['AHMED'], family: 'KHAN' });
  for (const [g, f] of NAMES.slice(1)) specs.push({ given: [g], family: f });
  for (let i = 0; i < 200; i++) specs.push({ given: [`GIVEN${i}`], family: `FAMILY${i}` });
  return specs.map((s, i) => record(s, i));
}

/** The hand model with names agreeing by chance one time in ten (so the full name's u is 1/100). */
function nameModel() {
  const base = handModel();
  return makeModel({
    ...base,
    comparisons: base.comparisons.map((c) => ({ ...c, levels: c.levels.map((l) => (l.tf ? { ...l, u: 0.1 } : l)) })),
  });
}

const nameWeight = (common: number, given: string, family: string) => {
  const recs = batch(common);
  const model = nameModel();
  const a = record({ given: [given], family }, 0);
  const b = record({ given: [given], family, dob: '1985-03-15' }, 1);
  const rows = scoreCompared(model, comparePair(a, b), termFrequencies(recs)).rows;
  return { weight: rows[0]!.partialWeight + rows[1]!.partialWeight, notes: rows.map((r) => r.note) };
};

describe('term frequency of an exact full name', () => {
  it('counts a forename and family name together', () => {
    const tf = termFrequencies(batch(4));
    expect(tf.fullNameFrequency('AHMED', 'KHAN')).toBeCloseTo(4 / 209);
    expect(tf.fullNameFrequency('ALI', 'RAZA')).toBeCloseTo(1 / 209);
    expect(tf.frequency('familyName', 'KHAN')).toBeCloseTo(5 / 209);
  });

  it('raises the weight of a rare full name and never lowers a common one below the level weight', () => {
    const model = nameModel();
    const levelOnly = scoreCompared(model, comparePair(record({}, 0), record({ dob: '1985-03-15' }, 1)), null).rows;
    const plain = levelOnly[0]!.partialWeight + levelOnly[1]!.partialWeight;
    const common = nameWeight(4, 'AHMED', 'KHAN');
    const rare = nameWeight(4, 'ZAIN', 'MIRZA');
    expect(common.weight).toBeCloseTo(plain);
    expect(rare.weight).toBeGreaterThan(plain);
    expect(rare.notes[0]).toMatch(/term frequency of the full name/);
  });
});
