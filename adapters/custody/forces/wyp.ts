/**
 * West Yorkshire Police custody database.
 *
 *   custody_detentions(cust_ref PK, suite, family_name, given_names (as typed, mixed case),
 *     dob 'YYYYMMDD', gender MALE/FEMALE, nat_cd → nat_codes(nat_desc) (the force's own code list),
 *     nat_query 1/0, offence_desc (offence title as typed), pnc_ref 'YYYY/NNNNNNNC', arr_ts / rel_ts 'YYYYMMDDHHMM' UK local
 *     time, rel_before_io 1/0)
 *   io_referrals(ref_id PK, cust_ref, channel C CCU / E embedded IO / L local IO,
 *     referred_epoch (seconds since 1970, UTC), result_cd NT/IO/LW/BC/EL)
 *   nat_codes(nat_cd PK, nat_desc country name)
 *
 * WYP custody fingerprints are not checked against Home Office records, so the database has no
 * fingerprint columns (002 §4.4): `fingerprintHit` is null. Most referrals go straight to local IOs
 * (2,920 vs 881 to CCU in 2015, 001 §4.11); IOs see this database directly (001 §4.5, §4.26).
 */
import type { Knex } from 'knex';
import { parseNationality } from '../../../src/domain/nationality.js';
import { parsePncId } from '../../../src/domain/pnc.js';
import { buildEpisode, custodyRef } from '../episode.js';
import { parseSeparate } from '../names.js';
import { RowReader, type GenderCodes, type RawRow, type ResultCodes, type RouteCodes } from '../rowReader.js';
import { isoDate, isoUtc, ukLocalToUtc } from '../ukTime.js';
import type { ForceMapping } from './types.js';

const GENDER: GenderCodes = { MALE: 'M', FEMALE: 'F' };
const ROUTE: RouteCodes = { C: 'CCU', E: 'EMBEDDED_IO', L: 'LOCAL_IO' };
const RESULT: ResultCodes = { NT: 'NO_TRACE', IO: 'IMMIGRATION_OFFENDER', LW: 'LAWFUL', BC: 'BRITISH_CONFIRMED', EL: 'EEA_LAWFUL' };

/** 'YYYYMMDDHHMM', UK local time. */
export function parseWypTime(raw: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(raw);
  return m ? ukLocalToUtc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!) : null;
}

function parseWypDate(raw: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** Seconds since 1970 (UTC); pg returns bigint as text. */
function parseEpoch(raw: string): string | null {
  if (!/^\d{9,11}$/.test(raw)) return null;
  return isoUtc(Number(raw) * 1000);
}

export const wypMapping: ForceMapping = {
  force: 'WYP',
  title: 'West Yorkshire Police',
  mainTable: 'custody_detentions',
  recordNumberColumn: 'd.cust_ref',
  dateOfBirthColumn: 'd.dob',
  formatDateOfBirth: (iso) => iso.replaceAll('-', ''),
  hoFingerprintColumn: null,

  select(db: Knex) {
    return db({ d: 'custody_detentions' })
      .leftJoin({ n: 'nat_codes' }, 'n.nat_cd', 'd.nat_cd')
      // The first referral of the record (an anti-join, which both engines plan well).
      .leftJoin({ x: 'io_referrals' }, function joinFirstReferral() {
        this.on('x.cust_ref', '=', 'd.cust_ref').andOnNotExists(function earlierReferral() {
          this.select(db.raw('1')).from({ x2: 'io_referrals' }).whereRaw('x2.cust_ref = x.cust_ref and x2.ref_id < x.ref_id');
        });
      })
      .select('d.*', 'n.nat_desc', 'x.ref_id', 'x.channel', 'x.referred_epoch', 'x.result_cd');
  },

  whereFamilyNameIn(qb, keys) {
    qb.whereRaw(`upper(??) in (${keys.map(() => '?').join(', ')})`, ['d.family_name', ...keys]);
  },

  whereInCustodyWithoutCheck(qb) {
    qb.whereNull('d.rel_ts').whereNull('x.ref_id');
  },

  toEpisode(row: RawRow) {
    const recordNumber = String(row.cust_ref);
    const r = new RowReader(custodyRef('WYP', recordNumber), row);
    const natCode = r.text('nat_cd');
    const natDesc = r.text('nat_desc');
    let nationality: string | null = null;
    if (natCode != null && natDesc == null) r.issue('UNKNOWN_CODE', 'nat_cd', natCode, `Nationality code "${natCode}" is not in the force's code list.`);
    if (natDesc != null) {
      nationality = parseNationality(natDesc);
      if (nationality == null) r.issue('UNPARSEABLE_VALUE', 'nat_codes.nat_desc', natDesc, `Could not read the nationality "${natDesc}".`);
    }
    const checkRequested = row.ref_id != null;
    return buildEpisode(
      {
        force: 'WYP',
        recordNumber,
        suite: r.text('suite'),
        arrestedAt: r.parsed('arr_ts', parseWypTime, 'arrest time'),
        releasedAt: r.parsed('rel_ts', parseWypTime, 'release time'),
        releaseRecorded: r.text('rel_ts') != null,
        offenceCode: r.offence('offence_desc', 'title'),
        declaredNationality: nationality,
        declaredNationalityAsHeld: natCode,
        nationalityDoubted: r.flag('nat_query', 1, 0) ?? false,
        fingerprintHit: null,
        hoFingerprintRef: null,
        checkRequested,
        checkRoute: checkRequested ? r.code('channel', ROUTE, 'referral channel') : null,
        checkRequestedAt: checkRequested ? r.parsed('referred_epoch', parseEpoch, 'referral time') : null,
        checkResult: checkRequested ? r.code('result_cd', RESULT, 'referral result') : null,
        releasedBeforeIoAttended: r.flag('rel_before_io', 1, 0, null),
        recordComplete: null,
        name: parseSeparate(r.text('given_names'), r.text('family_name')),
        dateOfBirth: r.parsed('dob', parseWypDate, 'date of birth'),
        pncId: r.parsed('pnc_ref', parsePncId, 'PNC id'),
        gender: r.code('gender', GENDER, 'gender'),
      },
      r,
    );
  },
};
