/**
 * Assembles a `CustodyEpisode` from the fields a force mapping read, deriving what is the same for
 * every force (the source key, in-custody, British/EEA claim) so that force mappings cannot drift.
 */
import type { ForceCode, Gender, PersonName, SourceRef } from '../../src/domain/common.js';
import type { CheckRoute, CustodyEpisode, StatusCheckResult } from '../../src/domain/custody.js';
import { isEea } from '../../src/domain/nationality.js';
import type { RowReader } from './rowReader.js';

export function custodyRef(force: ForceCode, recordNumber: string): SourceRef {
  return Object.freeze({ source: 'custody', key: `${force}/${recordNumber}` });
}

export interface EpisodeFields {
  readonly force: ForceCode;
  readonly recordNumber: string;
  readonly suite: string | null;
  readonly arrestedAt: string | null;
  readonly releasedAt: string | null;
  /** The release column held something (even unreadable): the person is no longer in custody. */
  readonly releaseRecorded: boolean;
  readonly offenceCode: string | null;
  readonly declaredNationality: string | null;
  readonly declaredNationalityAsHeld: string | null;
  readonly nationalityDoubted: boolean;
  readonly fingerprintHit: boolean | null;
  readonly hoFingerprintRef: string | null;
  /** The PNC id in the long form (src/domain/pnc.ts parsePncId), when recorded and readable. */
  readonly pncId: string | null;
  /** A status-check request row (or referral columns) exists. */
  readonly checkRequested: boolean;
  readonly checkRoute: CheckRoute | null;
  readonly checkRequestedAt: string | null;
  readonly checkResult: StatusCheckResult | null;
  readonly releasedBeforeIoAttended: boolean | null;
  readonly recordComplete: boolean | null;
  readonly name: PersonName;
  readonly dateOfBirth: string | null;
  readonly gender: Gender | null;
}

export function buildEpisode(f: EpisodeFields, reader: RowReader): CustodyEpisode {
  const nat = f.declaredNationality;
  return Object.freeze({
    ref: custodyRef(f.force, f.recordNumber),
    force: f.force,
    recordNumber: f.recordNumber,
    suite: f.suite,
    arrestedAt: f.arrestedAt,
    releasedAt: f.releasedAt,
    inCustody: !f.releaseRecorded,
    offenceCode: f.offenceCode,
    declaredNationality: nat,
    declaredNationalityAsHeld: f.declaredNationalityAsHeld,
    claimsBritishOrEea: nat !== null && (nat === 'GBR' || isEea(nat)),
    nationalityDoubted: f.nationalityDoubted,
    fingerprintHit: f.fingerprintHit,
    hoFingerprintRef: f.fingerprintHit ? f.hoFingerprintRef : null,
    pncId: f.pncId,
    statusCheck: Object.freeze({
      requested: f.checkRequested,
      route: f.checkRequested ? f.checkRoute : null,
      requestedAt: f.checkRequested ? f.checkRequestedAt : null,
      result: f.checkRequested ? f.checkResult : null,
    }),
    releasedBeforeIoAttended: f.releasedBeforeIoAttended,
    recordComplete: f.recordComplete,
    name: f.name,
    dateOfBirth: f.dateOfBirth,
    gender: f.gender,
    dataQuality: Object.freeze([...reader.issues]),
  });
}
