/**
 * Name text as every adapter normalises it: accents folded (including letters Unicode does not
 * decompose, such as Polish Ł and German ß), upper case, only letters, spaces, hyphens and
 * apostrophes, single spaces. The original is always kept beside it (PersonName.original).
 */

const NON_DECOMPOSING: Readonly<Record<string, string>> = { Ł: 'L', ł: 'L', Ø: 'O', ø: 'O', ß: 'SS', Æ: 'AE', æ: 'AE', Œ: 'OE', œ: 'OE', Đ: 'D', đ: 'D', ı: 'I', Þ: 'TH', þ: 'TH' };

/** Accents and special letters folded to their Latin base letters; case and punctuation kept. */
export function foldAccents(text: string): string {
  return text
    .replace(/[ŁłØøßÆæŒœĐđıÞþ]/g, (c) => NON_DECOMPOSING[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Upper case, accents folded, letters / hyphen / apostrophe / space only, single spaces. */
export function normaliseNamePart(raw: string): string {
  return foldAccents(raw)
    .toUpperCase()
    .replace(/[^A-Z' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
