/**
 * CID's workflow side: the reads the reporting workflow needs (a centre's events on a day, one
 * event or restriction with its case) and the two writes it makes back into CID's reporting tables
 * (004 §6.60–6.66): an event's result, and a restriction's frequency, window and centre. Opened on
 * CID_DATABASE_URL with a WRITABLE connection (the reading adapter, adapter.ts, stays read-only).
 *
 * Each write runs in one CID transaction and is idempotent per intent: it leaves a case note
 * stamped `[PCV <intentId>]`, and a write whose stamp is already on the case is not repeated — so
 * the gateway's recovery can re-run an intent that crashed after CID committed (src/workflow/outbox.ts).
 * Returns domain records (src/domain/cid.ts), never rows; knows nothing of GraphQL.
 */
import type { Knex } from 'knex';
import type {
  CidCase,
  CidPersonOnCase,
  CidReportingEvent,
  CidReportingFrequency,
  CidReportingResult,
  CidRestriction,
} from '../../src/domain/cid.js';
import { NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/db/connect.js';
import { toCidDate } from './legacyFormat.js';
import { toCase, toPersonOnCase, toReportingEvent, toRestriction } from './mappers.js';
import { CID_TABLES as T } from './rows.js';
import type { AliasRow, CaseRow, EventRow, PersonOnCaseRow, RestrictionRow } from './rows.js';
import { CidWriteRejectedError } from './writeErrors.js';
import { FREQUENCY_CODES, RESULT_CODES, toCidDateTime } from './writeFormat.js';
import { driverReason } from './driverReason.js';

/** One event due at a centre, with its restriction, case and the persons on that case. */
export interface CidScheduledEvent {
  readonly event: CidReportingEvent;
  readonly restriction: CidRestriction;
  readonly case: CidCase;
  readonly persons: readonly CidPersonOnCase[];
}

/** A restriction with its case and every event, earliest due first. */
export interface CidRestrictionContext {
  readonly restriction: CidRestriction;
  readonly case: CidCase;
  readonly events: readonly CidReportingEvent[];
  readonly persons: readonly CidPersonOnCase[];
}

export interface CidCaseNoteWrite {
  readonly author: string;
  /** ISO 8601 UTC; written as UK local time. */
  readonly at: string;
  readonly text: string;
}

export interface CidOutcomeWrite {
  /** The gateway intent this write belongs to (stamped on the case note). */
  readonly intentId: string;
  readonly eventId: string;
  /** What CID's result column gets; null leaves it blank (an excused absence, which CID cannot hold). */
  readonly result: CidReportingResult | null;
  readonly note: CidCaseNoteWrite;
}

export interface CidRestrictionWrite {
  readonly intentId: string;
  readonly restrictionId: string;
  readonly frequency: CidReportingFrequency;
  /** `HH:MM`, UK local time. */
  readonly windowStart: string;
  readonly windowMinutes: number;
  readonly centre: string;
  readonly note: CidCaseNoteWrite;
}

export interface CidWriteOutcome {
  /** False when this intent had already been applied (its stamp was on the case): nothing changed. */
  readonly applied: boolean;
}

export interface CidWorkflowAdapter {
  /** Events due at `centre` on the UK local date `isoDate`, with restriction, case and persons; by due time. */
  eventsAtCentreOn(centre: string, isoDate: string): Promise<CidScheduledEvent[]>;
  /** The restriction an event belongs to, with its case and events; a NotFoundError value when unknown. */
  contextOfEvent(eventId: string): Promise<CidRestrictionContext | NotFoundError>;
  contextOfRestriction(restrictionId: string): Promise<CidRestrictionContext | NotFoundError>;
  /** Per Home Office reference: how many of that person's restrictions CID lists as ABSCONDER. */
  absconderRestrictionCounts(hoRefs: readonly string[]): Promise<Map<string, number>>;
  writeReportingOutcome(write: CidOutcomeWrite): Promise<CidWriteOutcome>;
  writeRestriction(write: CidRestrictionWrite): Promise<CidWriteOutcome>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function intentStamp(intentId: string): string {
  return `[PCV ${intentId}]`;
}

const reasonOf = driverReason;

export function createCidWorkflowAdapter(db: Knex): CidWorkflowAdapter {
  const postgres = (db.client as { config?: { client?: unknown } }).config?.client === 'pg';

  /**
   * Locks the row a write is about until the transaction ends (PostgreSQL; SQLite has one writer),
   * so two runs of one intent cannot both miss the other's stamp.
   */
  async function lockRow(trx: Knex.Transaction, table: string, column: string, id: string): Promise<void> {
    if (postgres) await trx(table).select(column).where(column, id).forUpdate();
  }

  async function query<R>(operation: string, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof CidWriteRejectedError) throw e;
      throw new SourceUnavailableError('cid', `${operation}: ${reasonOf(e)}`);
    }
  }

  async function personsOfCases(q: Knex | Knex.Transaction, caseIds: readonly string[]): Promise<Map<string, CidPersonOnCase[]>> {
    const out = new Map<string, CidPersonOnCase[]>();
    if (caseIds.length === 0) return out;
    const ids = [...new Set(caseIds)];
    const rows = (await q(T.personOnCase).select('*').whereIn('case_id', ids).orderBy(['case_id', 'cid_person_id'])) as PersonOnCaseRow[];
    const aliases = (await q(T.alias).select('*').whereIn('case_id', ids)) as AliasRow[];
    for (const row of rows) {
      const mine = aliases.filter((a) => a.case_id === row.case_id && a.cid_person_id === row.cid_person_id);
      const list = out.get(row.case_id) ?? [];
      list.push(toPersonOnCase(row, mine));
      out.set(row.case_id, list);
    }
    return out;
  }

  async function contextOf(q: Knex | Knex.Transaction, restrictionId: string): Promise<CidRestrictionContext | null> {
    const r = (await q(T.restriction).select('*').where('restriction_id', restrictionId).first()) as RestrictionRow | undefined;
    if (!r) return null;
    const c = (await q(T.case).select('*').where('case_id', r.case_id).first()) as CaseRow | undefined;
    if (!c) return null;
    const persons = (await personsOfCases(q, [c.case_id])).get(c.case_id) ?? [];
    const events = ((await q(T.event).select('*').where('restriction_id', restrictionId)) as EventRow[])
      .map((e) => toReportingEvent(e, r.case_id))
      .sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.eventId.localeCompare(b.eventId));
    return {
      restriction: toRestriction(r),
      case: toCase(c, persons.map((p) => p.cidPersonId)),
      events,
      persons,
    };
  }

  async function noteStamped(trx: Knex.Transaction, caseId: string, intentId: string): Promise<boolean> {
    const found = await trx(T.note).select('note_id').where('case_id', caseId).andWhere('note_text', 'like', `${intentStamp(intentId)}%`).first();
    return found !== undefined;
  }

  async function addNote(trx: Knex.Transaction, caseId: string, intentId: string, note: CidCaseNoteWrite): Promise<void> {
    // CID numbers notes itself; the gateway takes the next number inside the write transaction.
    const max = (await trx(T.note).max({ m: 'note_id' }).first()) as { m: number | string | null } | undefined;
    const next = Number(max?.m ?? 0) + 1;
    await trx(T.note).insert({
      note_id: next,
      case_id: caseId,
      note_dtm: toCidDateTime(note.at),
      author: note.author.slice(0, 80),
      note_text: `${intentStamp(intentId)} ${note.text}`,
    });
  }

  return {
    async eventsAtCentreOn(centre, isoDate) {
      const cidDay = toCidDate(isoDate);
      if (!cidDay) throw new Error(`"${isoDate}" is not an ISO date`);
      return query('eventsAtCentreOn', async () => {
        const rows = (await db(`${T.event} as e`)
          .join(`${T.restriction} as r`, 'r.restriction_id', 'e.restriction_id')
          .select('e.*', 'r.case_id')
          .whereRaw('upper(trim(r.rep_centre)) = ?', [centre.trim().toUpperCase()])
          .andWhere('e.due_dtm', 'like', `${cidDay} %`)) as (EventRow & { case_id: string })[];
        if (rows.length === 0) return [];
        const restrictionIds = [...new Set(rows.map((r) => r.restriction_id))];
        const restrictions = new Map(
          ((await db(T.restriction).select('*').whereIn('restriction_id', restrictionIds)) as RestrictionRow[]).map((r) => [r.restriction_id, toRestriction(r)]),
        );
        const caseIds = [...new Set(rows.map((r) => r.case_id))];
        const persons = await personsOfCases(db, caseIds);
        const cases = new Map(
          ((await db(T.case).select('*').whereIn('case_id', caseIds)) as CaseRow[]).map((c) => [c.case_id, toCase(c, (persons.get(c.case_id) ?? []).map((p) => p.cidPersonId))]),
        );
        const out: CidScheduledEvent[] = [];
        for (const row of rows) {
          const restriction = restrictions.get(row.restriction_id);
          const kase = cases.get(row.case_id);
          if (!restriction || !kase) continue;
          out.push({ event: toReportingEvent(row, row.case_id), restriction, case: kase, persons: persons.get(row.case_id) ?? [] });
        }
        return out.sort((a, b) => (a.event.dueAt ?? '').localeCompare(b.event.dueAt ?? '') || a.event.eventId.localeCompare(b.event.eventId));
      });
    },

    async contextOfEvent(eventId) {
      return query('contextOfEvent', async () => {
        const e = (await db(T.event).select('restriction_id').where('event_id', eventId).first()) as { restriction_id: string } | undefined;
        const ctx = e ? await contextOf(db, e.restriction_id) : null;
        return ctx ?? new NotFoundError('cid', 'reporting event', eventId);
      });
    },

    async contextOfRestriction(restrictionId) {
      return query('contextOfRestriction', async () => (await contextOf(db, restrictionId)) ?? new NotFoundError('cid', 'reporting restriction', restrictionId));
    },

    async absconderRestrictionCounts(hoRefs) {
      const wanted = [...new Set(hoRefs.filter((h) => h.trim() !== ''))];
      const out = new Map<string, number>(wanted.map((h) => [h, 0]));
      if (wanted.length === 0) return out;
      return query('absconderRestrictionCounts', async () => {
        const rows = (await db(`${T.personOnCase} as p`)
          .join(`${T.restriction} as r`, 'r.case_id', 'p.case_id')
          .select('p.ho_ref', 'r.restriction_id')
          .whereIn('p.ho_ref', wanted)
          .andWhere('r.status_cd', 'ABSCONDER')) as { ho_ref: string; restriction_id: string }[];
        const seen = new Set<string>();
        for (const r of rows) {
          const k = `${r.ho_ref}|${r.restriction_id}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.set(r.ho_ref, (out.get(r.ho_ref) ?? 0) + 1);
        }
        return out;
      });
    },

    async writeReportingOutcome(write) {
      return query('writeReportingOutcome', () =>
        db.transaction(async (trx) => {
          await lockRow(trx, T.event, 'event_id', write.eventId);
          const row = (await trx(`${T.event} as e`)
            .join(`${T.restriction} as r`, 'r.restriction_id', 'e.restriction_id')
            .select('e.*', 'r.case_id')
            .where('e.event_id', write.eventId)
            .first()) as (EventRow & { case_id: string }) | undefined;
          if (!row) throw new CidWriteRejectedError('NOT_FOUND', `CID holds no reporting event "${write.eventId}".`, 'eventId');
          if (await noteStamped(trx, row.case_id, write.intentId)) return { applied: false };
          const wanted = write.result ? RESULT_CODES[write.result] : null;
          const held = row.result_txt?.trim() ? row.result_txt.trim().toUpperCase() : null;
          if (held !== null && held !== wanted) {
            throw new CidWriteRejectedError('CONFLICT', `CID already holds the result "${held}" for reporting event "${write.eventId}".`, 'outcome');
          }
          if (held === null && wanted !== null) await trx(T.event).where('event_id', write.eventId).update({ result_txt: wanted });
          await addNote(trx, row.case_id, write.intentId, write.note);
          return { applied: true };
        }),
      );
    },

    async writeRestriction(write) {
      return query('writeRestriction', () =>
        db.transaction(async (trx) => {
          await lockRow(trx, T.restriction, 'restriction_id', write.restrictionId);
          const row = (await trx(T.restriction).select('*').where('restriction_id', write.restrictionId).first()) as RestrictionRow | undefined;
          if (!row) throw new CidWriteRejectedError('NOT_FOUND', `CID holds no reporting restriction "${write.restrictionId}".`, 'restrictionId');
          if (await noteStamped(trx, row.case_id, write.intentId)) return { applied: false };
          await trx(T.restriction).where('restriction_id', write.restrictionId).update({
            freq_cd: FREQUENCY_CODES[write.frequency],
            window_start: write.windowStart,
            window_mins: write.windowMinutes,
            rep_centre: write.centre,
          });
          await addNote(trx, row.case_id, write.intentId, write.note);
          return { applied: true };
        }),
      );
    },

    async ping() {
      await query('ping', () => db(T.restriction).select('restriction_id').limit(1));
    },

    async close() {
      await db.destroy();
    },
  };
}

/** Open CID for the workflow's writes (a writable connection on CID_DATABASE_URL). */
export function openCidWorkflowAdapter(databaseUrl: string): CidWorkflowAdapter {
  return createCidWorkflowAdapter(openDatabase(databaseUrl, { poolMax: 4 }));
}
