import { describe, expect, it } from 'vitest';
import { parseCidDateTime } from './legacyFormat.js';
import { toCidDateTime } from './writeFormat.js';

describe('toCidDateTime', () => {
  it.each([
    ['2017-03-01T09:30:00Z', '01-MAR-2017 09:30:00'],
    ['2016-07-14T08:30:00Z', '14-JUL-2016 09:30:00'],
    ['2016-10-30T00:30:00Z', '30-OCT-2016 01:30:00'],
    ['2016-03-27T01:00:00Z', '27-MAR-2016 02:00:00'],
    ['2016-12-31T23:59:59Z', '31-DEC-2016 23:59:59'],
  ])('%s → %s and back', (iso, cid) => {
    expect(toCidDateTime(iso)).toBe(cid);
    expect(parseCidDateTime(cid)).toBe(iso);
  });

  it('refuses text that is not an instant', () => {
    expect(() => toCidDateTime('yesterday')).toThrow(/not an ISO 8601 instant/);
  });
});
