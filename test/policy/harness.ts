/**
 * Shared helpers for the policy suites: the fixture schema (with schema/directives.graphql and
 * schema/base.graphql), demo principals and contexts, and sample ACRO data.
 */
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type GraphQLSchema } from 'graphql';
import { DEMO_IDENTITIES, type DemoIdentity } from '../../src/auth/demoIdentities.js';
import type { Principal, Purpose } from '../../src/auth/principal.js';
import { createPolicyContext, type PolicyContext } from '../../src/policy/context.js';
import { checkOperation, type FieldDenial } from '../../src/policy/operationCheck.js';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');

export function fixtureSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: [read('../../schema/base.graphql'), read('../../schema/directives.graphql'), read('./fixture.graphql')] });
}

export function demo(id: string): DemoIdentity {
  const d = DEMO_IDENTITIES.find((x) => x.id === id);
  if (!d) throw new Error(`no demo identity ${id}`);
  return d;
}

export function ctxFor(id: string | Principal, purpose?: Purpose, justification: string | null = null): PolicyContext {
  const p = typeof id === 'string' ? demo(id) : id;
  return createPolicyContext(p, purpose ?? p.purposes[0]!, justification);
}

export function denials(schema: GraphQLSchema, query: string, ctx: PolicyContext): FieldDenial[] {
  return checkOperation(schema, parse(query), null, ctx);
}
