/**
 * Counts refused requests by code for the life of the process (logged with each refusal, read by
 * the load bench and by tests). Bounded: one counter per refusal code.
 */
import type { RefusalCode } from './refusal.js';

export class RefusalCounters {
  private readonly counts = new Map<RefusalCode, number>();

  count(code: RefusalCode): number {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    return n;
  }

  snapshot(): Partial<Record<RefusalCode, number>> {
    return Object.fromEntries(this.counts) as Partial<Record<RefusalCode, number>>;
  }

  total(): number {
    let t = 0;
    for (const n of this.counts.values()) t += n;
    return t;
  }
}
