/**
 * Types every layer shares: the names of the legacy sources, how a source record is referred to,
 * the identity fragment each person-bearing record yields for identity resolution, and data-quality
 * issues. Adapters produce these; identity, assessments and resolvers consume them. Nothing here
 * knows about SQL, HTTP or GraphQL.
 */

/** The legacy systems the gateway reads. Custody is one source with a per-force mapping. */
export const SOURCE_NAMES = ['cid', 'custody', 'pathfinder', 'pnc', 'acro', 'dva'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** The police forces whose custody databases the estate holds. Adding a force adds a code here. */
export const FORCE_CODES = ['MPS', 'WMP', 'WYP'] as const;
export type ForceCode = (typeof FORCE_CODES)[number];

/**
 * A pointer to one record in one legacy system, stable across runs, so that a caseworker can find
 * the record at source. `key` is the source's own key, written as documented per source:
 * - cid person-on-case: `<caseId>/<cidPersonId>`; cid case: `<caseId>`
 * - custody: `<FORCE>/<custody record number>`
 * - pathfinder: `<workbook>#<row>` (workbook: daily | liverpool | leeds)
 * - pnc: the PNC id; acro: the ACRO reference; dva: the check id
 */
export interface SourceRef {
  readonly source: SourceName;
  readonly key: string;
}

export function sourceRefString(ref: SourceRef): string {
  return `${ref.source}:${ref.key}`;
}

/** A name as normalised by an adapter, with what the source actually held. */
export interface PersonName {
  /** Given names in order, normalised: upper case, accents folded, single spaces. */
  readonly given: readonly string[];
  /** Family name, normalised the same way. */
  readonly family: string;
  /** Exactly what the source held, for display and for data-quality reports. */
  readonly original: string;
}

export type Gender = 'M' | 'F';

/** Kinds of identifier that can link records. */
export type IdentifierKind =
  | 'HO_REF' // Home Office reference (CID)
  | 'CID_PERSON' // CID person id (per case, sometimes reused)
  | 'CID_CASE' // CID case id
  | 'FINGERPRINT' // IABS fingerprint reference (Home Office biometrics); custody IDENT1 hits resolve to it
  | 'PNC_ID' // Police National Computer id, e.g. 2014/0123456K
  | 'CRO' // Criminal Records Office number
  | 'PASSPORT' // passport number (any issuing state)
  | 'CUSTODY_RECORD' // `<FORCE>/<custody record number>`
  | 'ACRO_REF';

export interface Identifier {
  readonly kind: IdentifierKind;
  readonly value: string;
}

/**
 * What one person-bearing source record says about who the person is. Identity resolution links
 * fragments; the person view shows where each value came from.
 */
export interface IdentityFragment {
  readonly ref: SourceRef;
  readonly name: PersonName;
  readonly aliases: readonly PersonName[];
  /** ISO date `YYYY-MM-DD`, or null when missing or unparseable (then a data-quality issue exists). */
  readonly dateOfBirth: string | null;
  readonly gender: Gender | null;
  /** ISO 3166-1 alpha-3 (self-declared where the source says so). */
  readonly nationality: string | null;
  readonly placeOfBirth: string | null;
  readonly identifiers: readonly Identifier[];
  /** When the source recorded this (ISO 8601 with zone). */
  readonly recordedAt: string | null;
  /**
   * The police occasion the record was made on, where the source says: an arrest (a custody record)
   * or an ACRO request a force made, as forces do on a foreign national's arrest (001 §4.31).
   * Absent for sources that record none.
   */
  readonly occasion?: RecordOccasion | null;
}

export interface RecordOccasion {
  readonly kind: 'ARREST' | 'ACRO_REQUEST';
  /** The force that arrested, or that made the request. */
  readonly force: string;
  /** When (ISO 8601 with zone). */
  readonly at: string;
}

export type DataQualityKind =
  | 'UNPARSEABLE_VALUE'
  | 'UNKNOWN_CODE'
  | 'MISSING_VALUE'
  | 'OWNERSHIP_UNCLEAR'
  | 'SOURCE_CONFLICT'
  | 'IDENTITY_CONFLICT'
  | 'MALFORMED_RECORD';

/** Something wrong in a source record, reported so that it can be fixed at source. */
export interface DataQualityIssue {
  readonly kind: DataQualityKind;
  /** The records involved (first is where the problem was found). */
  readonly refs: readonly SourceRef[];
  /** The source's field or column name. */
  readonly field: string;
  /** The raw value as held, if any. */
  readonly rawValue: string | null;
  /** Plain words for a caseworker. */
  readonly message: string;
}

/** A record of type T with the data-quality issues found while reading it. */
export interface Sourced<T> {
  readonly record: T;
  readonly issues: readonly DataQualityIssue[];
}
