/**
 * Signing demo and test tokens with a configured HS256 key. Production tokens come from the
 * organisation's identity provider; the gateway only verifies them.
 */
import { SignJWT } from 'jose';
import { claimsFromPrincipal } from './claims.js';
import type { AuthConfig } from './keys.js';
import type { Principal } from './principal.js';

export interface SignOptions {
  /** Lifetime, e.g. `8h`, `30m`, `3600s`. Default `8h`. */
  readonly ttl?: string;
  /** Issue time (tests). Default: now. */
  readonly now?: Date;
  /** Sign with this kid instead of the configured signing key. */
  readonly kid?: string;
}

/** Seconds in a ttl like `8h`, `30m`, `45s`, `2d`; throws on anything else. */
export function parseTtl(ttl: string): number {
  const m = /^(\d+)([smhd])$/.exec(ttl.trim());
  if (!m || !m[1] || !m[2]) throw new Error(`TTL "${ttl}" is not a duration like 8h, 30m, 45s or 1d.`);
  const n = Number(m[1]);
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  if (n <= 0) throw new Error(`TTL "${ttl}" must be positive.`);
  return n * unit;
}

export async function signToken(principal: Principal, config: AuthConfig, options: SignOptions = {}): Promise<string> {
  const kid = options.kid ?? config.signingKid;
  const key = config.keys.find((k) => k.kid === kid);
  if (!key || key.alg !== 'HS256') throw new Error(`No HS256 signing key "${kid ?? '(none)'}" is configured (AUTH_HS256_KEYS / AUTH_SIGNING_KEY).`);
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT(claimsFromPrincipal(principal))
    .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + parseTtl(options.ttl ?? '8h'))
    .sign(key.secret);
}
