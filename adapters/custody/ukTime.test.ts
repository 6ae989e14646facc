import { describe, expect, it } from 'vitest';
import { isoDate, ukLocalToUtc } from './ukTime.js';

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

function localFields(ms: number): number[] {
  const p: Record<string, string> = {};
  for (const part of london.formatToParts(new Date(ms))) p[part.type] = part.value;
  return [+p.year!, +p.month!, +p.day!, +p.hour!, +p.minute!];
}

describe('ukLocalToUtc', () => {
  it.each([
    ['winter (GMT)', [2017, 1, 15, 23, 30], '2017-01-15T23:30:00Z'],
    ['summer (BST)', [2016, 7, 1, 9, 30], '2016-07-01T08:30:00Z'],
    ['first BST minute after the March jump', [2016, 3, 27, 2, 0], '2016-03-27T01:00:00Z'],
    ['March gap hour read as GMT', [2016, 3, 27, 1, 30], '2016-03-27T01:30:00Z'],
    ['October repeated hour read as its first (BST) occurrence', [2015, 10, 25, 1, 30], '2015-10-25T00:30:00Z'],
    ['first GMT minute after the October change', [2015, 10, 25, 2, 0], '2015-10-25T02:00:00Z'],
  ])('%s', (_label, f, expected) => {
    const [y, mo, d, h, mi] = f as number[];
    expect(ukLocalToUtc(y!, mo!, d!, h!, mi!)).toBe(expected);
  });

  it('agrees with the tz database for every hour of 2000–2020 (apart from the repeated October hour)', () => {
    let checked = 0;
    for (let ms = Date.UTC(2000, 0, 1); ms < Date.UTC(2021, 0, 1); ms += 3_600_000) {
      const [y, mo, d, h, mi] = localFields(ms + 17 * 60_000);
      const back = Date.parse(ukLocalToUtc(y!, mo!, d!, h!, mi!)!);
      const expected = ms + 17 * 60_000;
      // The second 01:xx on the October change day reads as the first: one hour early.
      if (back !== expected) expect(expected - back).toBe(3_600_000);
      else checked++;
    }
    expect(checked).toBeGreaterThan(183_000);
  });

  it.each([
    [2016, 2, 30, 10, 0],
    [2015, 13, 1, 10, 0],
    [2015, 4, 31, 25, 70],
    [2015, 6, 1, 24, 0],
  ])('rejects %i-%i-%i %i:%i', (y, mo, d, h, mi) => {
    expect(ukLocalToUtc(y, mo, d, h, mi)).toBeNull();
  });

  it('leap days', () => {
    expect(isoDate(2016, 2, 29)).toBe('2016-02-29');
    expect(isoDate(2015, 2, 29)).toBeNull();
  });
});
