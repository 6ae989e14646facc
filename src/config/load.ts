/**
 * Builds the GatewayConfig from environment variables (and an optional `.env`), collecting every
 * problem instead of stopping at the first: one line per problem naming the variable, what is
 * wrong and a valid example. Pure apart from `loadDotEnv`; start-up checks that touch databases and
 * folders live in check.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseSqlUrl } from '../db/connect.js';
import { FORCE_CODES } from '../domain/common.js';
import { LOG_LEVELS, type GatewayConfig, type LogLevel, type ServiceUrls } from './types.js';
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
    },
  };
}
