/**
 * Process-wide health of each source: the last error seen (from a probe or from any request's
 * source call), when it happened, and the report shape of the `sources` query and `/readyz`.
 * Error text is reduced to its code and scrubbed of identifier-like content: no personal data.
 */
import type { SourceName } from '../domain/common.js';
import { GatewayError } from '../domain/errors.js';
import { scrubText } from '../logging/redact.js';
import type { CircuitStatus } from '../resilience/sourcePolicy.js';

/** One source's answer to a probe, as the `sources` query reports it (SourceStatus in the SDL). */
export interface SourceStatusReport {
  readonly name: SourceName;
  readonly title: string;
  readonly reachable: boolean;
  readonly latencyMs: number | null;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
  /** The source's circuit breaker (src/resilience): CLOSED, OPEN, HALF_OPEN or ISOLATED. */
  readonly circuit: CircuitStatus;
}

/** Probes every registered source now. */
export interface HealthProbe {
  probe(): Promise<SourceStatusReport[]>;
}

export interface LastError {
  readonly message: string;
  readonly at: string;
}

/**
 * A short description of an error without personal data: a gateway error's code and its reason
 * (written by the adapter, scrubbed again), e.g. `SOURCE_UNAVAILABLE: connect ECONNREFUSED
 * 127.0.0.1:4010`; any other error only by its code or class.
 */
export function describeSourceError(error: unknown): string {
  if (error instanceof GatewayError) {
    const reason = typeof error.details.reason === 'string' ? error.details.reason : error.message;
    return `${error.code}: ${scrubText(reason)}`.slice(0, 300);
  }
  if (error instanceof Error) {
    // Not written by an adapter: its message may quote data, so only its code or class is kept.
    const code = (error as { code?: unknown }).code;
    return `${typeof code === 'string' ? code : error.name} (details in the log under the request id)`;
  }
  return 'unknown error';
}

export class SourceHealthStore {
  private readonly last = new Map<SourceName, LastError>();
  private readonly circuits = new Map<SourceName, CircuitStatus>();

  recordError(source: SourceName, error: unknown, at: Date = new Date()): void {
    this.last.set(source, { message: describeSourceError(error), at: at.toISOString() });
  }

  lastError(source: SourceName): LastError | null {
    return this.last.get(source) ?? null;
  }

  /** Reported by the source's circuit breaker on every change of state (src/resilience/registry.ts). */
  recordCircuit(source: SourceName, state: CircuitStatus): void {
    this.circuits.set(source, state);
  }

  circuit(source: SourceName): CircuitStatus {
    return this.circuits.get(source) ?? 'CLOSED';
  }
}
