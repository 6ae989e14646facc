import { describe, expect, it } from 'vitest';
import { parsePncId } from './pnc.js';

describe('parsePncId', () => {
  it('keeps the long form, trimmed and upper-cased', () => {
    expect(parsePncId('2011/0182310E')).toBe('2011/0182310E');
    expect(parsePncId(' 2011/0182310e ')).toBe('2011/0182310E');
  });

  it('widens the short form: a two-digit year from 70 is 19YY, below it 20YY', () => {
    expect(parsePncId('11/0182310E')).toBe('2011/0182310E');
    expect(parsePncId('98/0012345K')).toBe('1998/0012345K');
    expect(parsePncId('69/0012345K')).toBe('2069/0012345K');
    expect(parsePncId('70/0012345K')).toBe('1970/0012345K');
  });

  it('refuses anything else (the caller records it as unreadable)', () => {
    for (const bad of ['', '2011/182310E', '2011-0182310E', '011/0182310E', '2011/0182310', 'UNKNOWN']) expect(parsePncId(bad), bad).toBeNull();
  });
});
