/**
 * GraphQL resolvers for the workflow (schema/reporting.graphql, schema/statusChecks.graphql). They
 * only call the workflow service attached to the runtime (src/workflow/runtime.ts) with the
 * request's policy and audit collector, and turn WorkflowErrors into GraphQL errors carrying
 * `code`, `field`, `problems`, `retryable` and `idempotencyKey`.
 */
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../../context/types.js';
import type { Resolvers } from '../../generated/graphql.js';
import { WorkflowError } from '../../workflow/errors.js';
import { workflowOf } from '../../workflow/runtime.js';
import type { WorkflowService } from '../../workflow/service.js';
import type { Caller } from '../../workflow/types.js';

const HTTP_STATUS: Readonly<Record<string, number>> = { BAD_USER_INPUT: 400, FORBIDDEN: 403, CONFLICT: 409, NOT_FOUND: 404, SOURCE_UNAVAILABLE: 503 };

export function toGraphQLError(e: WorkflowError): GraphQLError {
  return new GraphQLError(e.message, {
    extensions: {
      code: e.code,
      field: e.field,
      problems: e.problems,
      retryable: e.retryable,
      idempotencyKey: e.idempotencyKey,
      ...(e.rule ? { rule: e.rule } : {}),
      http: { status: HTTP_STATUS[e.code] ?? 500 },
    },
  });
}

async function call<R>(ctx: GatewayContext, coordinate: string, run: (wf: WorkflowService, caller: Caller) => Promise<R>): Promise<R> {
  const wf = workflowOf(ctx.health);
  if (!wf) throw toGraphQLError(new WorkflowError('SOURCE_UNAVAILABLE', 'The workflow store is not available on this gateway; nothing was recorded.', { retryable: true }));
  try {
    return await run(wf, { policy: ctx.policy, audit: ctx.audit });
  } catch (e) {
    if (e instanceof WorkflowError) {
      // A refusal by a workflow rule (role, centre, force of work, case ownership) is in the
      // request's audit event with its rule, unless the service already recorded the decision.
      if (e.code === 'FORBIDDEN' && e.rule && !e.audited) ctx.audit?.denied({ coordinate, rule: e.rule });
      throw toGraphQLError(e);
    }
    throw e;
  }
}

/** Resolver map merged into the schema by src/schema/build.ts; argument types come from the SDL. */
export const workflowResolvers: Resolvers = {
  Query: {
    reportingSchedule: (_p, a, ctx) => call(ctx, 'Query.reportingSchedule', (wf, c) => wf.reportingSchedule(c, a.centre, a.date)),
    caseOwnerInbox: (_p, a, ctx) => call(ctx, 'Query.caseOwnerInbox', (wf, c) => wf.caseOwnerInbox(c, a.unit, a.after ?? null, a.limit ?? null)),
    uncheckedInCustody: (_p, a, ctx) => call(ctx, 'Query.uncheckedInCustody', (wf, c) => wf.uncheckedInCustody(c, a.force)),
    statusCheckRates: (_p, a, ctx) => call(ctx, 'Query.statusCheckRates', (wf, c) => wf.statusCheckRates(c, a.force, a.from, a.to)),
  },
  Mutation: {
    recordReportingOutcome: (_p, a, ctx) => call(ctx, 'Mutation.recordReportingOutcome', (wf, c) => wf.recordReportingOutcome(c, a.input as Parameters<WorkflowService['recordReportingOutcome']>[1])),
    setReportingInstructions: (_p, a, ctx) => call(ctx, 'Mutation.setReportingInstructions', (wf, c) => wf.setReportingInstructions(c, a.input as Parameters<WorkflowService['setReportingInstructions']>[1])),
    recordStatusCheck: (_p, a, ctx) => call(ctx, 'Mutation.recordStatusCheck', (wf, c) => wf.recordStatusCheck(c, a.input as Parameters<WorkflowService['recordStatusCheck']>[1])),
    recordReleaseBeforeIoAttended: (_p, a, ctx) => call(ctx, 'Mutation.recordReleaseBeforeIoAttended', (wf, c) => wf.recordReleaseBeforeIoAttended(c, a.input as Parameters<WorkflowService['recordReleaseBeforeIoAttended']>[1])),
  },
};
