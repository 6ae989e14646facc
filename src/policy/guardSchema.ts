/**
 * The per-value policy layer, applied to the schema once (not resolver by resolver), so that the
 * same datum is guarded on every path that returns it (issue 6 "No side doors"): wherever a field
 * returns an AcroResult, a CustodyEpisode, a CidNote…, whether through `acroRequest`, the person
 * view, a timeline or an alias, the value passes through the same decision function of
 * src/policy/decide.ts before any of its fields resolve.
 *
 * - ALLOW: the value is returned, carrying its decision (marks such as "not actionable for removal",
 *   and field limits such as West Yorkshire's limited custody view, 001 §4.26), and the disclosure
 *   is recorded in the request's audit collector.
 * - WITHHOLD: the value is left out silently (null, or dropped from a list); the requester does not
 *   learn it exists (001 §4.32); the audit records what was withheld, by rule.
 * - DENY: a FORBIDDEN error naming the rule, the reason and what would permit it.
 *
 * Field limits: a field of a value whose decision limits its fields answers FORBIDDEN when it is not
 * in the allowed list. Without a policy context (authentication not configured) every guarded value
 * is refused: the layer fails closed.
 *
 * Derived data (assessments, timeline entries, search reasons, data-quality messages) is not a value
 * of these types; its composition calls the same decide* functions on its inputs (src/person/).
 */
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, getNamedType, isListType, isNonNullType, type GraphQLFieldResolver, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import type { AuditCollector } from '../audit/collector.js';
import type { SourceName, SourceRef } from '../domain/common.js';
import { unauthenticated } from '../auth/errors.js';
import type { PolicyContext } from './context.js';
import {
  decideAcroRequest,
  decideAcroResult,
  decideCidRecord,
  decideCustodyEpisode,
  decideDvaCheck,
  decidePncRecord,
  decideStatusCheckOutcome,
} from './decide.js';
import { decisionError, fieldAllowed, type Decision } from './decision.js';

/** Where the decision travels with an allowed value (a symbol: never serialised, never a field). */
export const POLICY_DECISION: unique symbol = Symbol('policyDecision');

type Guarded = Record<string | symbol, unknown> & { [POLICY_DECISION]?: Decision };

/** One decision function per GraphQL type that carries a guarded datum. Reviewable in one place. */
export type ValueGuard = (policy: PolicyContext, value: Record<string, unknown>) => Decision;

const ownerUnitOf = (v: Record<string, unknown>): string | null => {
  const owner = v.owner as { unit?: string | null } | undefined;
  return owner?.unit ?? null;
};

export const VALUE_GUARDS: Readonly<Record<string, ValueGuard>> = Object.freeze({
  AcroRequest: (p, v) => decideAcroRequest(p, v as unknown as Parameters<typeof decideAcroRequest>[1]),
  AcroResult: (p, v) => decideAcroResult(p, v as unknown as Parameters<typeof decideAcroResult>[1]),
  CustodyEpisode: (p, v) => decideCustodyEpisode(p, v as unknown as Parameters<typeof decideCustodyEpisode>[1]),
  CustodyStatusCheck: (p, v) => decideStatusCheckOutcome(p, { force: (v.force as Parameters<typeof decideStatusCheckOutcome>[1]['force']) ?? null }),
  CidCase: (p, v) => decideCidRecord(p, { class: 'CID_CASEWORK', ownerUnit: ownerUnitOf(v) }),
  CidEtdApplication: (p) => decideCidRecord(p, { class: 'CID_CASEWORK', ownerUnit: null }),
  CidNote: (p) => decideCidRecord(p, { class: 'CID_NOTES', ownerUnit: null }),
  CidRestriction: (p) => decideCidRecord(p, { class: 'REPORTING', ownerUnit: null }),
  CidReportingEvent: (p) => decideCidRecord(p, { class: 'REPORTING', ownerUnit: null }),
  PncRecord: (p) => decidePncRecord(p),
  DvaCheck: (p) => decideDvaCheck(p),
});

interface GuardContext {
  readonly policy?: PolicyContext | null;
  readonly audit?: AuditCollector | null;
}

function refOf(value: Record<string, unknown>): SourceRef | null {
  const ref = value.ref as SourceRef | undefined;
  return ref && typeof ref.source === 'string' && typeof ref.key === 'string' ? ref : null;
}

/** The decision attached to an allowed value by this layer, if any. */
export function decisionOf(value: unknown): Decision | undefined {
  return value !== null && typeof value === 'object' ? (value as Guarded)[POLICY_DECISION] : undefined;
}

function guardOne(guard: ValueGuard, value: unknown, ctx: GuardContext, coordinate: string): { keep: boolean; value: unknown } {
  if (value === null || value === undefined || value instanceof Error || typeof value !== 'object') return { keep: true, value };
  if (!ctx.policy) throw unauthenticated('NO_TOKEN');
  const record = value as Record<string, unknown>;
  const decision = guard(ctx.policy, record);
  const source = (refOf(record)?.source ?? null) as SourceName | null;
  ctx.audit?.record({ coordinate, source }, decision);
  if (decision.effect === 'WITHHOLD') return { keep: false, value: null };
  if (decision.effect === 'DENY') throw decisionError(decision, coordinate);
  return { keep: true, value: { ...record, [POLICY_DECISION]: decision } };
}

function wrapValueGuard(guard: ValueGuard, type: GraphQLOutputType, resolve: GraphQLFieldResolver<unknown, GuardContext>, coordinate: string): GraphQLFieldResolver<unknown, GuardContext> {
  const inner = isNonNullType(type) ? type.ofType : type;
  const list = isListType(inner);
  const apply = (value: unknown, ctx: GuardContext): unknown => {
    if (list) {
      if (!Array.isArray(value)) return value;
      const out: unknown[] = [];
      for (const item of value) {
        const r = guardOne(guard, item, ctx, coordinate);
        if (r.keep) out.push(r.value);
      }
      return out;
    }
    return guardOne(guard, value, ctx, coordinate).value;
  };
  return (source, args, ctx, info) => {
    const result = resolve(source, args, ctx, info);
    return result instanceof Promise ? result.then((v) => apply(v, ctx)) : apply(result, ctx);
  };
}

/** Fields that describe the policy's own decision: always answerable on an allowed value. */
const POLICY_FIELDS: ReadonlySet<string> = new Set(['policyMarks', 'visibleFields', '__typename']);

function wrapFieldLimit(resolve: GraphQLFieldResolver<unknown, GuardContext>, fieldName: string, coordinate: string): GraphQLFieldResolver<unknown, GuardContext> {
  if (POLICY_FIELDS.has(fieldName)) return resolve;
  return (source, args, ctx, info) => {
    const decision = decisionOf(source);
    if (decision && !fieldAllowed(decision, fieldName)) {
      const reason = decision.effect === 'ALLOW' ? `This field is outside what your arrangement shows (${decision.rules.join(', ')}).` : 'Not allowed.';
      throw decisionError({ effect: 'DENY', refusal: { rule: 'FieldLimit', cites: '001 §4.26', reason, remedy: 'Ask the force for this field through the route its arrangement provides.' } }, coordinate);
    }
    return resolve(source, args, ctx, info);
  };
}

/**
 * Wrap every field that returns a guarded type with its value guard, and every field of a guarded
 * type with the field-limit check.
 */
export function applyValueGuards(schema: GraphQLSchema, guards: Readonly<Record<string, ValueGuard>> = VALUE_GUARDS): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      let resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, GuardContext>;
      if (guards[typeName]) resolve = wrapFieldLimit(resolve, fieldName, coordinate);
      const returned = getNamedType(field.type).name;
      const guard = guards[returned];
      if (guard) resolve = wrapValueGuard(guard, field.type, resolve, coordinate);
      return resolve === field.resolve ? field : { ...field, resolve };
    },
  });
}
