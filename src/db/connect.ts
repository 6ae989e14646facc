/**
 * One way to open a SQL database from a URL, used by the estate generator, the SQL adapters and
 * the gateway's own store. The embedded default is SQLite; PostgreSQL is configuration only.
 *
 *   sqlite:<path>                     SQLite file (relative paths resolve from the working directory)
 *   sqlite::memory:                   in-memory SQLite (tests)
 *   postgres://user@host:5432/db?schema=cid   PostgreSQL; `schema` sets the search path
 */
import knexFactory, { type Knex } from 'knex';
import { resolve } from 'node:path';
import { SqliteClient } from './sqliteDriver.js';

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlTarget {
  readonly dialect: SqlDialect;
  /** SQLite file path, or the PostgreSQL URL without the schema parameter. */
  readonly location: string;
  /** PostgreSQL schema (search path), if any. */
  readonly schema: string | null;
}

export function parseSqlUrl(url: string): SqlTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new Error(`SQL URL "${url}" names no file; example: sqlite:.estate/cid.sqlite`);
    return { dialect: 'sqlite', location: path === ':memory:' ? path : resolve(path), schema: null };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`SQL URL "${url}" is not a valid URL; example: postgres://postgres@127.0.0.1:5432/test?schema=cid`);
    }
    const schema = parsed.searchParams.get('schema');
    parsed.searchParams.delete('schema');
    return { dialect: 'postgres', location: parsed.toString(), schema };
  }
  throw new Error(`SQL URL "${url}" has an unknown scheme; use sqlite:<file> or postgres://...`);
}

export interface OpenOptions {
  /** Open SQLite read-only (adapters reading an estate). Ignored for PostgreSQL. */
  readonly readonly?: boolean;
  /** Pool size for PostgreSQL. */
  readonly poolMax?: number;
}

export function openDatabase(url: string, options: OpenOptions = {}): Knex {
  const target = parseSqlUrl(url);
  if (target.dialect === 'sqlite') {
    return knexFactory({
      client: SqliteClient,
      connection: { filename: target.location, options: { readonly: options.readonly ?? false } },
      useNullAsDefault: true,
    });
  }
  return knexFactory({
    client: 'pg',
    connection: target.location,
    searchPath: target.schema ? [target.schema] : undefined,
    pool: { min: 0, max: options.poolMax ?? 10 },
  });
}

/** Create the PostgreSQL schema named in the URL if it does not exist (no-op on SQLite). */
export async function ensureSchema(db: Knex, url: string): Promise<void> {
  const target = parseSqlUrl(url);
  if (target.dialect === 'postgres' && target.schema) {
    await db.raw('CREATE SCHEMA IF NOT EXISTS ??', [target.schema]);
  }
}

/** COUNT/SUM come back as strings from pg and numbers from SQLite: read them the same way. */
/** The connection is SQLite through better-sqlite3 (whichever build `sqliteDriver.ts` loaded). */
export function isBetterSqlite(db: Knex | Knex.Transaction): boolean {
  return (db.client as { driverName?: string }).driverName === 'better-sqlite3';
}

export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return Number(value);
  return 0;
}
