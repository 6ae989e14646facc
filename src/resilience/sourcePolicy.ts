/**
 * The resilience policy of one legacy source, built with cockatiel 3:
 *
 *   budget timeout ─ bulkhead ─ retry (reads only) ─ circuit breaker ─ attempt timeout ─ call
 *
 * - budget: the whole call, queueing and retries included, answers within `timeoutMs`
 *   (aggressive: the caller is released even if the source never answers);
 * - bulkhead: at most `concurrency` calls in flight and as many queued; more are refused at once,
 *   so a slow source cannot hold every request slot;
 * - retry: idempotent reads only, `retries` extra attempts with exponential backoff and
 *   decorrelated jitter, only for failures that can pass (unavailable, malformed, timed out);
 * - breaker: opens after `breakerFailures` consecutive failures, refuses calls while open, and
 *   after `breakerHalfOpenMs` lets one probe through (half-open): success closes it, failure
 *   opens it again;
 * - attempt timeout: a hung attempt counts as a failure for the breaker.
 */
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { SourceResilienceConfig } from '../config/types.js';
import type { SourceName } from '../domain/common.js';
import { GatewayError } from '../domain/errors.js';
import { SourceCallFailedError } from './errors.js';

/** A circuit breaker's state as the `sources` query reports it (CircuitState in schema/base.graphql). */
export type CircuitStatus = 'CLOSED' | 'OPEN' | 'HALF_OPEN' | 'ISOLATED';

export function circuitStatusOf(state: CircuitState): CircuitStatus {
  switch (state) {
    case CircuitState.Open:
      return 'OPEN';
    case CircuitState.HalfOpen:
      return 'HALF_OPEN';
    case CircuitState.Isolated:
      return 'ISOLATED';
    default:
      return 'CLOSED';
  }
}

const TRANSIENT_CODES = new Set(['SOURCE_UNAVAILABLE', 'SOURCE_TIMEOUT', 'SOURCE_MALFORMED_RESPONSE']);

/** A failure that says the source is unwell (counts towards opening the circuit). */
export function isSourceFailure(error: unknown): boolean {
  if (error instanceof BrokenCircuitError || error instanceof BulkheadRejectedError) return false;
  return true;
}

/** A failure a second attempt may not meet (never a refusal by the policy itself). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof BrokenCircuitError || error instanceof BulkheadRejectedError) return false;
  if (error instanceof TaskCancelledError) return true;
  return error instanceof GatewayError && TRANSIENT_CODES.has(error.code);
}

export interface SourcePolicyEvents {
  /** Called on every change of the breaker's state. */
  onCircuit?(source: SourceName, state: CircuitStatus): void;
}

export interface SourcePolicy {
  readonly source: SourceName;
  readonly settings: SourceResilienceConfig;
  /** An idempotent read: retried on transient failures. */
  read<T>(call: () => Promise<T>): Promise<T>;
  /** A write: never retried (a retry could apply it twice). */
  write<T>(call: () => Promise<T>): Promise<T>;
  circuit(): CircuitStatus;
  /** Stops listening to the breaker's events. */
  dispose(): void;
}

export function createSourcePolicy(source: SourceName, settings: SourceResilienceConfig, events: SourcePolicyEvents = {}): SourcePolicy {
  const breaker = circuitBreaker(handleWhen(isSourceFailure), {
    halfOpenAfter: settings.breakerHalfOpenMs,
    breaker: new ConsecutiveBreaker(settings.breakerFailures),
  });
  const listener = breaker.onStateChange((state) => events.onCircuit?.(source, circuitStatusOf(state)));
  const attempt = timeout(settings.timeoutMs, TimeoutStrategy.Aggressive);
  const retries = retry(handleWhen(isRetryable), {
    maxAttempts: settings.retries,
    backoff: new ExponentialBackoff({ initialDelay: settings.retryBaseMs, maxDelay: Math.max(settings.retryBaseMs, Math.floor(settings.timeoutMs / 2)) }),
  });
  const slots = bulkhead(settings.concurrency, settings.concurrency);
  const budget = timeout(settings.timeoutMs, TimeoutStrategy.Aggressive);

  const readPolicy: IPolicy = wrap(budget, slots, retries, breaker, attempt);
  const writePolicy: IPolicy = wrap(budget, slots, breaker, attempt);

  function explain(error: unknown, attempts: number): unknown {
    if (error instanceof TaskCancelledError) {
      return new SourceCallFailedError(source, `no answer within ${settings.timeoutMs} ms`, 'SOURCE_TIMEOUT', 'TIMEOUT', { timeoutMs: settings.timeoutMs });
    }
    if (error instanceof BrokenCircuitError) {
      return new SourceCallFailedError(
        source,
        `circuit open after ${settings.breakerFailures} consecutive failures; the source is probed again within ${Math.ceil(settings.breakerHalfOpenMs / 1000)} s`,
        'SOURCE_UNAVAILABLE',
        'CIRCUIT_OPEN',
        { retryAfterMs: settings.breakerHalfOpenMs },
      );
    }
    if (error instanceof BulkheadRejectedError) {
      return new SourceCallFailedError(source, `${settings.concurrency} calls already in flight and queued`, 'SOURCE_UNAVAILABLE', 'BULKHEAD_FULL', {
        concurrency: settings.concurrency,
      });
    }
    if (error instanceof GatewayError && TRANSIENT_CODES.has(error.code)) {
      const reason = typeof error.details.reason === 'string' ? error.details.reason : error.message;
      const out = new SourceCallFailedError(source, reason, error.code as 'SOURCE_UNAVAILABLE', error.code === 'SOURCE_TIMEOUT' ? 'TIMEOUT' : 'SOURCE_ERROR', { attempts });
      Object.defineProperty(out, 'cause', { value: error, enumerable: false });
      return out;
    }
    return error;
  }

  async function run<T>(policy: IPolicy, call: () => Promise<T>): Promise<T> {
    let attempts = 0;
    try {
      return await policy.execute(() => {
        attempts += 1;
        return call();
      });
    } catch (error) {
      throw explain(error, attempts);
    }
  }

  return {
    source,
    settings,
    read: (call) => run(readPolicy, call),
    write: (call) => run(writePolicy, call),
    circuit: () => circuitStatusOf(breaker.state),
    dispose: () => listener.dispose(),
  };
}
