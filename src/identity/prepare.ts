/**
 * Turns an IdentityFragment into the features identity resolution compares: folded and canonical
 * names (primary and aliases), date of birth parts, identifiers by kind. Done once per record.
 */
import { sourceRefString, type IdentityFragment, type IdentifierKind, type PersonName, type RecordOccasion } from '../domain/common.js';
import { canonicalFamily, canonicalName, foldText } from './normalise.js';
import { phoneticKey } from './phonetic.js';
import { isValidCroNumber, isValidPncId } from './reference/identifierChecks.js';

/** One way of writing the person's name: the primary name or an alias. */
export interface NameForm {
  /** Given names, folded. */
  readonly given: readonly string[];
  readonly family: string;
  /** Canonical variant spellings. */
  readonly givenCanon: readonly string[];
  readonly familyCanon: string;
  readonly givenPhonetic: string;
  readonly familyPhonetic: string;
  readonly alias: boolean;
}

export interface DateParts {
  readonly iso: string;
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export interface PreparedRecord {
  /** Position in the batch being linked. */
  readonly index: number;
  /** `source:key` */
  readonly refKey: string;
  readonly fragment: IdentityFragment;
  /** Primary name first, then aliases. Empty when no usable name. */
  readonly names: readonly NameForm[];
  readonly dob: DateParts | null;
  readonly gender: string | null;
  readonly nationality: string | null;
  readonly placeOfBirth: string | null;
  /** Identifier values by kind, normalised (upper case, no spaces). */
  readonly ids: ReadonlyMap<IdentifierKind, readonly string[]>;
  /**
   * Check-lettered values (PNC id, CRO) that fail their check letter: a slip of one character from
   * the person's real value. They never link, but one far from another record's value says the
   * records hold two different police records (identifiers.ts `idSetsConflict`).
   */
  readonly mistyped: ReadonlyMap<IdentifierKind, readonly string[]>;
  /** The police occasion the record was made on (an arrest, a force's ACRO request), or null. */
  readonly occasion: PreparedOccasion | null;
  /** The year of an arrest recorded without any PNC id (valid or mistyped), or null. */
  readonly arrestWithoutPncYear: number | null;
  /** The year the record's PNC record was created (earliest valid PNC id, `YYYY/…`), or null. */
  readonly pncYear: number | null;
}

export interface PreparedOccasion {
  readonly kind: RecordOccasion['kind'];
  readonly force: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

function prepareOccasion(o: RecordOccasion | null | undefined): PreparedOccasion | null {
  if (!o) return null;
  const at = Date.parse(o.at);
  return Number.isFinite(at) && o.force ? { kind: o.kind, force: o.force.toUpperCase(), at } : null;
}

export function nameForm(name: PersonName, alias: boolean): NameForm | null {
  const given = name.given.flatMap((g) => foldText(g).split(' ')).filter(Boolean);
  const family = foldText(name.family);
  if (!family && given.length === 0) return null;
  const givenCanon = given.map(canonicalName);
  const familyCanon = canonicalFamily(family);
  return {
    given,
    family,
    givenCanon,
    familyCanon,
    givenPhonetic: given.length > 0 ? phoneticKey(given[0]!) : '',
    familyPhonetic: phoneticKey(family),
    alias,
  };
}

export function parseIsoDate(iso: string | null): DateParts | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return { iso, y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

export function normaliseIdentifier(value: string): string {
  return value.toUpperCase().replace(/\s+/g, '');
}

/** PNC ids and CRO numbers carry a check letter: a value that fails it is a typo, kept apart (`mistyped`). */
export function passesCheck(kind: IdentifierKind, value: string): boolean {
  if (kind === 'PNC_ID') return isValidPncId(value);
  if (kind === 'CRO') return isValidCroNumber(value);
  return true;
}

export function prepareRecord(fragment: IdentityFragment, index: number): PreparedRecord {
  const names: NameForm[] = [];
  const primary = nameForm(fragment.name, false);
  if (primary) names.push(primary);
  for (const a of fragment.aliases) {
    const f = nameForm(a, true);
    if (f) names.push(f);
  }
  const ids = new Map<IdentifierKind, string[]>();
  const mistyped = new Map<IdentifierKind, string[]>();
  for (const id of fragment.identifiers) {
    const v = normaliseIdentifier(id.value);
    if (!v) continue;
    const into = passesCheck(id.kind, v) ? ids : mistyped;
    const list = into.get(id.kind) ?? [];
    if (!list.includes(v)) list.push(v);
    into.set(id.kind, list);
  }
  const pob = fragment.placeOfBirth ? foldText(fragment.placeOfBirth) : '';
  const occasion = prepareOccasion(fragment.occasion);
  return {
    index,
    refKey: sourceRefString(fragment.ref),
    fragment,
    names,
    dob: parseIsoDate(fragment.dateOfBirth),
    gender: fragment.gender,
    nationality: fragment.nationality ? fragment.nationality.toUpperCase() : null,
    placeOfBirth: pob || null,
    ids,
    mistyped,
    occasion,
    arrestWithoutPncYear: occasion?.kind === 'ARREST' && !ids.has('PNC_ID') && !mistyped.has('PNC_ID') ? new Date(occasion.at).getUTCFullYear() : null,
    pncYear: ids.has('PNC_ID') ? Math.min(...ids.get('PNC_ID')!.map((v) => Number(v.slice(0, 4)))) : null,
  };
}
