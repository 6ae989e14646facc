/**
 * Builds the GatewayContext for one request: a child logger carrying the request id, a fresh
 * RequestScope (SourceCallLog) and fresh DataLoaders for every opened source, so no cache outlives
 * the request or is shared between callers.
 */
import type { Logger } from 'pino';
import type { SourceRuntime } from '../server/sourceRuntime.js';
import { SourceCallLog } from './sourceCalls.js';
import type { GatewayContext, Loaders } from './types.js';

export interface ContextInput {
  readonly runtime: SourceRuntime;
  readonly requestId: string;
  readonly logger: Logger;
}

export function createContext({ runtime, requestId, logger }: ContextInput): GatewayContext {
  const sourceCalls = new SourceCallLog(runtime.health);
  const entries = runtime.sources.map(({ definition, adapter }) => [
    definition.name,
    definition.createLoaders(adapter, sourceCalls),
  ]);
  // One entry per registered source, keyed by name: the shape `Loaders` describes.
  const loaders = Object.fromEntries(entries) as Loaders;
  return {
    requestId,
    logger: logger.child({ requestId }),
    loaders,
    sourceCalls,
    health: runtime,
  };
}
