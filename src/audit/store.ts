/**
 * The append-only, tamper-evident audit store over knex (SQLite by default, PostgreSQL by URL).
 *
 * - No update or delete method exists; triggers reject UPDATE/DELETE in the database as well.
 * - `append` runs in one transaction whose first statement locks the head row (a write on SQLite,
 *   which takes the database write lock; a row lock on PostgreSQL), so appends are serialised and the
 *   chain never forks, also across processes. It returns only after COMMIT: durable before the
 *   response leaves.
 * - Events are chained: each stores the previous event's hash and its own SHA-256 over a canonical
 *   serialisation (event.ts). `verify()` walks the chain and reports the first break.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Knex } from 'knex';
import { ensureSchema, openDatabase, parseSqlUrl, toNumber } from '../db/connect.js';
import {
  checkLinks,
  eventHash,
  GENESIS_HASH,
  type AuditEvent,
  type AuditEventDraft,
  type ChainBreak,
} from './event.js';
import { migrateAuditStore } from './migrate.js';

export interface ChainVerification {
  readonly ok: boolean;
  /** Events checked before the first break (or all). */
  readonly checked: number;
  readonly firstBreak: ChainBreak | null;
}

export interface AuditStore {
  /** Appends one event (durable on return) and returns it with seq, id and hashes. */
  append(draft: AuditEventDraft): Promise<AuditEvent>;
  /** Events about a person in [from, to) (ISO instants), oldest first. */
  auditTrail(personId: string, from: string, to: string): Promise<AuditEvent[]>;
  /** Events by a user in [from, to), oldest first. */
  accessesBy(userId: string, from: string, to: string): Promise<AuditEvent[]>;
  /** Walks the whole chain (paged) and reports the first break. */
  verify(): Promise<ChainVerification>;
  close(): Promise<void>;
}

interface EventRow {
  seq: number | string;
  id: string;
  body: string;
  prev_hash: string;
  hash: string;
}

/** The row body holds the hashed content; seq/prev/hash columns are what the chain links. */
function rowToEvent(row: EventRow): AuditEvent {
  const body = JSON.parse(row.body) as Omit<AuditEvent, 'seq' | 'id' | 'prevHash' | 'hash'>;
  return { ...body, seq: toNumber(row.seq), id: row.id, prevHash: row.prev_hash, hash: row.hash };
}

function bodyOf(e: AuditEventDraft): string {
  const { requestId, at, principal, purpose, justification, operationName, personIds, disclosed, denied, withheld, outcome, policyVersion } = e;
  return JSON.stringify({ requestId, at, principal, purpose, justification, operationName, personIds, disclosed, denied, withheld, outcome, policyVersion });
}

function checkDraft(d: AuditEventDraft): void {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(d.at)) throw new Error(`Audit event time "${d.at}" is not ISO 8601 UTC.`);
  if (!d.requestId) throw new Error('Audit event has no request id.');
  if (!d.principal.userId) throw new Error('Audit event has no user id.');
}

const PAGE = 500;

export function createAuditStore(db: Knex): AuditStore {
  // Appends in this process queue here; across processes the head-row lock serialises them.
  let queue: Promise<unknown> = Promise.resolve();

  const appendNow = async (draft: AuditEventDraft): Promise<AuditEvent> => {
    checkDraft(draft);
    return db.transaction(async (trx) => {
      // First statement is a write: takes the lock before anything is read.
      await trx('audit_head').where({ id: 1 }).update({ seq: trx.raw('seq') });
      const head = await trx('audit_head').where({ id: 1 }).first<{ seq: number | string; hash: string } | undefined>('seq', 'hash');
      if (!head) throw new Error('Audit store has no head row: was it migrated?');
      const seq = toNumber(head.seq) + 1;
      const personIds = [...new Set(draft.personIds)].sort();
      const base = { ...draft, personIds, seq, id: randomUUID(), prevHash: head.hash };
      const event: AuditEvent = { ...base, hash: eventHash(base) };
      await trx('audit_event').insert({
        seq,
        id: event.id,
        request_id: event.requestId,
        at: event.at,
        user_id: event.principal.userId,
        role: event.principal.role,
        organisation: event.principal.organisation,
        purpose: event.purpose,
        justification: event.justification,
        outcome: event.outcome,
        policy_version: event.policyVersion,
        body: bodyOf(event),
        prev_hash: event.prevHash,
        hash: event.hash,
      });
      if (personIds.length > 0) {
        await trx('audit_event_person').insert(personIds.map((person_id) => ({ seq, person_id, at: event.at })));
      }
      await trx('audit_head').where({ id: 1 }).update({ seq, hash: event.hash });
      return event;
    });
  };

  const byRange = async (q: Knex.QueryBuilder): Promise<AuditEvent[]> => {
    const rows = (await q.orderBy('e.seq', 'asc')) as EventRow[];
    return rows.map(rowToEvent);
  };

  return {
    append(draft) {
      const run = queue.then(() => appendNow(draft));
      queue = run.catch(() => undefined);
      return run;
    },
    auditTrail(personId, from, to) {
      return byRange(
        db({ e: 'audit_event' })
          .join({ p: 'audit_event_person' }, 'p.seq', 'e.seq')
          .where('p.person_id', personId)
          .andWhere('p.at', '>=', from)
          .andWhere('p.at', '<', to)
          .select('e.seq', 'e.id', 'e.body', 'e.prev_hash', 'e.hash'),
      );
    },
    accessesBy(userId, from, to) {
      return byRange(
        db({ e: 'audit_event' }).where('e.user_id', userId).andWhere('e.at', '>=', from).andWhere('e.at', '<', to).select('e.seq', 'e.id', 'e.body', 'e.prev_hash', 'e.hash'),
      );
    },
    async verify() {
      let before = { seq: 0, hash: GENESIS_HASH };
      let checked = 0;
      for (;;) {
        const rows = (await db('audit_event').where('seq', '>', before.seq).orderBy('seq', 'asc').limit(PAGE).select('seq', 'id', 'body', 'prev_hash', 'hash')) as EventRow[];
        if (rows.length === 0) break;
        let events: AuditEvent[];
        try {
          events = rows.map(rowToEvent);
        } catch {
          // An unreadable body: find which row.
          const bad = rows.find((r) => {
            try {
              JSON.parse(r.body);
              return false;
            } catch {
              return true;
            }
          });
          const seq = bad ? toNumber(bad.seq) : before.seq + 1;
          return { ok: false, checked: seq - 1, firstBreak: { seq, problem: 'HASH_MISMATCH', message: `Event ${seq} was altered: its stored content is not readable.` } };
        }
        const r = checkLinks(events, before);
        if (r.break) return { ok: false, checked: r.break.seq - 1, firstBreak: r.break };
        checked += events.length;
        before = r.last;
      }
      const head = await db('audit_head').where({ id: 1 }).first<{ seq: number | string; hash: string } | undefined>('seq', 'hash');
      if (!head || toNumber(head.seq) !== before.seq || head.hash !== before.hash) {
        const headSeq = head ? toNumber(head.seq) : 0;
        return {
          ok: false,
          checked,
          firstBreak: { seq: Math.min(headSeq, before.seq) + 1, problem: 'HEAD_MISMATCH', message: `The chain ends at event ${before.seq} but the head records event ${headSeq}: events were removed or the head was altered.` },
        };
      }
      return { ok: true, checked, firstBreak: null };
    },
    async close() {
      await queue.catch(() => undefined);
      await db.destroy();
    },
  };
}

/** Opens (creating and migrating if needed) the audit store at a SQL URL (src/db/connect.ts). */
export async function openAuditStore(url: string): Promise<AuditStore> {
  const target = parseSqlUrl(url);
  if (target.dialect === 'sqlite' && target.location !== ':memory:') mkdirSync(dirname(target.location), { recursive: true });
  const db = openDatabase(url, { poolMax: 4 });
  try {
    await ensureSchema(db, url);
    await migrateAuditStore(db, target.schema);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return createAuditStore(db);
}
