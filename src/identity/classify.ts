/**
 * From scored pair to outcome: LINKED (auto-link), POSSIBLE_MATCH (review queue) or NOT_LINKED.
 * Deterministic rules first; then the model's thresholds; then the guards that protect against the
 * worse error, a false link (issue 4: a false link puts one person's record on another's file):
 *
 * - an identifier match contradicted by the person's details (date of birth far apart, or both
 *   names disagree, or a conflicting personal identifier) goes to review, not auto-link;
 * - conflicting personal identifiers (two far-apart fingerprint refs, HO refs, PNC ids) never
 *   auto-link;
 * - "twin pattern": same family name and date of birth but a different forename never auto-links.
 */
import { COMPARISONS } from './comparisons.js';
import { firstRuleMatch } from './rules/deterministicRules.js';
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
}

const idx = (name: string) => COMPARISONS.findIndex((c) => c.name === name);
const FAMILY = idx('familyName');
const GIVEN = idx('givenName');
const DOB = idx('dateOfBirth');
const levelIndex = (comparison: number, label: string) => COMPARISONS[comparison]!.levels.findIndex((l) => l.label.startsWith(label));
const ELSE = (c: number) => COMPARISONS[c]!.levels.length - 1;
const DOB_EXACT = levelIndex(DOB, 'exact');
const DOB_SAME_YEAR = levelIndex(DOB, 'same year');
const FAMILY_WEAK = levelIndex(FAMILY, 'similar spelling (Jaro-Winkler >= 0.8');
const GIVEN_WEAK = levelIndex(GIVEN, 'forename similar (Jaro-Winkler >= 0.8');

/** What contradicts an identifier match, or null. */
export function contradiction(pair: ComparedPair): string | null {
  if (pair.conflict) return `conflicting ${pair.conflict}`;
  const dob = pair.levels[DOB]!;
  if (dob === ELSE(DOB)) return 'dates of birth far apart';
  const familyOff = pair.levels[FAMILY]! >= FAMILY_WEAK;
  const givenOff = pair.levels[GIVEN]! >= GIVEN_WEAK;
  if (familyOff && givenOff) return 'names disagree';
  return null;
}

/** Same family name (or variant) and date of birth, different forename: the twin pattern. */
export function twinPattern(pair: ComparedPair): boolean {
  const familyAgrees = pair.levels[FAMILY]! >= 1 && pair.levels[FAMILY]! < FAMILY_WEAK;
  return familyAgrees && pair.levels[DOB] === DOB_EXACT && pair.levels[GIVEN] === ELSE(GIVEN);
}

export function classifyPair(model: LinkageModel, a: PreparedRecord, b: PreparedRecord, pair: ComparedPair, evidence: PairEvidence): PairDecision {
  const match = firstRuleMatch(a.ids, b.ids);
  if (match) {
    const why = contradiction(pair);
    if (!why) return { outcome: 'LINKED', rule: match.rule.name, guard: null };
    return { outcome: 'POSSIBLE_MATCH', rule: match.rule.name, guard: `identifier contradicted: ${why}` };
  }
  const w = evidence.matchWeight;
  if (w < model.thresholds.review) return { outcome: 'NOT_LINKED', rule: 'PROBABILISTIC', guard: null };
  if (w < model.thresholds.link) return { outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: null };
  if (pair.conflict) return { outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: `conflicting ${pair.conflict}` };
  if (twinPattern(pair)) return { outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'same family name and date of birth, different forename' };
  if (pair.levels[DOB]! >= DOB_SAME_YEAR && pair.levels[DOB] !== 0) {
    return { outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', guard: 'dates of birth disagree beyond a typo' };
  }
  return { outcome: 'LINKED', rule: 'PROBABILISTIC', guard: null };
}
