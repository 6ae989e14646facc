/**
 * Overload: per-user rate limits (in memory, and in Redis shared by replicas), per-role limits,
 * a bounded memory store, and load shedding beyond MAX_IN_FLIGHT, on a real gateway where it
 * matters (429 / 503 with retry-after, refused at once).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from '../../src/ratelimit/memoryStore.js';
import { createRateLimiter, identifyRequest } from '../../src/ratelimit/limiter.js';
import { RedisRateLimitStore } from '../../src/ratelimit/redisStore.js';
import type { IncomingMessage } from 'node:http';
import { createTestGateway, headersFor, type TestGateway } from '../support/gateway.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAvailable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 500, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
const redisUp = await redisAvailable();
if (!redisUp) console.warn(`Redis not reachable at ${REDIS_URL}: the Redis rate-limit tests are skipped`);

const config = { rateLimitRequests: 3, rateLimitWindowMs: 60_000, rateLimitByRole: { MI_ANALYST: 1 } };

describe('rate limiter in memory', () => {
  it('allows the limit per key and window, then refuses with the time left; a role may have its own limit', async () => {
    let now = 0;
    const limiter = createRateLimiter(config, new MemoryRateLimitStore({ now: () => now }));
    const alice = { key: 'auth:alice', role: null };
    for (let i = 0; i < 3; i++) expect(await limiter.check(alice)).toBeNull();
    now = 15_000;
    expect(await limiter.check(alice)).toMatchObject({ allowed: false, limit: 3, count: 4, resetMs: 45_000 });
    expect(await limiter.check({ key: 'auth:bob', role: null })).toBeNull();
    const analyst = { key: 'user:carol', role: 'MI_ANALYST' };
    expect(await limiter.check(analyst)).toBeNull();
    expect(await limiter.check(analyst)).toMatchObject({ allowed: false, limit: 1 });
    now = 60_001;
    expect(await limiter.check(alice)).toBeNull();
  });

  it('keeps memory bounded under any number of keys', async () => {
    const store = new MemoryRateLimitStore({ maxKeys: 1_000 });
    for (let i = 0; i < 20_000; i++) await store.hit(`k${i}`, 10, 60_000);
    expect(store.size()).toBeLessThanOrEqual(1_000);
  });

  it('keys a request by its principal, else a hash of its token, else its address (never the raw values)', async () => {
    const req = (headers: Record<string, string>) => ({ headers, socket: { remoteAddress: '10.1.2.3' } }) as unknown as IncomingMessage;
    const byToken = await identifyRequest(req({ authorization: 'Bearer secret-token' }));
    expect(byToken.key).toMatch(/^auth:[0-9a-f]{32}$/);
    expect(byToken.key).not.toContain('secret');
    expect((await identifyRequest(req({}))).key).toMatch(/^addr:[0-9a-f]{32}$/);
    const byUser = await identifyRequest(req({ authorization: 'Bearer x' }), async () => ({ userId: 'u-1', role: 'MI_ANALYST' }));
    expect(byUser.key).not.toContain('u-1');
    const invalid = await identifyRequest(req({ authorization: 'Bearer x' }), async () => {
      throw new Error('bad token');
    });
    expect(invalid).toMatchObject({ key: expect.stringMatching(/^auth:/), role: null });
    expect(byUser).toMatchObject({ key: expect.stringMatching(/^user:/), role: 'MI_ANALYST' });
  });
});

describe.skipIf(!redisUp)('rate limiter in Redis (shared by replicas)', () => {
  const prefix = `pcv:test:${process.pid}:${Date.now()}:`;
  let a: RedisRateLimitStore;
  let b: RedisRateLimitStore;
  beforeAll(async () => {
    a = new RedisRateLimitStore({ url: REDIS_URL, prefix });
    b = new RedisRateLimitStore({ url: REDIS_URL, prefix });
    await Promise.all([a.ready(), b.ready()]);
  });
  afterAll(async () => {
    const cleaner = new Redis(REDIS_URL);
    const keys = await cleaner.keys(`${prefix}*`);
    if (keys.length > 0) await cleaner.del(...keys);
    cleaner.disconnect();
    await a?.close();
    await b?.close();
  });

  it('counts one user\'s requests across two replicas and refuses the one over the limit with the time left', async () => {
    const replicaA = createRateLimiter(config, a);
    const replicaB = createRateLimiter(config, b);
    const who = { key: 'auth:shared', role: null };
    expect(await replicaA.check(who)).toBeNull();
    expect(await replicaB.check(who)).toBeNull();
    expect(await replicaA.check(who)).toBeNull();
    const refused = await replicaB.check(who);
    expect(refused).toMatchObject({ allowed: false, limit: 3, count: 4 });
    expect(refused!.resetMs).toBeGreaterThan(50_000);
    expect(refused!.resetMs).toBeLessThanOrEqual(60_000);
  });

  it('lets requests through when Redis does not answer (fails open)', async () => {
    const away = new RedisRateLimitStore({ url: 'redis://127.0.0.1:1', prefix });
    const decision = await away.hit('k', 1, 1_000);
    expect(decision.allowed).toBe(true);
    await away.close();
  });
});

describe('on a running gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await createTestGateway({ env: { RATE_LIMIT_REQUESTS: '4', RATE_LIMIT_WINDOW_MS: '60000', RATE_LIMIT_ROLES: 'MI_ANALYST=2', MAX_IN_FLIGHT: '2' } });
  }, 120_000);
  afterAll(() => gw?.close());

  it('refuses a user over the rate limit with 429, retry-after and the limit, while another user carries on', async () => {
    const user = await headersFor('cc-liverpool');
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestGateway['request']>> | null = null;
    for (let i = 0; i < 5; i++) {
      last = await gw.request('{ sources { name } }', undefined, user);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 4, measured: 5, retryAfterSeconds: Number(last!.headers.get('retry-after')) });
    expect(last!.body.errors?.[0]?.message).toMatch(/Rate limit of 4 requests per 60 s/);
    const other = await gw.request('{ sources { name } }', undefined, await headersFor('cc-leeds'));
    expect(other.status).toBe(200);
  });

  it('gives a role its own limit, keyed by the verified principal', async () => {
    const analyst = await headersFor('mi-analyst');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await gw.request('{ sources { name } }', undefined, analyst)).status);
    expect(statuses).toEqual([200, 200, 429]);
    // A new token for the same user shares the user's counter.
    const again = await gw.request('{ sources { name } }', undefined, await headersFor('mi-analyst'));
    expect(again.status).toBe(429);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 2 });
  });

  it('sheds load beyond MAX_IN_FLIGHT at once (503 OVERLOADED) instead of queueing', async () => {
    await gw.mocks.faults.set('pnc', { latencyMs: 1_000 });
    try {
      const slow = (who: string) => headersFor(who).then((h) => gw.request('{ sources { name reachable } }', undefined, h));
      const inFlight = [slow('ccu-handler'), slow('joc-io')];
      await new Promise((r) => setTimeout(r, 150));
      const started = performance.now();
      const shed = await gw.request('{ sources { name } }', undefined, await headersFor('auditor'));
      expect(performance.now() - started).toBeLessThan(300);
      expect(shed.status).toBe(503);
      expect(shed.headers.get('retry-after')).toBe('1');
      expect(shed.body.errors?.[0]?.extensions).toMatchObject({ code: 'OVERLOADED', limit: 2, measured: 3 });
      const done = await Promise.all(inFlight);
      expect(done.map((r) => r.status)).toEqual([200, 200]);
      const after = await gw.request('{ sources { name } }', undefined, await headersFor('auditor'));
      expect(after.status).toBe(200);
    } finally {
      gw.mocks.faults.reset();
    }
  });
});
