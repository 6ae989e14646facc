/**
 * Turns a verified principal and the request's `x-purpose` / `x-justification` headers into the
 * PolicyContext, or a FORBIDDEN error from the first request rule that refuses (nothing is read).
 */
import type { GraphQLError } from 'graphql';
import { forbidden } from '../auth/errors.js';
import type { Principal, Purpose } from '../auth/principal.js';
import { createPolicyContext, type PolicyContext } from './context.js';
import { REQUEST_RULES } from './valueRules.js';

export type PurposeResolution = { readonly ok: true; readonly context: PolicyContext } | { readonly ok: false; readonly error: GraphQLError };

function clean(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t ? t : null;
}

export function checkPurpose(principal: Principal, purposeHeader: string | null | undefined, justificationHeader: string | null | undefined): PurposeResolution {
  const input = { principal, purpose: clean(purposeHeader), justification: clean(justificationHeader) };
  for (const rule of REQUEST_RULES) {
    const refusal = rule.check(input);
    if (refusal) return { ok: false, error: forbidden({ ...refusal, rule: rule.name, cites: rule.cites }) };
  }
  return { ok: true, context: createPolicyContext(principal, input.purpose as Purpose, input.justification) };
}

/** As checkPurpose, throwing the FORBIDDEN GraphQLError (for the context function). */
export function resolvePurpose(principal: Principal, purposeHeader: string | null | undefined, justificationHeader: string | null | undefined): PolicyContext {
  const r = checkPurpose(principal, purposeHeader, justificationHeader);
  if (!r.ok) throw r.error;
  return r.context;
}
