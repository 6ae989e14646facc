/**
 * Name normalisation shared by the HTTP adapters: upper case, accents folded, punctuation other
 * than apostrophes and hyphens dropped, single spaces. The original is always kept.
 */
import type { PersonName } from '../../src/domain/common.js';
import { normaliseNamePart } from '../../src/domain/names.js';

export { normaliseNamePart };


/** A PersonName from separate given-name text and family name. */
export function personName(givenText: string, family: string, original: string): PersonName {
  const given = normaliseNamePart(givenText);
  return { given: given ? given.split(' ') : [], family: normaliseNamePart(family), original };
}
