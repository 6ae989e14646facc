/**
 * Test kit: render a population's custody databases into SQLite files (temp dir) or PostgreSQL
 * schemas (unique per call), and open them read-only for the adapter. Used by the renderer,
 * adapter and resolver tests; never by the gateway.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { renderCustody } from '../../mocks/estate/render/custody.js';
import type { RenderSummary } from '../../mocks/estate/render/types.js';
import type { Population, TruthRecord } from '../../mocks/estate/model.js';
import { Rng } from '../../mocks/estate/rng.js';
import { FORCE_CODES, type ForceCode } from '../../src/domain/common.js';
import { ensureSchema, openDatabase } from '../../src/db/connect.js';
import { dropSchema, pgUrlWithSchema, uniqueSchema } from '../../test/support/postgres.js';

export type Dialect = 'sqlite' | 'postgres';

export interface RenderedCustody {
  readonly dialect: Dialect;
  /** One SQL URL per force, as SourcesConfig.custody.databaseUrls holds them. */
  readonly urls: Readonly<Record<ForceCode, string>>;
  readonly truth: readonly TruthRecord[];
  readonly summary: RenderSummary;
  /** Open every force's database (read-only on SQLite). */
  open(): Record<ForceCode, Knex>;
  /** Open a writable handle on one force's database (for tests that plant bad data). */
  openWritable(force: ForceCode): Knex;
  cleanup(): Promise<void>;
}

const DATABASE: Record<ForceCode, string> = { MPS: 'custody_mps', WMP: 'custody_wmp', WYP: 'custody_wyp' };

export async function renderCustodyEstate(population: Population, dialect: Dialect = 'sqlite'): Promise<RenderedCustody> {
  const dir = dialect === 'sqlite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'custody-')) : null;
  const prefix = dialect === 'postgres' ? uniqueSchema('custody') : '';
  const urlOf = (name: string): string => (dir ? `sqlite:${path.join(dir, `${name}.sqlite`)}` : pgUrlWithSchema(`${prefix}_${name}`));
  const opened: Knex[] = [];
  const truth: TruthRecord[] = [];
  const summary = await renderCustody({
    population,
    rng: new Rng(population.options.seed).fork('custody'),
    outDir: dir ?? os.tmpdir(),
    truth: { add: (r) => truth.push(r) },
    async openSql(name) {
      const db = openDatabase(urlOf(name));
      opened.push(db);
      await ensureSchema(db, urlOf(name));
      return db;
    },
  });
  await Promise.all(opened.map((db) => db.destroy()));
  const urls = Object.fromEntries(FORCE_CODES.map((f) => [f, urlOf(DATABASE[f])])) as Record<ForceCode, string>;
  return {
    dialect,
    urls,
    truth,
    summary,
    open: () => Object.fromEntries(FORCE_CODES.map((f) => [f, openDatabase(urls[f], { readonly: true, poolMax: 2 })])) as Record<ForceCode, Knex>,
    openWritable: (force) => openDatabase(urls[force], { poolMax: 1 }),
    async cleanup() {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      else for (const f of FORCE_CODES) await dropSchema(`${prefix}_${DATABASE[f]}`);
    },
  };
}
