/**
 * Which better-sqlite3 build this Node.js runs. better-sqlite3 12 (a V8 ObjectWrap addon, compiled
 * here against the running Node's headers) aborts on Node 24 when the garbage collector finalises a
 * statement (`RemoveEnvironmentCleanupHook: Assertion failed: (env) != nullptr`); 13 (Node-API,
 * prebuilt) fixes that but needs Node 22 and crashes on Node 20. So both are installed — 13 under
 * the alias `better-sqlite3-napi` — and each Node.js loads the one made for it. Same API either way.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { Knex } from 'knex';

const require = createRequire(import.meta.url);

/** The package to load on a Node.js of this major version. */
export function sqliteDriverPackage(nodeMajor = Number(process.versions.node.split('.')[0])): 'better-sqlite3' | 'better-sqlite3-napi' {
  return nodeMajor >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';
}

let driver: typeof BetterSqlite3 | null = null;

/** The better-sqlite3 `Database` constructor for this Node.js. */
export function loadSqliteDriver(): typeof BetterSqlite3 {
  driver ??= require(sqliteDriverPackage()) as typeof BetterSqlite3;
  return driver;
}

const BaseClient = require('knex/lib/dialects/better-sqlite3/index.js') as typeof Knex.Client;

/** knex's better-sqlite3 client, loading the driver for this Node.js (its `driverName` stays `better-sqlite3`). */
export class SqliteClient extends BaseClient {
  _driver(): typeof BetterSqlite3 {
    return loadSqliteDriver();
  }
}
