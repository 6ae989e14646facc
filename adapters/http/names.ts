/**
 * Name normalisation shared by the HTTP adapters: upper case, accents folded, punctuation other
 * than apostrophes and hyphens dropped, single spaces. The original is always kept.
 */
import type { PersonName } from '../../src/domain/common.js';

export function normaliseNamePart(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A PersonName from separate given-name text and family name. */
export function personName(givenText: string, family: string, original: string): PersonName {
  const given = normaliseNamePart(givenText);
  return { given: given ? given.split(' ') : [], family: normaliseNamePart(family), original };
}
