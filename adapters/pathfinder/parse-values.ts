/**
 * Reading the other hand-typed Pathfinder values: CID case ids with stray spaces or a lower-case
 * prefix, bands written '2', 'Band 2' or 'B2', barriers to removal in caseworkers' shorthand
 * (004 fn 5), yes/no cells, names in one cell or two, sex, and the Leeds "date - action" diary cell.
 * Each parser returns what it could read and, separately, the problem in plain words.
 */
import type { PersonName } from '../../src/domain/common.js';
import type { Band, Barrier } from '../../src/domain/pathfinder.js';
import { normaliseNamePart } from '../../src/domain/names.js';

export { normaliseNamePart };

export interface Parsed<T> {
  readonly value: T;
  readonly problem: string | null;
}

const ok = <T>(value: T): Parsed<T> => ({ value, problem: null });

/** Trim, drop every space, upper-case: ' cc1234567 ' and 'CC 1234567' both become 'CC1234567'. */
export function normaliseCaseId(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const id = raw.replace(/\s+/g, '').toUpperCase();
  return id === '' ? null : id;
}

export function parseBand(text: string): Parsed<Band | null> {
  const m = /^(?:band|b)?\s*\.?\s*([1-4])(?:\.0+)?$/i.exec(text.trim());
  if (m) return ok(Number(m[1]) as Band);
  return { value: null, problem: `"${text}" is not a band (1 to 4)` };
}

/** Phrases that mean "no barrier". */
const NONE = /^(none( known)?|nil|n\/?a|-+|no|no barriers?)$/i;
const RESOLVED = /\b(resolved|cleared|done)\b/i;

/** Barrier shorthand, first match wins per phrase (004 fn 5, §7.12–7.19). */
const BARRIER_PATTERNS: readonly (readonly [Barrier, RegExp])[] = [
  ['OUTSTANDING_ASYLUM_CLAIM', /\basylum\b|\bAS claim\b|\bprotection claim\b/i],
  ['FURTHER_REPRESENTATIONS', /\bfurther (reps|representations|submissions|subs)\b|\bFRs?\b/i],
  ['JUDICIAL_REVIEW', /\bjudicial review\b|\bJR\b/i],
  ['NO_TRAVEL_DOCUMENT', /\bno (e?td|passport)\b|\btravel doc|\bE?TD (o\/s|outstanding|awaited)\b|\bno passport\b/i],
  ['OUTSTANDING_APPLICATION', /\boutstanding (app|application)\b|\b(FLR|LTR|ILR|EEA) (app|application)\b|\bapplication (o\/s|pending|outstanding)\b/i],
];

export interface ParsedBarriers {
  readonly barriers: readonly Barrier[];
  /** True when every barrier phrase is marked resolved; false when some are not; null when none said either. */
  readonly resolvedMarks: boolean | null;
  /** Phrases that name no known barrier. */
  readonly unknown: readonly string[];
}

/** Parse one or more barrier cells ('AS claim o/s; No ETD', 'JR - RESOLVED', 'None'). */
export function parseBarriers(cells: readonly string[]): ParsedBarriers {
  const found = new Set<Barrier>();
  const unknown: string[] = [];
  let marked = 0;
  let phrases = 0;
  for (const cell of cells) {
    for (const part of cell.split(/[;,+\n]| & /)) {
      const phrase = part.trim();
      if (!phrase || NONE.test(phrase)) continue;
      const hit = BARRIER_PATTERNS.find(([, re]) => re.test(phrase));
      if (!hit) {
        unknown.push(phrase);
        continue;
      }
      found.add(hit[0]);
      phrases++;
      if (RESOLVED.test(phrase)) marked++;
    }
  }
  const barriers = [...found].sort();
  return { barriers, resolvedMarks: marked === 0 ? null : marked === phrases, unknown };
}

/** 'Y', 'Yes', 'Poss', 'Resolved' → true; 'N', 'No' → false; '', 'N/A' → null. */
export function parseYesNo(text: string): Parsed<boolean | null> {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'n/a' || t === 'na' || t === '-') return ok(null);
  if (['y', 'yes', 'true', 'poss', 'possibly', 'resolved', 'done'].includes(t)) return ok(true);
  if (['n', 'no', 'false', 'not yet'].includes(t)) return ok(false);
  return { value: null, problem: `"${text}" is neither yes nor no` };
}

export function parseGender(text: string): Parsed<'M' | 'F' | null> {
  const t = text.trim().toUpperCase();
  if (t === 'M' || t === 'MALE') return ok('M');
  if (t === 'F' || t === 'FEMALE') return ok('F');
  return { value: null, problem: `"${text}" is not a recognised sex` };
}


/** A name given in two cells (family, given). */
export function nameFromParts(family: string | null, given: string | null): PersonName | null {
  if (!family && !given) return null;
  const original = [family, given].filter(Boolean).join(', ');
  return { family: normaliseNamePart(family ?? ''), given: normaliseNamePart(given ?? '').split(' ').filter(Boolean), original };
}

/**
 * A name typed in one cell: 'KHAN, Yusuf', 'Yusuf Khan' or 'KHAN Yusuf'. With a comma the family
 * name comes first; without, a leading all-capitals word followed by mixed case is the family name;
 * otherwise the last word is.
 */
export function nameFromOneCell(text: string): PersonName | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return null;
  const comma = t.indexOf(',');
  if (comma >= 0) return { ...nameFromParts(t.slice(0, comma), t.slice(comma + 1))!, original: text };
  const words = t.split(' ');
  if (words.length === 1) return { family: normaliseNamePart(t), given: [], original: text };
  const isCaps = (w: string) => /\p{L}/u.test(w) && w === w.toUpperCase();
  if (isCaps(words[0]!) && words.slice(1).some((w) => !isCaps(w))) {
    return { family: normaliseNamePart(words[0]!), given: normaliseNamePart(words.slice(1).join(' ')).split(' ').filter(Boolean), original: text };
  }
  return {
    family: normaliseNamePart(words[words.length - 1]!),
    given: normaliseNamePart(words.slice(0, -1).join(' ')).split(' ').filter(Boolean),
    original: text,
  };
}

/** Split a Leeds diary cell '12/06/17 - ETD chase' into its date text and action. */
export function splitDiaryCell(text: string): { dateText: string | null; action: string | null } {
  const t = text.trim();
  const m = /^(.{1,24}?)\s+[-–:]\s+(.+)$/s.exec(t);
  if (m && /\d|tbc|n\/?k|unknown|\?/i.test(m[1]!)) return { dateText: m[1]!.trim(), action: m[2]!.trim() };
  return { dateText: null, action: t || null };
}
