/**
 * Fixed-window counters in memory. Bounded: at most `maxKeys` windows are kept; expired windows are
 * swept as new keys arrive, and when every slot is live the oldest window is dropped (its caller
 * starts a fresh window: the bound on memory wins over exactness).
 */
import type { RateLimitDecision, RateLimitStore } from './types.js';

interface Window {
  count: number;
  endsAt: number;
}

export interface MemoryStoreOptions {
  /** @default 100000 */
  readonly maxKeys?: number;
  /** Clock, for tests. @default performance.now */
  readonly now?: () => number;
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, Window>();
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? (() => performance.now());
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      if (w) this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.evict(now);
      w = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    return { allowed: w.count <= limit, limit, count: w.count, resetMs: Math.max(0, Math.ceil(w.endsAt - now)) };
  }

  /** Windows held now (for the memory-bound test). */
  size(): number {
    return this.windows.size;
  }

  private evict(now: number): void {
    for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
    while (this.windows.size >= this.maxKeys) {
      const oldest = this.windows.keys().next();
      if (oldest.done) break;
      this.windows.delete(oldest.value);
    }
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}
