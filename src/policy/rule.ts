/**
 * The shape of a per-value rule (rules/<Thing>Rule.ts) and of a request rule (checked once, when the
 * purpose is resolved). Each rule names the paragraph it encodes and states itself in one sentence.
 */
import type { Refusal } from '../auth/errors.js';
import type { Principal } from '../auth/principal.js';
import type { PolicyContext } from './context.js';
import type { Datum, DatumKind } from './datum.js';
import type { Verdict } from './decision.js';

export interface ValueRule {
  readonly name: string;
  /** The paragraph(s) encoded, e.g. `DOMAIN restriction 1; 001 §4.32, fn 20`. */
  readonly cites: string;
  /** The rule in one sentence. */
  readonly summary: string;
  /** Datum kinds the rule looks at; others are not shown to it. */
  readonly appliesTo: readonly DatumKind[] | 'ALL';
  /** A verdict, or undefined to abstain. Pure: no I/O, no clock. */
  decide(ctx: PolicyContext, datum: Datum): Verdict | undefined;
}

export interface RequestRuleInput {
  readonly principal: Principal;
  /** `x-purpose` as sent (trimmed), or null. */
  readonly purpose: string | null;
  /** `x-justification` as sent (trimmed), or null. */
  readonly justification: string | null;
}

export interface RequestRule {
  readonly name: string;
  readonly cites: string;
  readonly summary: string;
  /** A refusal, or undefined when the request passes this rule. */
  check(input: RequestRuleInput): Omit<Refusal, 'rule' | 'cites'> | undefined;
}
