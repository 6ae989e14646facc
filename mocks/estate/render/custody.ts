/**
 * Renders every true arrest into the custody database of the force that made it: one database per
 * force (`custody_mps`, `custody_wmp`, `custody_wyp`), each with its own schema, because police
 * custody databases differ by force and do not interface with each other (001 §4.25).
 *
 *   MPS  custody_record + imm_status_check. snake_case; names 'SURNAME, Forenames'; ISO-like local
 *        time text 'YYYY-MM-DD HH:MM:SS' with no zone; sex M/F; nationality as typed ("Nigerian",
 *        "NIGERIA", "british"); flags Y/N; IDENT1 hit + IABS ref (002 §4.4); a record of a foreign
 *        national cannot be completed until a status-check request is confirmed (001 §4.9).
 *   WMP  Detention + CustodySuite + OffenceLookup. PascalCase; separate Surname/Forenames; local
 *        'DD/MM/YYYY HH:MM'; GenderCode 1/2; ISO alpha-2 nationality; flags YES/NO; the referral is a
 *        set of columns on the detention row with numeric route and outcome codes.
 *   WYP  custody_detentions + io_referrals + nat_codes. Terse lower case; local 'YYYYMMDDHHMM';
 *        gender MALE/FEMALE; the force's own nationality code list; flags 1/0; referral time as
 *        epoch seconds; no fingerprint columns (WYP prints are not checked against Home Office records).
 *
 * Every force records the detainee's PNC id, from the PNC check made on arrest: MPS `pnc_id` and WYP
 * `pnc_ref` in the long form `YYYY/NNNNNNNC`, WMP `PNCId` in the short form `YY/NNNNNNNC`. On a
 * person's first arrest the PNC record is created from the custody record, and the id is often
 * never written back (PNC_ID_ON_FIRST_ARREST); later it is copied like any identifier (missing,
 * or a digit mistyped, which breaks the check letter).
 *
 * Copied details carry noise (mocks/estate/noise.ts); a small share of records carry a deliberate
 * defect (unreadable date, unknown code) for data-quality testing. Each custody record is reported
 * to the truth sink as `{ source: 'custody', key: '<FORCE>/<record number>' }`.
 */
import type { Knex } from 'knex';
import type { ForceCode } from '../../../src/domain/common.js';
import { COUNTRIES, countryByAlpha3 } from '../../../src/domain/nationality.js';
import { OFFENCES, offenceByCode } from '../../../src/domain/offences.js';
import type { NoiseOptions, TrueArrest, TruePerson } from '../model.js';
import { copyDate, copyIdentifier, copyName } from '../noise.js';
import type { Rng } from '../rng.js';
import type { RenderContext, RenderSummary, Renderer } from './types.js';

/** Share of custody records written with one deliberate defect (unreadable date or unknown code). */
export const CUSTODY_DEFECT_RATE = 0.005;
/** Share of arrests where a person with aliases gives one of them. */
const ALIAS_USE_RATE = 0.3;
/** The custody officer notes doubt about a claimed nationality: false claims / true claims. */
const DOUBT_IF_FALSE_CLAIM = 0.4;
const DOUBT_IF_TRUE = 0.02;
/** Share of first arrests whose custody record gets the PNC id created from it written back. */
const PNC_ID_ON_FIRST_ARREST = 0.5;
/** Bound parameters per INSERT statement (SQLite allows 32,766, PostgreSQL 65,535). */
const PARAMS_PER_STATEMENT = 30_000;

type Row = Record<string, string | number | null>;

interface ForceTables {
  /** Table name → rows, in insertion order (lookup tables first). */
  readonly tables: Map<string, Row[]>;
}

/** What every force's writer gets for one arrest. */
interface ArrestInput {
  readonly person: TruePerson;
  readonly arrest: TrueArrest;
  readonly given: readonly string[];
  readonly family: string;
  /** Copied date of birth (ISO), possibly noisy. */
  readonly dob: string;
  readonly doubted: boolean;
  /** Copied IABS ref of the matched Home Office prints, when there was a hit. */
  readonly iabsRef: string | null;
  /** Copied PNC id (long form), when the custody officer recorded one. */
  readonly pncId: string | null;
  /** Which defect (if any) this record carries: an index the force writer interprets. */
  readonly defect: number | null;
}

interface ForceWriter {
  readonly database: string;
  /** Drop and recreate the tables (secondary indexes come after the rows: much faster loading). */
  create(db: Knex): Promise<void>;
  /** Secondary indexes: [table, columns]. */
  readonly indexes: readonly (readonly [string, readonly string[]])[];
  add(input: ArrestInput, rng: Rng): void;
  readonly tables: ForceTables['tables'];
}

export const renderCustody: Renderer = async (ctx: RenderContext): Promise<RenderSummary> => {
  const { population, rng, truth } = ctx;
  const noise = population.options.noise;
  const writers: Record<ForceCode, ForceWriter> = { MPS: mpsWriter(), WMP: wmpWriter(), WYP: wypWriter() };
  const seen = new Set<string>();
  for (const person of population.persons) {
    for (const arrest of person.arrests) {
      const key = `${arrest.force}/${arrest.custodyRecord}`;
      if (seen.has(key)) throw new Error(`Population has two arrests with custody record "${key}".`);
      seen.add(key);
      writers[arrest.force].add(copyArrest(rng, noise, person, arrest), rng);
      truth.add({ source: 'custody', key, personId: person.id });
    }
  }
  const counts: Record<string, number> = {};
  for (const writer of Object.values(writers)) {
    const db = await ctx.openSql(writer.database);
    await writer.create(db);
    await db.transaction(async (trx) => {
      for (const [table, rows] of writer.tables) {
        await insertChunked(trx, table, rows);
        counts[`${writer.database}.${table}`] = rows.length;
      }
      for (const [table, columns] of writer.indexes) {
        await trx.schema.alterTable(table, (t) => {
          t.index([...columns]);
        });
      }
    });
  }
  return { source: 'custody', counts };
};

/**
 * Multi-row `INSERT ... VALUES (...), (...)` through knex.raw: knex's own SQLite insert builder
 * writes `SELECT ... UNION ALL SELECT ...`, capped at 500 rows and several times slower.
 * Every row of a table has the same columns in the same order (the writers build them so).
 */
async function insertChunked(trx: Knex.Transaction, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perChunk = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    const bindings: (string | number | null)[] = [];
    for (const row of chunk) for (const c of columns) bindings.push(row[c] ?? null);
    await trx.raw(`insert into ?? (${columns.map(() => '??').join(', ')}) values ${chunk.map(() => tuple).join(', ')}`, [table, ...columns, ...bindings]);
  }
}

function copyArrest(rng: Rng, noise: NoiseOptions, person: TruePerson, arrest: TrueArrest): ArrestInput {
  const alias = person.aliases.length > 0 && rng.chance(ALIAS_USE_RATE) ? rng.pick(person.aliases) : null;
  const name = copyName(rng, noise, alias?.givenNames ?? person.givenNames, alias?.familyName ?? person.familyName);
  const dob = copyDate(rng, noise, alias?.dateOfBirth ?? person.dateOfBirth);
  const doubted = rng.chance(person.falseClaim ? DOUBT_IF_FALSE_CLAIM : DOUBT_IF_TRUE);
  const iabsRef = arrest.fingerprintHit ? copyIdentifier(rng, noise, person.fingerprintRef) : null;
  const firstArrest = person.arrests[0] === arrest;
  const pncId = !firstArrest || rng.chance(PNC_ID_ON_FIRST_ARREST) ? copyIdentifier(rng, noise, person.pncId) : null;
  const defect = rng.chance(CUSTODY_DEFECT_RATE) ? rng.int(0, 3) : null;
  return {
    person,
    arrest,
    given: name.givenNames.map((g) => g.toUpperCase()),
    family: name.familyName.toUpperCase(),
    dob,
    doubted,
    iabsRef,
    pncId,
    defect,
  };
}

// ---------------------------------------------------------------------------------------------
// Shared formatting

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalTime {
  readonly y: string;
  readonly mo: string;
  readonly d: string;
  readonly h: string;
  readonly mi: string;
  readonly s: string;
}

const HOUR = 3_600_000;
/** UK offset from UTC in ms for each UTC hour seen (clocks change on the hour in UTC). */
const offsetByHour = new Map<number, number>();

function ukOffset(utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const parts: Record<string, string> = {};
    for (const p of londonParts.formatToParts(new Date(hour * HOUR))) parts[p.type] = p.value;
    offset = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!) - hour * HOUR;
    offsetByHour.set(hour, offset);
  }
  return offset;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** UK wall-clock time of a UTC instant (GMT or BST), as the custody officer would have typed it. */
export function ukLocal(isoUtc: string): LocalTime {
  const utc = Date.parse(isoUtc);
  const t = new Date(utc + ukOffset(utc));
  return {
    y: pad(t.getUTCFullYear(), 4),
    mo: pad(t.getUTCMonth() + 1),
    d: pad(t.getUTCDate()),
    h: pad(t.getUTCHours()),
    mi: pad(t.getUTCMinutes()),
    s: pad(t.getUTCSeconds()),
  };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function isForeign(arrest: TrueArrest): boolean {
  return arrest.declaredNationality !== 'GBR';
}

function offenceDescription(code: string): string {
  return offenceByCode(code)?.description ?? code;
}

// ---------------------------------------------------------------------------------------------
// MPS: custody_record + imm_status_check

const MPS_ROUTE: Record<string, string> = { CCU: 'CCU', EMBEDDED_IO: 'EIO', LOCAL_IO: 'LIO' };
const MPS_OUTCOME: Record<string, string> = {
  NO_TRACE: 'NO TRACE',
  IMMIGRATION_OFFENDER: 'IMMIGRATION OFFENDER',
  LAWFUL: 'LAWFUL RESIDENT',
  BRITISH_CONFIRMED: 'BRITISH CITIZEN',
  EEA_LAWFUL: 'EEA NATIONAL - LAWFUL',
};

function mpsTime(iso: string | null): string | null {
  if (!iso) return null;
  const t = ukLocal(iso);
  return `${t.y}-${t.mo}-${t.d} ${t.h}:${t.mi}:${t.s}`;
}

/** Nationality as an MPS custody officer typed it. */
function mpsNationality(rng: Rng, alpha3: string): string {
  const c = countryByAlpha3(alpha3);
  if (!c) return alpha3;
  const style = rng.next();
  if (style < 0.5) return c.demonym;
  if (style < 0.75) return c.name.toUpperCase();
  if (style < 0.9) return c.demonym.toLowerCase();
  return c.alpha3;
}

function mpsWriter(): ForceWriter {
  const records: Row[] = [];
  const checks: Row[] = [];
  return {
    database: 'custody_mps',
    indexes: [['custody_record', ['iabs_ref']], ['custody_record', ['date_of_birth']], ['custody_record', ['release_datetime']], ['imm_status_check', ['custody_record_no']]],
    tables: new Map([
      ['custody_record', records],
      ['imm_status_check', checks],
    ]),
    async create(db) {
      await db.schema.dropTableIfExists('imm_status_check');
      await db.schema.dropTableIfExists('custody_record');
      await db.schema.createTable('custody_record', (t) => {
        t.string('custody_record_no', 32).primary();
        t.string('suite_name', 64);
        t.string('detainee_name', 200).notNullable();
        t.string('date_of_birth', 10);
        t.string('sex', 1);
        t.string('nationality_text', 60);
        t.string('nationality_doubt', 1);
        t.string('offence_code', 32);
        t.string('arrest_datetime', 19);
        t.string('release_datetime', 19);
        t.string('ident1_hit', 1);
        t.string('iabs_ref', 32);
        t.string('pnc_id', 16);
        t.string('released_pre_io', 1);
        t.string('record_status', 10);
      });
      await db.schema.createTable('imm_status_check', (t) => {
        t.integer('check_id').primary();
        t.string('custody_record_no', 32).notNullable();
        t.string('route_code', 4);
        t.string('requested_datetime', 19);
        t.string('confirmed', 1);
        t.string('outcome', 40);
      });
    },
    add(input, rng) {
      const { arrest } = input;
      const sc = arrest.statusCheck;
      const given = input.given.map(titleCase).join(' ');
      let arrestTime = mpsTime(arrest.arrestedAt);
      let sex: string = input.person.gender;
      let nationality = mpsNationality(rng, arrest.declaredNationality);
      let route = sc ? MPS_ROUTE[sc.route]! : null;
      if (input.defect === 0) arrestTime = `${arrestTime?.slice(0, 8)}31 25:70:00`;
      if (input.defect === 1) sex = 'X';
      if (input.defect === 2) nationality = 'Not stated';
      if (input.defect === 3 && route) route = 'TEL';
      // 001 §4.9: a foreign national's record cannot be completed without a confirmed check request.
      const status = !arrest.releasedAt ? 'OPEN' : isForeign(arrest) && !sc ? 'INCOMPLETE' : 'COMPLETE';
      records.push({
        custody_record_no: arrest.custodyRecord,
        suite_name: arrest.suite.toUpperCase(),
        detainee_name: given ? `${input.family}, ${given}` : input.family,
        date_of_birth: input.dob,
        sex,
        nationality_text: nationality,
        nationality_doubt: input.doubted ? 'Y' : 'N',
        offence_code: arrest.offenceCode,
        arrest_datetime: arrestTime,
        release_datetime: mpsTime(arrest.releasedAt),
        ident1_hit: arrest.fingerprintHit ? 'Y' : 'N',
        iabs_ref: input.iabsRef,
        pnc_id: input.pncId,
        released_pre_io: arrest.releasedBeforeIoAttended ? 'Y' : 'N',
        record_status: status,
      });
      if (sc) {
        checks.push({
          check_id: checks.length + 1,
          custody_record_no: arrest.custodyRecord,
          route_code: route,
          requested_datetime: mpsTime(sc.requestedAt),
          confirmed: 'Y',
          outcome: MPS_OUTCOME[sc.result] ?? null,
        });
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// WMP: Detention + CustodySuite + OffenceLookup

const WMP_ROUTE: Record<string, number> = { CCU: 1, EMBEDDED_IO: 2, LOCAL_IO: 3 };
const WMP_OUTCOME: Record<string, number> = { NO_TRACE: 10, IMMIGRATION_OFFENDER: 20, LAWFUL: 30, BRITISH_CONFIRMED: 40, EEA_LAWFUL: 50 };

function wmpTime(iso: string | null): string | null {
  if (!iso) return null;
  const t = ukLocal(iso);
  return `${t.d}/${t.mo}/${t.y} ${t.h}:${t.mi}`;
}

function wmpDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

function wmpWriter(): ForceWriter {
  const suites: Row[] = [];
  const suiteIds = new Map<string, number>();
  const offences: Row[] = OFFENCES.map((o, i) => ({ OffenceRef: 1001 + i, OffenceTitle: o.description }));
  const offenceRefs = new Map(OFFENCES.map((o, i) => [o.code, 1001 + i]));
  const detentions: Row[] = [];
  return {
    database: 'custody_wmp',
    indexes: [['Detention', ['HOFingerprintNo']], ['Detention', ['DOB']], ['Detention', ['Surname']]],
    tables: new Map([
      ['CustodySuite', suites],
      ['OffenceLookup', offences],
      ['Detention', detentions],
    ]),
    async create(db) {
      await db.schema.dropTableIfExists('Detention');
      await db.schema.dropTableIfExists('CustodySuite');
      await db.schema.dropTableIfExists('OffenceLookup');
      await db.schema.createTable('CustodySuite', (t) => {
        t.integer('SuiteId').primary();
        t.string('SuiteName', 64).notNullable();
      });
      await db.schema.createTable('OffenceLookup', (t) => {
        t.integer('OffenceRef').primary();
        t.string('OffenceTitle', 120).notNullable();
      });
      await db.schema.createTable('Detention', (t) => {
        t.string('DetentionNo', 32).primary();
        t.integer('SuiteId');
        t.string('Surname', 100);
        t.string('Forenames', 120);
        t.string('DOB', 10);
        t.integer('GenderCode');
        t.string('NationalityCode', 2);
        t.string('NationalityQueried', 3);
        t.integer('OffenceRef');
        t.string('BookedIn', 16);
        t.string('Released', 16);
        t.string('Ident1Result', 3);
        t.string('HOFingerprintNo', 32);
        t.string('PNCId', 16);
        t.integer('ReferralRoute');
        t.string('ReferralDateTime', 16);
        t.integer('ReferralOutcome');
        t.string('ReleasedBeforeIO', 3);
      });
    },
    add(input) {
      const { arrest } = input;
      const sc = arrest.statusCheck;
      let suiteId = suiteIds.get(arrest.suite);
      if (suiteId === undefined) {
        suiteId = 501 + suites.length;
        suiteIds.set(arrest.suite, suiteId);
        suites.push({ SuiteId: suiteId, SuiteName: arrest.suite });
      }
      let bookedIn = wmpTime(arrest.arrestedAt);
      let gender = input.person.gender === 'M' ? 1 : 2;
      let nationality = countryByAlpha3(arrest.declaredNationality)?.alpha2 ?? null;
      let route = sc ? WMP_ROUTE[sc.route]! : null;
      if (input.defect === 0) bookedIn = bookedIn ? `${bookedIn.slice(0, 11)}${bookedIn.slice(11, 13)}.${bookedIn.slice(14)}` : 'TBC';
      if (input.defect === 1) gender = 9;
      if (input.defect === 2) nationality = 'XZ';
      if (input.defect === 3 && route) route = 7;
      detentions.push({
        DetentionNo: arrest.custodyRecord,
        SuiteId: suiteId,
        Surname: input.family,
        Forenames: input.given.join(' '),
        DOB: wmpDate(input.dob),
        GenderCode: gender,
        NationalityCode: nationality,
        NationalityQueried: input.doubted ? 'YES' : 'NO',
        OffenceRef: offenceRefs.get(arrest.offenceCode) ?? null,
        BookedIn: bookedIn,
        Released: wmpTime(arrest.releasedAt),
        Ident1Result: arrest.fingerprintHit ? 'YES' : 'NO',
        HOFingerprintNo: input.iabsRef,
        PNCId: input.pncId == null ? null : input.pncId.slice(2),
        ReferralRoute: route,
        ReferralDateTime: sc ? wmpTime(sc.requestedAt) : null,
        ReferralOutcome: sc ? WMP_OUTCOME[sc.result]! : null,
        ReleasedBeforeIO: arrest.releasedBeforeIoAttended ? 'YES' : 'NO',
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// WYP: custody_detentions + io_referrals + nat_codes

const WYP_CHANNEL: Record<string, string> = { CCU: 'C', EMBEDDED_IO: 'E', LOCAL_IO: 'L' };
const WYP_RESULT: Record<string, string> = { NO_TRACE: 'NT', IMMIGRATION_OFFENDER: 'IO', LAWFUL: 'LW', BRITISH_CONFIRMED: 'BC', EEA_LAWFUL: 'EL' };

/** West Yorkshire's own nationality codes: the first four letters of the demonym, made unique. */
const WYP_NAT_CODES: ReadonlyMap<string, string> = (() => {
  const codes = new Map<string, string>();
  const used = new Set<string>();
  for (const c of COUNTRIES) {
    const stem = c.demonym.toUpperCase().replace(/[^A-Z]/g, '');
    let code = stem.slice(0, 4);
    for (let n = 2; used.has(code); n++) code = `${stem.slice(0, 3)}${n}`;
    used.add(code);
    codes.set(c.alpha3, code);
  }
  return codes;
})();

function wypTime(iso: string | null): string | null {
  if (!iso) return null;
  const t = ukLocal(iso);
  return `${t.y}${t.mo}${t.d}${t.h}${t.mi}`;
}

function wypWriter(): ForceWriter {
  const natCodes: Row[] = COUNTRIES.map((c) => ({ nat_cd: WYP_NAT_CODES.get(c.alpha3)!, nat_desc: c.name.toUpperCase() }));
  const detentions: Row[] = [];
  const referrals: Row[] = [];
  return {
    database: 'custody_wyp',
    indexes: [['custody_detentions', ['dob']], ['custody_detentions', ['family_name']], ['custody_detentions', ['rel_ts']], ['io_referrals', ['cust_ref']]],
    tables: new Map([
      ['nat_codes', natCodes],
      ['custody_detentions', detentions],
      ['io_referrals', referrals],
    ]),
    async create(db) {
      await db.schema.dropTableIfExists('io_referrals');
      await db.schema.dropTableIfExists('custody_detentions');
      await db.schema.dropTableIfExists('nat_codes');
      await db.schema.createTable('nat_codes', (t) => {
        t.string('nat_cd', 4).primary();
        t.string('nat_desc', 60).notNullable();
      });
      await db.schema.createTable('custody_detentions', (t) => {
        t.string('cust_ref', 32).primary();
        t.string('suite', 64);
        t.string('family_name', 100);
        t.string('given_names', 120);
        t.string('dob', 8);
        t.string('gender', 7);
        t.string('nat_cd', 4);
        t.integer('nat_query');
        t.string('offence_desc', 120);
        t.string('pnc_ref', 16);
        t.string('arr_ts', 12);
        t.string('rel_ts', 12);
        t.integer('rel_before_io');
      });
      await db.schema.createTable('io_referrals', (t) => {
        t.integer('ref_id').primary();
        t.string('cust_ref', 32).notNullable();
        t.string('channel', 1);
        t.bigInteger('referred_epoch');
        t.string('result_cd', 2);
      });
    },
    add(input) {
      const { arrest } = input;
      const sc = arrest.statusCheck;
      let arrTs = wypTime(arrest.arrestedAt);
      let gender = input.person.gender === 'M' ? 'MALE' : 'FEMALE';
      let natCd = WYP_NAT_CODES.get(arrest.declaredNationality) ?? null;
      let channel = sc ? WYP_CHANNEL[sc.route]! : null;
      if (input.defect === 0) arrTs = arrTs ? arrTs.slice(0, 8) : 'UNKNOWN';
      if (input.defect === 1) gender = 'U';
      if (input.defect === 2) natCd = 'ZZZ';
      if (input.defect === 3 && channel) channel = 'X';
      detentions.push({
        cust_ref: arrest.custodyRecord,
        suite: arrest.suite.toUpperCase(),
        family_name: titleCase(input.family),
        given_names: titleCase(input.given.join(' ')),
        dob: input.dob.replaceAll('-', ''),
        gender,
        nat_cd: natCd,
        nat_query: input.doubted ? 1 : 0,
        offence_desc: offenceDescription(arrest.offenceCode).toUpperCase(),
        pnc_ref: input.pncId,
        arr_ts: arrTs,
        rel_ts: wypTime(arrest.releasedAt),
        rel_before_io: arrest.releasedBeforeIoAttended ? 1 : 0,
      });
      if (sc) {
        referrals.push({
          ref_id: referrals.length + 1,
          cust_ref: arrest.custodyRecord,
          channel,
          referred_epoch: Math.floor(Date.parse(sc.requestedAt) / 1000),
          result_cd: WYP_RESULT[sc.result]!,
        });
      }
    },
  };
}
