/**
 * The audit store on SQLite (always) and PostgreSQL (when reachable): chain verification, a
 * deliberately altered row detected at its sequence number, UPDATE/DELETE rejected by triggers,
 * concurrent appends (in one process and across processes) keeping one chain, reopening after a
 * restart, and the auditTrail / accessesBy queries.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema, pgStatus, pgUrlWithSchema, PG_TEST_URL, uniqueSchema } from '../../test/support/postgres.js';
import type { AuditEventDraft } from './event.js';
import { openAuditStore, type AuditStore } from './store.js';
import { loadSqliteDriver } from '../db/sqliteDriver.js';

const Database = loadSqliteDriver();

const run = promisify(execFile);

function draft(i: number, over: Partial<AuditEventDraft> = {}): AuditEventDraft {
  return {
    requestId: `req-${i}`,
    at: new Date(Date.UTC(2025, 0, 1, 9, 0, i)).toISOString(),
    principal: { userId: i % 2 ? 'demo.cc.croydon' : 'demo.io.wyp', role: i % 2 ? 'CC_CASEWORKER' : 'EMBEDDED_IO', organisation: 'HOME_OFFICE' },
    purpose: i % 2 ? 'IMMIGRATION_CASEWORK' : 'STATUS_CHECK',
    justification: null,
    operationName: 'PersonView',
    personIds: [`P${i % 3}`],
    disclosed: [{ coordinate: 'Person.name', source: 'cid', personId: `P${i % 3}`, count: 1 }],
    denied: [],
    withheld: i % 4 === 0 ? [{ coordinate: 'ACRO_RESULT', rule: 'PoliceAcroResultRule', source: 'acro', personId: `P${i % 3}`, count: 1 }] : [],
    outcome: 'OK',
    policyVersion: 'policy-test',
    ...over,
  };
}

describe('audit store on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pcv-audit-'));
  const file = join(dir, 'sub', 'gateway.sqlite');
  const url = `sqlite:${file}`;
  let store: AuditStore;

  beforeAll(async () => {
    store = await openAuditStore(url);
  });
  afterAll(async () => {
    await store.close();
  });

  it('appends a gapless chain that verifies', async () => {
    for (let i = 1; i <= 10; i++) {
      const e = await store.append(draft(i));
      expect(e.seq).toBe(i);
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await store.verify()).toEqual({ ok: true, checked: 10, firstBreak: null });
  });

  it('keeps one chain under concurrent appends in one process', async () => {
    const events = await Promise.all(Array.from({ length: 25 }, (_, k) => store.append(draft(100 + k))));
    expect(new Set(events.map((e) => e.seq)).size).toBe(25);
    expect(await store.verify()).toMatchObject({ ok: true, checked: 35 });
  });

  it('keeps one chain with appends from several processes at once', async () => {
    const script = join(dir, 'append.mts');
    const storeModule = new URL('./store.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      `import { openAuditStore } from ${JSON.stringify(storeModule)};
const s = await openAuditStore(${JSON.stringify(url)});
for (let i = 0; i < 15; i++) {
  await s.append({ requestId: 'proc-' + process.pid + '-' + i, at: new Date(Date.UTC(2025, 1, 1)).toISOString(), principal: { userId: 'demo.auditor', role: 'AUDITOR', organisation: 'HOME_OFFICE' }, purpose: 'AUDIT', justification: null, operationName: null, personIds: [], disclosed: [], denied: [], withheld: [], outcome: 'OK', policyVersion: 'policy-test' });
}
await s.close();
`,
    );
    const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
    await Promise.all([run(tsx, [script]), run(tsx, [script]), run(tsx, [script])]);
    expect(await store.verify()).toMatchObject({ ok: true, checked: 80 });
  });

  it('rejects UPDATE and DELETE in the database itself', () => {
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = 3").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_event WHERE seq = 3').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_event_person').run()).toThrow(/append-only/);
      expect(() => db.prepare('UPDATE audit_head SET seq = 1').run()).toThrow(/forward/);
      expect(() => db.prepare('DELETE FROM audit_head').run()).toThrow(/may not be deleted/);
    } finally {
      db.close();
    }
  });

  it('answers auditTrail and accessesBy for a time range', async () => {
    const trail = await store.auditTrail('P1', '2025-01-01T09:00:00.000Z', '2025-01-01T09:00:11.000Z');
    expect(trail.map((e) => e.seq)).toEqual([1, 4, 7, 10]);
    expect(trail.every((e) => e.personIds.includes('P1'))).toBe(true);
    const by = await store.accessesBy('demo.io.wyp', '2025-01-01T09:00:00.000Z', '2025-01-01T09:00:05.000Z');
    expect(by.map((e) => e.requestId)).toEqual(['req-2', 'req-4']);
    expect(by[1]?.withheld[0]?.rule).toBe('PoliceAcroResultRule');
  });

  it('survives a restart: reopened, the chain continues and verifies', async () => {
    await store.close();
    store = await openAuditStore(url);
    const e = await store.append(draft(999));
    expect(e.seq).toBe(81);
    expect(await store.verify()).toMatchObject({ ok: true, checked: 81 });
  });

  it('detects a deliberately altered row at its sequence number, and the verify command exits 1', async () => {
    const db = new Database(file);
    db.exec('DROP TRIGGER audit_event_no_update');
    const row = db.prepare('SELECT body FROM audit_event WHERE seq = 7').get() as { body: string };
    db.prepare('UPDATE audit_event SET body = ? WHERE seq = 7').run(row.body.replace('"OK"', '"DENIED"'));
    db.close();
    const r = await store.verify();
    expect(r.ok).toBe(false);
    expect(r.firstBreak).toMatchObject({ seq: 7, problem: 'HASH_MISMATCH' });
    expect(r.checked).toBe(6);

    const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
    const cli = new URL('../../scripts/audit-verify.ts', import.meta.url).pathname;
    const out = await run(tsx, [cli, '--db', url]).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/BROKEN at event 7 \(HASH_MISMATCH\)/);
  });

  it('detects a removed tail (head mismatch) and a relinked row', async () => {
    const db = new Database(file);
    db.exec('DROP TRIGGER audit_event_no_delete; DROP TRIGGER audit_event_person_no_delete');
    db.prepare('DELETE FROM audit_event_person WHERE seq = 81').run();
    db.prepare('DELETE FROM audit_event WHERE seq = 81').run();
    const row = db.prepare('SELECT body FROM audit_event WHERE seq = 7').get() as { body: string };
    db.prepare('UPDATE audit_event SET body = ? WHERE seq = 7').run(row.body.replace('"DENIED"', '"OK"'));
    db.close();
    const r = await store.verify();
    expect(r.firstBreak).toMatchObject({ seq: 81, problem: 'HEAD_MISMATCH' });
  });
});

describe.skipIf(!pgStatus.available)('audit store on PostgreSQL', () => {
  const schema = uniqueSchema('audit');
  const url = pgUrlWithSchema(schema);
  let store: AuditStore;
  beforeAll(async () => {
    store = await openAuditStore(url);
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(schema);
  });

  async function sql(text: string): Promise<void> {
    const c = new pg.Client({ connectionString: PG_TEST_URL });
    await c.connect();
    try {
      await c.query(`SET search_path TO "${schema}"`);
      await c.query(text);
    } finally {
      await c.end();
    }
  }

  it('appends concurrently from two connections pools into one chain', async () => {
    const second = await openAuditStore(url);
    try {
      await Promise.all([
        ...Array.from({ length: 15 }, (_, k) => store.append(draft(k + 1))),
        ...Array.from({ length: 15 }, (_, k) => second.append(draft(k + 100))),
      ]);
    } finally {
      await second.close();
    }
    expect(await store.verify()).toEqual({ ok: true, checked: 30, firstBreak: null });
  });

  it('rejects UPDATE, DELETE and TRUNCATE', async () => {
    await expect(sql("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(sql('DELETE FROM audit_event WHERE seq = 2')).rejects.toThrow(/append-only/);
    await expect(sql('TRUNCATE audit_event CASCADE')).rejects.toThrow(/append-only/);
    await expect(sql('UPDATE audit_head SET seq = 0')).rejects.toThrow(/forward/);
  });

  it('survives reopening and detects an altered row at its sequence number', async () => {
    await store.close();
    store = await openAuditStore(url);
    expect((await store.append(draft(500))).seq).toBe(31);
    await sql('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    await sql(`UPDATE audit_event SET body = replace(body, '"PersonView"', '"Other"') WHERE seq = 12`);
    const r = await store.verify();
    expect(r.firstBreak).toMatchObject({ seq: 12, problem: 'HASH_MISMATCH' });
  });
});
