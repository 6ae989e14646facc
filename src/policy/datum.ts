/**
 * The kinds of value the per-value rules decide about, with just the facts the rules need. A path
 * that reaches a value (person field, timeline event, search hit, assessment input, data-quality
 * message, fragment) builds the same datum and calls the same decision (decide.ts).
 */
import type { ForceCode } from '../domain/common.js';
import type { AcroInstigator, AcroRequestStatus } from '../domain/acro.js';
import type { DataClass } from './classes.js';
import type { Decision } from './decision.js';

export interface AcroResultFacts {
  readonly hosol: boolean;
  readonly instigator: AcroInstigator;
}

export type Datum =
  | { readonly kind: 'ACRO_RESULT'; readonly result: AcroResultFacts }
  | { readonly kind: 'ACRO_REQUEST'; readonly request: { readonly instigator: AcroInstigator; readonly status: AcroRequestStatus; readonly results: readonly AcroResultFacts[] } }
  /** CID (or Pathfinder, fed from CID) casework: the class and the unit owning the case it sits on. */
  | { readonly kind: 'CID'; readonly class: 'CID_CASEWORK' | 'CID_NOTES' | 'REPORTING'; readonly ownerUnit: string | null }
  | { readonly kind: 'CUSTODY'; readonly force: ForceCode }
  | { readonly kind: 'STATUS_CHECK_OUTCOME'; readonly force: ForceCode | null }
  | { readonly kind: 'PNC' }
  | { readonly kind: 'HIGH_HARM_FLAG' }
  | { readonly kind: 'HIGH_HARM_INTELLIGENCE' }
  | { readonly kind: 'DVA_CHECK' }
  | { readonly kind: 'AGGREGATE' }
  | { readonly kind: 'AUDIT' }
  /**
   * Something derived from other records: a data-quality message, an identity fragment or alias, a
   * search match reason, an assessment or its reason. It is visible only if every record it came
   * from is (`sources` are those records' decisions).
   */
  | { readonly kind: 'DERIVED'; readonly class: DataClass; readonly sources: readonly Decision[] };

export type DatumKind = Datum['kind'];

/** The class a datum belongs to (what the grants table is asked about). */
export function classOf(d: Datum): DataClass {
  switch (d.kind) {
    case 'ACRO_RESULT':
    case 'ACRO_REQUEST':
      return 'ACRO';
    case 'CID':
      return d.class;
    case 'CUSTODY':
      return 'CUSTODY';
    case 'STATUS_CHECK_OUTCOME':
      return 'STATUS_CHECK_OUTCOME';
    case 'PNC':
      return 'PNC';
    case 'HIGH_HARM_FLAG':
      return 'HIGH_HARM_FLAG';
    case 'HIGH_HARM_INTELLIGENCE':
      return 'HIGH_HARM_INTELLIGENCE';
    case 'DVA_CHECK':
      return 'DVA';
    case 'AGGREGATE':
      return 'AGGREGATE';
    case 'AUDIT':
      return 'AUDIT';
    case 'DERIVED':
      return d.class;
  }
}
