/**
 * Token verification: each failure is UNAUTHENTICATED naming the reason; key rotation by kid;
 * RS256 and ES256 public keys; claims validation; every demo identity signs and verifies.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from './demoIdentities.js';
import { grantFor } from '../policy/grants.js';
import { hs256Key, loadAuthConfig, parsePublicJwks, type AuthConfig } from './keys.js';
import { authenticateRequest } from './request.js';
import { signToken } from './sign.js';
import { createTokenVerifier } from './verify.js';

const SECRET_A = 'a'.repeat(40);
const SECRET_B = 'b'.repeat(40);
const base = (keys: AuthConfig['keys'], signingKid: string | null = keys[0]?.kid ?? null): AuthConfig => ({
  issuer: 'test-issuer', audience: 'pcv-gateway', keys, signingKid, clockToleranceSeconds: 0, usingDevelopmentKey: false,
});
const cc = DEMO_IDENTITIES.find((d) => d.id === 'cc-croydon')!;

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ACCEPTED';
  } catch (e) {
    const ext = (e as { extensions?: { code?: string; reason?: string; http?: { status?: number } } }).extensions;
    expect(ext?.code).toBe('UNAUTHENTICATED');
    expect(ext?.http?.status).toBe(401);
    return ext?.reason ?? 'NO_REASON';
  }
}

describe('createTokenVerifier', () => {
  const config = base([hs256Key('k1', SECRET_A)]);
  const verifier = createTokenVerifier(config);

  it('accepts a good token and returns the principal', async () => {
    const p = await verifier.verify(`Bearer ${await signToken(cc, config)}`);
    expect(p).toMatchObject({ userId: 'demo.cc.croydon', role: 'CC_CASEWORKER', organisation: 'HOME_OFFICE', hub: 'CC_CROYDON', purposes: ['IMMIGRATION_CASEWORK'] });
  });

  it('names why a token is refused', async () => {
    expect(await reason(verifier.verify(undefined))).toBe('NO_TOKEN');
    expect(await reason(verifier.verify('Basic abc'))).toBe('MALFORMED_TOKEN');
    expect(await reason(verifier.verify('Bearer a.b.c'))).toBe('MALFORMED_TOKEN');
    const good = await signToken(cc, config);
    const [h, , s] = good.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'AUDITOR' })).toString('base64url')}.${s}`;
    expect(await reason(verifier.verify(`Bearer ${forged}`))).toBe('BAD_SIGNATURE');
    const otherKey = base([hs256Key('k1', SECRET_B)]);
    expect(await reason(verifier.verify(`Bearer ${await signToken(cc, otherKey)}`))).toBe('BAD_SIGNATURE');
    const old = await signToken(cc, config, { ttl: '1h', now: new Date(Date.now() - 2 * 3600_000) });
    expect(await reason(verifier.verify(`Bearer ${old}`))).toBe('EXPIRED');
    expect(await reason(verifier.verify(`Bearer ${await signToken(cc, { ...config, issuer: 'evil' })}`))).toBe('WRONG_ISSUER');
    expect(await reason(verifier.verify(`Bearer ${await signToken(cc, { ...config, audience: 'other' })}`))).toBe('WRONG_AUDIENCE');
    const unknownKid = base([hs256Key('k9', SECRET_A)]);
    expect(await reason(verifier.verify(`Bearer ${await signToken(cc, unknownKid)}`))).toBe('UNKNOWN_KEY');
    const future = await signToken(cc, config, { now: new Date(Date.now() + 3600_000) });
    expect(await reason(verifier.verify(`Bearer ${future}`))).toBe('NOT_YET_VALID');
  });

  it('refuses incoherent claims', async () => {
    const bad = [
      { ...cc, role: 'CUSTODY_SERGEANT' as const }, // police role in the Home Office
      { ...cc, hub: undefined }, // caseworker without hub
      { ...cc, purposes: [] },
    ];
    for (const p of bad) expect(await reason(verifier.verify(`Bearer ${await signToken(p, config)}`))).toBe('BAD_CLAIMS');
  });

  it('rotates keys: tokens from old and new kid both verify while both are configured', async () => {
    const rotated = base([hs256Key('k2', SECRET_B), hs256Key('k1', SECRET_A)]);
    const v = createTokenVerifier(rotated);
    await expect(v.verify(`Bearer ${await signToken(cc, config)}`)).resolves.toMatchObject({ userId: cc.userId });
    await expect(v.verify(`Bearer ${await signToken(cc, rotated)}`)).resolves.toMatchObject({ userId: cc.userId });
    const retired = createTokenVerifier(base([hs256Key('k2', SECRET_B)]));
    expect(await reason(retired.verify(`Bearer ${await signToken(cc, config)}`))).toBe('UNKNOWN_KEY');
  });

  it.each(['RS256', 'ES256'] as const)('verifies %s tokens from a JWKS of public keys, refusing alg confusion', async (alg) => {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: `${alg}-1`, alg };
    const keys = await parsePublicJwks(JSON.stringify({ keys: [jwk] }));
    const v = createTokenVerifier(base([...keys, hs256Key('hs', SECRET_A)], 'hs'));
    const token = await new SignJWT({ name: 'X', role: 'AUDITOR', org: 'HOME_OFFICE', purposes: ['AUDIT'] })
      .setProtectedHeader({ alg, kid: `${alg}-1` }).setSubject('u1').setIssuer('test-issuer').setAudience('pcv-gateway').setIssuedAt().setExpirationTime('1h')
      .sign(privateKey);
    await expect(v.verify(`Bearer ${token}`)).resolves.toMatchObject({ userId: 'u1', role: 'AUDITOR' });
    const confused = await new SignJWT({ role: 'AUDITOR', org: 'HOME_OFFICE', purposes: ['AUDIT'] })
      .setProtectedHeader({ alg: 'HS256', kid: `${alg}-1` }).setSubject('u1').setIssuer('test-issuer').setAudience('pcv-gateway').setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET_A));
    expect(await reason(v.verify(`Bearer ${confused}`))).toBe('ALGORITHM_NOT_ALLOWED');
    await expect(parsePublicJwks(JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: 'p', alg }] }))).rejects.toThrow(/private/);
  });
});

describe('configuration', () => {
  it('uses the development key only outside production', async () => {
    expect((await loadAuthConfig({})).usingDevelopmentKey).toBe(true);
    await expect(loadAuthConfig({ NODE_ENV: 'production' })).rejects.toThrow(/AUTH_HS256_KEYS/);
    const c = await loadAuthConfig({ AUTH_HS256_KEYS: `new=${SECRET_B},old=${SECRET_A}`, AUTH_SIGNING_KEY: 'new', NODE_ENV: 'production' });
    expect(c.keys.map((k) => k.kid)).toEqual(['new', 'old']);
    expect(c.signingKid).toBe('new');
    await expect(loadAuthConfig({ AUTH_HS256_KEYS: 'k=short' })).rejects.toThrow(/shorter than 32/);
    await expect(loadAuthConfig({ AUTH_HS256_KEYS: `a=${SECRET_A}`, AUTH_SIGNING_KEY: 'zz' })).rejects.toThrow(/AUTH_SIGNING_KEY/);
  });
});

describe('demo identities', () => {
  it('cover every role and each verifies, with every purpose open to its role', async () => {
    const config = await loadAuthConfig({});
    const v = createTokenVerifier(config);
    for (const d of DEMO_IDENTITIES) {
      const p = await v.verify(`Bearer ${await signToken(d, config)}`);
      expect(p.role).toBe(d.role);
      for (const purpose of d.purposes) expect(grantFor(d.role, purpose), `${d.id} ${purpose}`).toBeDefined();
    }
    expect(new Set(DEMO_IDENTITIES.map((d) => d.id)).size).toBe(DEMO_IDENTITIES.length);
  });

  it('authenticateRequest: token + purpose → policy context; wrong purpose → FORBIDDEN', async () => {
    const config = await loadAuthConfig({});
    const v = createTokenVerifier(config);
    const token = await signToken(cc, config);
    const h = (m: Record<string, string>) => new Map(Object.entries(m));
    const ctx = await authenticateRequest(v, h({ authorization: `Bearer ${token}`, 'x-purpose': 'IMMIGRATION_CASEWORK' }));
    expect(ctx.purpose).toBe('IMMIGRATION_CASEWORK');
    await expect(authenticateRequest(v, h({ authorization: `Bearer ${token}`, 'x-purpose': 'AUDIT' }))).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(authenticateRequest(v, h({ 'x-purpose': 'AUDIT' }))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'NO_TOKEN' } });
  });
});
