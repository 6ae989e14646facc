/**
 * Builds the GatewayConfig from environment variables (and an optional `.env`), collecting every
 * problem instead of stopping at the first: one line per problem naming the variable, what is
 * wrong and a valid example. Pure apart from `loadDotEnv`; start-up checks that touch databases and
 * folders live in check.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseSqlUrl } from '../db/connect.js';
import { isRole } from '../auth/principal.js';
import { FORCE_CODES, SOURCE_NAMES, type SourceName } from '../domain/common.js';
import {
  LOG_LEVELS,
  type GatewayConfig,
  type HardeningConfig,
  type LogLevel,
  type ServiceUrls,
  type SourceResilienceConfig,
} from './types.js';
import { exampleOf } from './variables.js';

/** One thing wrong with the configuration. */
export interface ConfigProblem {
  readonly variable: string;
  readonly problem: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: GatewayConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** The one-line form printed at start: `PORT: "abc" is not a whole number; example: PORT=4000`. */
export function formatProblem(p: ConfigProblem): string {
  return `configuration error: ${p.variable}: ${p.problem}; example: ${exampleOf(p.variable)}`;
}

/**
 * Loads `.env` from `path` into process.env when the file exists. Variables already set in the
 * environment win over the file.
 */
export function loadDotEnv(path = '.env'): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}

type Env = Readonly<Record<string, string | undefined>>;

class Reader {
  readonly problems: ConfigProblem[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    if (v === undefined) return undefined;
    const t = v.trim();
    return t === '' ? undefined : t;
  }

  fail(variable: string, problem: string): void {
    this.problems.push({ variable, problem });
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v)) {
      this.fail(name, `"${v}" is not a whole number`);
      return fallback;
    }
    const n = Number(v);
    if (n < min || n > max) {
      this.fail(name, `${n} is out of range (${min} to ${max})`);
      return fallback;
    }
    return n;
  }

  boolean(name: string, fallback: boolean): boolean {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const lower = v.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(lower)) return true;
    if (['false', '0', 'no', 'off'].includes(lower)) return false;
    this.fail(name, `"${v}" is not true or false`);
    return fallback;
  }

  sqlUrl(name: string, fallback: string): string {
    const v = this.raw(name) ?? fallback;
    try {
      parseSqlUrl(v);
    } catch {
      this.fail(name, `"${redactUrl(v)}" is not a database URL (sqlite:<file> or postgres://user@host:port/db?schema=name)`);
    }
    return v;
  }

  httpUrl(name: string): string | null {
    const v = this.raw(name);
    if (v === undefined) return null;
    let parsed: URL;
    try {
      parsed = new URL(v);
    } catch {
      this.fail(name, `"${redactUrl(v)}" is not a URL`);
      return null;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      this.fail(name, `"${redactUrl(v)}" is not an http(s) URL`);
      return null;
    }
    return v.replace(/\/+$/, '');
  }
}

/** Hides the password of a URL before it is printed. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) {
      u.password = '***';
      return u.toString();
    }
  } catch {
    // not a URL: print as given
  }
  return url;
}

export function loadConfig(env: Env = process.env): ConfigResult {
  const r = new Reader(env);

  const host = r.string('HOST', '127.0.0.1');
  if (/\s/.test(host)) r.fail('HOST', `"${host}" contains spaces`);
  const port = r.integer('PORT', 4000, 0, 65535);

  const levelRaw = r.string('LOG_LEVEL', 'info').toLowerCase();
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(levelRaw)) logLevel = levelRaw as LogLevel;
  else r.fail('LOG_LEVEL', `"${levelRaw}" is not one of ${LOG_LEVELS.join(', ')}`);

  const nodeEnv = r.string('NODE_ENV', 'development');
  const estateDir = r.string('ESTATE_DIR', '.estate');
  const seed = r.integer('ESTATE_SEED', 42, 0, 2 ** 31 - 1);
  const persons = r.integer('ESTATE_PERSONS', 5000, 1, 1_000_000);

  const cid = r.sqlUrl('CID_DATABASE_URL', `sqlite:${join(estateDir, 'cid.sqlite')}`);
  const custody: Record<string, string> = {};
  for (const force of FORCE_CODES) {
    const lower = force.toLowerCase();
    custody[force] = r.sqlUrl(`CUSTODY_${force}_DATABASE_URL`, `sqlite:${join(estateDir, `custody_${lower}.sqlite`)}`);
  }
  const pathfinderDir = r.string('PATHFINDER_DIR', join(estateDir, 'pathfinder'));

  const services: ServiceUrls = {
    pnc: r.httpUrl('PNC_URL'),
    acro: r.httpUrl('ACRO_URL'),
    dva: r.httpUrl('DVA_URL'),
  };
  const mockServicesPort = r.integer('MOCK_SERVICES_PORT', 0, 0, 65535);
  const gatewayDatabaseUrl = r.sqlUrl('GATEWAY_DATABASE_URL', 'sqlite:.data/gateway.sqlite');

  const playground = r.boolean('PLAYGROUND', nodeEnv !== 'production');
  const introspection = r.boolean('INTROSPECTION', playground);
  if (playground && !introspection) {
    r.fail('INTROSPECTION', 'is false but PLAYGROUND is true, and the playground needs introspection (set PLAYGROUND=false too)');
  }
  const shutdownGraceMs = r.integer('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000);
  const todayRaw = r.raw('GATEWAY_TODAY');
  let today: string | null = null;
  if (todayRaw !== undefined && todayRaw !== '') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(todayRaw) && !Number.isNaN(Date.parse(`${todayRaw}T00:00:00Z`))) today = todayRaw;
    else r.fail('GATEWAY_TODAY', `"${todayRaw}" is not a date YYYY-MM-DD`);
  }
  const hardening = readHardening(r);

  if (r.problems.length > 0) return { ok: false, problems: r.problems };
  return {
    ok: true,
    config: {
      host,
      port,
      logLevel,
      nodeEnv,
      estate: { dir: estateDir, seed, persons },
      databases: { cid, custody },
      pathfinderDir,
      services,
      mockServicesPort,
      gatewayDatabaseUrl,
      playground,
      introspection,
      shutdownGraceMs,
      today,
      hardening,
    },
  };
}

/** `MI_ANALYST=60,AUDITOR=120` → { MI_ANALYST: 60, AUDITOR: 120 }; unknown roles are problems. */
function readRoleLimits(r: Reader): Record<string, number> {
  const raw = r.raw('RATE_LIMIT_ROLES');
  const out: Record<string, number> = {};
  if (raw === undefined) return out;
  for (const part of raw.split(',')) {
    const m = /^\s*([A-Z_]+)\s*=\s*(\d+)\s*$/.exec(part);
    if (!m) {
      r.fail('RATE_LIMIT_ROLES', `"${part.trim()}" is not ROLE=count`);
      continue;
    }
    const [, role, count] = m as unknown as [string, string, string];
    if (!isRole(role)) r.fail('RATE_LIMIT_ROLES', `"${role}" is not a known role`);
    else out[role] = Number(count);
  }
  return out;
}

function readHardening(r: Reader): HardeningConfig {
  const limits = {
    maxBodyBytes: r.integer('MAX_BODY_BYTES', 102_400, 1_024, 50_000_000),
    maxQueryBytes: r.integer('MAX_QUERY_BYTES', 16_384, 256, 10_000_000),
    maxTokens: r.integer('MAX_TOKENS', 2_000, 10, 1_000_000),
    maxDepth: r.integer('MAX_DEPTH', 12, 1, 1_000),
    maxAliases: r.integer('MAX_ALIASES', 15, 0, 10_000),
    maxDirectives: r.integer('MAX_DIRECTIVES', 10, 0, 10_000),
    maxFragments: r.integer('MAX_FRAGMENTS', 20, 0, 10_000),
    maxIntrospectionLists: r.integer('MAX_INTROSPECTION_LISTS', 3, 0, 100),
    maxBatchOperations: r.integer('MAX_BATCH_OPERATIONS', 5, 1, 1_000),
    maxCost: r.integer('MAX_COST', 20_000, 1, 1_000_000_000),
    defaultListSize: r.integer('COST_DEFAULT_LIST_SIZE', 10, 1, 10_000),
  };
  const base: SourceResilienceConfig = {
    timeoutMs: r.integer('SOURCE_TIMEOUT_MS', 3_000, 10, 600_000),
    retries: r.integer('SOURCE_RETRIES', 2, 0, 10),
    retryBaseMs: r.integer('SOURCE_RETRY_BASE_MS', 50, 1, 60_000),
    breakerFailures: r.integer('SOURCE_BREAKER_FAILURES', 5, 1, 10_000),
    breakerHalfOpenMs: r.integer('SOURCE_BREAKER_HALF_OPEN_MS', 10_000, 10, 3_600_000),
    concurrency: r.integer('SOURCE_CONCURRENCY', 16, 1, 10_000),
  };
  const resilience = {} as Record<SourceName, SourceResilienceConfig>;
  for (const source of SOURCE_NAMES) {
    const prefix = source.toUpperCase();
    resilience[source] = {
      ...base,
      timeoutMs: r.integer(`${prefix}_TIMEOUT_MS`, base.timeoutMs, 10, 600_000),
      retries: r.integer(`${prefix}_RETRIES`, base.retries, 0, 10),
      concurrency: r.integer(`${prefix}_CONCURRENCY`, base.concurrency, 1, 10_000),
    };
  }
  const redisRaw = r.raw('REDIS_URL');
  let redisUrl: string | null = null;
  if (redisRaw !== undefined) {
    try {
      const u = new URL(redisRaw);
      if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') r.fail('REDIS_URL', `"${redactUrl(redisRaw)}" is not a redis:// URL`);
      else redisUrl = redisRaw;
    } catch {
      r.fail('REDIS_URL', `"${redactUrl(redisRaw)}" is not a URL`);
    }
  }
  const overload = {
    rateLimitRequests: r.integer('RATE_LIMIT_REQUESTS', 600, 0, 100_000_000),
    rateLimitWindowMs: r.integer('RATE_LIMIT_WINDOW_MS', 60_000, 100, 86_400_000),
    rateLimitByRole: readRoleLimits(r),
    redisUrl,
    maxInFlight: r.integer('MAX_IN_FLIGHT', 64, 1, 100_000),
  };
  return { limits, resilience, overload };
}
