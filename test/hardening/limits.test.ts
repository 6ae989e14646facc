/**
 * Request limits on the gateway's real schema, without a server: every shipped query passes with
 * room to spare, each limit refuses with its stable code, the limit and the measured value, hostile
 * shapes (circular fragments, alias and directive overloading, deep introspection) are refused
 * without hanging, and costs follow the sources behind the fields.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getIntrospectionQuery, getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { RequestLimitsConfig } from '../../src/config/types.js';
import { buildGatewaySchema, readSdlFiles } from '../../src/schema/build.js';
import { estimateCost } from '../../src/server/limits/cost.js';
import { createCostModel, FIELD_READS, SOURCE_READ_COST, typeSourcesFromSdl } from '../../src/server/limits/costTable.js';
import { defaultHardeningConfig } from '../../src/server/limits/hardening.js';
import { createRequestGuard } from '../../src/server/limits/requestGuard.js';
import { countTokens } from '../../src/server/limits/tokens.js';
import { parse } from 'graphql';

const schema = buildGatewaySchema();
const typeSources = typeSourcesFromSdl(readSdlFiles());
const costModel = createCostModel(typeSources);
const defaults = defaultHardeningConfig().limits;
const guardWith = (limits: Partial<RequestLimitsConfig> = {}) => createRequestGuard({ schema, limits: { ...defaults, ...limits }, costModel });
const guard = guardWith();

const EXAMPLES_DIR = resolve(import.meta.dirname, '../../examples');
const examples = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => [f, readFileSync(join(EXAMPLES_DIR, f), 'utf8')] as const);

describe('defaults leave room for the product\'s own queries', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(examples)('%s passes every limit with at least twice the room', (_name, query) => {
    const m = guard.measure(query);
    expect(m.refusal).toBeNull();
    expect(m.bytes * 2).toBeLessThanOrEqual(defaults.maxQueryBytes);
    expect(m.tokens * 2).toBeLessThanOrEqual(defaults.maxTokens);
    expect(m.cost).not.toBeNull();
    expect(m.cost! * 2).toBeLessThanOrEqual(defaults.maxCost);
    expect(m.structure!.depth * 2).toBeLessThanOrEqual(defaults.maxDepth);
    expect(m.structure!.aliases * 2).toBeLessThanOrEqual(defaults.maxAliases);
    expect(m.structure!.directives * 2).toBeLessThanOrEqual(defaults.maxDirectives);
  });

  it('lets GraphiQL\'s introspection query through (the playground needs it)', () => {
    const m = guard.measure(getIntrospectionQuery());
    expect(m.refusal).toBeNull();
    expect(m.structure!.introspectionLists).toBe(3);
  });
});

const cases: Array<[string, string, Partial<RequestLimitsConfig>, string, number, number]> = [
  ['document bytes', `{ sources { name } } # ${'é'.repeat(150)}`, { maxQueryBytes: 256 }, 'DOCUMENT_TOO_LARGE', 256, 23 + 300],
  ['tokens', `{ sources { ${'name '.repeat(30)}} }`, { maxTokens: 20 }, 'TOO_MANY_TOKENS', 20, 35],
  ['depth', '{ cidCase(caseId: "1") { persons { case { persons { case { caseId } } } } } }', { maxDepth: 4 }, 'QUERY_TOO_DEEP', 4, 6],
  ['aliases', `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: sources { name }`).join(' ')} }`, {}, 'TOO_MANY_ALIASES', 15, 20],
  ['directives', `{ sources { ${Array.from({ length: 12 }, () => 'name @include(if: true)').join(' ')} } }`, {}, 'TOO_MANY_DIRECTIVES', 10, 12],
  [
    'fragments',
    `{ sources { ...F0 } } ${Array.from({ length: 22 }, (_, i) => `fragment F${i} on SourceStatus { name }`).join(' ')}`,
    {},
    'TOO_MANY_FRAGMENTS',
    20,
    22,
  ],
  ['circular fragments', '{ sources { ...A } } fragment A on SourceStatus { name ...B } fragment B on SourceStatus { title ...A }', {}, 'CIRCULAR_FRAGMENT', 0, 1],
  [
    'deep introspection',
    '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
    {},
    'INTROSPECTION_TOO_DEEP',
    3,
    4,
  ],
  ['cost', '{ searchPersons(query: { familyName: "X" }, first: 50) { hits { person { pncRecords { pncId } acroRequests { reference } } } } }', { maxCost: 1000 }, 'QUERY_TOO_COSTLY', 1000, 3553],
];

describe('each limit refuses with its code, the limit and the measured value', () => {
  it.each(cases)('%s', (_what, query, limits, code, limit, measured) => {
    const refusal = guardWith(limits).checkOperation({ query });
    expect(refusal).toMatchObject({ code, status: 400, limit, measured });
    if (limit > 0) expect(refusal!.message).toContain(`limit of ${limit}`);
  });

  it('refuses a batch with more operations than MAX_BATCH_OPERATIONS, and checks each operation of a smaller one', () => {
    const op = { query: '{ sources { name } }' };
    expect(guard.checkPayload(Array.from({ length: 6 }, () => op))).toMatchObject({ code: 'TOO_MANY_OPERATIONS', limit: 5, measured: 6 });
    expect(guard.checkPayload([op, op])).toBeNull();
    const deep = { query: `{ sources { name } } # ${'x'.repeat(20_000)}` };
    expect(guard.checkPayload([op, deep])).toMatchObject({ code: 'DOCUMENT_TOO_LARGE' });
    expect(guard.checkPayload([])).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a query that is not a string, and bodies that are not operations', () => {
    expect(guard.checkPayload({ query: 42 })).toMatchObject({ code: 'BAD_REQUEST', status: 400, message: expect.stringContaining('"query" must be a string') });
    expect(guard.checkPayload({ query: ['{ sources { name } }'] })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(guard.checkPayload({ query: '{ sources { name } }', variables: 'x' })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(guard.checkPayload('{ sources { name } }')).toMatchObject({ code: 'BAD_REQUEST' });
    expect(guard.checkPayload(null)).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('leaves a document that does not parse to Apollo (GRAPHQL_PARSE_FAILED)', () => {
    expect(guard.checkOperation({ query: '{ sources { name ' })).toBeNull();
  });
});

describe('hostile documents are measured quickly and without hanging', () => {
  it('field duplication within the token limit', () => {
    const wide = guardWith({ maxQueryBytes: 1_000_000 });
    const q = `{ sources { ${'name '.repeat(1_990)}} }`;
    const started = performance.now();
    expect(wide.checkOperation({ query: q })).toBeNull(); // within every limit: Apollo then merges the duplicates
    const duplicated = `{ sources { ${'name '.repeat(5_000)}} }`;
    expect(wide.checkOperation({ query: duplicated })).toMatchObject({ code: 'TOO_MANY_TOKENS', limit: 2000, measured: 5005 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a chain of fragments that doubles at each step: costed once per fragment (memoised), refused as too costly', () => {
    const chain = Array.from({ length: 19 }, (_, i) => `fragment F${i} on SourceStatus { name ...F${i + 1} title ...F${i + 1} }`).join(' ');
    const q = `{ sources { ...F0 } } ${chain} fragment F19 on SourceStatus { name }`;
    const started = performance.now();
    expect(guard.measure(q).refusal).toMatchObject({ code: 'QUERY_TOO_DEEP' }); // each spread is a level
    const m = guardWith({ maxDepth: 100 }).measure(q);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(m.refusal).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(m.refusal!.measured).toBeGreaterThan(2 ** 20);
  });

  it('counts tokens with graphql-js\'s lexer and stops early', () => {
    expect(countTokens('{ a { b } }', 100)).toBe(6);
    expect(countTokens('{ a '.repeat(10_000), 50)).toBe(51);
  });
});

describe('cost follows the sources behind the fields', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const doc = parse(query);
    const op = doc.definitions[0];
    if (op?.kind !== 'OperationDefinition') throw new Error('no operation');
    return estimateCost(schema, doc, op, { model: costModel, defaultListSize: 10, variables });
  };

  it('derives which source each type belongs to from schema/<source>.graphql', () => {
    expect(typeSources.get('PncRecord')).toBe('pnc');
    expect(typeSources.get('CidCase')).toBe('cid');
    expect(typeSources.get('AcroRequest')).toBe('acro');
    expect(typeSources.get('Person')).toBeUndefined();
  });

  it('a PNC or ACRO read costs more than a CID read, and a read more than a column', () => {
    expect(SOURCE_READ_COST.pnc).toBeGreaterThan(SOURCE_READ_COST.cid);
    expect(SOURCE_READ_COST.acro).toBeGreaterThan(SOURCE_READ_COST.custody);
    const pnc = cost('{ pncRecord(pncId: "x") { croNumber } }');
    const cid = cost('{ cidCase(caseId: "x") { caseId } }');
    expect(pnc).toBe(SOURCE_READ_COST.pnc + 1);
    expect(cid).toBe(SOURCE_READ_COST.cid + 1);
    expect(cost('{ cidCase(caseId: "x") { caseId type status } }')).toBe(cid + 2);
  });

  it('a list multiplies what is under it by its page size, from a literal, a variable or the declared default', () => {
    const q = 'query S($n: Int) { searchPersons(query: { familyName: "X" }, first: $n) { hits { score } } }';
    const ten = cost(q, { n: 10 });
    const forty = cost(q, { n: 40 });
    expect(forty - ten).toBe(30 * 1); // 30 more hits × (score)
    const declared = cost('{ searchPersons(query: { familyName: "X" }) { hits { score } } }');
    expect(declared).toBe(cost(q, { n: 20 })); // `first: Int = 20` in schema/person.graphql
  });

  it('lists every person-view field that returns a source\'s record type in FIELD_READS', () => {
    const person = schema.getType('Person');
    if (!isObjectType(person)) throw new Error('no Person type');
    const missing = Object.values(person.getFields())
      .filter((f) => typeSources.has(getNamedType(f.type).name))
      .map((f) => `Person.${f.name}`)
      .filter((coord) => !(coord in FIELD_READS));
    expect(missing).toEqual([]);
  });

  it('names only existing fields in FIELD_READS', () => {
    const stale = Object.keys(FIELD_READS).filter((coord) => {
      const [type, field] = coord.split('.') as [string, string];
      const t = schema.getType(type);
      return !isObjectType(t) || !(field in t.getFields());
    });
    expect(stale).toEqual([]);
  });
});
