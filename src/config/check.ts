/**
 * Start-up checks that need the outside world: every SQL database answers, the Pathfinder folder is
 * a readable folder, and the gateway's own store can be opened (created when it is a new SQLite
 * file). Each failure is one ConfigProblem naming the variable; nothing throws.
 */
import { constants, mkdirSync, statSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import pg from 'pg';
import { openDatabase, parseSqlUrl } from '../db/connect.js';
import { FORCE_CODES } from '../domain/common.js';
import type { ConfigProblem } from './load.js';
import { redactUrl } from './load.js';
import type { GatewayConfig } from './types.js';

const CHECK_TIMEOUT_MS = 5_000;

function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = (typeof e.message === 'string' ? e.message.split('\n')[0] : undefined) ?? String(error);
  return typeof e.code === 'string' && !message.includes(e.code) ? `${e.code} ${message}` : message;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves to null when the database answers `select 1`, else to the reason it did not. */
export async function probeDatabase(url: string, options: { readonly readonly: boolean }): Promise<string | null> {
  const target = parseSqlUrl(url);
  if (target.dialect === 'sqlite' && target.location !== ':memory:') {
    if (options.readonly) {
      try {
        const st = statSync(target.location);
        if (!st.isFile()) return `${target.location} is not a file`;
      } catch {
        return `file ${target.location} does not exist`;
      }
    } else {
      mkdirSync(dirname(target.location), { recursive: true });
    }
  }
  if (target.dialect === 'postgres') return probePostgres(target.location, target.schema, options.readonly);
  const db = openDatabase(url, { readonly: options.readonly, poolMax: 1 });
  try {
    await withTimeout(db.raw('select 1'), CHECK_TIMEOUT_MS, 'the database');
    return null;
  } catch (error) {
    return reasonOf(error);
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

/**
 * PostgreSQL is probed with a bare client (knex would print its own connection errors with a stack
 * trace): connect, then check the schema exists (a source's) or create it (the gateway's store).
 */
async function probePostgres(location: string, schema: string | null, readonly: boolean): Promise<string | null> {
  const client = new pg.Client({ connectionString: location, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    if (schema) {
      if (readonly) {
        const found = await client.query('select 1 from information_schema.schemata where schema_name = $1', [schema]);
        if (found.rowCount === 0) return `schema "${schema}" does not exist`;
      } else {
        await client.query(`create schema if not exists "${schema.replace(/"/g, '""')}"`);
      }
    }
    await client.query('select 1');
    return null;
  } catch (error) {
    return reasonOf(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Resolves to null when `dir` is a readable folder, else to the reason. */
export async function probeFolder(dir: string): Promise<string | null> {
  try {
    const st = statSync(dir);
    if (!st.isDirectory()) return `${dir} is not a folder`;
    await access(dir, constants.R_OK | constants.X_OK);
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return `folder ${dir} does not exist`;
    if (code === 'EACCES') return `folder ${dir} is not readable`;
    return reasonOf(error);
  }
}

/** Runs every start-up check in parallel and returns the problems found (empty when all pass). */
export async function checkStartup(config: GatewayConfig): Promise<ConfigProblem[]> {
  const checks: Array<Promise<ConfigProblem | null>> = [];
  const db = (variable: string, url: string, readonly: boolean) =>
    checks.push(
      probeDatabase(url, { readonly }).then((reason) =>
        reason ? { variable, problem: `cannot open database ${redactUrl(url)}: ${reason}` } : null,
      ),
    );
  db('CID_DATABASE_URL', config.databases.cid, true);
  for (const force of FORCE_CODES) {
    const url = config.databases.custody[force];
    if (url) db(`CUSTODY_${force}_DATABASE_URL`, url, true);
  }
  db('GATEWAY_DATABASE_URL', config.gatewayDatabaseUrl, false);
  checks.push(
    probeFolder(config.pathfinderDir).then((reason) =>
      reason ? { variable: 'PATHFINDER_DIR', problem: `cannot read the spreadsheet folder: ${reason}` } : null,
    ),
  );
  const results = await Promise.all(checks);
  return results.filter((p): p is ConfigProblem => p !== null);
}
