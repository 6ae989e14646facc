/**
 * Local arrangements the rules read, as data: how immigration officers reach each force's custody
 * data (001 §4.26) and which forces let IOs view police-instigated ACRO results (001 §4.35). Adding a
 * force or changing an agreement is an edit here, reviewed like any policy change.
 */
import type { ForceCode } from '../domain/common.js';
import type { CustodyEpisode } from '../domain/custody.js';

export type CustodyAccess =
  | 'DIRECT_LIMITED' // IOs see a limited set of fields directly (West Yorkshire)
  | 'VIA_NEXUS_OFFICER' // IOs review the record through the Nexus police officer at the station (London)
  | 'VIA_CUSTODY_SERGEANT'; // IOs have no access; the custody sergeant shows who is in custody (West Midlands)

export interface CustodyArrangement {
  readonly force: ForceCode;
  readonly access: CustodyAccess;
  /** Fields an IO may see; null = every field. Ignored for VIA_CUSTODY_SERGEANT (nothing). */
  readonly ioFields: readonly (keyof CustodyEpisode)[] | null;
  readonly cites: string;
  readonly description: string;
}

/**
 * What "limited but direct" access gives a West Yorkshire IO: who is in custody, when, where, the
 * declared nationality and the status check; not the offence, fingerprint results or release notes.
 */
export const WYP_IO_FIELDS: readonly (keyof CustodyEpisode)[] = Object.freeze([
  'ref', 'force', 'recordNumber', 'suite', 'arrestedAt', 'releasedAt', 'inCustody',
  'declaredNationality', 'declaredNationalityAsHeld', 'claimsBritishOrEea', 'nationalityDoubted',
  'statusCheck', 'name', 'dateOfBirth', 'gender',
]);

export const CUSTODY_ARRANGEMENTS: Readonly<Record<ForceCode, CustodyArrangement>> = Object.freeze({
  WYP: { force: 'WYP', access: 'DIRECT_LIMITED', ioFields: WYP_IO_FIELDS, cites: '001 §4.26', description: 'IOs in West Yorkshire have limited but direct access.' },
  MPS: { force: 'MPS', access: 'VIA_NEXUS_OFFICER', ioFields: null, cites: '001 §4.26', description: 'IOs in London review the information through a Nexus police officer at the station.' },
  WMP: { force: 'WMP', access: 'VIA_CUSTODY_SERGEANT', ioFields: [], cites: '001 §4.26', description: 'IOs in the West Midlands rely on custody sergeants to show them who is in custody.' },
});

/** Forces whose ACRO management lets IOs view police-instigated results (001 §4.35). */
export const ACRO_LOCAL_AGREEMENTS: readonly ForceCode[] = Object.freeze(['WYP']);
