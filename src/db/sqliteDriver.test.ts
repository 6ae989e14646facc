import { describe, expect, it } from 'vitest';
import { loadSqliteDriver, sqliteDriverPackage } from './sqliteDriver.js';
import { isBetterSqlite, openDatabase } from './connect.js';

describe('the SQLite driver for this Node.js', () => {
  it('is better-sqlite3 12 on Node 20 and the Node-API build (13) from Node 22', () => {
    expect(sqliteDriverPackage(20)).toBe('better-sqlite3');
    expect(sqliteDriverPackage(22)).toBe('better-sqlite3-napi');
    expect(sqliteDriverPackage(24)).toBe('better-sqlite3-napi');
  });

  it('loads and opens a database directly and through knex', async () => {
    const Database = loadSqliteDriver();
    const raw = new Database(':memory:');
    expect(raw.prepare('select 40 + 2 as x').get()).toEqual({ x: 42 });
    raw.close();
    const db = openDatabase('sqlite::memory:');
    try {
      expect(isBetterSqlite(db)).toBe(true);
      expect(await db.raw('select 40 + 2 as x')).toEqual([{ x: 42 }]);
    } finally {
      await db.destroy();
    }
  });
});
