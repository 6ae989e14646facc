/**
 * Best identity of a person from the identity fragments of their records: per attribute, the value
 * most records agree on, weighing each record by how reliable its source is for that attribute,
 * with the records behind every value and the disagreements kept (so a caseworker sees where the
 * sources differ, 004 §6.47). Also the person's aliases and identifiers, each with its records.
 */
import type { Gender, Identifier, IdentifierKind, IdentityFragment, PersonName, SourceName, SourceRef } from '../domain/common.js';
import { sourceRefString } from '../domain/common.js';

export type IdentityAttributeName = 'NAME' | 'DATE_OF_BIRTH' | 'NATIONALITY' | 'GENDER' | 'PLACE_OF_BIRTH';

export interface IdentityAlternative {
  readonly value: string;
  readonly sources: readonly SourceRef[];
}

export interface IdentityAttribute {
  readonly attribute: IdentityAttributeName;
  readonly value: string | null;
  readonly sources: readonly SourceRef[];
  readonly alternatives: readonly IdentityAlternative[];
  readonly disagreement: boolean;
}

export interface IdentitySummary {
  readonly name: PersonName | null;
  readonly dateOfBirth: string | null;
  readonly nationality: string | null;
  readonly gender: Gender | null;
  readonly placeOfBirth: string | null;
  readonly attributes: readonly IdentityAttribute[];
  readonly hasDisagreements: boolean;
}

/**
 * How much one record of a source counts for an attribute. CID and PNC hold checked identities;
 * ACRO's subject is what the requester typed; Pathfinder copies CID by hand; custody records what
 * the detainee said, and a declared nationality may be a false claim to be British (001 §4.29).
 */
const WEIGHT: Readonly<Record<SourceName, Readonly<Record<IdentityAttributeName, number>>>> = {
  cid: { NAME: 3, DATE_OF_BIRTH: 3, NATIONALITY: 3, GENDER: 3, PLACE_OF_BIRTH: 3 },
  pnc: { NAME: 3, DATE_OF_BIRTH: 3, NATIONALITY: 2, GENDER: 3, PLACE_OF_BIRTH: 2 },
  acro: { NAME: 2, DATE_OF_BIRTH: 2, NATIONALITY: 2, GENDER: 2, PLACE_OF_BIRTH: 1 },
  pathfinder: { NAME: 1, DATE_OF_BIRTH: 1, NATIONALITY: 1, GENDER: 1, PLACE_OF_BIRTH: 1 },
  custody: { NAME: 1, DATE_OF_BIRTH: 1, NATIONALITY: 0.5, GENDER: 2, PLACE_OF_BIRTH: 1 },
  dva: { NAME: 3, DATE_OF_BIRTH: 3, NATIONALITY: 3, GENDER: 3, PLACE_OF_BIRTH: 3 },
};

/** A name as text: given names then family name, normalised. */
export function nameText(n: PersonName): string {
  return [...n.given, n.family].filter((p) => p.length > 0).join(' ');
}

interface Tally<T> {
  readonly value: T;
  readonly key: string;
  weight: number;
  latest: string;
  readonly sources: SourceRef[];
}

function choose<T>(
  attribute: IdentityAttributeName,
  fragments: readonly IdentityFragment[],
  pick: (f: IdentityFragment) => T | null,
  keyOf: (v: T) => string,
): { best: T | null; attribute: IdentityAttribute } {
  const tallies = new Map<string, Tally<T>>();
  for (const f of fragments) {
    const v = pick(f);
    if (v === null) continue;
    const key = keyOf(v);
    if (key === '') continue;
    let t = tallies.get(key);
    if (!t) {
      t = { value: v, key, weight: 0, latest: '', sources: [] };
      tallies.set(key, t);
    }
    t.weight += WEIGHT[f.ref.source][attribute];
    if ((f.recordedAt ?? '') > t.latest) t.latest = f.recordedAt ?? '';
    t.sources.push(f.ref);
  }
  // Most weight first; then the most recently recorded; then the value, so the choice is stable.
  const ranked = [...tallies.values()].sort((a, b) => b.weight - a.weight || (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0) || (a.key < b.key ? -1 : 1));
  const sortRefs = (refs: readonly SourceRef[]) => [...refs].sort((a, b) => (sourceRefString(a) < sourceRefString(b) ? -1 : 1));
  const [best, ...rest] = ranked;
  return {
    best: best?.value ?? null,
    attribute: {
      attribute,
      value: best?.key ?? null,
      sources: sortRefs(best?.sources ?? []),
      alternatives: rest.map((t) => ({ value: t.key, sources: sortRefs(t.sources) })),
      disagreement: rest.length > 0,
    },
  };
}

export function bestIdentity(fragments: readonly IdentityFragment[]): IdentitySummary {
  const name = choose('NAME', fragments, (f) => (f.name.family || f.name.given.length > 0 ? f.name : null), nameText);
  const dob = choose('DATE_OF_BIRTH', fragments, (f) => f.dateOfBirth, (v) => v);
  const nationality = choose('NATIONALITY', fragments, (f) => f.nationality, (v) => v);
  const gender = choose('GENDER', fragments, (f) => f.gender, (v) => v);
  const pob = choose('PLACE_OF_BIRTH', fragments, (f) => (f.placeOfBirth ? f.placeOfBirth.trim().toUpperCase() : null), (v) => v);
  const attributes = [name.attribute, dob.attribute, nationality.attribute, gender.attribute, pob.attribute];
  return {
    name: name.best,
    dateOfBirth: dob.best,
    nationality: nationality.best,
    gender: gender.best,
    placeOfBirth: pob.best,
    attributes,
    hasDisagreements: attributes.some((a) => a.disagreement),
  };
}

export interface AliasSummary {
  readonly name: PersonName;
  readonly sources: readonly SourceRef[];
}

/**
 * Other names: every alias any record holds, and every record name that differs from the best name,
 * one entry per distinct normalised name.
 */
export function aliasesOf(fragments: readonly IdentityFragment[], best: PersonName | null): AliasSummary[] {
  const bestKey = best ? nameText(best) : null;
  const byKey = new Map<string, { name: PersonName; sources: SourceRef[] }>();
  const add = (n: PersonName, ref: SourceRef) => {
    const key = nameText(n);
    if (key === '' || key === bestKey) return;
    const cur = byKey.get(key) ?? { name: n, sources: [] };
    if (!cur.sources.some((r) => sourceRefString(r) === sourceRefString(ref))) cur.sources.push(ref);
    byKey.set(key, cur);
  };
  for (const f of fragments) {
    add(f.name, f.ref);
    for (const a of f.aliases) add(a, f.ref);
  }
  return [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v);
}

export interface IdentifierSummary extends Identifier {
  readonly sources: readonly SourceRef[];
}

const KIND_ORDER: readonly IdentifierKind[] = ['HO_REF', 'PNC_ID', 'CRO', 'FINGERPRINT', 'PASSPORT', 'CID_PERSON', 'CID_CASE', 'CUSTODY_RECORD', 'ACRO_REF'];

/** Every identifier any record holds, grouped by kind and value (case-insensitive), with its records. */
export function identifiersOf(fragments: readonly IdentityFragment[]): IdentifierSummary[] {
  const byKey = new Map<string, { kind: IdentifierKind; value: string; sources: SourceRef[] }>();
  for (const f of fragments) {
    for (const id of f.identifiers) {
      const key = `${id.kind}|${id.value.trim().toUpperCase()}`;
      const cur = byKey.get(key) ?? { kind: id.kind, value: id.value.trim(), sources: [] };
      if (!cur.sources.some((r) => sourceRefString(r) === sourceRefString(f.ref))) cur.sources.push(f.ref);
      byKey.set(key, cur);
    }
  }
  return [...byKey.values()].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
