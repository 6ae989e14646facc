/**
 * From scored pair to outcome: LINKED (auto-link), POSSIBLE_MATCH (review queue) or NOT_LINKED.
 * Deterministic rules first; then the model's thresholds; then the guards that protect against the
 * worse error, a false link (issue 4: a false link puts one person's record on another's file):
 *
 * - an identifier match contradicted by the person's details (date of birth far apart, or both
 *   names disagree, or a conflicting personal identifier) goes to review, not auto-link. A
 *   check-lettered identifier (PNC id, CRO number) or a fingerprint ref is not contradicted by the
 *   date of birth alone: a mistyped PNC id fails its check letter and never matches, so a shared
 *   valid one is the same police record; a fingerprint ref is the same prints (002 §4.4); a date of
 *   birth far from it is one the person gave under an alias. Only both names disagreeing (the id
 *   recorded on the wrong person's record) holds it back;
 * - conflicting personal identifiers (two far-apart fingerprint refs, HO refs, PNC ids) never
 *   auto-link;
 * - "twin pattern": same family name and date of birth but a different forename never auto-links;
 * - a name and date of birth known to be held by two people (collisions.ts) never auto-links on
 *   the model's evidence alone.
 */
import { swapForm } from './align.js';
import { sharedKeyGuard, sharedKeysOf } from './collisions.js';
import { COMPARISONS } from './comparisons.js';
import { sharesProvenId } from './identifiers.js';
import { firstRuleMatch } from './rules/deterministicRules.js';
import { editDistance } from './similarity.js';
import type { LinkageModel } from './model.js';
import type { PreparedRecord } from './prepare.js';
import type { ComparedPair, PairEvidence } from './score.js';

export type LinkOutcome = 'LINKED' | 'POSSIBLE_MATCH' | 'NOT_LINKED';

export interface PairDecision {
  readonly outcome: LinkOutcome;
  /** Deterministic rule name, or 'PROBABILISTIC'. */
  readonly rule: string;
  /** Why a pair was held back from auto-linking, if it was. */
  readonly guard: string | null;
  /**
   * Set when the only thing holding the pair back is a name and date of birth held by two people:
   * the shared keys it sits on (collisions.ts). The clusterer joins it still when every other person
   * holding the key is ruled out by a fact or matches clearly worse (cluster.ts, OTHER_HOLDERS_EXCLUDED).
   */
  readonly sharedKeys?: readonly string[];
}

const idx = (name: string) => COMPARISONS.findIndex((c) => c.name === name);
const FAMILY = idx('familyName');
const GIVEN = idx('givenName');
const DOB = idx('dateOfBirth');
const PLACE = idx('placeOfBirth');
const levelIndex = (comparison: number, label: string) => COMPARISONS[comparison]!.levels.findIndex((l) => l.label.startsWith(label));
const ELSE = (c: number) => COMPARISONS[c]!.levels.length - 1;
const DOB_EXACT = levelIndex(DOB, 'exact');
const DOB_SAME_YEAR = levelIndex(DOB, 'same year');
const PLACE_EXACT = levelIndex(PLACE, 'exact');
const FAMILY_WEAK = levelIndex(FAMILY, 'similar spelling (Jaro-Winkler >= 0.8');
const GIVEN_WEAK = levelIndex(GIVEN, 'forename similar (Jaro-Winkler >= 0.8');

/**
 * What contradicts an identifier match, or null. `proven`: the shared identifier identifies whatever
 * details were given (identifiers.ts PROVEN_KINDS), so a date of birth far apart does not contradict
 * it on its own.
 */
export function contradiction(pair: ComparedPair, proven = false): string | null {
  if (pair.conflict) return `conflicting ${pair.conflict}`;
  const dob = pair.levels[DOB]!;
  if (dob === ELSE(DOB) && !proven) return 'dates of birth far apart';
  const familyOff = pair.levels[FAMILY]! >= FAMILY_WEAK;
  const givenOff = pair.levels[GIVEN]! >= GIVEN_WEAK;
  if (familyOff && givenOff) return 'names disagree';
  return null;
}

/**
 * Forenames that only Jaro-Winkler finds alike (a short name inside a longer one: ALI / KHALID
 * scores 0.83) but that no slip of the pen turns into each other: more than two edits apart on
 * every pair of the two records' name forms (aliases included, and each of the second record's
 * forms with given and family names swapped, as alignment tries them), after canonical spelling.
 * NQSSER SAMIR / SAMIR NASSER is a swap with a typo, not two people.
 */
export function forenamesApart(a: PreparedRecord, b: PreparedRecord): boolean {
  const forms = b.names.flatMap((y) => [y, swapForm(y)]);
  for (const x of a.names) {
    for (const y of forms) {
      const fx = x.givenCanon[0];
      const fy = y?.givenCanon[0];
      if (fx === undefined || fy === undefined) continue;
      if (editDistance(fx, fy, FORENAME_SLIP) <= FORENAME_SLIP) return false;
    }
  }
  return true;
}

/** Edits within which two forenames may be one name miscopied (a typo is one, a transposition one). */
const FORENAME_SLIP = 2;

/**
 * Same family name (or variant) and date of birth, different forename: the twin pattern. When one
 * record's names were read swapped, the name the two share may be a family name on one and a
 * forename on the other, so a shared forename with a different "family" name is the pattern too.
 */
export function twinPattern(pair: ComparedPair, a?: PreparedRecord, b?: PreparedRecord): boolean {
  if (pair.levels[DOB] !== DOB_EXACT) return false;
  const agrees = (c: number, weak: number) => pair.levels[c]! >= 1 && pair.levels[c]! < weak;
  const givenDiffers = pair.levels[GIVEN] === ELSE(GIVEN) || (pair.levels[GIVEN] === GIVEN_WEAK && a !== undefined && b !== undefined && forenamesApart(a, b));
  if (agrees(FAMILY, FAMILY_WEAK) && givenDiffers) return true;
  return pair.swapped && agrees(GIVEN, GIVEN_WEAK) && pair.levels[FAMILY] === ELSE(FAMILY);
}

/**
 * `sharedKeys`: names and dates of birth held by two people (collisions.ts `sharedIdentityKeys`
 * over every record being linked); empty when not computed.
 */
export function classifyPair(
  model: LinkageModel,
  a: PreparedRecord,
  b: PreparedRecord,
  pair: ComparedPair,
  evidence: PairEvidence,
  sharedKeys: ReadonlyMap<string, string> = new Map(),
): PairDecision {
  const match = firstRuleMatch(a.ids, b.ids);
  if (match) {
    const why = contradiction(pair, sharesProvenId(a.ids, b.ids));
    if (!why) return { outcome: 'LINKED', rule: match.rule.name, guard: null };
    return { outcome: 'POSSIBLE_MATCH', rule: match.rule.name, guard: `identifier contradicted: ${why}` };
  }
  const w = evidence.matchWeight;
  if (w < model.thresholds.review) return { outcome: 'NOT_LINKED', rule: 'PROBABILISTIC', guard: null };
  const decision = probabilisticDecision(model, a, b, pair, w);
  // Applied to possible matches too: a guarded possible match is never joined as a group's only candidate.
  const shared = pair.levels[PLACE] === PLACE_EXACT ? null : sharedKeyGuard(sharedKeys, a, b);
  if (!shared) return decision;
  return {
    outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: shared,
    ...(decision.outcome === 'LINKED' ? { sharedKeys: sharedKeysOf(sharedKeys, a, b) } : {}),
  };
}

/** Thresholds and guards for a pair no identifier links, at or above the review threshold. */
function probabilisticDecision(model: LinkageModel, a: PreparedRecord, b: PreparedRecord, pair: ComparedPair, w: number): PairDecision {
  if (twinPattern(pair, a, b)) return { outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'same family name and date of birth, different forename' };
  if (w < model.thresholds.link) return { outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: null };
  if (pair.conflict) return { outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: `conflicting ${pair.conflict}` };
  if (pair.levels[DOB]! >= DOB_SAME_YEAR && pair.levels[DOB] !== 0) {
    return { outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'dates of birth disagree beyond a typo' };
  }
  return { outcome: 'LINKED', rule: 'PROBABILISTIC', guard: null };
}
