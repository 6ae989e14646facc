/**
 * Metropolitan Police Service custody database.
 *
 *   custody_record(custody_record_no PK, suite_name, detainee_name 'SURNAME, Forenames',
 *     date_of_birth 'YYYY-MM-DD', sex M/F, nationality_text (as typed: "Nigerian", "NIGERIA",
 *     "british"), nationality_doubt Y/N, offence_code (gateway codes), arrest_datetime and
 *     release_datetime 'YYYY-MM-DD HH:MM:SS' UK local time, ident1_hit Y/N, iabs_ref, pnc_id,
 *     released_pre_io Y/N, record_status OPEN/COMPLETE/INCOMPLETE)
 *   imm_status_check(check_id PK, custody_record_no, route_code CCU/EIO/LIO, requested_datetime,
 *     confirmed Y/N, outcome text)
 *
 * MPS custody fingerprints are checked against Home Office records automatically (002 §4.4). A
 * foreign national's record cannot be completed until a status-check request is confirmed
 * (001 §4.9): `record_status` INCOMPLETE. All foreign nationals go to CCU (001 §4.7).
 */
import type { Knex } from 'knex';
import { parseNationality } from '../../../src/domain/nationality.js';
import { parsePncId } from '../../../src/domain/pnc.js';
import { buildEpisode, custodyRef } from '../episode.js';
import { parseSurnameFirst } from '../names.js';
import { RowReader, type GenderCodes, type RawRow, type ResultCodes, type RouteCodes } from '../rowReader.js';
import { isoDate, ukLocalToUtc } from '../ukTime.js';
import type { ForceMapping } from './types.js';

const GENDER: GenderCodes = { M: 'M', F: 'F' };
const ROUTE: RouteCodes = { CCU: 'CCU', EIO: 'EMBEDDED_IO', LIO: 'LOCAL_IO' };
const RESULT: ResultCodes = {
  'NO TRACE': 'NO_TRACE',
  'IMMIGRATION OFFENDER': 'IMMIGRATION_OFFENDER',
  'LAWFUL RESIDENT': 'LAWFUL',
  'BRITISH CITIZEN': 'BRITISH_CONFIRMED',
  'EEA NATIONAL - LAWFUL': 'EEA_LAWFUL',
};
const STATUS: Readonly<Record<string, boolean>> = { OPEN: false, INCOMPLETE: false, COMPLETE: true };

/** 'YYYY-MM-DD HH:MM:SS', UK local time. */
export function parseMpsTime(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(raw);
  return m ? ukLocalToUtc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
}

function parseIsoDate(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

export const mpsMapping: ForceMapping = {
  force: 'MPS',
  title: 'Metropolitan Police Service',
  mainTable: 'custody_record',
  recordNumberColumn: 'r.custody_record_no',
  dateOfBirthColumn: 'r.date_of_birth',
  formatDateOfBirth: (iso) => iso,
  hoFingerprintColumn: 'r.iabs_ref',

  select(db: Knex) {
    return db({ r: 'custody_record' })
      // The first status-check request of the record (an anti-join, which both engines plan well).
      .leftJoin({ c: 'imm_status_check' }, function joinFirstCheck() {
        this.on('c.custody_record_no', '=', 'r.custody_record_no').andOnNotExists(function earlierCheck() {
          this.select(db.raw('1')).from({ c2: 'imm_status_check' }).whereRaw('c2.custody_record_no = c.custody_record_no and c2.check_id < c.check_id');
        });
      })
      .select('r.*', 'c.check_id', 'c.route_code', 'c.requested_datetime', 'c.outcome');
  },

  whereFamilyNameIn(qb, keys) {
    qb.where((w) => {
      for (const key of keys) w.orWhereRaw('upper(r.detainee_name) like ?', [`${key},%`]).orWhereRaw('upper(r.detainee_name) = ?', [key]);
    });
  },

  whereInCustodyWithoutCheck(qb) {
    qb.whereNull('r.release_datetime').whereNull('c.check_id');
  },

  toEpisode(row: RawRow) {
    const recordNumber = String(row.custody_record_no);
    const r = new RowReader(custodyRef('MPS', recordNumber), row);
    const natRaw = r.text('nationality_text');
    const nationality = natRaw == null ? null : parseNationality(natRaw);
    if (natRaw != null && nationality == null) r.issue('UNPARSEABLE_VALUE', 'nationality_text', natRaw, `Could not read the nationality "${natRaw}".`);
    const checkRequested = row.check_id != null;
    return buildEpisode(
      {
        force: 'MPS',
        recordNumber,
        suite: r.text('suite_name'),
        arrestedAt: r.parsed('arrest_datetime', parseMpsTime, 'arrest time'),
        releasedAt: r.parsed('release_datetime', parseMpsTime, 'release time'),
        releaseRecorded: r.text('release_datetime') != null,
        offenceCode: r.offence('offence_code', 'code'),
        declaredNationality: nationality,
        declaredNationalityAsHeld: natRaw,
        nationalityDoubted: r.flag('nationality_doubt', 'Y', 'N') ?? false,
        fingerprintHit: r.flag('ident1_hit', 'Y', 'N', null),
        hoFingerprintRef: r.text('iabs_ref'),
        checkRequested,
        checkRoute: checkRequested ? r.code('route_code', ROUTE, 'status-check route') : null,
        checkRequestedAt: checkRequested ? r.parsed('requested_datetime', parseMpsTime, 'status-check request time') : null,
        checkResult: checkRequested ? r.code('outcome', RESULT, 'status-check outcome') : null,
        releasedBeforeIoAttended: r.flag('released_pre_io', 'Y', 'N', null),
        recordComplete: r.code('record_status', STATUS, 'record status'),
        name: parseSurnameFirst(r.text('detainee_name')),
        dateOfBirth: r.parsed('date_of_birth', parseIsoDate, 'date of birth'),
        pncId: r.parsed('pnc_id', parsePncId, 'PNC id'),
        gender: r.code('sex', GENDER, 'sex'),
      },
      r,
    );
  },
};
