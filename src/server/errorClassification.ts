/**
 * One decision, shared by the masking and logging plugins: what a GraphQL error becomes for the
 * client. Gateway errors (src/domain/errors.ts) keep their message and stable code and name their
 * source; GraphQL and Apollo errors that already carry a code keep it; anything else is internal
 * and masked.
 */
import type { GraphQLError } from 'graphql';
import { GatewayError } from '../domain/errors.js';

export const INTERNAL_ERROR_CODE = 'INTERNAL_SERVER_ERROR';
export const INTERNAL_ERROR_MESSAGE = 'Internal server error. Quote the request id when reporting it.';

export interface ErrorClassification {
  /** Stable `extensions.code`. */
  readonly code: string;
  /** The source that failed, when a source did. */
  readonly source: string | null;
  /** True when the client must not see the original message. */
  readonly internal: boolean;
  /** The error to log for an internal error (the innermost cause). */
  readonly cause: unknown;
}

function sourceOf(error: GatewayError): string | null {
  const s = error.details.source;
  return typeof s === 'string' ? s : null;
}

export function classifyError(error: GraphQLError): ErrorClassification {
  const original: unknown = error.originalError;
  if (original instanceof GatewayError) {
    const cause = (original as { cause?: unknown }).cause;
    return { code: original.code, source: sourceOf(original), internal: false, cause: cause ?? original };
  }
  const code = error.extensions?.code;
  if (typeof code === 'string' && code !== INTERNAL_ERROR_CODE) {
    // Raised on purpose with a code: by graphql-js or Apollo (parse, validation, variable
    // coercion) or by our own code (e.g. BAD_USER_INPUT from a scalar).
    return { code, source: null, internal: false, cause: original ?? error };
  }
  if (original === undefined || original === null) {
    return { code: INTERNAL_ERROR_CODE, source: null, internal: false, cause: error };
  }
  return { code: INTERNAL_ERROR_CODE, source: null, internal: true, cause: original };
}

/** Stack frames without the message line (messages can hold personal data). */
export function stackFrames(error: unknown, max = 12): string[] {
  if (!(error instanceof Error) || !error.stack) return [];
  return error.stack
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, max)
    .map((l) => l.trim());
}
