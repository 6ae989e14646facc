import { describe, expect, it } from 'vitest';
import { clockStartingOn, systemClock } from './clock.js';

describe('clocks', () => {
  it('a clock starting on a day reads 08:00 UTC that day, then runs in real time', () => {
    let real = Date.parse('2026-11-22T20:00:00Z');
    const clock = clockStartingOn('2017-03-01', () => real);
    expect(clock.now().toISOString()).toBe('2017-03-01T08:00:00.000Z');
    real += 17 * 3600_000;
    expect(clock.now().toISOString()).toBe('2017-03-02T01:00:00.000Z');
    expect(clock.today()).toBe('2017-03-02');
  });
  it('the system clock is the real time', () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(systemClock.today()).toBe(new Date().toISOString().slice(0, 10));
  });
});
