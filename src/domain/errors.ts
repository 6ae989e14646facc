/**
 * The errors adapters and services raise. Each carries a stable `code` that the GraphQL layer puts
 * in `extensions.code`, and names the source and key involved. Adapters return `NotFoundError`
 * values per key in batch results (DataLoader contract); they throw `SourceUnavailableError` only
 * when the whole source call failed.
 */
import type { SourceName } from './common.js';

export type ErrorCode =
  | 'NOT_FOUND'
  | 'SOURCE_UNAVAILABLE'
  | 'SOURCE_TIMEOUT'
  | 'SOURCE_MALFORMED_RESPONSE'
  | 'BAD_USER_INPUT'
  | 'CONFLICT';

export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

export class NotFoundError extends GatewayError {
  constructor(readonly source: SourceName, readonly what: string, readonly key: string) {
    super('NOT_FOUND', `No ${what} "${key}" in ${source}.`, { source, what, key });
  }
}

export class SourceUnavailableError extends GatewayError {
  constructor(readonly source: SourceName, reason: string, code: 'SOURCE_UNAVAILABLE' | 'SOURCE_TIMEOUT' | 'SOURCE_MALFORMED_RESPONSE' = 'SOURCE_UNAVAILABLE') {
    super(code, `Source "${source}" could not be read: ${reason}`, { source, reason });
  }
}

export class BadInputError extends GatewayError {
  constructor(readonly field: string, problem: string) {
    super('BAD_USER_INPUT', `Invalid "${field}": ${problem}`, { field });
  }
}
