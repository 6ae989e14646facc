/**
 * Verifies the audit trail's hash chain and reports the first break.
 *
 *   npx tsx scripts/audit-verify.ts [--db URL]
 *
 * URL defaults to GATEWAY_DATABASE_URL, else sqlite:.data/gateway.sqlite. Exit 0: chain intact;
 * 1: a break (the first one is printed with its sequence number); 2: cannot read the store.
 */
import { existsSync } from 'node:fs';
import { openDatabase, parseSqlUrl } from '../src/db/connect.js';
import { createAuditStore } from '../src/audit/store.js';

async function main(argv: readonly string[]): Promise<number> {
  const i = argv.indexOf('--db');
  if (i >= 0 && !argv[i + 1]) {
    console.error('usage: tsx scripts/audit-verify.ts [--db URL]');
    return 2;
  }
  const url = (i >= 0 ? argv[i + 1] : undefined) ?? process.env.GATEWAY_DATABASE_URL ?? 'sqlite:.data/gateway.sqlite';
  const target = parseSqlUrl(url);
  if (target.dialect === 'sqlite' && target.location !== ':memory:' && !existsSync(target.location)) {
    console.error(`audit store not found: ${target.location}`);
    return 2;
  }
  const db = openDatabase(url, { readonly: true, poolMax: 1 });
  const hasTable = await db.schema.hasTable('audit_event').catch(() => false);
  if (!hasTable) {
    await db.destroy();
    console.error('no audit trail in this database (table audit_event missing)');
    return 2;
  }
  const store = createAuditStore(db);
  try {
    const r = await store.verify();
    if (r.ok) {
      console.log(`audit chain intact: ${r.checked} events verified`);
      return 0;
    }
    console.log(`audit chain BROKEN at event ${r.firstBreak?.seq} (${r.firstBreak?.problem}): ${r.firstBreak?.message}`);
    console.log(`${r.checked} events verified before the break`);
    return 1;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`cannot verify the audit trail: ${(e as Error).message}`);
    process.exit(2);
  },
);
