/**
 * Name normalisation: upper case, accents folded, punctuation removed, single spaces; spelling
 * variants mapped to one canonical member of their transliteration family (reference/nameVariants).
 */
import { NAME_VARIANTS } from './reference/nameVariants.js';

const canonicalByName = new Map<string, string>();
for (const family of NAME_VARIANTS) for (const name of family) canonicalByName.set(name, family[0]!);

/** Upper case, accents folded (É → E), anything but letters and spaces dropped, spaces collapsed. */
const NON_DECOMPOSING: Readonly<Record<string, string>> = { Ł: 'L', ł: 'L', Ø: 'O', ø: 'O', ß: 'SS', Æ: 'AE', æ: 'AE', Œ: 'OE', œ: 'OE', Đ: 'D', đ: 'D', ı: 'I', Þ: 'TH', þ: 'TH' };

export function foldText(text: string): string {
  return text
    .replace(/[ŁłØøßÆæŒœĐđıÞþ]/g, (c) => NON_DECOMPOSING[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['’`]/g, '')
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

/** The canonical spelling of a name's variant family, or the name itself when it has none. */
export function canonicalName(name: string): string {
  return canonicalByName.get(name) ?? name;
}

/** True when both spellings belong to the same transliteration family (or are equal). */
export function sameVariantFamily(a: string, b: string): boolean {
  return a === b || canonicalName(a) === canonicalName(b);
}

/**
 * Folds a whole family name; multi-word names that form one variant ("NGUYEN VAN") are kept whole,
 * otherwise each word is canonicalised.
 */
export function canonicalFamily(family: string): string {
  const whole = canonicalByName.get(family);
  if (whole) return whole;
  return family.split(' ').map(canonicalName).join(' ');
}
