/**
 * What a caller sees when a source call fails behind its resilience policy: a
 * `SourceUnavailableError` (stable `extensions.code` SOURCE_UNAVAILABLE or SOURCE_TIMEOUT, the
 * source in `extensions.source`) that also says why in `extensions.reason`, so a partial answer
 * names the source and the reason. GraphQL copies an original error's own `extensions` onto the
 * located error, which is how `reason` reaches the response.
 */
import type { SourceName } from '../domain/common.js';
import { SourceUnavailableError } from '../domain/errors.js';

/** Why a source call gave no answer. */
export type ResilienceReason =
  /** No answer within the source's budget (SOURCE_TIMEOUT_MS / <SOURCE>_TIMEOUT_MS). */
  | 'TIMEOUT'
  /** The circuit is open after repeated failures: the source is not called until the next probe. */
  | 'CIRCUIT_OPEN'
  /** Already as many calls in flight to the source as its bulkhead allows. */
  | 'BULKHEAD_FULL'
  /** The source answered with an error (or not at all), after any retries. */
  | 'SOURCE_ERROR';

export class SourceCallFailedError extends SourceUnavailableError {
  /** Copied by GraphQL onto the located error's extensions (with `code` and `source` added by masking). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    source: SourceName,
    reasonText: string,
    code: 'SOURCE_UNAVAILABLE' | 'SOURCE_TIMEOUT' | 'SOURCE_MALFORMED_RESPONSE',
    readonly reason: ResilienceReason,
    extra: Record<string, unknown> = {},
  ) {
    super(source, reasonText, code);
    this.extensions = { reason, ...extra };
  }
}
