/**
 * The unit in which a legacy source is composed into the gateway: its adapter (adapters/<name>/,
 * no GraphQL), its SDL (schema/<name>.graphql), its per-request loaders and its resolvers, registered
 * once in `registry.ts`. Adding a source, or serving one as a federation subgraph, is a local change.
 */
import type { SourceName } from '../domain/common.js';
import type { Resolvers } from '../generated/graphql.js';
import type { SourcesConfig } from '../config/types.js';

/**
 * Handed to `createLoaders` for each request. Every batch function goes through `track`, which
 * records the call (for the request log and the source-call-count tests), its latency and errors,
 * and is where resilience policies (timeouts, circuit breakers) wrap source calls.
 */
export interface RequestScope {
  track<K, V>(
    source: SourceName,
    operation: string,
    batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
  ): (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;
  /** Like `track`, for a call that changes or counts something at source: never retried. */
  trackWrite<A, R>(source: SourceName, operation: string, write: (input: A) => Promise<R>): (input: A) => Promise<R>;
}

export interface SourceDefinition<Name extends SourceName = SourceName, Adapter = unknown, Loaders = unknown> {
  readonly name: Name;
  /** Human-readable system name, e.g. "Casework Information Database". */
  readonly title: string;
  /** Build the adapter from configuration. Must not block; connections may open lazily. */
  open(config: SourcesConfig): Adapter;
  /** Fresh DataLoaders for one request (the cache ignores who is asking, so never share them). */
  createLoaders(adapter: Adapter, scope: RequestScope): Loaders;
  /** Resolvers for this source's SDL. */
  readonly resolvers: Resolvers;
  /** A cheap probe: resolves when the source answers, rejects with a reason otherwise. */
  ping(adapter: Adapter): Promise<void>;
  /** Release pools and handles. */
  close(adapter: Adapter): Promise<void>;
}

/** Identity helper that keeps each definition's Adapter and Loaders types for inference. */
export function defineSource<Name extends SourceName, Adapter, Loaders>(
  def: SourceDefinition<Name, Adapter, Loaders>,
): SourceDefinition<Name, Adapter, Loaders> {
  return def;
}
