/**
 * The gateway store's migration runner (after Directus' migrations/run.ts): migration files in
 * `migrations/` are named `YYYYMMDDHHmm-slug.ts` and export `up` and `down`; the runner picks them
 * by pattern, rejects duplicate versions, applies those not yet recorded in `store_migrations`, in
 * version order, and records each one it applied.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

export const MIGRATION_FILE = /^(\d{12})-([a-z0-9-]+)\.(?:ts|js)$/;
export const MIGRATIONS_TABLE = 'store_migrations';
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  readonly version: string;
  readonly name: string;
  up(db: Knex): Promise<void>;
  down(db: Knex): Promise<void>;
}

export interface MigrationFile {
  readonly version: string;
  readonly name: string;
  readonly file: string;
}

/** Migration files in a folder, in version order; throws on a duplicate version. */
export function listMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  const found: MigrationFile[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.test.ts') || file.endsWith('.d.ts')) continue;
    const m = MIGRATION_FILE.exec(file);
    if (!m) continue;
    found.push({ version: m[1]!, name: m[2]!, file: join(dir, file) });
  }
  const seen = new Map<string, string>();
  for (const f of found) {
    const prior = seen.get(f.version);
    if (prior) throw new Error(`Duplicate migration version ${f.version}: "${prior}" and "${f.name}"`);
    seen.set(f.version, f.name);
  }
  return found;
}

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = listMigrationFiles(dir);
  const out: Migration[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(f.file).href)) as Partial<Migration>;
    if (typeof mod.up !== 'function' || typeof mod.down !== 'function') throw new Error(`Migration "${f.version}-${f.name}" must export up and down`);
    out.push({ version: f.version, name: f.name, up: mod.up, down: mod.down });
  }
  return out;
}

async function ensureTable(db: Knex): Promise<void> {
  if (!(await db.schema.hasTable(MIGRATIONS_TABLE))) {
    await db.schema.createTable(MIGRATIONS_TABLE, (t) => {
      t.string('version', 12).primary();
      t.string('name').notNullable();
      t.string('applied_at').notNullable();
    });
  }
}

export async function appliedVersions(db: Knex): Promise<string[]> {
  await ensureTable(db);
  const rows = (await db(MIGRATIONS_TABLE).select('version').orderBy('version')) as { version: string }[];
  return rows.map((r) => r.version);
}

/** Applies pending migrations; returns the versions applied. */
export async function migrateLatest(db: Knex, migrations?: readonly Migration[], now: () => string = () => new Date().toISOString()): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const versions = new Set<string>();
  for (const m of all) {
    if (versions.has(m.version)) throw new Error(`Duplicate migration version ${m.version}`);
    versions.add(m.version);
  }
  const done = new Set(await appliedVersions(db));
  const applied: string[] = [];
  for (const m of [...all].sort((a, b) => a.version.localeCompare(b.version))) {
    if (done.has(m.version)) continue;
    await m.up(db);
    await db(MIGRATIONS_TABLE).insert({ version: m.version, name: m.name, applied_at: now() });
    applied.push(m.version);
  }
  return applied;
}

/** Reverts the most recently applied migration; returns its version, or null when none. */
export async function migrateDown(db: Knex, migrations?: readonly Migration[]): Promise<string | null> {
  const all = migrations ?? (await loadMigrations());
  const applied = await appliedVersions(db);
  const last = applied[applied.length - 1];
  if (!last) return null;
  const m = all.find((x) => x.version === last);
  if (!m) throw new Error(`Applied migration ${last} has no file`);
  await m.down(db);
  await db(MIGRATIONS_TABLE).where({ version: last }).delete();
  return last;
}
