/**
 * The workflow's tables in the gateway's own store (GATEWAY_DATABASE_URL), migrated by migrate.ts.
 * Rows in, typed records out; JSON bodies are stored as text so SQLite and PostgreSQL hold the same.
 */
import type { Knex } from 'knex';
import { ensureSchema, openDatabase, parseSqlUrl, toNumber } from '../db/connect.js';
import { migrateWorkflowStore } from './migrate.js';

export type IntentStatus = 'ACCEPTED' | 'APPLIED' | 'REJECTED';

export interface IntentRecord {
  readonly id: string;
  readonly userId: string;
  readonly idempotencyKey: string;
  readonly operation: string;
  readonly inputHash: string;
  readonly payload: unknown;
  readonly status: IntentStatus;
  readonly target: string | null;
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string; readonly field: string | null } | null;
  readonly attempts: number;
  readonly acceptedAt: string;
  readonly appliedAt: string | null;
}

interface IntentRow {
  id: string;
  user_id: string;
  idempotency_key: string;
  operation: string;
  input_hash: string;
  payload: string;
  status: string;
  target: string | null;
  result: string | null;
  error_code: string | null;
  error_message: string | null;
  error_field: string | null;
  attempts: number | string;
  accepted_at: string;
  applied_at: string | null;
}

function toIntent(r: IntentRow): IntentRecord {
  return {
    id: r.id,
    userId: r.user_id,
    idempotencyKey: r.idempotency_key,
    operation: r.operation,
    inputHash: r.input_hash,
    payload: JSON.parse(r.payload) as unknown,
    status: r.status as IntentStatus,
    target: r.target,
    result: r.result == null ? null : (JSON.parse(r.result) as unknown),
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '', field: r.error_field } : null,
    attempts: toNumber(r.attempts),
    acceptedAt: r.accepted_at,
    appliedAt: r.applied_at,
  };
}

export interface InboxRow {
  readonly seq: number;
  readonly unit: string;
  readonly kind: string;
  readonly caseId: string;
  readonly restrictionId: string | null;
  readonly eventId: string | null;
  readonly body: unknown;
  readonly createdAt: string;
}

export interface WorkflowStore {
  readonly db: Knex;
  readonly dialect: 'sqlite' | 'postgres';
  findIntent(userId: string, idempotencyKey: string): Promise<IntentRecord | null>;
  intentById(id: string): Promise<IntentRecord | null>;
  /** Inserts an ACCEPTED intent. Throws the driver's unique violation when the key or target is taken. */
  insertIntent(intent: Omit<IntentRecord, 'status' | 'result' | 'error' | 'attempts' | 'appliedAt'>): Promise<void>;
  countAttempt(id: string): Promise<void>;
  reject(id: string, error: { code: string; message: string; field: string | null }): Promise<void>;
  /** Runs `write` and marks the intent APPLIED with its result in one transaction; false when it was no longer ACCEPTED. */
  complete<R>(id: string, at: string, write: (trx: Knex.Transaction) => Promise<R>): Promise<{ done: boolean; result: R | null }>;
  pendingIntents(): Promise<IntentRecord[]>;
  /** Appends to the inbox in order: the caller's transaction holds the inbox lock until it commits. */
  appendInbox(trx: Knex.Transaction, item: Omit<InboxRow, 'seq'> & { intentId: string }): Promise<number>;
  inbox(units: readonly string[], after: number, limit: number): Promise<InboxRow[]>;
  close(): Promise<void>;
}

/** Unique violation on SQLite or PostgreSQL. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || (typeof err.message === 'string' && /UNIQUE constraint failed/.test(err.message));
}

export function createWorkflowStore(db: Knex, dialect: 'sqlite' | 'postgres'): WorkflowStore {
  const store: WorkflowStore = {
    db,
    dialect,

    async findIntent(userId, key) {
      const r = (await db('wf_intent').where({ user_id: userId, idempotency_key: key }).first()) as IntentRow | undefined;
      return r ? toIntent(r) : null;
    },

    async intentById(id) {
      const r = (await db('wf_intent').where({ id }).first()) as IntentRow | undefined;
      return r ? toIntent(r) : null;
    },

    async insertIntent(i) {
      await db('wf_intent').insert({
        id: i.id,
        user_id: i.userId,
        idempotency_key: i.idempotencyKey,
        operation: i.operation,
        input_hash: i.inputHash,
        payload: JSON.stringify(i.payload),
        status: 'ACCEPTED',
        target: i.target,
        attempts: 0,
        accepted_at: i.acceptedAt,
      });
    },

    async countAttempt(id) {
      await db('wf_intent').where({ id }).increment('attempts', 1);
    },

    async reject(id, error) {
      // The target is released: a corrected request may claim the record again.
      await db('wf_intent').where({ id, status: 'ACCEPTED' }).update({
        status: 'REJECTED',
        target: null,
        error_code: error.code,
        error_message: error.message,
        error_field: error.field,
      });
    },

    async complete(id, at, write) {
      return db.transaction(async (trx) => {
        const q = trx('wf_intent').where({ id }).first();
        if (dialect === 'postgres') q.forUpdate();
        const row = (await q) as IntentRow | undefined;
        if (!row || row.status !== 'ACCEPTED') return { done: false, result: null };
        const result = await write(trx);
        await trx('wf_intent').where({ id }).update({ status: 'APPLIED', result: JSON.stringify(result), applied_at: at });
        return { done: true, result };
      });
    },

    async pendingIntents() {
      return ((await db('wf_intent').where({ status: 'ACCEPTED' }).orderBy('accepted_at').orderBy('id')) as IntentRow[]).map(toIntent);
    },

    async appendInbox(trx, item) {
      // Cursor order = commit order: PostgreSQL serialises inbox appends with a table lock held to
      // commit; SQLite has one writer. So a poller holding cursor N never misses a row < N later.
      if (dialect === 'postgres') await trx.raw('LOCK TABLE wf_inbox IN EXCLUSIVE MODE');
      const max = (await trx('wf_inbox').max({ m: 'seq' }).first()) as { m: unknown } | undefined;
      const seq = toNumber(max?.m ?? 0) + 1;
      await trx('wf_inbox').insert({
        seq,
        unit: item.unit,
        kind: item.kind,
        case_id: item.caseId,
        restriction_id: item.restrictionId,
        event_id: item.eventId,
        body: JSON.stringify(item.body),
        created_at: item.createdAt,
        intent_id: item.intentId,
      });
      return seq;
    },

    async inbox(units, after, limit) {
      const rows = (await db('wf_inbox')
        .whereIn('unit', [...units])
        .andWhere('seq', '>', after)
        .orderBy('seq')
        .limit(limit)) as { seq: unknown; unit: string; kind: string; case_id: string; restriction_id: string | null; event_id: string | null; body: string; created_at: string }[];
      return rows.map((r) => ({
        seq: toNumber(r.seq),
        unit: r.unit,
        kind: r.kind,
        caseId: r.case_id,
        restrictionId: r.restriction_id,
        eventId: r.event_id,
        body: JSON.parse(r.body) as unknown,
        createdAt: r.created_at,
      }));
    },

    async close() {
      await db.destroy();
    },
  };
  return store;
}

/** Opens (and migrates) the workflow store on the gateway's database URL. */
export async function openWorkflowStore(url: string): Promise<WorkflowStore> {
  const target = parseSqlUrl(url);
  const db = openDatabase(url);
  try {
    await ensureSchema(db, url);
    await migrateWorkflowStore(db, target.schema);
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw e;
  }
  return createWorkflowStore(db, target.dialect);
}
