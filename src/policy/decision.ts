/**
 * The outcome of a per-value decision, and how rule verdicts combine into it.
 *
 * - ALLOW: show the value (possibly only some fields, possibly with marks such as "not actionable
 *   for removal").
 * - DENY: refuse with a FORBIDDEN error naming the rule, a human reason and what would permit it.
 * - WITHHOLD: leave the value out silently: the requester must not learn that it exists. The reason
 *   goes to the audit trail only.
 *
 * Combination: every applicable rule gives a verdict or abstains; the most severe wins
 * (WITHHOLD > DENY > ALLOW), ties going to the earlier rule in VALUE_RULES; ALLOW marks and field
 * limits from all allowing rules are kept.
 */
import { forbidden, type Refusal } from '../auth/errors.js';
import type { GraphQLError } from 'graphql';

/** A note attached to an allowed value, e.g. NOT_ACTIONABLE_FOR_REMOVAL. */
export interface DecisionMark {
  readonly code: string;
  readonly message: string;
  readonly rule: string;
  readonly cites: string;
}

export type Decision =
  | {
      readonly effect: 'ALLOW';
      readonly marks: readonly DecisionMark[];
      /** The only fields that may be shown; null = all. */
      readonly fields: readonly string[] | null;
      /** Rules that allowed. */
      readonly rules: readonly string[];
    }
  | { readonly effect: 'DENY'; readonly refusal: Refusal }
  | { readonly effect: 'WITHHOLD'; readonly rule: string; readonly cites: string; readonly reason: string };

export type Effect = Decision['effect'];

/** What one rule says about one datum; `undefined` = the rule does not apply. */
export type Verdict =
  | { readonly effect: 'ALLOW'; readonly mark?: { readonly code: string; readonly message: string }; readonly fields?: readonly string[] }
  | { readonly effect: 'DENY'; readonly reason: string; readonly remedy: string }
  | { readonly effect: 'WITHHOLD'; readonly reason: string };

const SEVERITY: Readonly<Record<Effect, number>> = { ALLOW: 0, DENY: 1, WITHHOLD: 2 };

export interface RuleVerdict {
  readonly rule: string;
  readonly cites: string;
  readonly verdict: Verdict;
}

export function combine(verdicts: readonly RuleVerdict[]): Decision {
  let worst: RuleVerdict | undefined;
  for (const v of verdicts) {
    if (!worst || SEVERITY[v.verdict.effect] > SEVERITY[worst.verdict.effect]) worst = v;
  }
  if (!worst) {
    // No rule applied: fail closed.
    return { effect: 'DENY', refusal: { rule: 'NoApplicableRule', cites: 'issue 6', reason: 'No policy rule covers this data.', remedy: 'Ask for a policy rule to be added (src/policy/).' } };
  }
  const w = worst.verdict;
  if (w.effect === 'WITHHOLD') return { effect: 'WITHHOLD', rule: worst.rule, cites: worst.cites, reason: w.reason };
  if (w.effect === 'DENY') return { effect: 'DENY', refusal: { rule: worst.rule, cites: worst.cites, reason: w.reason, remedy: w.remedy } };
  const marks: DecisionMark[] = [];
  let fields: string[] | null = null;
  for (const v of verdicts) {
    if (v.verdict.effect !== 'ALLOW') continue;
    if (v.verdict.mark) marks.push({ ...v.verdict.mark, rule: v.rule, cites: v.cites });
    if (v.verdict.fields) {
      const allowed = new Set(v.verdict.fields);
      fields = fields === null ? [...allowed] : fields.filter((f) => allowed.has(f));
    }
  }
  return { effect: 'ALLOW', marks, fields, rules: verdicts.map((v) => v.rule) };
}

export function isAllowed(d: Decision): d is Extract<Decision, { effect: 'ALLOW' }> {
  return d.effect === 'ALLOW';
}

/** A field of an allowed value may be shown (field limits from e.g. a force arrangement). */
export function fieldAllowed(d: Decision, field: string): boolean {
  return d.effect === 'ALLOW' && (d.fields === null || d.fields.includes(field));
}

/** The FORBIDDEN error for a DENY decision (resolvers throw it; the value becomes null + error). */
export function decisionError(d: Extract<Decision, { effect: 'DENY' }>, coordinate?: string, path?: string): GraphQLError {
  return forbidden({ ...d.refusal, ...(coordinate ? { coordinate } : {}), ...(path ? { path } : {}) });
}
