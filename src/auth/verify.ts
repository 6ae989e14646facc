/**
 * Bearer-token verification with `jose`: signature by a configured key chosen by `kid` (several may
 * be live for rotation), algorithm pinned to the key, issuer, audience, expiry and not-before
 * checked. Every failure becomes UNAUTHENTICATED naming the reason (src/auth/errors.ts).
 */
import { errors, jwtVerify, type JWTHeaderParameters } from 'jose';
import type { GraphQLError } from 'graphql';
import { principalFromClaims } from './claims.js';
import { unauthenticated } from './errors.js';
import type { AuthConfig, VerificationKey } from './keys.js';
import type { Principal } from './principal.js';

export interface TokenVerifier {
  /** The principal named by `Authorization: Bearer <jwt>`, or a thrown UNAUTHENTICATED GraphQLError. */
  verify(authorization: string | null | undefined): Promise<Principal>;
}

export interface VerifierOptions {
  /** Clock for exp/nbf (tests). Default: the system clock. */
  readonly now?: () => Date;
}

function selectKey(keys: readonly VerificationKey[], header: JWTHeaderParameters): VerificationKey {
  const candidates = header.kid === undefined ? keys : keys.filter((k) => k.kid === header.kid);
  const match = candidates.filter((k) => k.alg === header.alg);
  if (match.length === 1 && match[0]) return match[0];
  if (match.length > 1) throw unauthenticated('UNKNOWN_KEY', 'The token names no "kid" and several keys could verify it.');
  if (candidates.length > 0) throw unauthenticated('ALGORITHM_NOT_ALLOWED', `Key "${header.kid ?? '?'}" verifies ${candidates.map((k) => k.alg).join('/')}, not ${header.alg}.`);
  throw unauthenticated('UNKNOWN_KEY', header.kid ? `Unknown kid "${header.kid}".` : 'The token names no "kid".');
}

function isGraphQLError(e: unknown): e is GraphQLError {
  return e instanceof Error && e.name === 'GraphQLError';
}

function translate(e: unknown): GraphQLError {
  if (isGraphQLError(e)) return e;
  if (e instanceof errors.JWTExpired) return unauthenticated('EXPIRED');
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'iss') return unauthenticated('WRONG_ISSUER');
    if (e.claim === 'aud') return unauthenticated('WRONG_AUDIENCE');
    if (e.claim === 'nbf' || e.claim === 'iat') return unauthenticated('NOT_YET_VALID');
    return unauthenticated('BAD_CLAIMS', `Claim "${e.claim}" failed validation.`);
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return unauthenticated('BAD_SIGNATURE');
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported) return unauthenticated('ALGORITHM_NOT_ALLOWED');
  return unauthenticated('MALFORMED_TOKEN');
}

export function createTokenVerifier(config: AuthConfig, options: VerifierOptions = {}): TokenVerifier {
  const keys = config.keys;
  return {
    async verify(authorization) {
      if (!authorization || authorization.trim() === '') throw unauthenticated('NO_TOKEN');
      const m = /^Bearer\s+([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*)\s*$/i.exec(authorization);
      if (!m || !m[1]) throw unauthenticated('MALFORMED_TOKEN', 'Expected `Authorization: Bearer <jwt>`.');
      let payload;
      try {
        ({ payload } = await jwtVerify(
          m[1],
          (header) => {
            const key = selectKey(keys, header);
            return key.alg === 'HS256' ? key.secret : key.publicKey;
          },
          {
            issuer: config.issuer,
            audience: config.audience,
            algorithms: [...new Set(keys.map((k) => k.alg))],
            clockTolerance: config.clockToleranceSeconds,
            requiredClaims: ['exp', 'sub'],
            ...(options.now ? { currentDate: options.now() } : {}),
          },
        ));
      } catch (e) {
        throw translate(e);
      }
      return principalFromClaims(payload);
    },
  };
}
