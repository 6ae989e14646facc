import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.js';
import { checkStartup, probeDatabase, probeFolder } from './check.js';
import { loadConfig } from './load.js';
import { dropSchema, pgStatus, pgUrlWithSchema, uniqueSchema } from '../../test/support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'pcv-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sqliteFile(name: string): Promise<string> {
  const url = `sqlite:${join(dir, name)}`;
  const db = openDatabase(url);
  await db.raw('create table if not exists t (x int)');
  await db.destroy();
  return url;
}

describe('start-up checks', () => {
  it('accepts an existing SQLite file and a readable folder', async () => {
    expect(await probeDatabase(await sqliteFile('ok.sqlite'), { readonly: true })).toBeNull();
    expect(await probeFolder(dir)).toBeNull();
  });

  it('names a missing SQLite file, a missing folder and a file given as a folder', async () => {
    expect(await probeDatabase(`sqlite:${join(dir, 'nope.sqlite')}`, { readonly: true })).toMatch(/does not exist/);
    expect(await probeFolder(join(dir, 'missing'))).toMatch(/does not exist/);
    writeFileSync(join(dir, 'plain.txt'), 'x');
    expect(await probeFolder(join(dir, 'plain.txt'))).toMatch(/is not a folder/);
  });

  it.skipIf(process.getuid?.() === 0)('names an unreadable folder', async () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    expect(await probeFolder(locked)).toMatch(/not readable/);
    chmodSync(locked, 0o755);
  });

  it('reports an unreachable PostgreSQL quickly', async () => {
    const reason = await probeDatabase('postgres://postgres@127.0.0.1:1/test?schema=cid', { readonly: true });
    expect(reason).toMatch(/ECONNREFUSED/);
  });

  it('creates the gateway store folder for a new SQLite file', async () => {
    expect(await probeDatabase(`sqlite:${join(dir, 'new', 'deeper', 'gateway.sqlite')}`, { readonly: false })).toBeNull();
  });

  it('returns one problem per failing variable', async () => {
    const cid = await sqliteFile('cid.sqlite');
    const loaded = loadConfig({
      ESTATE_DIR: dir,
      CID_DATABASE_URL: cid,
      CUSTODY_MPS_DATABASE_URL: cid,
      CUSTODY_WMP_DATABASE_URL: cid,
      CUSTODY_WYP_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test?schema=custody_wyp',
      PATHFINDER_DIR: join(dir, 'no-pathfinder'),
      GATEWAY_DATABASE_URL: `sqlite:${join(dir, 'gw.sqlite')}`,
    });
    if (!loaded.ok) throw new Error('config should load');
    const problems = await checkStartup(loaded.config);
    expect(problems.map((p) => p.variable).sort()).toEqual(['CUSTODY_WYP_DATABASE_URL', 'PATHFINDER_DIR']);
    expect(problems.find((p) => p.variable === 'PATHFINDER_DIR')?.problem).toMatch(/cannot read the spreadsheet folder: folder .* does not exist/);
  });
});

describe.skipIf(!pgStatus.available)('start-up checks on PostgreSQL', () => {
  const schema = uniqueSchema('check');
  afterAll(() => dropSchema(schema));

  it('names a missing source schema and creates the gateway store schema', async () => {
    expect(await probeDatabase(pgUrlWithSchema(schema), { readonly: true })).toBe(`schema "${schema}" does not exist`);
    expect(await probeDatabase(pgUrlWithSchema(schema), { readonly: false })).toBeNull();
    expect(await probeDatabase(pgUrlWithSchema(schema), { readonly: true })).toBeNull();
  });
});
