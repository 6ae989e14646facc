/**
 * Token keys and claims checks from configuration. Several keys may be live at once, each named by
 * `kid`, so keys rotate without downtime: add the new key, issue tokens with it, retire the old one.
 *
 * Environment variables (see src/policy/README-section.md):
 *   AUTH_ISSUER            expected `iss` (default `pcv-gateway-dev`)
 *   AUTH_AUDIENCE          expected `aud` (default `pcv-gateway`)
 *   AUTH_HS256_KEYS        shared secrets, `kid=secret[,kid=secret…]` (each secret at least 32 characters)
 *   AUTH_PUBLIC_KEYS_FILE  a JWKS file (`{"keys":[…]}`) of RS256 / ES256 public keys, each with `kid` and `alg`
 *   AUTH_SIGNING_KEY       `kid` of the HS256 key that scripts/token.ts signs with (default: the first)
 *   AUTH_CLOCK_TOLERANCE_S seconds of clock skew accepted on exp / nbf (default 30)
 * With none of AUTH_HS256_KEYS / AUTH_PUBLIC_KEYS_FILE set and NODE_ENV not `production`, the
 * embedded development key `dev-hs256-1` is used (never in production: loading fails instead).
 */
import { readFileSync } from 'node:fs';
import { importJWK, type JWK } from 'jose';

export type TokenAlgorithm = 'HS256' | 'RS256' | 'ES256';
export const TOKEN_ALGORITHMS: readonly TokenAlgorithm[] = Object.freeze(['HS256', 'RS256', 'ES256']);

/** A key that verifies tokens. HS256 keys also sign (scripts/token.ts, tests). */
export type VerificationKey =
  | { readonly kid: string; readonly alg: 'HS256'; readonly secret: Uint8Array }
  | { readonly kid: string; readonly alg: 'RS256' | 'ES256'; readonly publicKey: CryptoKey };

export interface AuthConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly keys: readonly VerificationKey[];
  /** kid of the HS256 key used to sign demo tokens, or null when none can sign. */
  readonly signingKid: string | null;
  readonly clockToleranceSeconds: number;
  /** True when the embedded development key is in use (a start-up warning should say so). */
  readonly usingDevelopmentKey: boolean;
}

/** The embedded development key: public in this repository, so only ever for local use. */
export const DEVELOPMENT_KEY_ID = 'dev-hs256-1';
const DEVELOPMENT_SECRET = 'pcv-gateway development signing key: not for production use';

export const DEFAULT_ISSUER = 'pcv-gateway-dev';
export const DEFAULT_AUDIENCE = 'pcv-gateway';
const MIN_SECRET_LENGTH = 32;

export class AuthConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
    readonly example: string,
  ) {
    super(`${variable}: ${problem} (example: ${variable}=${example})`);
    this.name = 'AuthConfigError';
  }
}

export function hs256Key(kid: string, secret: string): VerificationKey {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new AuthConfigError('AUTH_HS256_KEYS', `secret of key "${kid}" is shorter than ${MIN_SECRET_LENGTH} characters`, 'k2025=<32+ random characters>');
  }
  return { kid, alg: 'HS256', secret: new TextEncoder().encode(secret) };
}

export function parseHs256Keys(value: string): VerificationKey[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const eq = entry.indexOf('=');
      if (eq <= 0) throw new AuthConfigError('AUTH_HS256_KEYS', `entry without "kid=" prefix`, 'k2025=<secret>,k2024=<secret>');
      return hs256Key(entry.slice(0, eq), entry.slice(eq + 1));
    });
}

/** Public keys from a JWKS document (RS256 / ES256 only; private members are refused). */
export async function parsePublicJwks(json: string, origin = 'AUTH_PUBLIC_KEYS_FILE'): Promise<VerificationKey[]> {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new AuthConfigError(origin, 'not valid JSON', '/etc/pcv/jwks.json');
  }
  const keys = (doc as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) throw new AuthConfigError(origin, 'no "keys" array', '/etc/pcv/jwks.json');
  const out: VerificationKey[] = [];
  for (const raw of keys as JWK[]) {
    const { kid, alg } = raw;
    if (!kid) throw new AuthConfigError(origin, 'a key has no "kid"', '/etc/pcv/jwks.json');
    if (alg !== 'RS256' && alg !== 'ES256') throw new AuthConfigError(origin, `key "${kid}" has alg "${String(alg)}"; use RS256 or ES256`, '/etc/pcv/jwks.json');
    if ('d' in raw) throw new AuthConfigError(origin, `key "${kid}" contains a private part; publish public keys only`, '/etc/pcv/jwks.json');
    const publicKey = await importJWK(raw, alg);
    if (publicKey instanceof Uint8Array) throw new AuthConfigError(origin, `key "${kid}" is not an asymmetric public key`, '/etc/pcv/jwks.json');
    out.push({ kid, alg: alg as 'RS256' | 'ES256', publicKey });
  }
  return out;
}

export interface AuthEnv {
  readonly [name: string]: string | undefined;
}

export async function loadAuthConfig(env: AuthEnv = process.env): Promise<AuthConfig> {
  const keys: VerificationKey[] = [];
  if (env.AUTH_HS256_KEYS) keys.push(...parseHs256Keys(env.AUTH_HS256_KEYS));
  if (env.AUTH_PUBLIC_KEYS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.AUTH_PUBLIC_KEYS_FILE, 'utf8');
    } catch (e) {
      throw new AuthConfigError('AUTH_PUBLIC_KEYS_FILE', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, '/etc/pcv/jwks.json');
    }
    keys.push(...(await parsePublicJwks(text)));
  }
  let usingDevelopmentKey = false;
  if (keys.length === 0) {
    if (env.NODE_ENV === 'production') {
      throw new AuthConfigError('AUTH_HS256_KEYS', 'no token keys configured and NODE_ENV=production (the development key is refused)', 'k2025=<secret>');
    }
    keys.push(hs256Key(DEVELOPMENT_KEY_ID, DEVELOPMENT_SECRET));
    usingDevelopmentKey = true;
  }
  const kids = new Set<string>();
  for (const k of keys) {
    if (kids.has(k.kid)) throw new AuthConfigError('AUTH_HS256_KEYS', `key id "${k.kid}" is configured twice`, 'k2025=<secret>,k2024=<secret>');
    kids.add(k.kid);
  }
  const hsKids = keys.filter((k) => k.alg === 'HS256').map((k) => k.kid);
  const signingKid = env.AUTH_SIGNING_KEY ?? hsKids[0] ?? null;
  if (signingKid !== null && !hsKids.includes(signingKid)) {
    throw new AuthConfigError('AUTH_SIGNING_KEY', `"${signingKid}" is not one of the HS256 keys (${hsKids.join(', ') || 'none'})`, hsKids[0] ?? 'k2025');
  }
  const tolerance = env.AUTH_CLOCK_TOLERANCE_S === undefined ? 30 : Number(env.AUTH_CLOCK_TOLERANCE_S);
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 300) {
    throw new AuthConfigError('AUTH_CLOCK_TOLERANCE_S', 'must be a whole number of seconds between 0 and 300', '30');
  }
  return Object.freeze({
    issuer: env.AUTH_ISSUER ?? DEFAULT_ISSUER,
    audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
    keys: Object.freeze(keys),
    signingKid,
    clockToleranceSeconds: tolerance,
    usingDevelopmentKey,
  });
}

/** The variables this module reads, for the README configuration table. */
export const AUTH_CONFIG_VARIABLES = Object.freeze([
  { name: 'AUTH_ISSUER', meaning: 'Expected `iss` of bearer tokens.', default: DEFAULT_ISSUER, example: 'https://sso.example.gov.uk' },
  { name: 'AUTH_AUDIENCE', meaning: 'Expected `aud` of bearer tokens.', default: DEFAULT_AUDIENCE, example: 'pcv-gateway' },
  { name: 'AUTH_HS256_KEYS', meaning: 'HS256 shared secrets `kid=secret,…` (rotation: list old and new).', default: 'embedded development key, except in production', example: 'k2025=<32+ characters>' },
  { name: 'AUTH_PUBLIC_KEYS_FILE', meaning: 'JWKS file of RS256/ES256 public keys, each with `kid` and `alg`.', default: 'unset', example: '/etc/pcv/jwks.json' },
  { name: 'AUTH_SIGNING_KEY', meaning: 'kid of the HS256 key scripts/token.ts signs with.', default: 'the first HS256 key', example: 'k2025' },
  { name: 'AUTH_CLOCK_TOLERANCE_S', meaning: 'Clock skew accepted on exp/nbf, seconds.', default: '30', example: '30' },
]);
