/**
 * Renders the ground truth into CID, the Home Office's case-centric Casework Information Database
 * (004 §3.12, §6.47), with CID's awkwardness:
 *
 * - one row per person *per case*: the person's details are copied onto every case and drift from
 *   copy to copy (spelling and transliteration variants, typos, given and family names swapped,
 *   day/month swapped dates of birth, missing or mistyped identifiers) — mocks/estate/noise.ts;
 * - the CID person id is per case, reused on some cases and not on others (as the truth says);
 * - notes, restrictions and ETD applications sit on their own case, so one life is split by case;
 * - the owner unit exactly as CID labels it, including 'NO UNIT', 'NOT IN USE', '' and obsolete
 *   units (004 §6.10, §6.16);
 * - dates as text `DD-MON-YYYY`, times as `DD-MON-YYYY HH24:MI:SS` in UK local time;
 * - nationality as ICAO 9303 codes (alpha-3, but Germany is `D`) on cases opened since 2008, and as
 *   the older system's free text ("NIGERIA", "NIGERIAN") on cases opened before;
 * - names upper case since 2008, mixed case ("Mohammed") on cases from the older system;
 * - reporting results 'COMPLETED', 'NO SHOW' or NULL (blank, not recorded) (004 §7.21).
 *
 * Every person-on-case row is reported to the truth sink as `cid:<caseId>/<cidPersonId>`.
 * Rows are inserted in chunks inside one transaction; no value comes from the clock.
 */
import type { Knex } from 'knex';
import { isBetterSqlite } from '../../../src/db/connect.js';
import { countryByAlpha3, parseNationality } from '../../../src/domain/nationality.js';
import type {
  CaseStatus,
  CaseType,
  EtdStatus,
  NoiseOptions,
  ReportingFrequency,
  RestrictionStatus,
  TrueCase,
  TruePerson,
} from '../model.js';
import { copyDate, copyIdentifier, copyName } from '../noise.js';
import type { Rng } from '../rng.js';
import type { RenderSummary, Renderer } from './types.js';

type Row = Record<string, string | number | null>;

interface TableSpec {
  readonly name: string;
  readonly create: (t: Knex.CreateTableBuilder) => void;
  /** Index statements run after loading (faster than maintaining them during the load). */
  readonly indexes: readonly string[];
}

/** CID's tables. Text and integer columns only, so SQLite and PostgreSQL hold the same values. */
export const CID_SCHEMA: readonly TableSpec[] = [
  {
    name: 'cid_case',
    create: (t) => {
      t.string('case_id', 24).primary();
      t.string('case_type_cd', 8);
      t.string('case_status_cd', 12);
      t.string('opened_dt', 11);
      t.string('closed_dt', 11);
      t.string('owner_unit', 120);
      t.string('caseworker_name', 80);
      t.string('crim_offence_cd', 20);
      t.string('crim_conviction_dt', 11);
      t.integer('crim_sentence_mths');
      t.string('crim_release_dt', 11);
      t.string('crim_deport_decision_dt', 11);
      t.string('crim_pre2008_notice_ind', 1);
      t.string('crim_s33_exception_ind', 1);
      t.integer('crim_fno_band');
      t.string('crim_mappa_cd', 3);
      t.string('crim_harm_cat', 1);
      t.string('crim_tagged_ind', 1);
      t.string('crim_nfa_ind', 1);
      t.string('crim_zincs_ind', 1);
    },
    indexes: [],
  },
  {
    name: 'cid_person_on_case',
    create: (t) => {
      t.string('case_id', 24).notNullable();
      t.string('cid_person_id', 24).notNullable();
      t.string('ho_ref', 20);
      t.string('surname', 100);
      t.string('forenames', 160);
      t.string('dob', 11);
      t.string('gender_cd', 1);
      t.string('nationality_cd', 40);
      t.string('place_of_birth', 100);
      t.string('pnc_id', 20);
      t.string('iabs_ref', 20);
      t.string('passport_no', 20);
      t.string('created_dtm', 20);
      t.primary(['case_id', 'cid_person_id']);
    },
    indexes: [
      'create index cid_poc_person on cid_person_on_case (cid_person_id)',
      'create index cid_poc_ho_ref on cid_person_on_case (ho_ref)',
      'create index cid_poc_dob on cid_person_on_case (dob)',
      'create index cid_poc_surname on cid_person_on_case (upper(surname))',
    ],
  },
  {
    name: 'cid_person_alias',
    create: (t) => {
      t.string('case_id', 24).notNullable();
      t.string('cid_person_id', 24).notNullable();
      t.integer('alias_seq').notNullable();
      t.string('surname', 100);
      t.string('forenames', 160);
      t.string('dob', 11);
      t.primary(['case_id', 'cid_person_id', 'alias_seq']);
    },
    indexes: [],
  },
  {
    name: 'cid_case_note',
    create: (t) => {
      t.integer('note_id').primary();
      t.string('case_id', 24).notNullable();
      t.string('note_dtm', 20);
      t.string('author', 80);
      t.text('note_text');
    },
    indexes: ['create index cid_note_case on cid_case_note (case_id)'],
  },
  {
    name: 'cid_rep_restriction',
    create: (t) => {
      t.string('restriction_id', 20).primary();
      t.string('case_id', 24).notNullable();
      t.string('rep_centre', 60);
      t.string('freq_cd', 1);
      t.string('window_start', 5);
      t.integer('window_mins');
      t.string('bail_ind', 1);
      t.string('status_cd', 16);
      t.string('start_dt', 11);
    },
    indexes: ['create index cid_restr_case on cid_rep_restriction (case_id)'],
  },
  {
    name: 'cid_rep_event',
    create: (t) => {
      t.string('event_id', 32).primary();
      t.string('restriction_id', 20).notNullable();
      t.string('due_dtm', 20);
      t.string('result_txt', 12);
    },
    indexes: ['create index cid_event_restr on cid_rep_event (restriction_id)'],
  },
  {
    name: 'cid_etd_application',
    create: (t) => {
      t.string('etd_id', 20).primary();
      t.string('case_id', 24).notNullable();
      t.string('country_cd', 40);
      t.string('status_cd', 20);
      t.string('submitted_dt', 11);
      t.string('interview_dt', 11);
    },
    indexes: ['create index cid_etd_case on cid_etd_application (case_id)'],
  },
];

// --- CID's code lists (the legacy side; adapters/cid/codeLists.ts reads them back) -------------

const CASE_TYPE_CODES: Readonly<Record<CaseType, string>> = {
  VISIT_VISA: 'VIS',
  STUDENT_VISA: 'STU',
  LEAVE_TO_REMAIN: 'LTR',
  EEA_RESIDENCE: 'EEA',
  ASYLUM: 'ASY',
  FURTHER_REPRESENTATIONS: 'FREP',
  HUMAN_RIGHTS: 'HR',
  JUDICIAL_REVIEW: 'JR',
  CRIMINAL: 'CRIM',
  ENFORCEMENT: 'ENF',
};

const CASE_STATUS_CODES: Readonly<Record<CaseStatus, string>> = {
  OPEN: 'LIVE',
  GRANTED: 'GRANTED',
  REFUSED: 'REFUSED',
  WITHDRAWN: 'WITHDRAWN',
  CLOSED: 'CONCLUDED',
};

const FREQUENCY_CODES: Readonly<Record<ReportingFrequency, string>> = { WEEKLY: 'W', FORTNIGHTLY: 'F', MONTHLY: 'M' };

const RESTRICTION_STATUS_CODES: Readonly<Record<RestrictionStatus, string>> = {
  OPEN: 'OPEN',
  REMOVED: 'REMOVED',
  GRANTED_LEAVE: 'LEAVE GRANTED',
  ABSCONDER: 'ABSCONDER',
  EXCUSED: 'EXCUSED',
};

const ETD_STATUS_CODES: Readonly<Record<EtdStatus, string>> = {
  NOT_STARTED: 'NOT STARTED',
  SUBMITTED: 'SUBMITTED',
  INTERVIEW_BOOKED: 'INTERVIEW BOOKED',
  ISSUED: 'ISSUED',
  REFUSED: 'REFUSED',
};

const MAPPA_CODES: Readonly<Record<TruePerson['mappaLevel'], string>> = { 0: 'NON', 1: 'L1', 2: 'L2', 3: 'L3', EX: 'EX' };

/** Cases opened before this date were migrated from the older system (free-text nationality, mixed-case names). */
const MIGRATION_DATE = '2008-01-01';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const cidDates = new Map<string, string>();

/** ISO `YYYY-MM-DD` → `DD-MON-YYYY`. Copies may hold impossible dates (31-FEB): CID never checked. */
function cidDate(iso: string | null): string | null {
  if (iso == null) return null;
  let out = cidDates.get(iso);
  if (out === undefined) {
    out = `${iso.slice(8, 10)}-${MONTHS[Number(iso.slice(5, 7)) - 1] ?? '???'}-${iso.slice(0, 4)}`;
    cidDates.set(iso, out);
  }
  return out;
}

const bstPeriods = new Map<number, readonly [number, number]>();

function lastSundayUtc(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, last.getUTCDate() - last.getUTCDay(), 1);
}

/** BST: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. */
function bstPeriod(year: number): readonly [number, number] {
  let p = bstPeriods.get(year);
  if (!p) {
    p = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)];
    bstPeriods.set(year, p);
  }
  return p;
}

/** UTC instant `YYYY-MM-DDTHH:MM:SS(.sss)Z` → UK local wall time `DD-MON-YYYY HH24:MI:SS`. */
function cidDateTime(isoInstant: string): string {
  const t = Date.parse(isoInstant);
  const [start, end] = bstPeriod(Number(isoInstant.slice(0, 4)));
  const bst = t >= start && t < end;
  const hour = Number(isoInstant.slice(11, 13));
  if (!bst || hour < 23) {
    // Same calendar day: only the hour may change.
    const h = bst ? String(hour + 1).padStart(2, '0') : isoInstant.slice(11, 13);
    return `${cidDate(isoInstant.slice(0, 10))} ${h}${isoInstant.slice(13, 19)}`;
  }
  const local = new Date(t + 3_600_000).toISOString();
  return `${cidDate(local.slice(0, 10))} ${local.slice(11, 19)}`;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Nationality as CID holds it on a case opened on `openedOn`. */
function cidNationality(rng: Rng, alpha3: string, openedOn: string): string {
  const country = countryByAlpha3(alpha3);
  if (openedOn < MIGRATION_DATE && country) {
    return rng.chance(0.5) ? country.name.toUpperCase() : country.demonym.toUpperCase();
  }
  return alpha3 === 'DEU' ? 'D' : alpha3;
}

const yn = (b: boolean): string => (b ? 'Y' : 'N');

/** ETD applications post-date the 2008 migration: ICAO codes (the truth may name the country). */
function etdCountryCode(country: string): string {
  const alpha3 = parseNationality(country) ?? country;
  return alpha3 === 'DEU' ? 'D' : alpha3;
}

/** The part of a better-sqlite3 connection the writer uses to reuse prepared statements. */
interface SqliteConnection {
  prepare(sql: string): { run(params: readonly (string | number | null)[]): unknown };
}

function isSqliteConnection(c: unknown): c is SqliteConnection {
  return typeof c === 'object' && c !== null && typeof (c as { prepare?: unknown }).prepare === 'function' && 'inTransaction' in c;
}

/**
 * Buffers rows per table and writes each chunk as one multi-row VALUES statement inside the
 * transaction. (knex's own SQLite insert builds a compound SELECT, which SQLite caps at 500 terms.)
 * On SQLite the statement for a full chunk is prepared once and reused through the transaction's
 * own connection, which roughly halves the load time; PostgreSQL goes through knex.
 */
class ChunkedWriter {
  private readonly buffers = new Map<string, Row[]>();
  private readonly statements = new Map<string, ReturnType<SqliteConnection['prepare']>>();
  readonly counts: Record<string, number> = {};

  private constructor(
    private readonly trx: Knex.Transaction,
    private readonly sqlite: SqliteConnection | null,
    private readonly rowsPerInsert: (columns: number) => number,
  ) {}

  static async open(trx: Knex.Transaction, rowsPerInsert: (columns: number) => number): Promise<ChunkedWriter> {
    const connection: unknown = isBetterSqlite(trx) ? await trx.client.acquireConnection() : null;
    return new ChunkedWriter(trx, isSqliteConnection(connection) ? connection : null, rowsPerInsert);
  }

  async add(table: string, row: Row): Promise<void> {
    let buf = this.buffers.get(table);
    if (!buf) {
      buf = [];
      this.buffers.set(table, buf);
    }
    buf.push(row);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
    if (buf.length >= this.rowsPerInsert(Object.keys(row).length)) await this.flush(table);
  }

  async flush(table: string): Promise<void> {
    const buf = this.buffers.get(table);
    if (!buf || buf.length === 0) return;
    this.buffers.set(table, []);
    const columns = Object.keys(buf[0]!);
    const bindings: (string | number | null)[] = [];
    for (const row of buf) for (const c of columns) bindings.push(row[c] ?? null);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const sql = (): string => `insert into ${table} (${columns.join(', ')}) values ${buf.map(() => tuple).join(', ')}`;
    if (!this.sqlite) {
      await this.trx.raw(sql(), bindings);
      return;
    }
    const key = `${table}:${buf.length}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(sql());
      this.statements.set(key, statement);
    }
    statement.run(bindings);
  }

  async flushAll(): Promise<void> {
    for (const table of this.buffers.keys()) await this.flush(table);
  }
}

interface PersonContext {
  readonly rng: Rng;
  readonly noise: NoiseOptions;
  readonly person: TruePerson;
  readonly out: ChunkedWriter;
  nextNoteId: () => number;
}

async function renderPersonOnCase(ctx: PersonContext, c: TrueCase): Promise<void> {
  const { rng, noise, person, out } = ctx;
  const legacy = c.openedOn < MIGRATION_DATE;
  const writeName = (s: string): string => (legacy ? titleCase(s) : s);
  const name = copyName(rng, noise, person.givenNames, person.familyName);
  const criminalOrEnforcement = c.type === 'CRIMINAL' || c.type === 'ENFORCEMENT';
  const visaLike = c.type === 'VISIT_VISA' || c.type === 'STUDENT_VISA' || c.type === 'LEAVE_TO_REMAIN' || c.type === 'EEA_RESIDENCE';
  await out.add('cid_person_on_case', {
    case_id: c.caseId,
    cid_person_id: c.cidPersonId,
    ho_ref: copyIdentifier(rng, noise, person.hoRef),
    surname: writeName(name.familyName),
    forenames: writeName(name.givenNames.join(' ')),
    dob: cidDate(copyDate(rng, noise, person.dateOfBirth)),
    gender_cd: person.gender,
    nationality_cd: cidNationality(rng, person.nationality, c.openedOn),
    place_of_birth: person.placeOfBirth.toUpperCase(),
    pnc_id: criminalOrEnforcement || rng.chance(0.1) ? copyIdentifier(rng, noise, person.pncId) : null,
    iabs_ref: copyIdentifier(rng, noise, person.fingerprintRef),
    passport_no: visaLike || rng.chance(0.3) ? copyIdentifier(rng, noise, person.passportNumber) : null,
    // Added to the case on the day it opened, during office hours (UK local time).
    created_dtm: `${cidDate(c.openedOn)} ${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`,
  });
  let seq = 0;
  for (const alias of person.aliases) {
    // An alias is recorded on a case only if the caseworker on that case learnt of it.
    if (!rng.chance(0.6)) continue;
    const aliasName = copyName(rng, noise, alias.givenNames, alias.familyName);
    seq += 1;
    await out.add('cid_person_alias', {
      case_id: c.caseId,
      cid_person_id: c.cidPersonId,
      alias_seq: seq,
      surname: writeName(aliasName.familyName),
      forenames: writeName(aliasName.givenNames.join(' ')),
      dob: alias.dateOfBirth ? cidDate(copyDate(rng, noise, alias.dateOfBirth)) : null,
    });
  }
}

function caseRow(person: TruePerson, c: TrueCase): Row {
  const crim = c.criminal;
  const conviction = crim ? person.convictions[crim.convictionIndex] : undefined;
  return {
    case_id: c.caseId,
    case_type_cd: CASE_TYPE_CODES[c.type],
    case_status_cd: CASE_STATUS_CODES[c.status],
    opened_dt: cidDate(c.openedOn),
    closed_dt: cidDate(c.closedOn),
    owner_unit: c.ownerUnit,
    caseworker_name: c.caseworker,
    crim_offence_cd: conviction?.offenceCode ?? null,
    crim_conviction_dt: cidDate(conviction?.convictedOn ?? null),
    crim_sentence_mths: conviction?.sentenceMonths ?? null,
    crim_release_dt: cidDate(crim?.releasedOn ?? null),
    crim_deport_decision_dt: cidDate(crim?.deportationDecisionOn ?? null),
    crim_pre2008_notice_ind: crim ? yn(crim.noticeServedBefore2008) : null,
    crim_s33_exception_ind: crim ? yn(crim.s33Exception) : null,
    crim_fno_band: crim?.band ?? null,
    crim_mappa_cd: crim ? MAPPA_CODES[person.mappaLevel] : null,
    crim_harm_cat: crim ? person.harmCategory : null,
    crim_tagged_ind: crim ? yn(person.tagged) : null,
    crim_nfa_ind: crim ? yn(person.noFixedAddress) : null,
    crim_zincs_ind: crim ? yn(crim.operationZincs) : null,
  };
}

async function renderCase(ctx: PersonContext, c: TrueCase): Promise<void> {
  const { out, person } = ctx;
  await out.add('cid_case', caseRow(person, c));
  await renderPersonOnCase(ctx, c);
  for (const note of c.notes) {
    await out.add('cid_case_note', {
      note_id: ctx.nextNoteId(),
      case_id: c.caseId,
      note_dtm: cidDateTime(note.at),
      author: note.author,
      note_text: note.text,
    });
  }
  const r = c.restriction;
  if (r) {
    await out.add('cid_rep_restriction', {
      restriction_id: r.id,
      case_id: c.caseId,
      rep_centre: r.centre,
      freq_cd: FREQUENCY_CODES[r.frequency],
      window_start: r.windowStart,
      window_mins: r.windowMinutes,
      bail_ind: yn(r.bail),
      status_cd: RESTRICTION_STATUS_CODES[r.status],
      start_dt: cidDate(r.startedOn),
    });
    for (const e of r.events) {
      await out.add('cid_rep_event', {
        event_id: e.id,
        restriction_id: r.id,
        due_dtm: cidDateTime(e.dueAt),
        result_txt: e.result === 'COMPLETED' ? 'COMPLETED' : e.result === 'NO_SHOW' ? 'NO SHOW' : null,
      });
    }
  }
  const etd = c.etd;
  if (etd) {
    await out.add('cid_etd_application', {
      etd_id: etd.id,
      case_id: c.caseId,
      country_cd: etdCountryCode(etd.country),
      status_cd: ETD_STATUS_CODES[etd.status],
      submitted_dt: cidDate(etd.submittedOn),
      interview_dt: cidDate(etd.interviewOn),
    });
  }
}

/** Bind parameters per statement: SQLite allows 32,766, PostgreSQL 65,535. */
const MAX_BINDINGS = 30_000;
const MAX_ROWS_PER_INSERT = 1_000;

export const renderCid: Renderer = async (ctx): Promise<RenderSummary> => {
  const db = await ctx.openSql('cid');
  const { persons, options } = ctx.population;
  const rng = ctx.rng;
  let noteId = 0;
  const counts = await db.transaction(async (trx) => {
    for (const spec of [...CID_SCHEMA].reverse()) await trx.schema.dropTableIfExists(spec.name);
    for (const spec of CID_SCHEMA) await trx.schema.createTable(spec.name, spec.create);
    const out = await ChunkedWriter.open(trx, (columns) => Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_BINDINGS / columns)));
    for (const person of persons) {
      const pctx: PersonContext = { rng, noise: options.noise, person, out, nextNoteId: () => ++noteId };
      for (const c of person.cases) {
        await renderCase(pctx, c);
        ctx.truth.add({ source: 'cid', key: `${c.caseId}/${c.cidPersonId}`, personId: person.id });
      }
    }
    await out.flushAll();
    for (const spec of CID_SCHEMA) for (const sql of spec.indexes) await trx.raw(sql);
    return out.counts;
  });
  const summary: Record<string, number> = {};
  for (const spec of CID_SCHEMA) summary[spec.name] = counts[spec.name] ?? 0;
  return { source: 'cid', counts: summary };
};
