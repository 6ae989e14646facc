/**
 * West Midlands Police custody database.
 *
 *   Detention(DetentionNo PK, SuiteId → CustodySuite, Surname, Forenames, DOB 'DD/MM/YYYY',
 *     GenderCode 1 male / 2 female, NationalityCode ISO alpha-2, NationalityQueried YES/NO,
 *     OffenceRef → OffenceLookup(OffenceTitle), BookedIn / Released 'DD/MM/YYYY HH:MM' UK local time,
 *     Ident1Result YES/NO, HOFingerprintNo, PNCId (short form 'YY/NNNNNNNC'), ReferralRoute 1 CCU / 2 embedded IO / 3 local IO,
 *     ReferralDateTime, ReferralOutcome 10/20/30/40/50, ReleasedBeforeIO YES/NO)
 *
 * The referral is a set of columns on the detention row, not a table. WMP fingerprints are checked
 * against Home Office records automatically (002 §4.4). The agreement is that all checks go to CCU,
 * but cases are routinely passed to the embedded IOs directly (001 §4.10).
 */
import type { Knex } from 'knex';
import { countryByAlpha2 } from '../../../src/domain/nationality.js';
import { parsePncId } from '../../../src/domain/pnc.js';
import { buildEpisode, custodyRef } from '../episode.js';
import { parseSeparate } from '../names.js';
import { RowReader, type GenderCodes, type RawRow, type ResultCodes, type RouteCodes } from '../rowReader.js';
import { isoDate, ukLocalToUtc } from '../ukTime.js';
import type { ForceMapping } from './types.js';

const GENDER: GenderCodes = { '1': 'M', '2': 'F' };
const ROUTE: RouteCodes = { '1': 'CCU', '2': 'EMBEDDED_IO', '3': 'LOCAL_IO' };
const RESULT: ResultCodes = { '10': 'NO_TRACE', '20': 'IMMIGRATION_OFFENDER', '30': 'LAWFUL', '40': 'BRITISH_CONFIRMED', '50': 'EEA_LAWFUL' };

/** 'DD/MM/YYYY HH:MM', UK local time. */
export function parseWmpTime(raw: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(raw);
  return m ? ukLocalToUtc(+m[3]!, +m[2]!, +m[1]!, +m[4]!, +m[5]!) : null;
}

function parseWmpDate(raw: string): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
  return m ? isoDate(+m[3]!, +m[2]!, +m[1]!) : null;
}

export const wmpMapping: ForceMapping = {
  force: 'WMP',
  title: 'West Midlands Police',
  mainTable: 'Detention',
  recordNumberColumn: 'd.DetentionNo',
  dateOfBirthColumn: 'd.DOB',
  formatDateOfBirth: (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
  hoFingerprintColumn: 'd.HOFingerprintNo',

  select(db: Knex) {
    return db({ d: 'Detention' })
      .leftJoin({ s: 'CustodySuite' }, 's.SuiteId', 'd.SuiteId')
      .leftJoin({ o: 'OffenceLookup' }, 'o.OffenceRef', 'd.OffenceRef')
      .select('d.*', 's.SuiteName', 'o.OffenceTitle');
  },

  whereFamilyNameIn(qb, keys) {
    qb.whereRaw(`upper(??) in (${keys.map(() => '?').join(', ')})`, ['d.Surname', ...keys]);
  },

  whereInCustodyWithoutCheck(qb) {
    qb.whereNull('d.Released').whereNull('d.ReferralRoute');
  },

  toEpisode(row: RawRow) {
    const recordNumber = String(row.DetentionNo);
    const r = new RowReader(custodyRef('WMP', recordNumber), row);
    const natRaw = r.text('NationalityCode');
    const nationality = natRaw == null ? null : (countryByAlpha2(natRaw)?.alpha3 ?? null);
    if (natRaw != null && nationality == null) r.issue('UNKNOWN_CODE', 'NationalityCode', natRaw, `Unknown nationality code "${natRaw}".`);
    if (r.text('SuiteId') != null && r.text('SuiteName') == null) r.issue('UNKNOWN_CODE', 'SuiteId', r.text('SuiteId'), 'Custody suite not in the suite list.');
    if (r.text('OffenceRef') != null && r.text('OffenceTitle') == null) r.issue('UNKNOWN_CODE', 'OffenceRef', r.text('OffenceRef'), 'Offence not in the offence list.');
    const checkRequested = row.ReferralRoute != null || row.ReferralDateTime != null;
    return buildEpisode(
      {
        force: 'WMP',
        recordNumber,
        suite: r.text('SuiteName'),
        arrestedAt: r.parsed('BookedIn', parseWmpTime, 'booking-in time'),
        releasedAt: r.parsed('Released', parseWmpTime, 'release time'),
        releaseRecorded: r.text('Released') != null,
        // An OffenceRef missing from the lookup is reported above; otherwise read the title (missing → issue).
        offenceCode: r.text('OffenceRef') != null && r.text('OffenceTitle') == null ? null : r.offence('OffenceTitle', 'title'),
        declaredNationality: nationality,
        declaredNationalityAsHeld: natRaw,
        nationalityDoubted: r.flag('NationalityQueried', 'YES', 'NO') ?? false,
        fingerprintHit: r.flag('Ident1Result', 'YES', 'NO', null),
        hoFingerprintRef: r.text('HOFingerprintNo'),
        checkRequested,
        checkRoute: checkRequested ? r.code('ReferralRoute', ROUTE, 'referral route') : null,
        checkRequestedAt: checkRequested ? r.parsed('ReferralDateTime', parseWmpTime, 'referral time') : null,
        checkResult: checkRequested ? r.code('ReferralOutcome', RESULT, 'referral outcome') : null,
        releasedBeforeIoAttended: r.flag('ReleasedBeforeIO', 'YES', 'NO', null),
        recordComplete: null,
        name: parseSeparate(r.text('Forenames'), r.text('Surname')),
        dateOfBirth: r.parsed('DOB', parseWmpDate, 'date of birth'),
        pncId: r.parsed('PNCId', parsePncId, 'PNC id'),
        gender: r.code('GenderCode', GENDER, 'gender'),
      },
      r,
    );
  },
};
