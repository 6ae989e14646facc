/**
 * Structural limits of a parsed document, measured without executing anything: fragment count and
 * fragment cycles (graphql-js's NoFragmentCyclesRule), then depth, aliases and directives per
 * operation with graphql-armor's rules (@escape.tech/graphql-armor-max-*), which count through
 * fragments and stop on cycles. graphql-armor reports a refusal as a message
 * (`… limit of N exceeded, found M.`); the measured value is read back from it.
 *
 * Introspection under `__schema` is left out of the depth (GraphiQL's own introspection query is 21
 * levels deep through its TypeRef fragment) and limited instead by how many introspection lists
 * it nests (`types { fields { args } }` is 3): each nested list multiplies the answer's size.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  Kind,
  NoFragmentCyclesRule,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { RequestLimitsConfig } from '../../config/types.js';
import { limitRefusal, type Refusal, type RefusalCode } from './refusal.js';

type StructureLimits = Pick<RequestLimitsConfig, 'maxDepth' | 'maxAliases' | 'maxDirectives' | 'maxFragments' | 'maxIntrospectionLists'>;

/** What a document measures against the structural limits (highest over its operations). */
export interface StructureMeasure {
  readonly fragments: number;
  readonly depth: number;
  readonly aliases: number;
  readonly directives: number;
  readonly introspectionLists: number;
}

const INTROSPECTION_LISTS = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);

/** Deepest nesting of introspection list fields under `__schema` / `__type` (fragments followed once per path). */
export function introspectionListDepth(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();
  const active = new Set<string>();

  function walk(set: SelectionSetNode, inside: boolean): number {
    let max = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        const enters = inside || name === '__schema' || name === '__type';
        const here = inside && INTROSPECTION_LISTS.has(name) ? 1 : 0;
        if (sel.selectionSet) max = Math.max(max, here + walk(sel.selectionSet, enters));
        else max = Math.max(max, here);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(sel.selectionSet, inside));
      } else {
        const key = `${sel.name.value}:${inside}`;
        const known = memo.get(key);
        if (known !== undefined) {
          max = Math.max(max, known);
          continue;
        }
        const frag = fragments.get(sel.name.value);
        if (!frag || active.has(key)) continue;
        active.add(key);
        const d = walk(frag.selectionSet, inside);
        active.delete(key);
        memo.set(key, d);
        max = Math.max(max, d);
      }
    }
    return max;
  }

  let max = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) max = Math.max(max, walk(d.selectionSet, false));
  return max;
}

function measuredFrom(error: GraphQLError, fallback: number): number {
  const m = /found (\d+)/.exec(error.message);
  return m ? Number(m[1]) : fallback;
}

export function checkStructure(schema: GraphQLSchema, document: DocumentNode, limits: StructureLimits): Refusal | null {
  return measureStructure(schema, document, limits).refusal;
}

export function measureStructure(schema: GraphQLSchema, document: DocumentNode, limits: StructureLimits): StructureMeasure & { readonly refusal: Refusal | null } {
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).length;
  const none = { fragments, depth: 0, aliases: 0, directives: 0, introspectionLists: 0 };
  if (fragments > limits.maxFragments) {
    return { ...none, refusal: limitRefusal('TOO_MANY_FRAGMENTS', 'Fragment definitions in the document', limits.maxFragments, fragments) };
  }

  const cycles = validate(schema, document, [NoFragmentCyclesRule]);
  if (cycles.length > 0) {
    const refusal: Refusal = {
      code: 'CIRCULAR_FRAGMENT',
      status: 400,
      message: `The document has ${cycles.length} fragment cycle(s) (a fragment that spreads itself, directly or through others): ${cycles[0]!.message}`,
      limit: 0,
      measured: cycles.length,
    };
    return { ...none, refusal };
  }
  const introspectionLists = introspectionListDepth(document);

  const refused: Refusal[] = [];
  const seen = { depth: 0, aliases: 0, directives: 0 };
  const onAccept = (key: keyof typeof seen) => [
    (_ctx: unknown, details: { n?: unknown }) => {
      if (typeof details.n === 'number') seen[key] = Math.max(seen[key], details.n);
    },
  ];
  const onReject = (code: RefusalCode, what: string, limit: number) => [
    (_ctx: unknown, error: GraphQLError) => {
      const measured = measuredFrom(error, limit + 1);
      const key = code === 'QUERY_TOO_DEEP' ? 'depth' : code === 'TOO_MANY_ALIASES' ? 'aliases' : 'directives';
      seen[key] = Math.max(seen[key], measured);
      refused.push(limitRefusal(code, what, limit, measured));
    },
  ];
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  const rules = [
    maxDepthRule({ ...common, n: limits.maxDepth, ignoreIntrospection: true, onAccept: onAccept('depth'), onReject: onReject('QUERY_TOO_DEEP', 'Depth of the operation', limits.maxDepth) }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onAccept: onAccept('aliases'), onReject: onReject('TOO_MANY_ALIASES', 'Aliases in the operation', limits.maxAliases) }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onAccept: onAccept('directives'), onReject: onReject('TOO_MANY_DIRECTIVES', 'Directives in the operation', limits.maxDirectives) }),
  ] as unknown as ValidationRule[];
  validate(schema, document, rules);
  const measure = { fragments, ...seen, introspectionLists };
  if (refused[0]) return { ...measure, refusal: refused[0] };
  if (introspectionLists > limits.maxIntrospectionLists) {
    return { ...measure, refusal: limitRefusal('INTROSPECTION_TOO_DEEP', 'Introspection lists nested in one another', limits.maxIntrospectionLists, introspectionLists) };
  }
  return { ...measure, refusal: null };
}
