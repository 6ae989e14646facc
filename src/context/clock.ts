/**
 * What time it is for the gateway's rules: assessments ("absconder action due" counts the reporting
 * events due before today), reporting schedules and PACE clocks. By default the system clock. The
 * synthetic estate's lives end on its own "today" (2017-03-01 by default): with GATEWAY_TODAY set to
 * that day, the clock starts at 08:00 UTC on it when the gateway starts and runs forward in real
 * time, so the estate looks as it did on the morning it was taken (people in custody within their
 * PACE clock, today's reporting events not yet due).
 */
export interface Clock {
  now(): Date;
  /** ISO date of `now()` in UTC. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date().toISOString().slice(0, 10),
};

/** A clock that reads `day` 08:00 UTC at the moment it is made, then runs in real time. */
export function clockStartingOn(day: string, realNow: () => number = Date.now): Clock {
  const offset = Date.parse(`${day}T08:00:00Z`) - realNow();
  const now = () => new Date(realNow() + offset);
  return { now, today: () => now().toISOString().slice(0, 10) };
}
