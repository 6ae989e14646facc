import { describe, expect, it } from 'vitest';
import { familyNameKey, normaliseNamePart, readPersonName } from './names.js';
import { cidNationality } from './codeLists.js';

describe('CID names', () => {
  it('normalises case, accents, punctuation and spacing', () => {
    expect(normaliseNamePart('  Müller-Lüdenscheidt ')).toBe('MULLER-LUDENSCHEIDT');
    expect(normaliseNamePart("o'Sullivan")).toBe("O'SULLIVAN");
    expect(normaliseNamePart('de  Jong.')).toBe('DE JONG');
    expect(familyNameKey('Ibrahim')).toBe('IBRAHIM');
  });

  it('keeps the name as CID shows it (SURNAME, Forenames) as the original', () => {
    expect(readPersonName('Ibrahim', 'Mohammed  Ali')).toEqual({ given: ['MOHAMMED', 'ALI'], family: 'IBRAHIM', original: 'Ibrahim, Mohammed  Ali' });
    expect(readPersonName('WEBER', null)).toEqual({ given: [], family: 'WEBER', original: 'WEBER' });
    expect(readPersonName(null, null)).toEqual({ given: [], family: '', original: '' });
  });
});

describe('CID nationality codes', () => {
  it.each([
    ['NGA', 'NGA'],
    ['D', 'DEU'],
    ['NIGERIA', 'NGA'],
    ['NIGERIAN', 'NGA'],
    ['viet nam', 'VNM'],
    ['XXA', 'XXA'],
    ['GBD', 'GBR'],
    ['ATLANTIS', null],
  ])('%j → %j', (raw, expected) => {
    expect(cidNationality(raw)).toBe(expected);
  });
});
