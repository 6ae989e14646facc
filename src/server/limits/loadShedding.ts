/**
 * Load shedding: at most `max` GraphQL requests in flight; one more is refused at once (503
 * OVERLOADED, `retry-after`) instead of queueing until every caller times out.
 */
import type { Refusal } from './refusal.js';

export class InFlightGate {
  private current = 0;

  constructor(readonly max: number) {}

  /** Takes a slot, or returns the refusal when none is free. Call `release` once per slot taken. */
  enter(): Refusal | null {
    if (this.current >= this.max) {
      return {
        code: 'OVERLOADED',
        status: 503,
        message: `The gateway is answering ${this.current} requests, its limit (MAX_IN_FLIGHT); retry shortly.`,
        limit: this.max,
        measured: this.current + 1,
        retryAfterSeconds: 1,
      };
    }
    this.current += 1;
    return null;
  }

  release(): void {
    this.current = Math.max(0, this.current - 1);
  }

  inFlight(): number {
    return this.current;
  }
}
