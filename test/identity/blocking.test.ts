import { describe, expect, it } from 'vitest';
import { blockingKeys, candidatePairs } from '../../src/identity/blocking.js';
import { prepareRecord } from '../../src/identity/prepare.js';
import { fragment, type FragmentSpec } from './fragments.js';

const pairsFor = (specs: FragmentSpec[], opts = { maxBlockSize: 400 }, focus: Set<number> | null = null) =>
  candidatePairs(specs.map((s, i) => prepareRecord(fragment(s), i)), opts, focus);

describe('blocking', () => {
  it.each([
    ['a shared identifier, nothing else alike', { ids: { HO_REF: 'B1' } }, { given: ['PIOTR'], family: 'NOWAK', dob: '1970-01-01', ids: { HO_REF: 'B1' } }],
    ['same DOB and family name', {}, { given: ['ZED'] }],
    ['same DOB, given and family swapped', { given: ['ALI'], family: 'HASSAN' }, { given: ['HASSAN'], family: 'ALI' }],
    ['day and month swapped, same names', { dob: '1985-03-04' }, { dob: '1985-04-03' }],
    ['year mistyped, same names', { dob: '1985-03-14' }, { dob: '1995-03-14' }],
    ['no date of birth on one side, same names', { dob: null }, {}],
    ['an alias', { given: ['JOHN'], family: 'OKAFOR', aliases: [{ given: ['EMEKA'], family: 'OBI' }], dob: '1990-01-01' }, { given: ['EMEKA'], family: 'OBI', dob: '1990-01-01' }],
  ] as const)('pairs records with %s', (_why, a, b) => {
    expect(pairsFor([a as FragmentSpec, b as FragmentSpec]).pairs).toEqual([[0, 1]]);
  });

  it.each([
    ['different names and dates', {}, { given: ['PIOTR'], family: 'NOWAK', dob: '1970-01-01' }],
    ['both dates missing but names the same', { dob: null }, { dob: null }],
  ] as const)('does not pair records with %s', (_why, a, b) => {
    const { pairs } = pairsFor([a as FragmentSpec, b as FragmentSpec]);
    expect(pairs.length).toBe(_why.startsWith('both') ? 1 : 0);
  });

  it('skips oversized blocks and reports them', () => {
    const same = Array.from({ length: 5 }, () => ({ given: ['X'], family: 'Y' }));
    const { pairs, report } = pairsFor(same, { maxBlockSize: 3 });
    expect(pairs).toEqual([]);
    expect(report.skippedBlocks).toBeGreaterThan(0);
  });

  it('produces each pair once, and only pairs touching the focus when given one', () => {
    const specs: FragmentSpec[] = [{}, {}, {}];
    const all = pairsFor(specs);
    expect(all.pairs).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(all.report.largestBlock).toBe(3);
    expect(pairsFor(specs, { maxBlockSize: 400 }, new Set([2])).pairs.sort()).toEqual([[0, 2], [1, 2]]);
    const nodob = pairsFor([{ dob: null }, {}, {}], { maxBlockSize: 400 }, new Set([0]));
    expect(nodob.pairs.sort()).toEqual([[0, 1], [0, 2]]);
  });

  it('grows near-linearly: distinct people make no pairs', () => {
    const specs: FragmentSpec[] = Array.from({ length: 200 }, (_, i) => ({
      given: [`G${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}X`],
      family: `F${String.fromCharCode(66 + (i % 20))}${String.fromCharCode(66 + Math.floor(i / 20))}`,
      dob: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    }));
    expect(pairsFor(specs).pairs.length).toBeLessThan(20);
  });

  it('keys come from identifiers, DOB with names, year and month-day with both names', () => {
    const keys = blockingKeys(prepareRecord(fragment({ ids: { HO_REF: 'B1234567' } }), 0));
    expect(keys.some((k) => k.startsWith('I|HO_REF|'))).toBe(true);
    expect(keys.filter((k) => k.startsWith('D|')).length).toBe(2);
    expect(keys.some((k) => k.startsWith('Y|1985|'))).toBe(true);
    expect(keys.some((k) => k.startsWith('M|3-14|'))).toBe(true);
  });
});
