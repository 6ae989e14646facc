/**
 * PostgreSQL for tests: reachable at PG_TEST_URL (default postgres://postgres@127.0.0.1:5432/test,
 * trust auth on this machine; .ci/run starts it when installed but down). Suites that need it use
 * `describe.skipIf(!pg.available)` and print why they skipped.
 */
import pg from 'pg';

export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probe(): Promise<{ available: boolean; reason: string | null }> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { available: true, reason: null };
  } catch (e) {
    return { available: false, reason: (e as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const pgStatus = await probe();
if (!pgStatus.available) {
  console.warn(`[postgres] skipping PostgreSQL suites: ${PG_TEST_URL} not reachable (${pgStatus.reason})`);
}

/** A fresh schema name for one suite, so parallel suites never collide. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** postgres:// URL selecting a schema (see src/db/connect.ts). */
export function pgUrlWithSchema(schema: string): string {
  const u = new URL(PG_TEST_URL);
  u.searchParams.set('schema', schema);
  return u.toString();
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
