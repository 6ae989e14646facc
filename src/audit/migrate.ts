/**
 * Runs the audit store's own migrations (src/audit/migrations), recorded in `knex_migrations_audit`
 * so they never mix with the person index's migrations (src/store/). Files are listed here, not
 * globbed, so order is explicit and the runner works the same under tsx, vitest and compiled code;
 * names must be `YYYYMMDDHHmm-slug` and unique.
 */
import type { Knex } from 'knex';
import * as auditEvents from './migrations/202511221900-audit-events.js';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

export const AUDIT_MIGRATIONS: readonly (readonly [string, Migration])[] = Object.freeze([
  ['202511221900-audit-events', auditEvents],
]);

export const AUDIT_MIGRATIONS_TABLE = 'knex_migrations_audit';

function checkNames(): void {
  const seen = new Set<string>();
  for (const [name] of AUDIT_MIGRATIONS) {
    if (!/^\d{12}-[a-z0-9-]+$/.test(name)) throw new Error(`Audit migration "${name}" is not named YYYYMMDDHHmm-slug.`);
    const version = name.slice(0, 12);
    if (seen.has(version)) throw new Error(`Audit migration version ${version} is used twice.`);
    seen.add(version);
  }
}

const source: Knex.MigrationSource<readonly [string, Migration]> = {
  getMigrations: async () => [...AUDIT_MIGRATIONS],
  getMigrationName: (m) => m[0],
  getMigration: async (m) => m[1],
};

export async function migrateAuditStore(db: Knex, schema: string | null): Promise<void> {
  checkNames();
  await db.migrate.latest({ migrationSource: source, tableName: AUDIT_MIGRATIONS_TABLE, ...(schema ? { schemaName: schema } : {}) });
}
