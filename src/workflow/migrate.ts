/**
 * Runs the workflow's own migrations (src/workflow/migrations), recorded in
 * `knex_migrations_workflow` so they never mix with the person index's (src/store/) or the audit
 * trail's (src/audit/). Files are listed, not globbed: order is explicit and the runner works the
 * same under tsx, vitest and compiled code. Names are `YYYYMMDDHHmm-slug` and versions unique.
 */
import type { Knex } from 'knex';
import * as workflowTables from './migrations/202511222100-workflow-tables.js';

interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

export const WORKFLOW_MIGRATIONS: readonly (readonly [string, Migration])[] = Object.freeze([
  ['202511222100-workflow-tables', workflowTables],
]);

export const WORKFLOW_MIGRATIONS_TABLE = 'knex_migrations_workflow';

export function checkMigrationNames(migrations: readonly (readonly [string, Migration])[] = WORKFLOW_MIGRATIONS): void {
  const seen = new Set<string>();
  for (const [name] of migrations) {
    if (!/^\d{12}-[a-z0-9-]+$/.test(name)) throw new Error(`Workflow migration "${name}" is not named YYYYMMDDHHmm-slug.`);
    const version = name.slice(0, 12);
    if (seen.has(version)) throw new Error(`Workflow migration version ${version} is used twice.`);
    seen.add(version);
  }
}

const source: Knex.MigrationSource<readonly [string, Migration]> = {
  getMigrations: async () => [...WORKFLOW_MIGRATIONS],
  getMigrationName: (m) => m[0],
  getMigration: async (m) => m[1],
};

export async function migrateWorkflowStore(db: Knex, schema: string | null): Promise<void> {
  checkMigrationNames();
  await db.migrate.latest({ migrationSource: source, tableName: WORKFLOW_MIGRATIONS_TABLE, ...(schema ? { schemaName: schema } : {}) });
}
