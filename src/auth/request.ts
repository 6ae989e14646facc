/**
 * Who is asking, for one HTTP request: verifies the bearer token and resolves the stated purpose
 * into the PolicyContext. Throws UNAUTHENTICATED (401) or FORBIDDEN (403) GraphQLErrors; called from
 * the server's context function, so a refused request reads nothing.
 */
import type { PolicyContext } from '../policy/context.js';
import { resolvePurpose } from '../policy/purpose.js';
import type { TokenVerifier } from './verify.js';

export const PURPOSE_HEADER = 'x-purpose';
export const JUSTIFICATION_HEADER = 'x-justification';

/** Anything that reads a header by lower-case name (Apollo's HeaderMap, a Map, Fetch Headers). */
export interface HeaderReader {
  get(name: string): string | null | undefined;
}

export async function authenticateRequest(verifier: TokenVerifier, headers: HeaderReader): Promise<PolicyContext> {
  const principal = await verifier.verify(headers.get('authorization'));
  return resolvePurpose(principal, headers.get(PURPOSE_HEADER), headers.get(JUSTIFICATION_HEADER));
}
