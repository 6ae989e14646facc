/**
 * The one error factory for authentication and authorisation. Every refusal is a GraphQLError with
 * `extensions.code` (UNAUTHENTICATED or FORBIDDEN) and `extensions.http.status` (401 / 403), so the
 * Apollo server returns the status from wherever the error is thrown (context creation, a plugin,
 * a resolver). Messages quote the names involved and never contain personal data.
 */
import { GraphQLError } from 'graphql';

/** Why a token was not accepted. The message names which. */
export type UnauthenticatedReason =
  | 'NO_TOKEN'
  | 'MALFORMED_TOKEN'
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY'
  | 'ALGORITHM_NOT_ALLOWED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WRONG_ISSUER'
  | 'WRONG_AUDIENCE'
  | 'BAD_CLAIMS';

const UNAUTHENTICATED_TEXT: Readonly<Record<UnauthenticatedReason, string>> = Object.freeze({
  NO_TOKEN: 'No bearer token: send `Authorization: Bearer <token>`.',
  MALFORMED_TOKEN: 'The bearer token is not a well-formed signed JWT.',
  BAD_SIGNATURE: 'The bearer token signature does not verify.',
  UNKNOWN_KEY: 'The bearer token was signed with a key the gateway does not know (kid / algorithm).',
  ALGORITHM_NOT_ALLOWED: 'The bearer token uses a signing algorithm the gateway does not accept.',
  EXPIRED: 'The bearer token has expired.',
  NOT_YET_VALID: 'The bearer token is not valid yet (nbf / iat in the future).',
  WRONG_ISSUER: 'The bearer token was issued by an issuer the gateway does not trust.',
  WRONG_AUDIENCE: 'The bearer token is not meant for this gateway (audience).',
  BAD_CLAIMS: 'The bearer token does not name a valid user, role, organisation and purposes.',
});

export function unauthenticated(reason: UnauthenticatedReason, detail?: string): GraphQLError {
  const message = detail ? `${UNAUTHENTICATED_TEXT[reason]} ${detail}` : UNAUTHENTICATED_TEXT[reason];
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } },
  });
}

/** What the client learns about a refusal (issue 6: the rule, a human reason, what would permit it). */
export interface Refusal {
  /** The rule that refused, e.g. `PurposeGrantedRule`. */
  readonly rule: string;
  /** The paragraph the rule encodes, e.g. `001 §4.28`. */
  readonly cites: string;
  /** Plain words. */
  readonly reason: string;
  /** What would permit it. */
  readonly remedy: string;
  /** The schema coordinate refused, when a field was (`CidCase.notes`). */
  readonly coordinate?: string;
  /** Response path, when known (`person.cidCases.notes`). */
  readonly path?: string;
}

export function forbidden(refusal: Refusal): GraphQLError {
  const where = refusal.coordinate ? `"${refusal.coordinate}": ` : '';
  return new GraphQLError(`Forbidden: ${where}${refusal.reason}`, {
    extensions: {
      code: 'FORBIDDEN',
      rule: refusal.rule,
      cites: refusal.cites,
      reason: refusal.reason,
      remedy: refusal.remedy,
      ...(refusal.coordinate ? { coordinate: refusal.coordinate } : {}),
      ...(refusal.path ? { fieldPath: refusal.path } : {}),
      http: { status: 403 },
    },
  });
}
