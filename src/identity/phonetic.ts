/**
 * A small, robust phonetic key for blocking: the canonical variant spelling, reduced to a
 * consonant skeleton with common digraphs merged (PH→F, KH→K, CK→K, SCH/SH→S, TH→T, DH→D, GH→G),
 * soft C/G handled, vowels and H/W/Y dropped after the first letter, doubles collapsed, at most
 * 4 characters. Keys ignore most vowel and doubling differences (HUSSEIN / HUSAIN → HSN).
 */
import { canonicalFamily } from './normalise.js';

const DIGRAPHS: readonly (readonly [RegExp, string])[] = [
  [/SCH/g, 'S'],
  [/SH/g, 'S'],
  [/CH/g, 'C'],
  [/PH/g, 'F'],
  [/KH/g, 'K'],
  [/GH/g, 'G'],
  [/CK/g, 'K'],
  [/TH/g, 'T'],
  [/DH/g, 'D'],
  [/C(?=[EIY])/g, 'S'],
  [/C/g, 'K'],
  [/Q/g, 'K'],
  [/Z/g, 'S'],
  [/X/g, 'KS'],
  [/V/g, 'F'],
  [/J/g, 'Y'],
];

export function phoneticKey(name: string): string {
  const canon = canonicalFamily(name).replace(/ /g, '');
  if (!canon) return '';
  let s = canon;
  for (const [re, to] of DIGRAPHS) s = s.replace(re, to);
  const first = /[AEIOUY]/.test(s[0]!) ? 'A' : s[0]!;
  let out = first;
  let last = first;
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const ch = s[i]!;
    if ('AEIOUYHW'.includes(ch)) {
      last = '';
      continue;
    }
    if (ch === last) continue;
    out += ch;
    last = ch;
  }
  return out;
}
