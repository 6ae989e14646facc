/**
 * Pre-execution layer: for an operation, the principal and the stated purpose, report EVERY schema
 * coordinate the requester may not read, before any data is fetched (envelop's
 * operation-field-permissions, STYLE.md §2). What role and purpose alone decide is checked here;
 * what depends on the record is decided per value (decide.ts).
 *
 * A field on an interface is checked on the interface and on every implementing type: it passes
 * only if every member allows it. A field returning a union or interface needs the classes of every
 * possible type. Fields beneath a restricted field need its classes too (they inherit).
 */
import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Refusal } from '../auth/errors.js';
import { forbidden } from '../auth/errors.js';
import type { DataClass } from './classes.js';
import type { PolicyContext } from './context.js';
import type { Datum } from './datum.js';
import { decide } from './decide.js';
import { classifyField } from './schemaClasses.js';
import { ClassificationRule } from './rules/ClassificationRule.js';

export interface FieldDenial {
  /** `Type.field` */
  readonly coordinate: string;
  /** Response path with aliases, e.g. `person.cases.notes`. */
  readonly path: string;
  readonly refusal: Refusal;
}

/**
 * Record-independent probes: a datum standing for the class when the decision cannot depend on the
 * record (licences, roles, purposes). Classes absent here are decided per value only.
 */
function probe(ctx: PolicyContext, cls: DataClass): Datum | undefined {
  switch (cls) {
    case 'DVA':
      return { kind: 'DVA_CHECK' };
    case 'HIGH_HARM_INTELLIGENCE':
      return { kind: 'HIGH_HARM_INTELLIGENCE' };
    case 'HIGH_HARM_FLAG':
      return { kind: 'HIGH_HARM_FLAG' };
    case 'PNC':
      return { kind: 'PNC' };
    case 'AGGREGATE':
      return { kind: 'AGGREGATE' };
    case 'AUDIT':
      return { kind: 'AUDIT' };
    case 'CID_CASEWORK':
    case 'CID_NOTES':
      // Used only to explain a missing grant (e.g. police outside the JOC, 001 §4.28).
      return ctx.granted.has(cls) ? undefined : { kind: 'CID', class: cls, ownerUnit: ctx.principal.unit ?? null };
    default:
      return undefined;
  }
}

/** Why the requester may not read data of class `cls`, or undefined if role and purpose allow it. */
export function classRefusal(ctx: PolicyContext, cls: DataClass): Refusal | undefined {
  const p = probe(ctx, cls);
  if (p) {
    const d = decide(ctx, p);
    if (d.effect === 'DENY') return d.refusal;
  }
  if (ctx.granted.has(cls)) return undefined;
  const v = ClassificationRule.decide(ctx, p ?? { kind: 'DERIVED', class: cls, sources: [] });
  if (v && v.effect === 'DENY') return { rule: ClassificationRule.name, cites: ClassificationRule.cites, reason: v.reason, remedy: v.remedy };
  return { rule: ClassificationRule.name, cites: ClassificationRule.cites, reason: `No grant for ${cls}.`, remedy: 'Ask for a policy change.' };
}

const UNCLASSIFIED: Omit<Refusal, 'coordinate' | 'path'> = Object.freeze({
  rule: 'UnclassifiedFieldRule',
  cites: 'issue 6 "The policy"',
  reason: 'This field has no data classification, so nobody may read it (deny by default).',
  remedy: 'Annotate the field or its type with @restricted(class: …) or @public in the SDL.',
});

export function checkOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, ctx: PolicyContext): FieldDenial[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const selected = operationName ? operations.filter((o) => o.name?.value === operationName) : operations;
  const denials = new Map<string, FieldDenial>();
  const refusalCache = new Map<DataClass, Refusal | undefined>();
  const refusalFor = (cls: DataClass) => {
    if (!refusalCache.has(cls)) refusalCache.set(cls, classRefusal(ctx, cls));
    return refusalCache.get(cls);
  };

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType, inherited: readonly DataClass[], path: string, spreads: ReadonlySet<string>) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (t) walk(sel.selectionSet, t, inherited, path, spreads);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || spreads.has(name)) continue;
        const t = schema.getType(frag.typeCondition.name.value);
        if (t) walk(frag.selectionSet, t, inherited, path, new Set([...spreads, name]));
        continue;
      }
      const name = sel.name.value;
      if (name.startsWith('__')) continue; // __typename: covered by the enclosing field; introspection: by configuration
      const responsePath = path ? `${path}.${sel.alias?.value ?? name}` : (sel.alias?.value ?? name);
      const owners = isObjectType(parent) ? [parent] : isInterfaceType(parent) ? [parent, ...schema.getPossibleTypes(parent)] : [];
      let childClasses: DataClass[] = [...inherited];
      let returned: GraphQLNamedType | undefined;
      for (const owner of owners) {
        if (!isObjectType(owner) && !isInterfaceType(owner)) continue;
        const field = owner.getFields()[name];
        if (!field) continue;
        returned = getNamedType(field.type);
        const coordinate = `${owner.name}.${name}`;
        const c = classifyField(schema, owner, field);
        const required = [...new Set([...inherited, ...c.classes])];
        childClasses = [...new Set([...childClasses, ...c.classes])];
        if (required.length === 0 && !c.isPublic) {
          denials.set(`${responsePath}|${coordinate}`, { coordinate, path: responsePath, refusal: { ...UNCLASSIFIED, coordinate, path: responsePath } });
          continue;
        }
        for (const cls of required) {
          const r = refusalFor(cls);
          if (r) {
            denials.set(`${responsePath}|${coordinate}`, { coordinate, path: responsePath, refusal: { ...r, coordinate, path: responsePath } });
            break;
          }
        }
      }
      if (sel.selectionSet && returned) walk(sel.selectionSet, returned, childClasses, responsePath, spreads);
    }
  };

  for (const op of selected) {
    const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    if (root) walk(op.selectionSet, root, [], '', new Set());
  }
  return [...denials.values()];
}

export function denialErrors(denials: readonly FieldDenial[]): GraphQLError[] {
  return denials.map((d) => forbidden(d.refusal));
}

/**
 * The same check as a graphql-js validation rule (for `validate(schema, doc, [...specifiedRules,
 * createFieldPolicyRule(ctx)])`): reports every denied coordinate as a FORBIDDEN error.
 */
export function createFieldPolicyRule(ctx: PolicyContext): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    Document: {
      enter(doc) {
        for (const e of denialErrors(checkOperation(context.getSchema(), doc, null, ctx))) context.reportError(e);
        return false;
      },
    },
  });
}
