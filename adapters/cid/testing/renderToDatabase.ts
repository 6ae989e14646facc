/**
 * Test helper: render a population into a fresh CID on SQLite (a temp file) or PostgreSQL (a unique
 * schema), and give back the database URL, the truth records written, the summary and a cleanup.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { ensureSchema, openDatabase } from '../../../src/db/connect.js';
import type { Population, TruthRecord } from '../../../mocks/estate/model.js';
import { renderCid } from '../../../mocks/estate/render/cid.js';
import type { RenderSummary } from '../../../mocks/estate/render/types.js';
import { Rng } from '../../../mocks/estate/rng.js';
import { dropSchema, pgUrlWithSchema, uniqueSchema } from '../../../test/support/postgres.js';

export type Engine = 'sqlite' | 'postgres';

export interface RenderedCid {
  readonly url: string;
  readonly truth: readonly TruthRecord[];
  readonly summary: RenderSummary;
  cleanup(): Promise<void>;
}

export async function renderCidTo(engine: Engine, population: Population, seed = 1): Promise<RenderedCid> {
  let url: string;
  let dropAfter: (() => Promise<void>) | null;
  let outDir: string;
  if (engine === 'sqlite') {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-cid-'));
    url = `sqlite:${path.join(outDir, 'cid.sqlite')}`;
    dropAfter = null;
  } else {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-cid-pg-'));
    const schema = uniqueSchema('cid');
    url = pgUrlWithSchema(schema);
    dropAfter = () => dropSchema(schema);
  }
  const opened: Knex[] = [];
  const truth: TruthRecord[] = [];
  try {
    const summary = await renderCid({
      population,
      rng: new Rng(seed).fork('cid'),
      outDir,
      truth: { add: (r) => truth.push(r) },
      openSql: async (name) => {
        if (name !== 'cid') throw new Error(`renderCid asked for database "${name}"`);
        const db = openDatabase(url);
        opened.push(db);
        await ensureSchema(db, url);
        return db;
      },
    });
    return {
      url,
      truth,
      summary,
      cleanup: async () => {
        if (dropAfter) await dropAfter();
        fs.rmSync(outDir, { recursive: true, force: true });
      },
    };
  } finally {
    for (const db of opened) await db.destroy();
  }
}
