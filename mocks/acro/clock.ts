/**
 * The mock services' default clock: the estate's today at 12:00Z, advancing with real time from
 * when the clock was made. Tests pass a fixed clock instead.
 */
export function estateClock(today: string): () => string {
  const start = Date.now();
  const base = Date.parse(`${today}T12:00:00Z`);
  return () => new Date(base + (Date.now() - start)).toISOString();
}
