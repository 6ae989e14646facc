/**
 * The CID adapter: batch lookups over CID's tables that obey the DataLoader contract (a list of
 * keys in, a list of the same length out in key order, an Error value for a key that failed),
 * identity fragments for the person index, and the searches identity resolution needs. It returns
 * domain records (src/domain/cid.ts), never rows, and knows nothing of GraphQL.
 *
 * A failed database call rejects the whole batch with SourceUnavailableError; a key with no record
 * gets a NotFoundError (single-record lookups) or an empty list (list lookups); a malformed key
 * gets a BadInputError.
 */
import type { Knex } from 'knex';
import type {
  CidCase,
  CidEtdApplication,
  CidNote,
  CidPersonOnCase,
  CidReportingEvent,
  CidRestriction,
} from '../../src/domain/cid.js';
import type { IdentityFragment } from '../../src/domain/common.js';
import { BadInputError, NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import { openDatabase } from '../../src/db/connect.js';
import { toIdentityFragment } from './fragments.js';
import { toCidDate } from './legacyFormat.js';
import {
  parsePersonOnCaseKey,
  personOnCaseKey,
  toCase,
  toEtdApplication,
  toNote,
  toPersonOnCase,
  toReportingEvent,
  toRestriction,
} from './mappers.js';
import { familyNameKey } from './names.js';
import { CID_TABLES as T } from './rows.js';
import type { AliasRow, CaseRow, EtdRow, EventRow, NoteRow, PersonOnCaseRow, RestrictionRow } from './rows.js';
import { driverReason } from './driverReason.js';

export type BatchResult<V> = Promise<ReadonlyArray<V | Error>>;

export interface CidAdapter {
  casesByIds(caseIds: readonly string[]): BatchResult<CidCase>;
  /** Keys `<caseId>/<cidPersonId>`. */
  personsOnCaseByKeys(keys: readonly string[]): BatchResult<CidPersonOnCase>;
  /** Every case on which a person with this Home Office reference appears (exact, as CID holds it). */
  casesByHoRef(hoRefs: readonly string[]): BatchResult<readonly CidCase[]>;
  /** Every case on which this CID person id appears (it is sometimes reused across cases). */
  casesByCidPersonId(cidPersonIds: readonly string[]): BatchResult<readonly CidCase[]>;
  /** A case's notes, oldest first (notes are split by case, 004 §6.47). */
  notesByCaseIds(caseIds: readonly string[]): BatchResult<readonly CidNote[]>;
  restrictionsByCaseIds(caseIds: readonly string[]): BatchResult<readonly CidRestriction[]>;
  /** A restriction's reporting events, earliest due first. */
  reportingEventsByRestrictionIds(restrictionIds: readonly string[]): BatchResult<readonly CidReportingEvent[]>;
  etdByCaseIds(caseIds: readonly string[]): BatchResult<readonly CidEtdApplication[]>;
  /** Identity fragments by person-on-case key `<caseId>/<cidPersonId>`. */
  fragmentsByKeys(keys: readonly string[]): BatchResult<IdentityFragment>;
  /** Every person-on-case record as a fragment, in key order, read a page at a time. */
  scanFragments(pageSize?: number): AsyncIterable<IdentityFragment>;
  /** Fragments whose date of birth, as CID holds it, is this ISO date. */
  fragmentsByDateOfBirth(isoDates: readonly string[]): BatchResult<readonly IdentityFragment[]>;
  /** Fragments whose surname has this key (see names.ts `familyNameKey`). */
  fragmentsByFamilyNameKey(keys: readonly string[]): BatchResult<readonly IdentityFragment[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Keys per IN (...) list: well under SQLite's and PostgreSQL's bind-parameter limits. */
const IN_CHUNK = 900;

function chunks<K>(items: readonly K[], size: number): K[][] {
  const out: K[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function unique<K>(items: readonly K[]): K[] {
  return [...new Set(items)];
}

function groupBy<R, K>(rows: readonly R[], key: (row: R) => K): Map<K, R[]> {
  const m = new Map<K, R[]>();
  for (const row of rows) {
    const k = key(row);
    const list = m.get(k);
    if (list) list.push(row);
    else m.set(k, [row]);
  }
  return m;
}

/** Sort by an optional ISO instant (missing last), then by id. */
function byTimeThenId<V>(time: (v: V) => string | null, id: (v: V) => string): (a: V, b: V) => number {
  return (a, b) => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) {
      if (ta == null) return 1;
      if (tb == null) return -1;
      return ta < tb ? -1 : 1;
    }
    return id(a).localeCompare(id(b), 'en', { numeric: true });
  };
}

const reasonOf = driverReason;

export function createCidAdapter(db: Knex): CidAdapter {
  async function query<R>(operation: string, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (e) {
      throw new SourceUnavailableError('cid', `${operation}: ${reasonOf(e)}`);
    }
  }

  async function selectIn<R>(table: string, column: string, values: readonly string[], operation: string): Promise<R[]> {
    const out: R[] = [];
    for (const part of chunks(unique(values), IN_CHUNK)) {
      const rows = await query(operation, () => db(table).select('*').whereIn(column, part) as Promise<R[]>);
      out.push(...rows);
    }
    return out;
  }

  async function loadCases(caseIds: readonly string[]): Promise<Map<string, CidCase>> {
    if (caseIds.length === 0) return new Map();
    const rows = await selectIn<CaseRow>(T.case, 'case_id', caseIds, 'casesByIds');
    const people: { case_id: string; cid_person_id: string }[] = [];
    for (const part of chunks(unique(caseIds), IN_CHUNK)) {
      const found = await query('casesByIds', () =>
        db(T.personOnCase).select('case_id', 'cid_person_id').whereIn('case_id', part).orderBy(['case_id', 'cid_person_id']),
      );
      people.push(...(found as { case_id: string; cid_person_id: string }[]));
    }
    const personIds = groupBy(people, (p) => p.case_id);
    return new Map(rows.map((row) => [row.case_id, toCase(row, (personIds.get(row.case_id) ?? []).map((p) => p.cid_person_id))]));
  }

  async function mapPersonRows(rows: readonly PersonOnCaseRow[], operation: string): Promise<CidPersonOnCase[]> {
    const aliasRows = await selectIn<AliasRow>(T.alias, 'case_id', rows.map((r) => r.case_id), operation);
    const aliases = groupBy(aliasRows, (a) => personOnCaseKey(a.case_id, a.cid_person_id));
    return rows.map((row) => toPersonOnCase(row, aliases.get(personOnCaseKey(row.case_id, row.cid_person_id)) ?? []));
  }

  async function personsOnCaseByKeys(keys: readonly string[]): BatchResult<CidPersonOnCase> {
    const parsed = keys.map(parsePersonOnCaseKey);
    const caseIds = parsed.flatMap((p) => (p ? [p.caseId] : []));
    const rows = await selectIn<PersonOnCaseRow>(T.personOnCase, 'case_id', caseIds, 'personsOnCaseByKeys');
    const wanted = new Set(keys);
    const persons = await mapPersonRows(
      rows.filter((r) => wanted.has(personOnCaseKey(r.case_id, r.cid_person_id))),
      'personsOnCaseByKeys',
    );
    const byKey = new Map(persons.map((p) => [p.ref.key, p]));
    return keys.map((key, i) =>
      parsed[i] == null
        ? new BadInputError('key', `"${key}" is not a CID person-on-case key <caseId>/<cidPersonId>.`)
        : (byKey.get(key) ?? new NotFoundError('cid', 'person on case', key)),
    );
  }

  async function casesByPersonColumn(column: 'ho_ref' | 'cid_person_id', values: readonly string[], operation: string): BatchResult<readonly CidCase[]> {
    const wanted = values.map((v) => v.trim());
    const links = await selectIn<PersonOnCaseRow>(T.personOnCase, column, wanted.filter((v) => v !== ''), operation);
    const caseIdsByValue = groupBy(links, (r) => r[column] ?? '');
    const cases = await loadCases(unique(links.map((r) => r.case_id)));
    return wanted.map((v) => {
      const ids = unique((caseIdsByValue.get(v) ?? []).map((r) => r.case_id)).sort();
      return ids.flatMap((id) => {
        const c = cases.get(id);
        return c ? [c] : [];
      });
    });
  }

  async function listByCase<R extends { case_id: string }, V>(
    table: string,
    caseIds: readonly string[],
    operation: string,
    map: (row: R) => V,
    order: (a: V, b: V) => number,
  ): BatchResult<readonly V[]> {
    const rows = await selectIn<R>(table, 'case_id', caseIds, operation);
    const grouped = groupBy(rows, (r) => r.case_id);
    return caseIds.map((id) => (grouped.get(id) ?? []).map(map).sort(order));
  }

  async function fragmentsWhere(operation: string, select: (part: readonly string[]) => Promise<PersonOnCaseRow[]>, values: readonly string[]): Promise<IdentityFragment[]> {
    const rows: PersonOnCaseRow[] = [];
    for (const part of chunks(unique(values), IN_CHUNK)) rows.push(...(await query(operation, () => select(part))));
    return (await mapPersonRows(rows, operation)).map(toIdentityFragment);
  }

  return {
    async casesByIds(caseIds) {
      const cases = await loadCases(caseIds);
      return caseIds.map((id) => cases.get(id) ?? new NotFoundError('cid', 'case', id));
    },

    personsOnCaseByKeys,

    casesByHoRef: (hoRefs) => casesByPersonColumn('ho_ref', hoRefs, 'casesByHoRef'),

    casesByCidPersonId: (ids) => casesByPersonColumn('cid_person_id', ids, 'casesByCidPersonId'),

    notesByCaseIds: (caseIds) =>
      listByCase<NoteRow, CidNote>(T.note, caseIds, 'notesByCaseIds', toNote, byTimeThenId((n) => n.writtenAt, (n) => n.noteId)),

    restrictionsByCaseIds: (caseIds) =>
      listByCase<RestrictionRow, CidRestriction>(T.restriction, caseIds, 'restrictionsByCaseIds', toRestriction, byTimeThenId((r) => r.startedOn, (r) => r.restrictionId)),

    etdByCaseIds: (caseIds) =>
      listByCase<EtdRow, CidEtdApplication>(T.etd, caseIds, 'etdByCaseIds', toEtdApplication, byTimeThenId((e) => e.submittedOn, (e) => e.etdId)),

    async reportingEventsByRestrictionIds(restrictionIds) {
      const rows: (EventRow & { case_id: string })[] = [];
      for (const part of chunks(unique(restrictionIds), IN_CHUNK)) {
        const found = await query('reportingEventsByRestrictionIds', () =>
          db(`${T.event} as e`)
            .join(`${T.restriction} as r`, 'r.restriction_id', 'e.restriction_id')
            .select('e.*', 'r.case_id')
            .whereIn('e.restriction_id', part),
        );
        rows.push(...(found as (EventRow & { case_id: string })[]));
      }
      const grouped = groupBy(rows, (r) => r.restriction_id);
      const order = byTimeThenId<CidReportingEvent>((e) => e.dueAt, (e) => e.eventId);
      return restrictionIds.map((id) => (grouped.get(id) ?? []).map((r) => toReportingEvent(r, r.case_id)).sort(order));
    },

    async fragmentsByKeys(keys) {
      const persons = await personsOnCaseByKeys(keys);
      return persons.map((p) => (p instanceof Error ? p : toIdentityFragment(p)));
    },

    async *scanFragments(pageSize = 1000) {
      let after: { caseId: string; cidPersonId: string } | null = null;
      for (;;) {
        const from = after;
        const rows = (await query('scanFragments', () => {
          const q = db(T.personOnCase).select('*').orderBy(['case_id', 'cid_person_id']).limit(pageSize);
          if (from) {
            q.where('case_id', '>', from.caseId).orWhere((w) => w.where('case_id', from.caseId).andWhere('cid_person_id', '>', from.cidPersonId));
          }
          return q;
        })) as PersonOnCaseRow[];
        if (rows.length === 0) return;
        for (const p of await mapPersonRows(rows, 'scanFragments')) yield toIdentityFragment(p);
        const last = rows[rows.length - 1]!;
        after = { caseId: last.case_id, cidPersonId: last.cid_person_id };
        if (rows.length < pageSize) return;
      }
    },

    async fragmentsByDateOfBirth(isoDates) {
      const cidDates = isoDates.map(toCidDate);
      const fragments = await fragmentsWhere(
        'fragmentsByDateOfBirth',
        (part) => db(T.personOnCase).select('*').whereIn('dob', part),
        cidDates.filter((d): d is string => d != null),
      );
      const byDob = groupBy(fragments, (f) => f.dateOfBirth);
      return isoDates.map((iso, i) =>
        cidDates[i] == null ? new BadInputError('dateOfBirth', `"${iso}" is not an ISO date YYYY-MM-DD.`) : (byDob.get(iso) ?? []),
      );
    },

    async fragmentsByFamilyNameKey(keys) {
      // A key without a letter ('', '--') would match nothing useful: refuse it per key.
      const wanted = keys.map((k) => (/[A-Z]/.test(familyNameKey(k)) ? familyNameKey(k) : ''));
      const fragments = await fragmentsWhere(
        'fragmentsByFamilyNameKey',
        (part) => db(T.personOnCase).select('*').whereRaw(`upper(surname) in (${part.map(() => '?').join(', ')})`, [...part]),
        wanted.filter((k) => k !== ''),
      );
      const byKey = groupBy(fragments, (f) => f.name.family);
      return keys.map((key, i) =>
        wanted[i] === '' ? new BadInputError('familyNameKey', 'A family name key must contain letters.') : (byKey.get(wanted[i]!) ?? []),
      );
    },

    async ping() {
      await query('ping', () => db(T.case).select('case_id').limit(1));
    },

    async close() {
      await db.destroy();
    },
  };
}

/** Open CID read-only from a SQL URL (`sqlite:<file>` or `postgres://...?schema=cid`). */
export function openCidAdapter(databaseUrl: string): CidAdapter {
  return createCidAdapter(openDatabase(databaseUrl, { readonly: true }));
}
