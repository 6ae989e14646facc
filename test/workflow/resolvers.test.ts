/**
 * The workflow through GraphQL: the SDL (every schema/*.graphql file) executed with the workflow
 * resolvers, a context carrying policy and audit, and the service attached to a runtime object.
 * Errors reach the client with code, field, retryable and the idempotency key.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnclassifiedPersonalFields } from '../../src/policy/schemaClasses.js';
import { workflowResolvers } from '../../src/resolvers/workflow/resolvers.js';
import { readSdlFiles } from '../../src/schema/build.js';
import { attachWorkflow } from '../../src/workflow/runtime.js';
import { caller, createWorkflowFixture, population, type WorkflowFixture } from './fixture.js';

const event = population.persons.flatMap((p) => p.cases).map((c) => ({ c, e: c.restriction?.events.find((x) => x.result === null && x.dueAt < '2017-03-01') })).find((x) => x.e && x.c.restriction?.status === 'OPEN')!;

describe('workflow over GraphQL (SQLite)', () => {
  let fx: WorkflowFixture;
  let schema: GraphQLSchema;
  const runtime = {};

  beforeAll(async () => {
    fx = await createWorkflowFixture('sqlite');
    attachWorkflow(runtime, await fx.service());
    schema = makeExecutableSchema({ typeDefs: readSdlFiles().map((f) => f.sdl), resolvers: [workflowResolvers] });
  }, 120_000);
  afterAll(async () => {
    await fx?.cleanup();
  });

  const run = (source: string, who: ReturnType<typeof caller>, variableValues?: Record<string, unknown>) =>
    graphql({ schema, source, variableValues, contextValue: { health: runtime, policy: who.policy, audit: who.audit } });

  it('classifies every workflow field for the policy (no unclassified coordinate of ours)', () => {
    const ours = findUnclassifiedPersonalFields(schema).filter((f) => /Reporting|Inbox|StatusCheck|Unchecked|Release|Absconder|CaseOwner|OfficerSafety|RouteCount/.test(f.coordinate));
    expect(ours).toEqual([]);
  });

  it('records an outcome, replays it, and reports bad input with the field', async () => {
    const rom = caller({ role: 'REPORTING_CENTRE_OFFICER' }, 'REPORTING');
    const m = `mutation($i: RecordReportingOutcomeInput!) { recordReportingOutcome(input: $i) { eventId outcome unit replayed idempotencyKey absconderAction { escalation steps } } }`;
    const input = { idempotencyKey: 'gql-outcome-0001', eventId: event.e!.id, outcome: 'ATTENDED' };
    const first = await run(m, rom, { i: input });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordReportingOutcome).toMatchObject({ eventId: event.e!.id, outcome: 'ATTENDED', replayed: false });
    const again = await run(m, rom, { i: input });
    expect(again.data?.recordReportingOutcome).toMatchObject({ replayed: true });
    const bad = await run(m, rom, { i: { ...input, idempotencyKey: 'gql-outcome-0002', outcome: 'EXCUSED' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', retryable: false });
    const conflict = await run(m, rom, { i: { ...input, outcome: 'DETAINED' } });
    expect(conflict.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey', idempotencyKey: 'gql-outcome-0001' });
  });

  it('refuses a role that may not write', async () => {
    const res = await run(`mutation { recordStatusCheck(input: { idempotencyKey: "gql-check-00001", force: MPS, custodyRecord: "MPS/1", route: CCU, result: NO_TRACE }) { id } }`, caller({ role: 'MI_ANALYST' }, 'STATISTICS'));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'WorkflowPermissions' });
  });
});
