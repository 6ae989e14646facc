/**
 * Estimates the cost of one operation before it runs (costs in costTable.ts): each field costs its
 * own work plus, for a list, its page size times the cost of what is selected under it. Fragments
 * are costed once each and reused; a fragment cycle adds nothing (cycles are refused before this
 * runs, CIRCULAR_FRAGMENT). `__typename` costs a column; introspection is costed flat (see childrenOfMeta).
 */
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { COLUMN_COST, PAGE_SIZE_ARGUMENTS, type CostModel } from './costTable.js';

export interface CostOptions {
  readonly model: CostModel;
  /** Items assumed for a list without a page-size argument. */
  readonly defaultListSize: number;
  readonly variables?: Readonly<Record<string, unknown>> | null;
}

function isList(type: GraphQLType): boolean {
  return isListType(getNullableType(type));
}

/** The page size a field asks for (`first: 50`, `limit: $n`, or the argument's declared default); undefined when it has none. */
function pageSize(field: FieldNode, def: GraphQLField<unknown, unknown>, options: CostOptions): number | undefined {
  for (const name of PAGE_SIZE_ARGUMENTS) {
    const arg = field.arguments?.find((a) => a.name.value === name);
    const fromValue = arg ? intOf(arg.value, options.variables) : undefined;
    if (fromValue !== undefined && fromValue >= 0) return fromValue;
    const declared = def.args.find((a) => a.name === name);
    if (declared && typeof declared.defaultValue === 'number' && declared.defaultValue >= 0) return declared.defaultValue;
  }
  return undefined;
}

function intOf(value: ValueNode, variables: CostOptions['variables']): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables?.[value.name.value];
    return typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : undefined;
  }
  return undefined;
}

function fieldsOf(type: GraphQLNamedType): Record<string, GraphQLField<unknown, unknown>> | null {
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields() as Record<string, GraphQLField<unknown, unknown>>;
  return null;
}

export function estimateCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, options: CostOptions): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fragmentCost = new Map<string, number>();
  const inProgress = new Set<string>();

  /**
   * `pageOfParent`: the page size asked for on a non-list parent field (a page object such as
   * `searchPersons(first: 50) { hits { … } }`), applied to the list fields directly under it.
   */
  function selectionCost(parent: GraphQLNamedType, set: SelectionSetNode, pageOfParent?: number): number {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        total += fieldCost(parent, sel, pageOfParent);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += selectionCost(t ?? parent, sel.selectionSet, pageOfParent);
      } else {
        const name = sel.name.value;
        const key = pageOfParent === undefined ? name : `${name}@${pageOfParent}`;
        const known = fragmentCost.get(key);
        if (known !== undefined) {
          total += known;
          continue;
        }
        const frag = fragments.get(name);
        if (!frag || inProgress.has(name)) continue;
        inProgress.add(name);
        const t = schema.getType(frag.typeCondition.name.value) ?? parent;
        const c = selectionCost(t, frag.selectionSet, pageOfParent);
        inProgress.delete(name);
        fragmentCost.set(key, c);
        total += c;
      }
    }
    return total;
  }

  function fieldCost(parent: GraphQLNamedType, field: FieldNode, pageOfParent: number | undefined): number {
    const name = field.name.value;
    if (name.startsWith('__')) return COLUMN_COST + childrenOfMeta(field);
    const def = fieldsOf(parent)?.[name];
    if (!def) {
      // Unknown here (e.g. a field of an abstract type's member): costed as a column plus its children under no type.
      return COLUMN_COST;
    }
    const returnType = getNamedType(def.type);
    const own = options.model.fieldCost(parent.name, name, returnType.name);
    if (!field.selectionSet) return own;
    const size = pageSize(field, def, options);
    if (isList(def.type)) {
      const multiplier = size ?? pageOfParent ?? options.defaultListSize;
      return own + multiplier * selectionCost(returnType, field.selectionSet);
    }
    return own + selectionCost(returnType, field.selectionSet, size);
  }

  /**
   * Introspection is answered from memory, not from a source: every selected field is a column and
   * lists are not multiplied (its depth and size are bounded by MAX_DEPTH and MAX_TOKENS).
   */
  function childrenOfMeta(field: FieldNode): number {
    let total = 0;
    for (const sel of field.selectionSet?.selections ?? []) {
      if (sel.kind === Kind.FIELD) total += COLUMN_COST + childrenOfMeta(sel);
      else if (sel.kind === Kind.INLINE_FRAGMENT) total += childrenOfMeta({ ...field, selectionSet: sel.selectionSet });
      else {
        const frag = fragments.get(sel.name.value);
        if (frag && !inProgress.has(frag.name.value)) {
          inProgress.add(frag.name.value);
          total += childrenOfMeta({ ...field, selectionSet: frag.selectionSet });
          inProgress.delete(frag.name.value);
        }
      }
    }
    return total;
  }

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return COLUMN_COST;
  return selectionCost(root, operation.selectionSet);
}
