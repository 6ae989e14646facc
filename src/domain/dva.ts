/**
 * HM Passport Office Data Validation Application (DVA) passport checks. Only licensed users may
 * check, only on reasonable doubt that a claim to be British is true, and every check must be
 * justified and auditable (`001 §4.36–4.37`, fn 21–22): a check therefore always carries the
 * justification and the requesting user, and the service counts every check.
 */
import type { PersonName, SourceRef } from './common.js';

export type PassportStatus = 'VALID' | 'LOST' | 'STOLEN' | 'CANCELLED';

/** MATCH: passport found and details agree; DETAILS_DIFFER: found but name or DOB differ; NO_RECORD: no such British passport. */
export type DvaCheckResult = 'MATCH' | 'DETAILS_DIFFER' | 'NO_RECORD';

export interface DvaPassport {
  readonly passportNumber: string;
  readonly name: PersonName;
  readonly dateOfBirth: string | null;
  readonly status: PassportStatus;
  readonly issuedOn: string | null;
  readonly expiresOn: string | null;
}

export interface DvaCheckInput {
  readonly passportNumber: string;
  readonly surname: string;
  /** ISO date. */
  readonly dateOfBirth: string;
  /** Why there is reasonable doubt that the claim to be British is true (001 fn 21). */
  readonly justification: string;
  /** The licensed user asking (user id as the gateway knows it). */
  readonly requestedBy: string;
}

export interface DvaCheck {
  readonly ref: SourceRef;
  readonly checkId: string;
  readonly checkedAt: string;
  readonly requestedBy: string;
  readonly justification: string;
  /** What was asked about. */
  readonly passportNumber: string;
  readonly result: DvaCheckResult;
  /** The passport HMPO holds under that number; null for NO_RECORD. */
  readonly passport: DvaPassport | null;
}
