/**
 * The RequestScope of one request: wraps every batch function a source's loaders use, counting
 * calls, keys, failed keys and time per source for the request log line, and reporting source
 * failures to the process-wide SourceHealthStore. A thrown batch (the whole source call failed) is
 * recorded and re-thrown unchanged; per-key `NOT_FOUND` values are ordinary answers.
 *
 * When a SourceResilience is attached to the health store (src/resilience/registry.ts, done by
 * startGateway), every call goes through its source's policy: a time budget, a bulkhead, retries
 * with backoff for reads (`track`; never for writes, `trackWrite`) and a circuit breaker. A call the
 * policy gives up on rejects the batch with a SourceCallFailedError naming the source and the reason.
 */
import type { SourceName } from '../domain/common.js';
import { GatewayError, SourceUnavailableError } from '../domain/errors.js';
import { resilienceFor, type SourceResilience } from '../resilience/registry.js';
import type { RequestScope } from '../sources/types.js';
import type { SourceHealthStore } from './sourceHealth.js';

export interface SourceCallStats {
  /** Batch calls made to the source. */
  calls: number;
  /** Keys asked for across those calls. */
  keys: number;
  /** Keys answered with an error value (not found, bad data). */
  failedKeys: number;
  /** Calls that failed as a whole (source unavailable, timeout). */
  failedCalls: number;
  /** Time spent in the source, summed over calls, in milliseconds. */
  ms: number;
}

const ORDINARY_KEY_ERRORS = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

/**
 * A source call that failed with something other than a GatewayError (a driver error, a bug) is
 * reported to the client as that source being unavailable, without the original message (it may
 * hold personal data); the original travels as `cause` for the masked log line.
 */
function asSourceError(source: SourceName, error: unknown): unknown {
  if (error instanceof GatewayError) return error;
  const wrapped = new SourceUnavailableError(source, 'internal error reading the source');
  Object.defineProperty(wrapped, 'cause', { value: error, enumerable: false });
  return wrapped;
}

export class SourceCallLog implements RequestScope {
  private readonly stats = new Map<SourceName, SourceCallStats>();

  private readonly resilience: SourceResilience | null;

  constructor(private readonly health: SourceHealthStore) {
    this.resilience = resilienceFor(health);
  }

  track<K, V>(
    source: SourceName,
    _operation: string,
    batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
  ): (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>> {
    return async (keys) => {
      const s = this.statsFor(source);
      s.calls += 1;
      s.keys += keys.length;
      const started = performance.now();
      try {
        const values = await (this.resilience ? this.resilience.read(source, () => batch(keys)) : batch(keys));
        for (const v of values) {
          if (v instanceof Error) {
            s.failedKeys += 1;
            if (!(v instanceof GatewayError && ORDINARY_KEY_ERRORS.has(v.code))) this.health.recordError(source, v);
          }
        }
        return values;
      } catch (error) {
        s.failedCalls += 1;
        this.health.recordError(source, error);
        throw asSourceError(source, error);
      } finally {
        s.ms += performance.now() - started;
      }
    };
  }

  /**
   * As `track`, for a call that changes something at the source: the same budget, bulkhead and
   * breaker, but never retried (a retry could apply the change twice).
   */
  trackWrite<A, R>(source: SourceName, _operation: string, write: (input: A) => Promise<R>): (input: A) => Promise<R> {
    return async (input) => {
      const s = this.statsFor(source);
      s.calls += 1;
      s.keys += 1;
      const started = performance.now();
      try {
        return await (this.resilience ? this.resilience.write(source, () => write(input)) : write(input));
      } catch (error) {
        s.failedCalls += 1;
        this.health.recordError(source, error);
        throw asSourceError(source, error);
      } finally {
        s.ms += performance.now() - started;
      }
    };
  }

  /** Per-source totals so far, with times rounded to 0.1 ms (for the request log line). */
  summary(): Partial<Record<SourceName, SourceCallStats>> {
    const out: Partial<Record<SourceName, SourceCallStats>> = {};
    for (const [name, s] of this.stats) out[name] = { ...s, ms: Math.round(s.ms * 10) / 10 };
    return out;
  }

  private statsFor(source: SourceName): SourceCallStats {
    let s = this.stats.get(source);
    if (!s) {
      s = { calls: 0, keys: 0, failedKeys: 0, failedCalls: 0, ms: 0 };
      this.stats.set(source, s);
    }
    return s;
  }
}
