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

/** Kinds with a check character: two valid values that differ at all are two people. */
export const CHECKED_KINDS: readonly IdentifierKind[] = Object.freeze(['PNC_ID', 'CRO']);

/**
 * Two values of one kind are far apart: different where a check letter guards them; otherwise
 * three or more edits, because two records can each carry a different one-digit slip of the same
 * reference (B2001343 and B1001943 for B1001343).
 */
export function farApart(kind: IdentifierKind, x: string, y: string): boolean {
  if (CHECKED_KINDS.includes(kind)) return x !== y;
  return editDistance(x, y, 3) >= 3;
}

/** Every value of one set is far apart from every value of the other. */
export function setsConflict(kind: IdentifierKind, a: Iterable<string>, b: Iterable<string>): boolean {
  const bs = [...b];
  for (const x of a) for (const y of bs) if (!farApart(kind, x, y)) return false;
  return bs.length > 0;
}

/** Identifiers a record or a group of records holds: valid values, and check-lettered ones that failed. */
export interface HeldIdentifiers {
  readonly ids: ReadonlyMap<IdentifierKind, Iterable<string>>;
  readonly mistyped: ReadonlyMap<IdentifierKind, Iterable<string>>;
}

const emptyIds: readonly string[] = [];

/**
 * Two holders' values of one kind say two people. Valid values: `setsConflict`. A value failing its
 * check letter is one slip from the person's real value, so it conflicts with a value three or more
 * edits away from it (the real value then differs from that value by at least two); it is near one
 * within two edits, and then nothing conflicts.
 */
export function idSetsConflict(kind: IdentifierKind, a: HeldIdentifiers, b: HeldIdentifiers): boolean {
  const va = [...(a.ids.get(kind) ?? emptyIds)];
  const vb = [...(b.ids.get(kind) ?? emptyIds)];
  if (va.length > 0 && vb.length > 0 && setsConflict(kind, va, vb)) return true;
  const ma = [...(a.mistyped.get(kind) ?? emptyIds)];
  const mb = [...(b.mistyped.get(kind) ?? emptyIds)];
  if (ma.length === 0 && mb.length === 0) return false;
  const allA = [...va, ...ma];
  const allB = [...vb, ...mb];
  if (allA.length === 0 || allB.length === 0) return false;
  for (const x of allA) for (const y of allB) if (editDistance(x, y, 3) < 3) return false;
  return true;
}

/** The identifiers a group of records holds together (one person's, if they are one). */
export function heldTogether(records: Iterable<HeldIdentifiers>): HeldIdentifiers {
  const ids = new Map<IdentifierKind, Set<string>>();
  const mistyped = new Map<IdentifierKind, Set<string>>();
  for (const r of records) {
    for (const [into, from] of [[ids, r.ids], [mistyped, r.mistyped]] as const) {
      for (const [kind, values] of from) {
        const set = into.get(kind) ?? new Set<string>();
        for (const v of values) set.add(v);
        into.set(kind, set);
      }
    }
  }
  return { ids, mistyped };
}

const nonEmpty = (values: Iterable<string> | undefined) => values !== undefined && !values[Symbol.iterator]().next().done;

/** The holder (a record, or a group's identifiers) has a personal identifier, valid or mistyped. */
export function holdsPersonalIdentifier(h: HeldIdentifiers): boolean {
  return ONE_PER_PERSON_KINDS.some((k) => nonEmpty(h.ids.get(k)) || nonEmpty(h.mistyped.get(k)));
}

/** Either holder has a value (valid or mistyped) of the kind. */
const holds = (h: HeldIdentifiers, kind: IdentifierKind) => h.ids.has(kind) || h.mistyped.has(kind);

export type IdentifierRelation =
  | { readonly kind: 'SHARED'; readonly idKind: IdentifierKind; readonly value: string }
  | { readonly kind: 'NEAR'; readonly idKind: IdentifierKind }
  | { readonly kind: 'CONFLICT'; readonly idKind: IdentifierKind }
  | { readonly kind: 'UNRELATED' }
  | { readonly kind: 'NONE' };

/** The strongest relation between the identifiers of two records. */
export function relateIdentifiers(a: PreparedRecord, b: PreparedRecord): IdentifierRelation {
  let comparable = false;
  for (const kind of LINKING_KINDS) {
    const va = a.ids.get(kind);
    const vb = b.ids.get(kind);
    if (!va || !vb) continue;
    comparable = true;
    for (const v of va) if (vb.includes(v)) return { kind: 'SHARED', idKind: kind, value: v };
  }
  let near: IdentifierKind | null = null;
  let conflict: IdentifierKind | null = null;
  for (const kind of ONE_PER_PERSON_KINDS) {
    if (!holds(a, kind) || !holds(b, kind)) continue;
    comparable = true;
    if (idSetsConflict(kind, a, b)) conflict ??= kind;
    else near ??= kind;
  }
  if (!comparable) return { kind: 'NONE' };
  if (conflict) return { kind: 'CONFLICT', idKind: conflict };
  if (near) return { kind: 'NEAR', idKind: near };
  return { kind: 'UNRELATED' };
}

/**
 * Kinds whose shared value is the same person whatever date of birth they gave: check-lettered ids
 * (PNC id, CRO number: a mistyped value fails its check letter and never matches, so a shared one is
 * the same police record) and fingerprint references (the same prints: a custody fingerprint hit on
 * Home Office records, 002 §4.4, identifies someone who gives other details).
 */
export const PROVEN_KINDS: readonly IdentifierKind[] = Object.freeze([...CHECKED_KINDS, 'FINGERPRINT']);

/**
 * Two records hold the same valid value of a kind in PROVEN_KINDS: the same person, whatever date of
 * birth each gives. Values failing their check letter never reach here.
 */
export function sharesProvenId(a: ReadonlyMap<IdentifierKind, readonly string[]>, b: ReadonlyMap<IdentifierKind, readonly string[]>): boolean {
  for (const kind of PROVEN_KINDS) {
    const vb = b.get(kind);
    if (vb && a.get(kind)?.some((v) => vb.includes(v))) return true;
  }
  return false;
}

/** Two records hold far-apart values of a one-per-person kind (biometric or reference). */
export function identifiersConflict(a: HeldIdentifiers, b: HeldIdentifiers): IdentifierKind | null {
  for (const kind of ONE_PER_PERSON_KINDS) if (idSetsConflict(kind, a, b)) return kind;
  return null;
}
