/**
 * Request ids: a sane incoming `x-request-id` (8–128 characters of letters, digits and `._:-`) is
 * kept so a caller's id follows the request through our logs; anything else is replaced by a UUID.
 */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

const SANE = /^[A-Za-z0-9._:-]{8,128}$/;

export function resolveRequestId(incoming: string | readonly string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return typeof value === 'string' && SANE.test(value) ? value : randomUUID();
}
