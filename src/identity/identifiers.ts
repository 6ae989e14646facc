/**
 * Which identifier kinds identify a person, and how two records' identifiers relate: a shared
 * value, a value one character off (a likely mistyping), or a conflict (two different values of a
 * kind a person has only one of).
 */
import type { IdentifierKind } from '../domain/common.js';
import type { PreparedRecord } from './prepare.js';
import { editDistance } from './similarity.js';

/** Kinds a person holds only one value of: two far-apart values mean two people. */
export const ONE_PER_PERSON_KINDS: readonly IdentifierKind[] = Object.freeze(['FINGERPRINT', 'HO_REF', 'PNC_ID', 'CRO', 'PASSPORT']);

/** Kinds whose shared value links two records (per-case and per-arrest ids included). */
export const LINKING_KINDS: readonly IdentifierKind[] = Object.freeze([
  'FINGERPRINT', 'HO_REF', 'PNC_ID', 'CRO', 'PASSPORT', 'CID_PERSON', 'CID_CASE', 'CUSTODY_RECORD', 'ACRO_REF',
]);

export type IdentifierRelation =
  | { readonly kind: 'SHARED'; readonly idKind: IdentifierKind; readonly value: string }
  | { readonly kind: 'NEAR'; readonly idKind: IdentifierKind }
  | { readonly kind: 'CONFLICT'; readonly idKind: IdentifierKind }
  | { readonly kind: 'UNRELATED' }
  | { readonly kind: 'NONE' };

/** The strongest relation between the identifiers of two records. */
export function relateIdentifiers(a: ReadonlyMap<IdentifierKind, readonly string[]>, b: ReadonlyMap<IdentifierKind, readonly string[]>): IdentifierRelation {
  let comparable = false;
  for (const kind of LINKING_KINDS) {
    const va = a.get(kind);
    const vb = b.get(kind);
    if (!va || !vb) continue;
    comparable = true;
    for (const v of va) if (vb.includes(v)) return { kind: 'SHARED', idKind: kind, value: v };
  }
  if (!comparable) return { kind: 'NONE' };
  let near: IdentifierKind | null = null;
  let conflict: IdentifierKind | null = null;
  for (const kind of ONE_PER_PERSON_KINDS) {
    const va = a.get(kind);
    const vb = b.get(kind);
    if (!va || !vb) continue;
    const closest = Math.min(...va.flatMap((x) => vb.map((y) => editDistance(x, y, 2))));
    if (closest <= 1) near ??= kind;
    else conflict ??= kind;
  }
  if (conflict) return { kind: 'CONFLICT', idKind: conflict };
  if (near) return { kind: 'NEAR', idKind: near };
  return { kind: 'UNRELATED' };
}

/** Two records hold far-apart values of a one-per-person kind (biometric or reference). */
export function identifiersConflict(a: PreparedRecord, b: PreparedRecord): IdentifierKind | null {
  for (const kind of ONE_PER_PERSON_KINDS) {
    const va = a.ids.get(kind);
    const vb = b.ids.get(kind);
    if (!va || !vb) continue;
    if (va.some((x) => vb.some((y) => editDistance(x, y, 2) >= 2))) return kind;
  }
  return null;
}
