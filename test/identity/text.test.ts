import { describe, expect, it } from 'vitest';
import { canonicalFamily, canonicalName, foldText, sameVariantFamily } from '../../src/identity/normalise.js';
import { phoneticKey } from '../../src/identity/phonetic.js';
import { editDistance, jaroWinkler } from '../../src/identity/similarity.js';
import { NAME_VARIANTS } from '../../src/identity/reference/nameVariants.js';

describe('foldText', () => {
  it.each([
    ['José Núñez', 'JOSE NUNEZ'],
    ["  o'brien-smith ", 'OBRIEN SMITH'],
    ['Łukasz Møller', 'LUKASZ MOLLER'],
    ['Straße', 'STRASSE'],
    ['', ''],
  ])('%s -> %s', (input, out) => expect(foldText(input)).toBe(out));
});

describe('variant families', () => {
  it('maps every member of a family to its first member', () => {
    for (const family of NAME_VARIANTS) for (const n of family) expect(canonicalName(n)).toBe(family[0]);
  });
  it.each([
    ['MUHAMMAD', 'MOHAMED', true],
    ['YOUSSEF', 'JOSEF', true],
    ['SMITH', 'SMITH', true],
    ['SMITH', 'SMYTH', false],
  ])('%s ~ %s: %s', (a, b, same) => expect(sameVariantFamily(a, b)).toBe(same));
  it('keeps multi-word variants whole and canonicalises words otherwise', () => {
    expect(canonicalFamily('NGUYEN VAN')).toBe('NGUYEN');
    expect(canonicalFamily('AHMAD KHAN')).toBe('AHMED KHAN');
    expect(canonicalFamily('DE JONG')).toBe('DE JONG');
  });
});

describe('phoneticKey', () => {
  it.each([
    ['HUSSEIN', 'HUSAIN'],
    ['MUHAMMAD', 'MOHAMMED'],
    ['PHILIP', 'FILIP'],
    ['KHALID', 'KALID'],
    ['SCHMIDT', 'SHMIDT'],
    ['CELINE', 'SELINE'],
  ])('%s and %s share a key', (a, b) => expect(phoneticKey(a)).toBe(phoneticKey(b)));
  it.each([
    ['SMITH', 'JONES'],
    ['OMAR', 'AMIR'.replace('A', 'Z')],
  ])('%s and %s differ', (a, b) => expect(phoneticKey(a)).not.toBe(phoneticKey(b)));
  it('starts vowel-initial names with A, caps at four characters, and handles the empty name', () => {
    expect(phoneticKey('OLUWASEUN')).toMatch(/^A/);
    expect(phoneticKey('KRZYSZTOFOWICZ').length).toBeLessThanOrEqual(4);
    expect(phoneticKey('')).toBe('');
    expect(phoneticKey('XAVIER')).toBe(phoneticKey('XAVIER'));
    expect(phoneticKey('QUINN')).toMatch(/^K/);
  });
});

describe('jaroWinkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
    ['ABC', 'XYZ', 0],
    ['', '', 0],
    ['A', '', 0],
    ['SAME', 'SAME', 1],
  ])('%s / %s ≈ %d', (a, b, want) => expect(jaroWinkler(a, b)).toBeCloseTo(want, 2));
});

describe('editDistance', () => {
  it.each([
    ['KITTEN', 'SITTING', 3],
    ['AB', 'BA', 1],
    ['B1234567', 'B1234576', 1],
    ['SAME', 'SAME', 0],
    ['', 'ABC', 3],
  ])('%s -> %s = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));
  it('gives up above the bound', () => {
    expect(editDistance('AAAAAA', 'BBBBBB', 2)).toBe(3);
    expect(editDistance('A', 'ABCDEF', 2)).toBe(3);
  });
});
