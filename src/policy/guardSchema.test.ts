import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAuditCollector } from '../audit/collector.js';
import { demoIdentity } from '../auth/demoIdentities.js';
import type { Purpose } from '../auth/principal.js';
import { createPolicyContext } from './context.js';
import type { Decision, DecisionMark } from './decision.js';
import { applyValueGuards, decisionOf } from './guardSchema.js';

const typeDefs = /* GraphQL */ `
  type Query { one(id: ID!): Thing  many: [Thing!]!  plain: String }
  type Thing { id: ID!  secret: String  marks: [String!]! }
`;

const things = [
  { id: 'allow', secret: 's1', ref: { source: 'acro', key: 'allow' } },
  { id: 'withhold', secret: 's2', ref: { source: 'acro', key: 'withhold' } },
  { id: 'deny', secret: 's3', ref: { source: 'acro', key: 'deny' } },
  { id: 'limited', secret: 's4', ref: { source: 'custody', key: 'limited' } },
];

const allow = (fields: string[] | null = null, marks: DecisionMark[] = []): Decision => ({ effect: 'ALLOW', marks, fields, rules: ['TestRule'] });

function schema() {
  const base = makeExecutableSchema({
    typeDefs,
    resolvers: {
      Query: { one: (_: unknown, { id }: { id: string }) => things.find((t) => t.id === id) ?? null, many: () => things.filter((t) => t.id !== 'deny'), plain: () => 'ok' },
      Thing: { marks: (t: object) => { const d = decisionOf(t); return d?.effect === 'ALLOW' ? d.marks.map((m) => m.code) : []; } },
    },
  });
  return applyValueGuards(base, {
    Thing: (_p, v) => {
      switch (v.id) {
        case 'withhold': return { effect: 'WITHHOLD', rule: 'HideRule', cites: '001 §4.32', reason: 'hidden' };
        case 'deny': return { effect: 'DENY', refusal: { rule: 'NoRule', cites: '001 §4.28', reason: 'not for you', remedy: 'ask' } };
        case 'limited': return allow(['id']);
        default: return allow(null, [{ code: 'MARKED', message: 'm', rule: 'MarkRule', cites: 'x' }]);
      }
    },
  });
}

function ctx(purpose: Purpose = 'IMMIGRATION_CASEWORK') {
  const policy = createPolicyContext(demoIdentity('cc-croydon')!, purpose);
  const audit = createAuditCollector({ requestId: 'r1' });
  audit.setPolicy(policy);
  return { policy, audit };
}

describe('applyValueGuards', () => {
  const s = schema();

  it('passes an allowed value with its marks, and records the disclosure', async () => {
    const c = ctx();
    const r = await graphql({ schema: s, source: '{ one(id: "allow") { id secret marks } }', contextValue: c });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ one: { id: 'allow', secret: 's1', marks: ['MARKED'] } });
    expect(c.audit.isEmpty()).toBe(false);
  });

  it('withholds silently: null for one, dropped from a list, no error', async () => {
    const one = await graphql({ schema: s, source: '{ one(id: "withhold") { id } }', contextValue: ctx() });
    expect(one.errors).toBeUndefined();
    expect(one.data).toEqual({ one: null });
    const many = await graphql({ schema: s, source: '{ many { id } }', contextValue: ctx() });
    expect((many.data as { many: Array<{ id: string }> }).many.map((t) => t.id)).toEqual(['allow', 'limited']);
  });

  it('denies with FORBIDDEN naming the rule, the reason and the remedy', async () => {
    const r = await graphql({ schema: s, source: '{ one(id: "deny") { id } }', contextValue: ctx() });
    expect(r.data).toEqual({ one: null });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'NoRule', coordinate: 'Query.one' });
  });

  it('enforces field limits on an allowed value', async () => {
    const r = await graphql({ schema: s, source: '{ one(id: "limited") { id secret } }', contextValue: ctx() });
    expect((r.data as { one: { id: string; secret: string | null } }).one).toEqual({ id: 'limited', secret: null });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Thing.secret' });
  });

  it('fails closed without a policy context, and leaves unguarded fields alone', async () => {
    const r = await graphql({ schema: s, source: '{ plain one(id: "allow") { id } }', contextValue: {} });
    expect((r.data as { plain: string }).plain).toBe('ok');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
