/**
 * Names as custody records hold them, normalised into `PersonName` (upper case, accents folded,
 * single spaces) with the original kept. MPS writes one 'SURNAME, Forenames' field; WMP and WYP keep
 * separate columns in their own case conventions.
 */
import type { PersonName } from '../../src/domain/common.js';
import { normaliseNamePart } from '../../src/domain/names.js';

export { normaliseNamePart };


/**
 * The key the family-name search matches on: the normalised family name. Callers may pass any
 * spelling; the adapter normalises it the same way.
 */
export function familyNameKey(family: string): string {
  return normaliseNamePart(family);
}

export function personName(given: string | null, family: string | null, original: string): PersonName {
  const g = given ? normaliseNamePart(given) : '';
  return Object.freeze({
    given: g ? g.split(' ') : [],
    family: family ? normaliseNamePart(family) : '',
    original,
  });
}

/** 'SURNAME, Forename Middle' (MPS). Without a comma, the whole value is taken as the family name. */
export function parseSurnameFirst(value: string | null): PersonName {
  const raw = value ?? '';
  const comma = raw.indexOf(',');
  if (comma < 0) return personName(null, raw, raw);
  return personName(raw.slice(comma + 1), raw.slice(0, comma), raw);
}

/** Separate given/family columns; `original` is written 'Forenames Surname' as a person reads it. */
export function parseSeparate(given: string | null, family: string | null): PersonName {
  const original = [given ?? '', family ?? ''].filter((s) => s.trim() !== '').join(' ');
  return personName(given, family, original);
}
