/**
 * Builds the GatewayContext for one request: a child logger carrying the request id, a fresh
 * RequestScope (SourceCallLog) and fresh DataLoaders for every opened source, so no cache outlives
 * the request or is shared between callers.
 */
import type { Logger } from 'pino';
import type { SourceRuntime } from '../server/sourceRuntime.js';
import type { AuditCollector } from '../audit/collector.js';
import type { PolicyContext } from '../policy/context.js';
import { identityLoadersFor } from './identity.js';
import { systemClock, type Clock } from './clock.js';
import { SourceCallLog } from './sourceCalls.js';
import type { GatewayContext, Loaders } from './types.js';

export interface ContextInput {
  readonly runtime: SourceRuntime;
  readonly requestId: string;
  readonly logger: Logger;
  /** The authenticated requester and purpose, once authentication is wired in. */
  readonly policy?: PolicyContext | null;
  readonly audit?: AuditCollector | null;
  readonly auditReader?: GatewayContext['auditReader'];
  readonly clock?: Clock;
}

export function createContext({ runtime, requestId, logger, policy = null, audit = null, auditReader = null, clock = systemClock }: ContextInput): GatewayContext {
  const sourceCalls = new SourceCallLog(runtime.health);
  const entries = runtime.sources.map(({ definition, adapter }) => [
    definition.name,
    definition.createLoaders(adapter, sourceCalls),
  ]);
  // One entry per registered source, keyed by name: the shape `Loaders` describes.
  const loaders = Object.fromEntries(entries) as Loaders;
  return {
    requestId,
    clock,
    logger: logger.child({ requestId }),
    loaders,
    sourceCalls,
    health: runtime,
    identity: identityLoadersFor(runtime),
    policy,
    audit,
    auditReader,
  };
}
