/**
 * ACRO Criminal Records Office checks: a request for a person's overseas convictions, answered in
 * days, weeks or never (`001 §4.31`). Who instigated the request (the Home Office for immigration
 * purposes, or a police force) and whether each offence is on the Home Office Serious Offence List
 * (HOSOL) decide who may use a result (`001 §4.32`, `§4.35`, fn 20). Adapters carry both facts on
 * every result and never filter: the policy layer decides per value.
 */
import type { DataQualityIssue, ForceCode, PersonName, SourceRef } from './common.js';

/** The Home Office, or the police force that asked. */
export type AcroInstigator =
  | { readonly kind: 'HOME_OFFICE' }
  | { readonly kind: 'POLICE'; readonly force: ForceCode | string };

/** Why the check was asked for, as declared when it was submitted. */
export type AcroPurpose = 'IMMIGRATION' | 'CRIMINAL_INVESTIGATION';

export type AcroRequestStatus = 'PENDING' | 'COMPLETE';
export type AcroOutcome = 'RESULTS' | 'NO_TRACE';

export interface AcroSubject {
  readonly name: PersonName;
  /** ISO date; null when unreadable (then an issue exists). */
  readonly dateOfBirth: string | null;
  /** ISO 3166-1 alpha-3. */
  readonly nationality: string | null;
  readonly pncId: string | null;
}

export interface AcroResult {
  /** Where the person was convicted (alpha-3). */
  readonly country: string | null;
  readonly convictedOn: string | null;
  /** UK-equivalent offence as a gateway code (offences.ts); null when ACRO's code is unknown. */
  readonly offenceCode: string | null;
  /** The offence as the convicting state described it. */
  readonly offenceText: string;
  /** Sentence as the convicting state gave it (free text). */
  readonly sentence: string;
  /** The offence is on the Home Office Serious Offence List (then it is also on PNC). */
  readonly hosol: boolean;
  /** Who instigated the check that produced this result (copied from the request). */
  readonly instigator: AcroInstigator;
}

export interface AcroRequest {
  readonly ref: SourceRef;
  readonly reference: string;
  readonly instigator: AcroInstigator;
  readonly purpose: AcroPurpose | null;
  readonly status: AcroRequestStatus;
  /** Set once COMPLETE. */
  readonly outcome: AcroOutcome | null;
  readonly requestedAt: string;
  readonly answeredAt: string | null;
  readonly subject: AcroSubject;
  readonly results: readonly AcroResult[];
  readonly issues: readonly DataQualityIssue[];
}

/** What the gateway sends to ACRO to ask for a check. */
export interface AcroSubmission {
  readonly subject: {
    readonly givenNames: readonly string[];
    readonly familyName: string;
    /** ISO date. */
    readonly dateOfBirth: string;
    /** ISO 3166-1 alpha-3. */
    readonly nationality: string | null;
    readonly pncId?: string | null;
  };
  readonly instigator: AcroInstigator;
  readonly purpose: AcroPurpose;
}
