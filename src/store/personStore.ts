/**
 * Reads and writes the person index tables (migrations/202611222030-person-index.ts). Knows SQL,
 * not linking: identity/personIndex.ts decides what to write.
 */
import type { Knex } from 'knex';
import { openDatabase, ensureSchema, isBetterSqlite } from '../db/connect.js';
import type { IdentityFragment } from '../domain/common.js';
import { migrateLatest } from './migrate.js';

export const DEFAULT_STORE_URL = 'sqlite:.data/gateway.sqlite';

export interface RecordRow {
  readonly ref: string;
  readonly source: string;
  readonly recordKey: string;
  readonly personId: string;
  readonly rule: string;
  readonly matchWeight: number | null;
  /** JSON of the evidence that joined the record to its person. */
  readonly evidence: string | null;
  readonly fragment: IdentityFragment;
  readonly familyKey: string | null;
  readonly givenKey: string | null;
  readonly dateOfBirth: string | null;
}

export interface PairRow {
  readonly leftRef: string;
  readonly rightRef: string;
  readonly outcome: string;
  readonly rule: string;
  readonly guard: string | null;
  readonly matchWeight: number;
  readonly probability: number;
  readonly evidence: string;
  readonly modelVersion: string;
}

export interface ReviewRow {
  readonly id?: number;
  readonly leftRef: string;
  readonly rightRef: string;
  readonly leftPerson: string;
  readonly rightPerson: string;
  readonly matchWeight: number;
  readonly reason: string;
  readonly evidence: string;
  readonly createdAt: string;
}

export type DecisionKind = 'CONFIRM_LINK' | 'REJECT_LINK' | 'SPLIT' | 'MERGE';

export interface DecisionRow {
  readonly id: number;
  readonly kind: DecisionKind;
  readonly refs: readonly string[];
  readonly personIds: readonly string[];
  readonly constraints: readonly (readonly [string, string, boolean])[];
  readonly decidedBy: string;
  readonly decidedAt: string;
  readonly reason: string;
}

export interface PersonRow {
  readonly personId: string;
  readonly status: 'ACTIVE' | 'RETIRED';
  readonly recordCount: number;
}

const CHUNK = 400;

/** The part of a better-sqlite3 connection bulk inserts use. */
interface NativeSqlite {
  prepare(sql: string): { run(...params: unknown[]): unknown };
}

/** Rows per prepared multi-row INSERT on SQLite (columns × rows stays far below its 32,766 parameters). */
const SQLITE_ROWS_PER_STATEMENT = 200;

const bindable = (v: unknown): unknown => (v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v);

/**
 * Inserts rows (all with the same columns) inside a transaction. On SQLite the transaction's own
 * connection runs one prepared multi-row INSERT over and over: knex would build and prepare a new
 * statement per chunk, which dominated a full build. Other databases use knex's chunked inserts.
 */
async function insertChunks(trx: Knex.Transaction, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  if (!isBetterSqlite(trx)) {
    for (let i = 0; i < rows.length; i += CHUNK) await trx(table).insert(rows.slice(i, i + CHUNK));
    return;
  }
  const conn = (await trx.client.acquireConnection()) as NativeSqlite;
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const statementFor = (n: number) =>
    conn.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${new Array<string>(n).fill(tuple).join(', ')}`);
  const many = statementFor(SQLITE_ROWS_PER_STATEMENT);
  const params: unknown[] = [];
  let i = 0;
  for (; i + SQLITE_ROWS_PER_STATEMENT <= rows.length; i += SQLITE_ROWS_PER_STATEMENT) {
    params.length = 0;
    for (let j = i; j < i + SQLITE_ROWS_PER_STATEMENT; j++) for (const c of columns) params.push(bindable(rows[j]![c]));
    many.run(...params);
  }
  if (i < rows.length) {
    params.length = 0;
    for (let j = i; j < rows.length; j++) for (const c of columns) params.push(bindable(rows[j]![c]));
    statementFor(rows.length - i).run(...params);
  }
}

const recordToDb = (r: RecordRow, now: string) => ({
  ref: r.ref, source: r.source, record_key: r.recordKey, person_id: r.personId, rule: r.rule, match_weight: r.matchWeight,
  evidence: r.evidence, fragment: JSON.stringify(r.fragment), family_key: r.familyKey, given_key: r.givenKey,
  date_of_birth: r.dateOfBirth, updated_at: now,
});

const pairToDb = (p: PairRow) => ({
  left_ref: p.leftRef, right_ref: p.rightRef, outcome: p.outcome, rule: p.rule, guard: p.guard, match_weight: p.matchWeight,
  probability: p.probability, evidence: p.evidence, model_version: p.modelVersion,
});

type DbRecord = { ref: string; source: string; record_key: string; person_id: string; rule: string; match_weight: number | null; evidence: string | null; fragment: string; family_key: string | null; given_key: string | null; date_of_birth: string | null };

function recordFromDb(r: DbRecord): RecordRow {
  return {
    ref: r.ref, source: r.source, recordKey: r.record_key, personId: r.person_id, rule: r.rule,
    matchWeight: r.match_weight == null ? null : Number(r.match_weight), evidence: r.evidence,
    fragment: JSON.parse(r.fragment) as IdentityFragment, familyKey: r.family_key, givenKey: r.given_key, dateOfBirth: r.date_of_birth,
  };
}

/**
 * On SQLite, drops the secondary indexes of `tables` while `load` fills them and recreates them
 * from their own saved definitions afterwards (one sort per index instead of a B-tree insert per
 * row), inside the caller's transaction. Other databases just run `load`.
 */
async function withoutSecondaryIndexes(trx: Knex.Transaction, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  if (!isBetterSqlite(trx)) return load();
  const indexes = (await trx('sqlite_master')
    .select('name', 'sql')
    .where('type', 'index')
    .whereIn('tbl_name', [...tables])
    .whereNotNull('sql')) as { name: string; sql: string }[];
  for (const ix of indexes) await trx.raw(`drop index "${ix.name.replace(/"/g, '""')}"`);
  await load();
  for (const ix of indexes) await trx.raw(ix.sql);
}

export interface PersonIndexStore {
  readonly db: Knex;
  loadRecords(where?: { refs?: readonly string[]; personIds?: readonly string[]; keys?: { familyKey?: string; givenKey?: string; dateOfBirth?: string } }): Promise<RecordRow[]>;
  loadPairs(): Promise<PairRow[]>;
  loadDecisions(): Promise<DecisionRow[]>;
  loadPersons(): Promise<PersonRow[]>;
  loadReview(limit?: number): Promise<ReviewRow[]>;
  latestModelJson(): Promise<string | null>;
  /** A saved model by version (null when not saved). */
  modelJson(modelVersion: string): Promise<string | null>;
  saveModel(modelVersion: string, json: string, now: string): Promise<void>;
  addDecision(d: Omit<DecisionRow, 'id'>): Promise<DecisionRow>;
  /** Replace the whole index (full build). */
  writeFull(records: readonly RecordRow[], pairs: readonly PairRow[], review: readonly ReviewRow[], now: string): Promise<void>;
  /** Write what changed: upsert `records`, delete `removedRefs`, replace pairs touching `focusRefs`, replace the review queue. */
  writeChanges(records: readonly RecordRow[], removedRefs: readonly string[], focusRefs: readonly string[], pairs: readonly PairRow[], review: readonly ReviewRow[], now: string): Promise<void>;
  addRun(kind: string, startedAt: string, finishedAt: string, modelVersion: string, summary: unknown): Promise<void>;
  close(): Promise<void>;
}

async function refreshPersons(trx: Knex.Transaction, now: string): Promise<void> {
  const counts = (await trx('person_records').select('person_id').count({ n: '*' }).groupBy('person_id')) as { person_id: string; n: number | string }[];
  const existing = new Map(((await trx('persons').select('person_id', 'status', 'record_count')) as { person_id: string; status: string; record_count: number }[]).map((p) => [p.person_id, p]));
  const active = new Set<string>();
  const upserts: Record<string, unknown>[] = [];
  for (const c of counts) {
    const n = Number(c.n);
    active.add(c.person_id);
    const prior = existing.get(c.person_id);
    if (!prior) upserts.push({ person_id: c.person_id, status: 'ACTIVE', record_count: n, created_at: now, updated_at: now });
    else if (prior.status !== 'ACTIVE' || Number(prior.record_count) !== n) {
      await trx('persons').where({ person_id: c.person_id }).update({ status: 'ACTIVE', record_count: n, updated_at: now });
    }
  }
  await insertChunks(trx, 'persons', upserts);
  const retire = [...existing.values()].filter((p) => p.status === 'ACTIVE' && !active.has(p.person_id)).map((p) => p.person_id);
  for (let i = 0; i < retire.length; i += CHUNK) {
    await trx('persons').whereIn('person_id', retire.slice(i, i + CHUNK)).update({ status: 'RETIRED', record_count: 0, updated_at: now });
  }
}

async function writeReview(trx: Knex.Transaction, review: readonly ReviewRow[]): Promise<void> {
  await trx('review_queue').delete();
  await insertChunks(trx, 'review_queue', review.map((r) => ({
    left_ref: r.leftRef, right_ref: r.rightRef, left_person: r.leftPerson, right_person: r.rightPerson, match_weight: r.matchWeight,
    reason: r.reason, evidence: r.evidence, created_at: r.createdAt,
  })));
}

export function createPersonIndexStore(db: Knex): PersonIndexStore {
  return {
    db,
    async loadRecords(where = {}) {
      const q = db('person_records').select('*');
      if (where.refs) {
        const out: RecordRow[] = [];
        for (let i = 0; i < where.refs.length; i += CHUNK) {
          const rows = (await db('person_records').select('*').whereIn('ref', where.refs.slice(i, i + CHUNK))) as DbRecord[];
          out.push(...rows.map(recordFromDb));
        }
        return out;
      }
      if (where.personIds) q.whereIn('person_id', [...where.personIds]);
      if (where.keys) {
        const k = where.keys;
        q.where((b) => {
          if (k.familyKey) b.orWhere('family_key', k.familyKey).orWhere('given_key', k.familyKey);
          if (k.givenKey) b.orWhere('given_key', k.givenKey).orWhere('family_key', k.givenKey);
          if (k.dateOfBirth) b.orWhere('date_of_birth', k.dateOfBirth);
        });
      }
      return ((await q.orderBy('ref')) as DbRecord[]).map(recordFromDb);
    },
    async loadPairs() {
      const rows = (await db('candidate_pairs').select('*')) as Record<string, unknown>[];
      return rows.map((r) => ({
        leftRef: String(r.left_ref), rightRef: String(r.right_ref), outcome: String(r.outcome), rule: String(r.rule),
        guard: r.guard == null ? null : String(r.guard), matchWeight: Number(r.match_weight), probability: Number(r.probability),
        evidence: String(r.evidence), modelVersion: String(r.model_version),
      }));
    },
    async loadDecisions() {
      const rows = (await db('identity_decisions').select('*').orderBy('id')) as Record<string, unknown>[];
      return rows.map((r) => ({
        id: Number(r.id), kind: r.kind as DecisionKind, refs: JSON.parse(String(r.refs)) as string[],
        personIds: JSON.parse(String(r.person_ids)) as string[],
        constraints: JSON.parse(String(r.constraints)) as [string, string, boolean][],
        decidedBy: String(r.decided_by), decidedAt: String(r.decided_at), reason: String(r.reason),
      }));
    },
    async loadPersons() {
      const rows = (await db('persons').select('*').orderBy('person_id')) as Record<string, unknown>[];
      return rows.map((r) => ({ personId: String(r.person_id), status: r.status as PersonRow['status'], recordCount: Number(r.record_count) }));
    },
    async loadReview(limit) {
      const q = db('review_queue').select('*').orderBy('match_weight', 'desc').orderBy('id');
      if (limit) q.limit(limit);
      const rows = (await q) as Record<string, unknown>[];
      return rows.map((r) => ({
        id: Number(r.id), leftRef: String(r.left_ref), rightRef: String(r.right_ref), leftPerson: String(r.left_person),
        rightPerson: String(r.right_person), matchWeight: Number(r.match_weight), reason: String(r.reason), evidence: String(r.evidence),
        createdAt: String(r.created_at),
      }));
    },
    async latestModelJson() {
      const row = (await db('identity_models').select('model').orderBy('created_at', 'desc').orderBy('model_version').first()) as { model: string } | undefined;
      return row?.model ?? null;
    },
    async modelJson(modelVersion) {
      const row = (await db('identity_models').select('model').where({ model_version: modelVersion }).first()) as { model: string } | undefined;
      return row?.model ?? null;
    },
    async saveModel(modelVersion, json, now) {
      await db('identity_models').insert({ model_version: modelVersion, model: json, created_at: now }).onConflict('model_version').merge(['model', 'created_at']);
    },
    async addDecision(d) {
      const [row] = (await db('identity_decisions').insert({
        kind: d.kind, refs: JSON.stringify(d.refs), person_ids: JSON.stringify(d.personIds), constraints: JSON.stringify(d.constraints),
        decided_by: d.decidedBy, decided_at: d.decidedAt, reason: d.reason,
      }).returning('id')) as ({ id: number } | number)[];
      const id = typeof row === 'object' ? Number(row.id) : Number(row);
      return { id, ...d };
    },
    async writeFull(records, pairs, review, now) {
      await db.transaction(async (trx) => {
        await trx('person_records').delete();
        await trx('candidate_pairs').delete();
        await withoutSecondaryIndexes(trx, ['person_records', 'candidate_pairs'], async () => {
          await insertChunks(trx, 'person_records', records.map((r) => recordToDb(r, now)));
          // In the order given: loadPairs returns them in insertion order, which incremental updates rely on.
          await insertChunks(trx, 'candidate_pairs', pairs.map(pairToDb));
        });
        await writeReview(trx, review);
        await refreshPersons(trx, now);
      });
    },
    async writeChanges(records, removedRefs, focusRefs, pairs, review, now) {
      await db.transaction(async (trx) => {
        for (let i = 0; i < removedRefs.length; i += CHUNK) await trx('person_records').whereIn('ref', removedRefs.slice(i, i + CHUNK)).delete();
        for (let i = 0; i < records.length; i += CHUNK) {
          await trx('person_records').insert(records.slice(i, i + CHUNK).map((r) => recordToDb(r, now))).onConflict('ref').merge();
        }
        const touched = [...new Set([...focusRefs, ...removedRefs])];
        for (let i = 0; i < touched.length; i += CHUNK) {
          const part = touched.slice(i, i + CHUNK);
          await trx('candidate_pairs').whereIn('left_ref', part).orWhereIn('right_ref', part).delete();
        }
        await insertChunks(trx, 'candidate_pairs', pairs.map(pairToDb));
        await writeReview(trx, review);
        await refreshPersons(trx, now);
      });
    },
    async addRun(kind, startedAt, finishedAt, modelVersion, summary) {
      await db('identity_runs').insert({ kind, started_at: startedAt, finished_at: finishedAt, model_version: modelVersion, summary: JSON.stringify(summary) });
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Opens the gateway store at `url` (SQLite default, PostgreSQL by configuration) and migrates it. */
export async function openPersonIndexStore(url: string = DEFAULT_STORE_URL): Promise<PersonIndexStore> {
  if (url.startsWith('sqlite:') && url !== 'sqlite::memory:') {
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    const { parseSqlUrl } = await import('../db/connect.js');
    mkdirSync(dirname(parseSqlUrl(url).location), { recursive: true });
  }
  const db = openDatabase(url);
  await ensureSchema(db, url);
  await migrateLatest(db);
  return createPersonIndexStore(db);
}
