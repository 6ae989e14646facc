/**
 * Names as CID holds them: `surname` and `forenames` columns, upper case since 2008 and mixed case
 * on cases migrated from the older system, spelled however the clerk on that case spelled them.
 * The adapter normalises (upper case, accents folded, single spaces) and keeps the original.
 */
import type { PersonName } from '../../src/domain/common.js';
import { normaliseNamePart } from '../../src/domain/names.js';

export { normaliseNamePart };


/**
 * The key CID is searched by for a family name: the normalised family name. Searches compare it
 * with `upper(surname)`, so names that CID holds with accents or stray punctuation are not found
 * by key (they are still found by date of birth and by the full scan).
 */
export function familyNameKey(raw: string): string {
  return normaliseNamePart(raw);
}

/** CID shows a person as "SURNAME, Forenames"; `original` keeps that text exactly. */
export function readPersonName(surname: string | null, forenames: string | null): PersonName {
  const family = normaliseNamePart(surname ?? '');
  const givenText = normaliseNamePart(forenames ?? '');
  const given = givenText === '' ? [] : givenText.split(' ');
  const original = [surname ?? '', forenames ?? ''].filter((s) => s !== '').join(', ');
  return { given, family, original };
}
