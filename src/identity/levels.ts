/**
 * Comparison levels and comparisons, after Splink's comparison_library: a comparison is an ordered
 * list of labelled levels (null first, else last); a pair of values falls into the first level
 * whose condition holds. Every level has a readable label so every outcome can be explained.
 */
import { canonicalFamily } from './normalise.js';
import { jaroWinkler, editDistance } from './similarity.js';
import type { DateParts } from './prepare.js';

export interface ComparisonLevel<V> {
  /** Plain words for a caseworker, e.g. "exact match", "day and month swapped". */
  readonly label: string;
  /** The null level: the comparison says nothing (weight 0). */
  readonly isNull: boolean;
  /** Exact levels whose weight is adjusted for how common the agreeing value is. */
  readonly tf: boolean;
  matches(a: V, b: V): boolean;
}

export interface ComparisonResult {
  /** Index of the level the pair fell into. */
  readonly level: number;
  /** The agreeing value, for term-frequency adjustment (tf levels only). */
  readonly tfTerm: string | null;
}

export interface Comparison<S, V = unknown> {
  readonly name: string;
  readonly levels: readonly ComparisonLevel<V>[];
  compare(a: S, b: S): ComparisonResult;
}

export function comparison<S, V>(name: string, value: (side: S) => V, levels: readonly ComparisonLevel<V>[]): Comparison<S, V> {
  if (levels.length < 2) throw new Error(`Comparison "${name}" needs at least two levels`);
  if (!levels[levels.length - 1]!.label.startsWith('all other')) throw new Error(`Comparison "${name}" must end with elseLevel()`);
  return {
    name,
    levels,
    compare(a: S, b: S): ComparisonResult {
      const va = value(a);
      const vb = value(b);
      for (let i = 0; i < levels.length; i++) {
        const level = levels[i]!;
        if (level.matches(va, vb)) return { level: i, tfTerm: level.tf ? tfTermOf(va) : null };
      }
      /* c8 ignore next */
      return { level: levels.length - 1, tfTerm: null };
    },
  };
}

/** The value a term-frequency adjustment looks up: a name, or the forename of a list. */
function tfTermOf(v: unknown): string {
  return Array.isArray(v) ? String(v[0]) : String(v);
}

/** A level with its own condition (for comparisons outside the library). */
export function customLevel<V>(label: string, matches: (a: V, b: V) => boolean, opts: { isNull?: boolean; tf?: boolean } = {}): ComparisonLevel<V> {
  return Object.freeze({ label, matches, isNull: opts.isNull ?? false, tf: opts.tf ?? false });
}

const missing = (v: unknown): boolean => v == null || v === '' || (Array.isArray(v) && v.length === 0);

export function nullLevel<V>(): ComparisonLevel<V> {
  return customLevel<V>('missing on one or both records', (a, b) => missing(a) || missing(b), { isNull: true });
}

export function elseLevel<V>(): ComparisonLevel<V> {
  return customLevel<V>('all other comparisons (disagree)', () => true);
}

export function exactLevel(opts: { tf?: boolean } = {}): ComparisonLevel<string | null> {
  return customLevel<string | null>('exact match', (a, b) => a === b, { tf: opts.tf ?? false });
}

/** Same transliteration family (MOHAMMED / MUHAMMAD). */
export function variantLevel(): ComparisonLevel<string | null> {
  return customLevel<string | null>('spelling variant of the same name', (a, b) => canonicalFamily(a!) === canonicalFamily(b!));
}

/** Jaro–Winkler similarity of the canonical spellings at or above `threshold`. */
export function jaroWinklerLevel(threshold: number): ComparisonLevel<string | null> {
  return customLevel<string | null>(`similar spelling (Jaro-Winkler >= ${threshold})`, (a, b) => jaroWinkler(canonicalFamily(a!), canonicalFamily(b!)) >= threshold);
}

// ---- given names (lists of folded names; the first is the forename)

export function firstGivenExactLevel(): ComparisonLevel<readonly string[]> {
  return customLevel<readonly string[]>('exact match of forename', (a, b) => a[0] === b[0], { tf: true });
}

export function firstGivenVariantLevel(): ComparisonLevel<readonly string[]> {
  return customLevel<readonly string[]>('forename is a spelling variant', (a, b) => canonicalFamily(a[0]!) === canonicalFamily(b[0]!));
}

/** The forename on one record is another of the given names on the other (order differs). */
export function givenReorderedLevel(): ComparisonLevel<readonly string[]> {
  const canon = (l: readonly string[]) => l.map(canonicalFamily);
  return customLevel<readonly string[]>('given names in a different order', (a, b) => {
    const ca = canon(a);
    const cb = canon(b);
    return cb.includes(ca[0]!) || ca.includes(cb[0]!);
  });
}

export function firstGivenJaroWinklerLevel(threshold: number): ComparisonLevel<readonly string[]> {
  return customLevel<readonly string[]>(`forename similar (Jaro-Winkler >= ${threshold})`, (a, b) => jaroWinkler(canonicalFamily(a[0]!), canonicalFamily(b[0]!)) >= threshold);
}

// ---- dates of birth

export function dateExactLevel(): ComparisonLevel<DateParts | null> {
  return customLevel<DateParts | null>('exact match', (a, b) => a!.iso === b!.iso);
}

/** Day and month swapped (American order or a clerk's slip). */
export function dateSwappedLevel(): ComparisonLevel<DateParts | null> {
  return customLevel<DateParts | null>('day and month swapped', (a, b) => a!.y === b!.y && a!.m === b!.d && a!.d === b!.m);
}

/**
 * Exactly one of year, month, day differs, by one or by ten: a slip of the last digit to its
 * neighbour or of the tens digit (1985 for 1984, 1975 for 1985, the 14th for the 24th). Much rarer
 * between different people than any one-digit difference, so it is a level of its own.
 */
export function dateOffByOneOrTenLevel(): ComparisonLevel<DateParts | null> {
  const step = (x: number, y: number) => Math.abs(x - y) === 1 || Math.abs(x - y) === 10;
  return customLevel<DateParts | null>('one part off by one or ten', (a, b) => {
    const sy = a!.y === b!.y;
    const sm = a!.m === b!.m;
    const sd = a!.d === b!.d;
    if (sy && sm) return step(a!.d, b!.d);
    if (sy && sd) return step(a!.m, b!.m);
    if (sm && sd) return step(a!.y, b!.y);
    return false;
  });
}

/** Exactly one of year, month, day differs, by one typed digit or by one. */
export function dateTypoLevel(): ComparisonLevel<DateParts | null> {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const near = (x: number, y: number, w: number) => Math.abs(x - y) === 1 || editDistance(pad(x, w), pad(y, w), 1) <= 1;
  return customLevel<DateParts | null>('one digit off', (a, b) => {
    const sy = a!.y === b!.y;
    const sm = a!.m === b!.m;
    const sd = a!.d === b!.d;
    if (sy && sm) return near(a!.d, b!.d, 2);
    if (sy && sd) return near(a!.m, b!.m, 2);
    if (sm && sd) return near(a!.y, b!.y, 4);
    return false;
  });
}

export function dateSameYearLevel(): ComparisonLevel<DateParts | null> {
  return customLevel<DateParts | null>('same year of birth', (a, b) => a!.y === b!.y);
}
