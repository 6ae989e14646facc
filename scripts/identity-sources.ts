/**
 * Opens the person-bearing sources of an estate folder (or of the gateway configuration) as
 * identity sources: CID and the custody databases read-only, Pathfinder workbooks, and PNC and
 * ACRO over HTTP (for an estate folder, through the loopback mock services started here).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { openDatabase } from '../src/db/connect.js';
import { FORCE_CODES, type ForceCode } from '../src/domain/common.js';
import type { SourcesConfig } from '../src/config/types.js';
import type { IdentitySource } from '../src/identity/personIndex.js';
import { createCidAdapter } from '../adapters/cid/adapter.js';
import { createCustodyAdapter } from '../adapters/custody/adapter.js';
import { createPathfinderAdapter } from '../adapters/pathfinder/index.js';
import { createPncAdapter } from '../adapters/pnc/adapter.js';
import { createAcroAdapter } from '../adapters/acro/adapter.js';

export interface OpenedSources {
  readonly sources: IdentitySource[];
  close(): Promise<void>;
}

/** The estate's "today" from its manifest (Pathfinder's two-digit years are read against it). */
export function estateToday(dir: string): string | undefined {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return undefined;
  const m = JSON.parse(readFileSync(path, 'utf8')) as { today?: string; options?: { today?: string } };
  return m.options?.today ?? m.today;
}

export async function openConfiguredSources(config: SourcesConfig, referenceDate?: string): Promise<OpenedSources> {
  const dbs: Knex[] = [];
  const cidDb = openDatabase(config.cid.databaseUrl, { readonly: true });
  dbs.push(cidDb);
  const custodyDbs: Partial<Record<ForceCode, Knex>> = {};
  for (const force of FORCE_CODES) {
    const url = config.custody.databaseUrls[force];
    if (!url) continue;
    const db = openDatabase(url, { readonly: true });
    dbs.push(db);
    custodyDbs[force] = db;
  }
  const cid = createCidAdapter(cidDb);
  const custody = createCustodyAdapter(custodyDbs);
  const pathfinder = createPathfinderAdapter({ dir: config.pathfinder.dir, ...(referenceDate ? { referenceDate } : {}) });
  const pnc = createPncAdapter({ url: config.pnc.url });
  const acro = createAcroAdapter({ url: config.acro.url });
  return {
    sources: [
      { name: 'cid', scanFragments: () => cid.scanFragments() },
      { name: 'custody', scanFragments: () => custody.scanFragments() },
      { name: 'pathfinder', scanFragments: () => pathfinder.scanFragments() },
      { name: 'pnc', scanFragments: () => pnc.scanFragments() },
      { name: 'acro', scanFragments: () => acro.scanFragments() },
    ],
    async close() {
      await Promise.all(dbs.map((d) => d.destroy()));
    },
  };
}

/** Sources of a generated estate folder; PNC and ACRO are served by the loopback mock services. */
export async function openEstateSources(dir: string): Promise<OpenedSources> {
  const { startMockServices } = await import('../mocks/server.js');
  const services = await startMockServices({ estateDir: dir });
  const config: SourcesConfig = {
    estateDir: dir,
    cid: { databaseUrl: `sqlite:${join(dir, 'cid.sqlite')}` },
    custody: { databaseUrls: Object.fromEntries(FORCE_CODES.map((f) => [f, `sqlite:${join(dir, `custody_${f.toLowerCase()}.sqlite`)}`])) },
    pathfinder: { dir: join(dir, 'pathfinder') },
    pnc: { url: services.pncUrl },
    acro: { url: services.acroUrl },
    dva: { url: services.dvaUrl },
  };
  const opened = await openConfiguredSources(config, estateToday(dir));
  return {
    sources: opened.sources,
    async close() {
      await opened.close();
      await services.close();
    },
  };
}
