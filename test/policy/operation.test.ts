/**
 * The pre-execution layer and the schema checker: every denied coordinate is reported before
 * execution (interfaces need every member, unions every member, fragments and aliases followed,
 * classes inherited); unclassified fields fail; and the two Apollo plugins: a denied operation runs
 * no resolver and is audited, an allowed one is audited once, an audit store failure fails closed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { isEnumType, parse, specifiedRules, validate } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditCollector, type AuditCollector } from '../../src/audit/collector.js';
import { createAuditPlugin } from '../../src/audit/plugin.js';
import { openAuditStore, type AuditStore } from '../../src/audit/store.js';
import { DATA_CLASSES } from '../../src/policy/classes.js';
import type { PolicyContext } from '../../src/policy/context.js';
import { createFieldPolicyRule } from '../../src/policy/operationCheck.js';
import { createFieldPolicyPlugin } from '../../src/policy/plugin.js';
import { findUnclassifiedPersonalFields } from '../../src/policy/schemaClasses.js';
import { ctxFor, denials, fixtureSchema } from './harness.js';

const schema = fixtureSchema();

describe('checkOperation', () => {
  it('reports every denied coordinate, with paths through aliases and fragments', () => {
    const q = `query { person(id: "p") { id a: cidCases { notes { text } } ...F } }
      fragment F on Person { custody { suite } highHarmIntelligence { summary } pnc { pncId } }`;
    const found = denials(schema, q, ctxFor('sergeant-mps'));
    expect(found.map((d) => `${d.path} ${d.coordinate} ${d.refusal.rule}`).sort()).toEqual([
      'person.a Person.cidCases CidForPoliceRule',
      'person.a.notes CidCase.notes CidForPoliceRule',
      'person.a.notes.text CidNote.text CidForPoliceRule',
      'person.highHarmIntelligence Person.highHarmIntelligence HighHarmIntelligenceRule',
      'person.highHarmIntelligence.summary HighHarmIntelligence.summary HighHarmIntelligenceRule',
    ].sort());
  });
  it('an interface field needs every member to allow it', () => {
    const q = '{ records(personId: "p") { summary } }';
    // CC caseworkers see CID but not custody: CustodyRecord.summary is denied, so the field is.
    const found = denials(schema, q, ctxFor('cc-croydon'));
    expect(found.map((d) => d.coordinate)).toContain('CustodyRecord.summary');
    expect(found.map((d) => d.coordinate)).toContain('Query.records');
    // An MPS IO sees both.
    expect(denials(schema, q, ctxFor('io-mps'))).toEqual([]);
  });
  it('a union field needs every member type', () => {
    expect(denials(schema, '{ timeline(personId: "p") { __typename } }', ctxFor('cc-croydon')).map((d) => d.coordinate)).toEqual(['Query.timeline']);
    expect(denials(schema, '{ timeline(personId: "p") { ... on CidNote { text } } }', ctxFor('joc-police')).map((d) => d.coordinate)).toEqual([]);
  });
  it('unclassified fields are denied (deny by default); @public fields pass', () => {
    const found = denials(schema, '{ version unclassified { name } }', ctxFor('cc-croydon'));
    expect(found.map((d) => `${d.coordinate} ${d.refusal.rule}`)).toEqual(['Query.unclassified UnclassifiedFieldRule', 'Person2.name UnclassifiedFieldRule']);
  });
  it('DVA fields are refused before execution without a licence or justification', () => {
    const q = '{ person(id: "p") { dva { result } } }';
    expect(denials(schema, q, ctxFor('ccu-handler', 'NATIONALITY_VERIFICATION', 'Reasonable doubt: documents inconsistent.'))).toEqual([]);
    expect(denials(schema, q, ctxFor('ccu-handler', 'NATIONALITY_VERIFICATION', null)).map((d) => d.refusal.rule)).toContain('DvaLicenceRule');
  });
  it('works as a graphql-js validation rule', () => {
    const errors = validate(schema, parse('{ person(id: "p") { acro { reference } } }'), [...specifiedRules, createFieldPolicyRule(ctxFor('rom-croydon'))]);
    expect(errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(errors[0]?.extensions).toMatchObject({ rule: 'ClassificationRule', http: { status: 403 } });
  });
});

describe('findUnclassifiedPersonalFields', () => {
  it('finds exactly the unclassified fields of the fixture', () => {
    expect(findUnclassifiedPersonalFields(schema).map((f) => f.coordinate)).toEqual(['Person2.detail', 'Person2.name', 'Person2Detail.text', 'Query.unclassified']);
  });
  it('covers fields beneath a restricted field, and fails when an annotation is removed', () => {
    const sdl = readFileSync(new URL('./fixture.graphql', import.meta.url), 'utf8').replace('type PncRecord @restricted(class: PNC)', 'type PncRecord');
    const base = readFileSync(new URL('../../schema/base.graphql', import.meta.url), 'utf8');
    const dirs = readFileSync(new URL('../../schema/directives.graphql', import.meta.url), 'utf8');
    const s = makeExecutableSchema({ typeDefs: [base, dirs, sdl] });
    // Person.pnc is under Person (IDENTITY), so PncRecord's fields are covered: no new finding...
    expect(findUnclassifiedPersonalFields(s).map((f) => f.coordinate)).not.toContain('PncRecord.pncId');
    // ...but a root field returning it directly is not.
    const s2 = makeExecutableSchema({ typeDefs: [base, dirs, sdl, 'extend type Query { pncById(id: ID!): PncRecord }'] });
    expect(findUnclassifiedPersonalFields(s2).map((f) => f.coordinate)).toEqual(expect.arrayContaining(['PncRecord.pncId', 'Query.pncById']));
  });
  it('the DataClass enum in the SDL matches src/policy/classes.ts', () => {
    const t = schema.getType('DataClass');
    if (!isEnumType(t)) throw new Error('DataClass is not an enum');
    const values = t.getValues().map((v) => v.name);
    expect(values).toEqual([...DATA_CLASSES]);
  });
});

describe('the gateway schema (schema/*.graphql)', () => {
  it('has no personal-data field without a policy', () => {
    const dir = new URL('../../schema/', import.meta.url);
    const typeDefs = readdirSync(dir).filter((f) => f.endsWith('.graphql')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
    const unclassified = findUnclassifiedPersonalFields(makeExecutableSchema({ typeDefs }));
    expect(unclassified.map((u) => u.coordinate)).toEqual([]);
  });
});

describe('Apollo plugins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pcv-policy-'));
  let resolverCalls = 0;
  const typeDefs = [
    readFileSync(new URL('../../schema/base.graphql', import.meta.url), 'utf8'),
    readFileSync(new URL('../../schema/directives.graphql', import.meta.url), 'utf8'),
    readFileSync(new URL('./fixture.graphql', import.meta.url), 'utf8'),
  ];
  const resolvers = {
    Query: {
      person: () => {
        resolverCalls++;
        return { id: 'P1', cidCases: [{ caseId: 'C1', notes: [{ text: 'note' }] }] };
      },
    },
    Person: {
      id: (p: { id: string }, _a: unknown, ctx: { audit: AuditCollector }) => {
        ctx.audit.disclosed({ coordinate: 'Person.id', source: 'cid', personId: p.id });
        return p.id;
      },
    },
  };
  const stores: AuditStore[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close().catch(() => undefined);
  });

  async function server(store: AuditStore) {
    const s = new ApolloServer<{ policy: PolicyContext; audit: AuditCollector }>({
      schema: makeExecutableSchema({ typeDefs, resolvers }),
      plugins: [createFieldPolicyPlugin(), createAuditPlugin({ store })],
    });
    await s.start();
    return s;
  }
  const contextFor = (id: string, requestId: string) => {
    const policy = ctxFor(id);
    const audit = createAuditCollector({ requestId });
    audit.setPolicy(policy);
    return { policy, audit };
  };

  it('a denied operation runs no resolver, returns every denial with 403, and is audited', async () => {
    const store = await openAuditStore(`sqlite:${join(dir, 'a.sqlite')}`);
    stores.push(store);
    const s = await server(store);
    resolverCalls = 0;
    const res = await s.executeOperation({ query: '{ person(id: "P1") { id cidCases { notes { text } } } }' }, { contextValue: contextFor('sergeant-mps', 'r1') });
    expect(resolverCalls).toBe(0);
    expect(res.http.status).toBe(403);
    const body = res.body.kind === 'single' ? res.body.singleResult : null;
    expect(body?.data).toBeUndefined();
    expect(body?.errors?.map((e) => e.extensions?.coordinate)).toEqual(['Person.cidCases', 'CidCase.notes', 'CidNote.text']);
    const events = await store.accessesBy('demo.sgt.mps', '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ requestId: 'r1', outcome: 'DENIED', purpose: 'POLICING' });
    expect(events[0]?.denied.map((d) => d.coordinate)).toEqual(['CidCase.notes', 'CidNote.text', 'Person.cidCases']);
    await s.stop();
  });

  it('an allowed operation is audited once with what it disclosed', async () => {
    const store = await openAuditStore(`sqlite:${join(dir, 'b.sqlite')}`);
    stores.push(store);
    const s = await server(store);
    const res = await s.executeOperation({ query: 'query PersonView { person(id: "P1") { id cidCases { caseId } } }' }, { contextValue: contextFor('cc-croydon', 'r2') });
    expect(res.body.kind === 'single' && res.body.singleResult.data).toEqual({ person: { id: 'P1', cidCases: [{ caseId: 'C1' }] } });
    const trail = await store.auditTrail('P1', '2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ requestId: 'r2', operationName: 'PersonView', outcome: 'OK', principal: { userId: 'demo.cc.croydon', role: 'CC_CASEWORKER' } });
    expect(trail[0]?.disclosed).toEqual([{ coordinate: 'Person.id', source: 'cid', personId: 'P1', count: 1 }]);
    expect(await store.verify()).toMatchObject({ ok: true, checked: 1 });
    await s.stop();
  });

  it('fails closed when the audit store cannot be written', async () => {
    const store = await openAuditStore(`sqlite:${join(dir, 'c.sqlite')}`);
    await store.close(); // writes now fail
    const s = await server(store);
    const res = await s.executeOperation({ query: '{ person(id: "P1") { id } }' }, { contextValue: contextFor('cc-croydon', 'r3') });
    expect(res.http.status).toBe(503);
    const body = res.body.kind === 'single' ? res.body.singleResult : null;
    expect(body?.data).toBeUndefined();
    expect(body?.errors?.[0]?.extensions?.code).toBe('AUDIT_UNAVAILABLE');
    await s.stop();
  });
});
