/**
 * Fixed-window counters in Redis, shared by every gateway replica: one atomic script per request
 * (INCR, PEXPIRE on the first hit, PTTL). Commands fail fast when Redis is away (no offline queue,
 * a short command timeout) and a failure lets the request through: an outage of Redis must not
 * take the gateway with it. Failures are logged at most once a minute.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RateLimitDecision, RateLimitStore } from './types.js';

const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}
`;

export interface RedisStoreOptions {
  readonly url: string;
  /** Key prefix, so replicas of one deployment share counters and other deployments do not. @default 'pcv:ratelimit:' */
  readonly prefix?: string;
  /** Longest wait for one command (ms). @default 250 */
  readonly commandTimeoutMs?: number;
  readonly logger?: Logger;
}

export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;
  private readonly prefix: string;
  private lastWarning = -Infinity;

  constructor(private readonly options: RedisStoreOptions) {
    this.prefix = options.prefix ?? 'pcv:ratelimit:';
    this.redis = new Redis(options.url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 250,
      connectTimeout: 1_000,
      retryStrategy: (times) => Math.min(times * 200, 5_000),
    });
    this.redis.on('error', () => this.warn('redis error'));
  }

  /** Resolves when connected, rejects when Redis cannot be reached within `timeoutMs`. */
  async ready(timeoutMs = 1_000): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    try {
      const [count, ttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.prefix + key, String(windowMs))) as [number, number];
      return { allowed: count <= limit, limit, count, resetMs: Math.max(0, ttl) };
    } catch {
      this.warn('rate limit not applied: Redis did not answer');
      return { allowed: true, limit, count: 0, resetMs: 0 };
    }
  }

  private warn(message: string): void {
    const now = performance.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.options.logger?.warn({ component: 'ratelimit' }, message);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
