/**
 * One shape for every request the gateway refuses before reading anything: a stable
 * `extensions.code`, the HTTP status, a message quoting the limit, and — for a limit — the limit and
 * the measured value, so a caller can see by how much they are over and an operator can tune it.
 */

/** Stable codes of refused requests (README "Limits and resilience"). */
export const REFUSAL_CODES = [
  // HTTP layer
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'MALFORMED_JSON',
  'INVALID_UTF8',
  'BAD_REQUEST',
  'TOO_MANY_OPERATIONS',
  // document
  'DOCUMENT_TOO_LARGE',
  'TOO_MANY_TOKENS',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_FRAGMENTS',
  'CIRCULAR_FRAGMENT',
  'INTROSPECTION_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  // overload
  'RATE_LIMITED',
  'OVERLOADED',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  readonly code: RefusalCode;
  readonly status: number;
  readonly message: string;
  /** The configured limit, when a limit was exceeded. */
  readonly limit?: number;
  /** What the request measured against that limit. */
  readonly measured?: number;
  /** Seconds after which a retry may succeed (rate limit, overload): also sent as `retry-after`. */
  readonly retryAfterSeconds?: number;
}

export function limitRefusal(code: RefusalCode, what: string, limit: number, measured: number, status = 400): Refusal {
  return { code, status, message: `${what}: ${measured} is over the limit of ${limit}.`, limit, measured };
}

/** The GraphQL-shaped body of a refusal: `{ errors: [{ message, extensions: { code, limit, measured, requestId } }] }`. */
export function refusalBody(refusal: Refusal, requestId: string): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
  const extensions: Record<string, unknown> = { code: refusal.code };
  if (refusal.limit !== undefined) extensions.limit = refusal.limit;
  if (refusal.measured !== undefined) extensions.measured = refusal.measured;
  if (refusal.retryAfterSeconds !== undefined) extensions.retryAfterSeconds = refusal.retryAfterSeconds;
  extensions.requestId = requestId;
  return { errors: [{ message: refusal.message, extensions }] };
}
