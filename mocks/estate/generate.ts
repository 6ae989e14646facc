/**
 * Generates a whole synthetic estate: the ground-truth population, every legacy source rendered
 * from it, the truth files and `manifest.json`. Same options → byte-identical files (the manifest
 * holds no timestamps).
 *
 * Atomic: everything is written into a temporary folder beside `outDir` and renamed into place
 * at the end, so a failed run never leaves a half-written estate and an existing estate is only
 * replaced on success. With PostgreSQL, each source is rendered into a staging schema
 * (`<name>__staging`) and swapped for schema `<name>` in one transaction at the end.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Knex } from 'knex';
import { ensureSchema, openDatabase, parseSqlUrl } from '../../src/db/connect.js';
import { isEea } from '../../src/domain/nationality.js';
import type { EstateOptions, NoiseOptions, Population } from './model.js';
import { DEFAULT_NOISE, scaleNoise } from './noise.js';
import { generatePopulation, validateEstateOptions } from './population.js';
import { Rng } from './rng.js';
import type { RenderContext, Renderer } from './render/types.js';
import { TruthCollector, writeTruth } from './truth.js';

/** Bumped whenever the same seed would give a different estate. */
export const GENERATOR_VERSION = '1.2.0';
export const MANIFEST_FILE = 'manifest.json';
export const DEFAULT_SEED = 42;
export const DEFAULT_PERSONS = 5000;
/** Inside the inspection period of the seeds (fieldwork 2016–2017). */
export const DEFAULT_TODAY = '2017-03-01';

export interface GenerateEstateOptions {
  readonly seed?: number;
  readonly persons?: number;
  readonly outDir: string;
  /** Load SQL sources into schemas of this PostgreSQL database instead of SQLite files. */
  readonly postgresUrl?: string;
  readonly today?: string;
  /** Noise knobs to override (applied after `noiseScale`). */
  readonly noise?: Partial<NoiseOptions>;
  /** Multiply every default noise probability (capped at 0.9); 2 = doubled noise. */
  readonly noiseScale?: number;
  /** Renderers to run; default: every source (render/index.ts). */
  readonly renderers?: readonly Renderer[];
  /** One line per step (no personal data). */
  readonly log?: (line: string) => void;
  /** Alias of `log`. */
  readonly onProgress?: (line: string) => void;
}

export interface EstateManifest {
  readonly generator: 'pcv-gateway synthetic estate';
  readonly version: string;
  readonly seed: number;
  readonly persons: number;
  readonly today: string;
  readonly noise: NoiseOptions;
  readonly sql: 'sqlite' | 'postgres';
  /** Ground-truth figures of the population (not read from any source). */
  readonly population: Readonly<Record<string, number>>;
  /** Counts per source (by table / sheet / file), as each renderer reported them. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly truth: { readonly records: number; readonly persons: number };
}

/** True when `dir` holds a finished estate (its manifest is written last). */
export function estateExists(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_FILE));
}

export function readManifest(dir: string): EstateManifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as EstateManifest;
}

/** The noise an estate uses: defaults, scaled, then explicit overrides (each checked). */
export function resolveNoise(noise: Partial<NoiseOptions> = {}, noiseScale = 1): NoiseOptions {
  if (!(noiseScale >= 0) || !Number.isFinite(noiseScale)) throw new Error(`noise scale must be a number of 0 or more, got ${noiseScale}`);
  const known = new Set(Object.keys(DEFAULT_NOISE));
  for (const [k, v] of Object.entries(noise)) {
    if (!known.has(k)) throw new Error(`unknown noise knob "${k}"; known: ${[...known].join(', ')}`);
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`noise ${k} must be a probability between 0 and 1, got ${v}`);
  }
  return { ...scaleNoise(DEFAULT_NOISE, noiseScale), ...noise };
}

const SQL_NAME = /^[a-z][a-z0-9_]{0,40}$/;

function rendererName(r: Renderer, i: number): string {
  return r.name && r.name !== 'anonymous' ? r.name : `renderer${i + 1}`;
}

async function defaultRenderers(): Promise<readonly Renderer[]> {
  const mod = (await import('./render/index.js')) as { RENDERERS: readonly Renderer[] };
  return mod.RENDERERS;
}

function populationFigures(p: Population): Record<string, number> {
  let british = 0, eea = 0, cid = 0, criminal = 0, arrests = 0, inCustody = 0, twins = 0, namesakes = 0;
  for (const person of p.persons) {
    if (person.nationality === 'GBR') british++;
    else if (isEea(person.nationality)) eea++;
    if (person.cases.length > 0) cid++;
    for (const c of person.cases) if (c.type === 'CRIMINAL') criminal++;
    arrests += person.arrests.length;
    for (const a of person.arrests) if (a.releasedAt == null) inCustody++;
    if (person.resembles?.kind === 'TWIN') twins++;
    if (person.resembles?.kind === 'NAMESAKE') namesakes++;
  }
  return { persons: p.persons.length, british, eea, nonEea: p.persons.length - british - eea, withCidCases: cid, criminalCases: criminal, arrests, inCustodyNow: inCustody, twins, namesakes };
}

export async function generateEstate(opts: GenerateEstateOptions): Promise<EstateManifest> {
  const log = opts.log ?? opts.onProgress ?? (() => undefined);
  const options: EstateOptions = {
    seed: opts.seed ?? DEFAULT_SEED,
    persons: opts.persons ?? DEFAULT_PERSONS,
    today: opts.today ?? DEFAULT_TODAY,
    noise: resolveNoise(opts.noise, opts.noiseScale ?? 1),
  };
  validateEstateOptions(options);
  const outDir = resolve(opts.outDir);
  if (existsSync(outDir) && !estateExists(outDir) && readdirSync(outDir).length > 0) {
    throw new Error(`refusing to replace ${outDir}: it exists, is not empty and holds no ${MANIFEST_FILE} (not an estate)`);
  }
  const pgBase = opts.postgresUrl ? parseSqlUrl(opts.postgresUrl) : null;
  if (pgBase && pgBase.dialect !== 'postgres') throw new Error(`--postgres needs a postgres:// URL, got "${opts.postgresUrl}"`);
  const renderers = opts.renderers ?? (await defaultRenderers());
  const names = renderers.map(rendererName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`two renderers are both named "${dup}"`);

  const started = performance.now();
  const population = generatePopulation(options);
  log(`population: ${population.persons.length} persons (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const tmp = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}.tmp-`));
  chmodSync(tmp, 0o755); // mkdtemp makes it private; the estate is an ordinary folder
  const opened = new Map<string, Knex>();
  const staging: string[] = [];
  const truth = new TruthCollector();
  const counts: Record<string, Record<string, number>> = {};
  try {
    for (let i = 0; i < renderers.length; i++) {
      const name = names[i]!;
      const t0 = performance.now();
      const ctx: RenderContext = {
        population,
        rng: new Rng(options.seed).fork(`render:${name}`),
        outDir: tmp,
        truth,
        openSql: async (db: string) => {
          if (!SQL_NAME.test(db)) throw new Error(`SQL database name "${db}" must be lower case letters, digits and _`);
          const existing = opened.get(db);
          if (existing) return existing;
          const knex = pgBase ? await openStagingSchema(opts.postgresUrl!, db) : await openSqliteFile(join(tmp, `${db}.sqlite`));
          opened.set(db, knex);
          if (pgBase) staging.push(db);
          return knex;
        },
      };
      const summary = await renderers[i]!(ctx);
      const target = (counts[summary.source] ??= {});
      for (const [k, v] of Object.entries(summary.counts)) target[k] = (target[k] ?? 0) + v;
      log(`${name}: ${summary.source} ${Object.entries(summary.counts).map(([k, v]) => `${k}=${v}`).join(' ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
    await closeAll(opened);
    const truthCounts = writeTruth(tmp, population, truth);
    const manifest: EstateManifest = {
      generator: 'pcv-gateway synthetic estate',
      version: GENERATOR_VERSION,
      seed: options.seed,
      persons: options.persons,
      today: options.today,
      noise: options.noise,
      sql: pgBase ? 'postgres' : 'sqlite',
      population: populationFigures(population),
      counts: sortKeys(counts),
      truth: truthCounts,
    };
    writeFileSync(join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    if (pgBase) await swapSchemas(opts.postgresUrl!, staging);
    replaceDir(tmp, outDir);
    log(`estate written to ${outDir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return manifest;
  } catch (e) {
    await closeAll(opened).catch(() => undefined);
    if (pgBase && staging.length > 0) await dropSchemas(opts.postgresUrl!, staging.map(stagingName)).catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

function sortKeys(counts: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const source of Object.keys(counts).sort()) {
    const inner: Record<string, number> = {};
    for (const k of Object.keys(counts[source]!).sort()) inner[k] = counts[source]![k]!;
    out[source] = inner;
  }
  return out;
}

async function closeAll(opened: Map<string, Knex>): Promise<void> {
  const all = [...opened.values()];
  opened.clear();
  await Promise.all(all.map((k) => k.destroy()));
}

async function openSqliteFile(file: string): Promise<Knex> {
  rmSync(file, { force: true });
  const knex = openDatabase(`sqlite:${file}`);
  // A generated file can be rebuilt: trade durability for speed while writing it.
  await knex.raw('PRAGMA journal_mode = MEMORY');
  await knex.raw('PRAGMA synchronous = OFF');
  return knex;
}

function stagingName(db: string): string {
  return `${db}__staging`;
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

function withoutSchema(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('schema');
  return u.toString();
}

async function openStagingSchema(postgresUrl: string, db: string): Promise<Knex> {
  const url = withSchema(postgresUrl, stagingName(db));
  const knex = openDatabase(url, { poolMax: 4 });
  await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [stagingName(db)]);
  await ensureSchema(knex, url);
  return knex;
}

async function dropSchemas(postgresUrl: string, schemas: readonly string[]): Promise<void> {
  const admin = openDatabase(withoutSchema(postgresUrl), { poolMax: 1 });
  try {
    for (const s of schemas) await admin.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [s]);
  } finally {
    await admin.destroy();
  }
}

/** Replace each schema with its staging copy in one transaction. */
async function swapSchemas(postgresUrl: string, dbs: readonly string[]): Promise<void> {
  const admin = openDatabase(withoutSchema(postgresUrl), { poolMax: 1 });
  try {
    await admin.transaction(async (trx) => {
      for (const db of dbs) {
        await trx.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [db]);
        await trx.raw('ALTER SCHEMA ?? RENAME TO ??', [stagingName(db), db]);
      }
    });
  } finally {
    await admin.destroy();
  }
}

/** Move the finished temporary folder into place, replacing an old estate only now. */
function replaceDir(tmp: string, outDir: string): void {
  if (!existsSync(outDir)) {
    renameSync(tmp, outDir);
    return;
  }
  const old = `${tmp}.old`;
  renameSync(outDir, old);
  try {
    renameSync(tmp, outDir);
  } catch (e) {
    renameSync(old, outDir);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}
