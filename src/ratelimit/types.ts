/**
 * Per-user rate limiting: a fixed window of `windowMs` per key, `limit` requests in it. The store
 * is in memory (one process, the embedded default) or Redis (shared by every replica).
 */
export interface RateLimitDecision {
  readonly allowed: boolean;
  readonly limit: number;
  /** Requests counted in the current window, this one included. */
  readonly count: number;
  /** Milliseconds until the window ends (when a refused caller may retry). */
  readonly resetMs: number;
}

export interface RateLimitStore {
  /** Counts one request for `key` and decides. Never throws (a store failure lets the request through). */
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}
