import { describe, expect, it } from 'vitest';
import { parseCidDate, parseCidDateTime, toCidDate } from './legacyFormat.js';

describe('CID date formats', () => {
  it.each([
    ['31-JAN-1985', '1985-01-31'],
    ['01-apr-2013', '2013-04-01'],
    [' 29-FEB-2016 ', '2016-02-29'],
    ['31-FEB-1985', null],
    ['29-FEB-2015', null],
    ['1985-01-31', null],
    ['31/01/1985', null],
    ['31-XYZ-1985', null],
    ['', null],
  ])('parseCidDate(%j) = %j', (raw, expected) => {
    expect(parseCidDate(raw)).toBe(expected);
  });

  it.each([
    ['14-JUL-2016 09:30:00', '2016-07-14T08:30:00Z'],
    ['14-JAN-2016 09:30:00', '2016-01-14T09:30:00Z'],
    ['14-JUL-2016 25:30:00', null],
    ['14-JUL-2016', null],
    ['2016-07-14T09:30:00', null],
  ])('parseCidDateTime(%j) = %j (UK local to UTC)', (raw, expected) => {
    expect(parseCidDateTime(raw)).toBe(expected);
  });

  it('writes ISO dates in CID form for searches', () => {
    expect(toCidDate('1984-03-07')).toBe('07-MAR-1984');
    expect(toCidDate('1984-13-07')).toBeNull();
    expect(toCidDate('07/03/1984')).toBeNull();
  });
});
