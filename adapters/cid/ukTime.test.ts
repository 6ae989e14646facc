import { describe, expect, it } from 'vitest';
import { bstPeriodUtc, ukLocalToUtc } from './ukTime.js';

/** UK wall-clock parts of a UTC instant, from the platform's time-zone data (the reference). */
const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function londonParts(ms: number): number[] {
  const parts = london.formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

describe('ukLocalToUtc', () => {
  it('knows the BST period of 2016: 27 March to 30 October, 01:00 UTC', () => {
    const p = bstPeriodUtc(2016);
    expect(new Date(p.start).toISOString()).toBe('2016-03-27T01:00:00.000Z');
    expect(new Date(p.end).toISOString()).toBe('2016-10-30T01:00:00.000Z');
  });

  it.each([
    [[2016, 1, 15, 9, 30, 0], '2016-01-15T09:30:00Z'],
    [[2016, 7, 14, 9, 30, 0], '2016-07-14T08:30:00Z'],
    [[2016, 3, 27, 0, 59, 59], '2016-03-27T00:59:59Z'],
    [[2016, 3, 27, 2, 0, 0], '2016-03-27T01:00:00Z'],
    // The repeated hour in October is read as BST (its first occurrence).
    [[2016, 10, 30, 1, 30, 0], '2016-10-30T00:30:00Z'],
    [[2016, 10, 30, 2, 0, 0], '2016-10-30T02:00:00Z'],
  ])('%j UK local is %s', (parts, expected) => {
    const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
    expect(ukLocalToUtc(y, mo, d, h, mi, s)).toBe(expected);
  });

  it('rejects impossible times', () => {
    expect(ukLocalToUtc(2016, 2, 30, 9, 0, 0)).toBeNull();
    expect(ukLocalToUtc(2016, 1, 1, 24, 0, 0)).toBeNull();
  });

  it('agrees with the platform time-zone data every 7 hours from 1996 to 2030', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1996, 0, 1); ms < Date.UTC(2030, 0, 1); ms += 7 * 3_600_000) {
      const [y, mo, d, h, mi, s] = londonParts(ms) as [number, number, number, number, number, number];
      const back = ukLocalToUtc(y, mo, d, h, mi, s);
      // Skip the second occurrence of the repeated October hour, which reads as the first.
      const expected = new Date(ms).toISOString().replace('.000Z', 'Z');
      const ambiguous = back != null && Date.parse(expected) - Date.parse(back) === 3_600_000;
      if (back !== expected && !ambiguous) mismatches.push(expected);
    }
    expect(mismatches).toEqual([]);
  });
});
