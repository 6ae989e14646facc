import { describe, expect, it } from 'vitest';
import { familyNameKey, parseSeparate, parseSurnameFirst } from './names.js';

describe('custody names', () => {
  it.each([
    ['HUSSEIN, Mohammed Ali', ['MOHAMMED', 'ALI'], 'HUSSEIN'],
    ['  O\'BRIEN ,  Seán ', ['SEAN'], "O'BRIEN"],
    ['NGUYEN VAN, Minh', ['MINH'], 'NGUYEN VAN'],
    ['MADONNA', [], 'MADONNA'],
  ])('MPS "%s"', (raw, given, family) => {
    const n = parseSurnameFirst(raw);
    expect(n).toEqual({ given, family, original: raw });
  });

  it('separate columns keep a readable original', () => {
    expect(parseSeparate('Tatyana', 'Kowalski')).toEqual({ given: ['TATYANA'], family: 'KOWALSKI', original: 'Tatyana Kowalski' });
    expect(parseSeparate(null, 'Smith-Jones')).toEqual({ given: [], family: 'SMITH-JONES', original: 'Smith-Jones' });
  });

  it('family-name keys fold case, accents and spacing', () => {
    expect(familyNameKey('  Özil ')).toBe('OZIL');
    expect(familyNameKey('nguyen   van')).toBe('NGUYEN VAN');
  });
});
