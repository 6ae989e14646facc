/**
 * Reading the policy annotations of the schema (`@restricted(class:)`, `@public`,
 * schema/directives.graphql) and finding personal-data fields without a policy.
 *
 * How a field is classified: by a directive on the field, on its parent type, or on the type it
 * returns (for a union or interface, each possible type counts too); a field reached only beneath a
 * `@restricted` field inherits that class. Which fields need one: every field of every type
 * reachable from the root operation types. Deny by default: a new field is unclassified until
 * someone says whether it holds personal data.
 */
import { getDirective } from '@graphql-tools/utils';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { isDataClass, type DataClass } from './classes.js';

export interface Annotation {
  readonly classes: readonly DataClass[];
  readonly isPublic: boolean;
}

const NONE: Annotation = Object.freeze({ classes: Object.freeze([]), isPublic: false });

function annotationOf(schema: GraphQLSchema, node: Parameters<typeof getDirective>[1]): Annotation {
  const restricted = getDirective(schema, node, 'restricted') ?? [];
  const classes: DataClass[] = [];
  for (const r of restricted) {
    const c: unknown = r.class;
    if (!isDataClass(c)) throw new Error(`@restricted(class: ${String(c)}) names an unknown class.`);
    classes.push(c);
  }
  const isPublic = (getDirective(schema, node, 'public') ?? []).length > 0;
  if (classes.length === 0 && !isPublic) return NONE;
  return { classes, isPublic };
}

/** Type-level annotation of a named type (scalars and enums carry none). */
export function typeAnnotation(schema: GraphQLSchema, type: GraphQLNamedType): Annotation {
  if (isObjectType(type) || isInterfaceType(type) || isUnionType(type)) return annotationOf(schema, type);
  return NONE;
}

export function fieldAnnotation(schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): Annotation {
  return annotationOf(schema, field);
}

/** Possible concrete types of a composite type (itself for an object type). */
export function possibleTypes(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLNamedType[] {
  return isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
}

export interface FieldClassification {
  /** Classes required to read the field (field ∪ parent type ∪ returned type and its members). */
  readonly classes: readonly DataClass[];
  /** Some annotation says the field is public (and nothing restricts it). */
  readonly isPublic: boolean;
  /** Some annotation covers the field. */
  readonly classified: boolean;
}

export function classifyField(schema: GraphQLSchema, parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): FieldClassification {
  const returned = getNamedType(field.type);
  const parts: Annotation[] = [fieldAnnotation(schema, field), typeAnnotation(schema, parent), typeAnnotation(schema, returned)];
  if (isAbstractType(returned)) for (const t of possibleTypes(schema, returned)) parts.push(typeAnnotation(schema, t));
  const classes = [...new Set(parts.flatMap((a) => a.classes))];
  const anyPublic = parts.some((a) => a.isPublic);
  return { classes, isPublic: anyPublic && classes.length === 0, classified: classes.length > 0 || anyPublic };
}

export interface UnclassifiedField {
  /** Schema coordinate `Type.field`. */
  readonly coordinate: string;
  /** One way the field is reached from a root type, e.g. `Query.person > Person.cases`. */
  readonly via: string;
}

/**
 * Every field reachable from the root types that is neither classified nor beneath a `@restricted`
 * field. A schema test fails on any (issue 6: "a schema field that holds personal data with no
 * policy fails a test").
 */
export function findUnclassifiedPersonalFields(schema: GraphQLSchema): UnclassifiedField[] {
  const out = new Map<string, UnclassifiedField>();
  const seen = new Set<string>();
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t != null);
  const stack: { type: GraphQLNamedType; covered: boolean; via: string }[] = roots.map((t) => ({ type: t, covered: false, via: '' }));
  while (stack.length > 0) {
    const { type, covered, via } = stack.pop()!;
    const key = `${type.name}:${covered}`;
    if (seen.has(key) || seen.has(`${type.name}:false`) || type.name.startsWith('__')) continue;
    seen.add(key);
    const members = isUnionType(type) ? schema.getPossibleTypes(type) : [];
    for (const m of members) stack.push({ type: m, covered, via });
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    if (isInterfaceType(type)) for (const m of schema.getPossibleTypes(type)) stack.push({ type: m, covered, via });
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const c = classifyField(schema, type, field);
      const here = via ? `${via} > ${coordinate}` : coordinate;
      if (!covered && !c.classified && !out.has(coordinate)) out.set(coordinate, { coordinate, via: here });
      const returned = getNamedType(field.type);
      if (isCompositeType(returned)) stack.push({ type: returned, covered: covered || c.classes.length > 0, via: here });
    }
  }
  return [...out.values()].sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}
