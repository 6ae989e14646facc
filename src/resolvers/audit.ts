/**
 * Resolvers for schema/audit.graphql: the audit trail for auditors. Reads go through the audit
 * store's reader (never the writer); the policy layer has already refused anyone but an auditor
 * acting for the AUDIT purpose before these run.
 */
import type { AuditEvent } from '../audit/event.js';
import { BadInputError } from '../domain/errors.js';
import type { Resolvers } from '../generated/graphql.js';

export const MAX_AUDIT_EVENTS = 1000;

function checkRange(from: string, to: string): void {
  if (!(Date.parse(from) < Date.parse(to))) throw new BadInputError('to', `must be after "from" (${from})`);
}

function reader(ctx: { auditReader: { auditTrail(p: string, f: string, t: string): Promise<AuditEvent[]>; accessesBy(u: string, f: string, t: string): Promise<AuditEvent[]> } | null }) {
  if (!ctx.auditReader) throw new Error('The audit store is not configured for this gateway.');
  return ctx.auditReader;
}

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: async (_p, { personId, from, to }, ctx) => {
      checkRange(from, to);
      return (await reader(ctx).auditTrail(personId, from, to)).slice(0, MAX_AUDIT_EVENTS);
    },
    accessesBy: async (_p, { userId, from, to }, ctx) => {
      checkRange(from, to);
      return (await reader(ctx).accessesBy(userId, from, to)).slice(0, MAX_AUDIT_EVENTS);
    },
  },
};
