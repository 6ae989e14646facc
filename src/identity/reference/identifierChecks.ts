/**
 * Check characters of police identifiers. PNC ids (`YYYY/NNNNNNNC`) and CRO numbers (`NNNNNN/YYC`)
 * end in a check letter computed from the two-digit year and the serial, modulo 23. A mistyped
 * digit almost always breaks it, so a value that fails its check is a typo and must not link or
 * conflict; two valid values that differ are two different people, even one digit apart.
 */
const CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

function checkLetter(yy: string, serial: string): string {
  return CHECK_LETTERS[Number(BigInt(`${yy}${serial}`) % 23n)]!;
}

/** The check letter covers only the last two digits of the year: a year outside 1900–2099 is a typo too. */
export function isValidPncId(value: string): boolean {
  const m = /^(\d{4})\/(\d{7})([A-Z])$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= 1900 && year <= 2099 && checkLetter(m[1]!.slice(2), m[2]!) === m[3];
}

export function isValidCroNumber(value: string): boolean {
  const m = /^(\d{6})\/(\d{2})([A-Z])$/.exec(value);
  return m ? checkLetter(m[2]!, m[1]!) === m[3] : false;
}
