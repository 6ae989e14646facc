/**
 * Noise applied when a source copies a person's details: the awkwardness the gateway must cope
 * with. Every function takes the renderer's Rng and the estate's NoiseOptions, so noise is
 * deterministic and tunable. Variant tables cover transliteration families (Mohammed / Muhammad /
 * Mohamed) used by the name pools in names.ts.
 */
import type { Rng } from './rng.js';
import type { NoiseOptions } from './model.js';

/** Spelling / transliteration families: any member may be written for any other. */
export const NAME_VARIANTS: readonly (readonly string[])[] = [
  ['MOHAMMED', 'MUHAMMAD', 'MOHAMED', 'MOHAMMAD', 'MUHAMMED', 'MOHAMAD'],
  ['AHMED', 'AHMAD', 'AHMET'],
  ['YUSUF', 'YOUSSEF', 'YOUSEF', 'YUSSUF', 'JOSEF'],
  ['HUSSEIN', 'HUSSAIN', 'HUSAIN', 'HOSSEIN'],
  ['ABDULLAH', 'ABDALLA', 'ABDULLAHI'],
  ['MUSTAFA', 'MOSTAFA', 'MUSTAPHA'],
  ['OMAR', 'UMAR', 'OMER'],
  ['ALI', 'ALY'],
  ['HASSAN', 'HASAN'],
  ['IBRAHIM', 'EBRAHIM', 'IBRAHEEM'],
  ['KHALID', 'KHALED'],
  ['FATIMA', 'FATMA', 'FATEMA', 'FATIMAH'],
  ['AISHA', 'AYESHA', 'AISHAH', 'AYSHA'],
  ['MARYAM', 'MARIAM', 'MERYEM'],
  ['ABDI', 'ABDY'],
  ['OLUWASEUN', 'OLUWASEYI', 'SEUN'],
  ['CHUKWUEMEKA', 'CHUKWUMEKA', 'EMEKA'],
  ['NGUYEN', 'NGUYEN VAN', 'NGUYENN'],
  ['ALEKSANDR', 'ALEXANDER', 'ALEKSANDER', 'OLEKSANDR'],
  ['SERGEI', 'SERGEY', 'SERHIY'],
  ['DMITRI', 'DMITRY', 'DMYTRO'],
  ['TATYANA', 'TATIANA', 'TETIANA'],
  ['YURI', 'YURIY', 'IURII'],
  ['MIHAI', 'MIHAIL', 'MIKHAIL'],
  ['KRZYSZTOF', 'KRZYSZTOF', 'KRYSZTOF'],
  ['MAHMOUD', 'MAHMUD', 'MEHMOOD', 'MAHMOOD'],
  ['RAHMAN', 'REHMAN', 'RAHMAAN'],
  ['KHAN', 'KAHN'],
  ['SINGH', 'SINGHH'],
  ['MOHAMMADI', 'MOHAMADI', 'MUHAMMADI'],
];

const variantIndex = new Map<string, readonly string[]>();
for (const family of NAME_VARIANTS) for (const name of family) variantIndex.set(name, family);

/** Every spelling of `name` in its variant family (`name` itself when it has none). */
export function spellingsOf(name: string): readonly string[] {
  return variantIndex.get(name) ?? [name];
}

/** Another spelling of `name` from its variant family, or `name` when it has none. */
export function spellingVariant(rng: Rng, name: string): string {
  const family = variantIndex.get(name);
  if (!family || family.length < 2) return name;
  const others = family.filter((n) => n !== name);
  return rng.pick(others);
}

const QWERTY_NEIGHBOURS: Record<string, string> = {
  A: 'SQ', B: 'VN', C: 'XV', D: 'SF', E: 'WR', F: 'DG', G: 'FH', H: 'GJ', I: 'UO', J: 'HK', K: 'JL',
  L: 'K', M: 'N', N: 'BM', O: 'IP', P: 'O', Q: 'W', R: 'ET', S: 'AD', T: 'RY', U: 'YI', V: 'CB', W: 'QE',
  X: 'ZC', Y: 'TU', Z: 'X',
};

/** One keyboard slip: substitute a neighbour, drop, double or transpose one letter. */
export function typo(rng: Rng, word: string): string {
  if (word.length < 3) return word;
  const i = rng.int(1, word.length - 2);
  const ch = word[i]!;
  switch (rng.int(0, 3)) {
    case 0: {
      const n = QWERTY_NEIGHBOURS[ch];
      return n ? word.slice(0, i) + rng.pick([...n]) + word.slice(i + 1) : word;
    }
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + ch + word.slice(i);
    default:
      return word.slice(0, i) + word[i + 1]! + ch + word.slice(i + 2);
  }
}

export interface CopiedName {
  readonly givenNames: string[];
  readonly familyName: string;
}

/** A name as one more clerk copied it: variant spellings, typos, given/family swapped. */
export function copyName(rng: Rng, noise: NoiseOptions, givenNames: readonly string[], familyName: string): CopiedName {
  let given = givenNames.map((g) => (rng.chance(noise.nameVariant) ? spellingVariant(rng, g) : g));
  let family = rng.chance(noise.nameVariant) ? spellingVariant(rng, familyName) : familyName;
  if (rng.chance(noise.nameTypo)) family = typo(rng, family);
  if (given.length > 0 && rng.chance(noise.nameTypo / 2)) given[0] = typo(rng, given[0]!);
  if (given.length > 0 && rng.chance(noise.nameSwap)) {
    const first = given[0]!;
    given = [family, ...given.slice(1)];
    family = first;
  }
  return { givenNames: given, familyName: family };
}

/** A date of birth as copied: day/month swapped (when both ≤ 12) or one digit mistyped. */
export function copyDate(rng: Rng, noise: NoiseOptions, isoDate: string): string {
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  if (rng.chance(noise.dobSwap) && Number(d) <= 12 && d !== m) return `${y}-${d}-${m}`;
  if (rng.chance(noise.dobTypo)) {
    const which = rng.int(0, 2);
    if (which === 0) {
      const day = Math.min(28, Math.max(1, Number(d) + rng.pick([-1, 1, 10, -10])));
      return `${y}-${m}-${String(day).padStart(2, '0')}`;
    }
    if (which === 1) {
      const year = Number(y) + rng.pick([-1, 1, -10, 10]);
      return `${year}-${m}-${d}`;
    }
    const month = Math.min(12, Math.max(1, Number(m) + rng.pick([-1, 1])));
    return `${y}-${String(month).padStart(2, '0')}-${d}`;
  }
  return isoDate;
}

/** An identifier as copied: sometimes missing (null), sometimes with one character mistyped. */
export function copyIdentifier(rng: Rng, noise: NoiseOptions, value: string | null): string | null {
  if (value == null) return null;
  if (rng.chance(noise.missingIdentifier)) return null;
  if (rng.chance(noise.identifierTypo)) {
    const digits = [...value].map((c, i) => (/[0-9]/.test(c) ? i : -1)).filter((i) => i >= 0);
    if (digits.length === 0) return value;
    const i = rng.pick(digits);
    const replacement = String((Number(value[i]) + rng.int(1, 9)) % 10);
    return value.slice(0, i) + replacement + value.slice(i + 1);
  }
  return value;
}

export const DEFAULT_NOISE: NoiseOptions = Object.freeze({
  nameVariant: 0.12,
  nameTypo: 0.04,
  nameSwap: 0.03,
  dobSwap: 0.04,
  dobTypo: 0.02,
  missingIdentifier: 0.1,
  identifierTypo: 0.01,
  aliasRate: 0.15,
  falseNationalityClaim: 0.06,
  twinRate: 0.01,
  namesakeRate: 0.02,
  spreadsheetError: 0.05,
});

/** Every probability multiplied by `factor` (capped at 0.9): "doubled noise" is factor 2. */
export function scaleNoise(noise: NoiseOptions, factor: number): NoiseOptions {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(noise)) out[k] = Math.min(0.9, v * factor);
  return out as unknown as NoiseOptions;
}
