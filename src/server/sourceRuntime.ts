/**
 * The registered sources, opened once per process: each definition with its adapter, the shared
 * health store, probing (for the `sources` query and `/readyz`) and closing (on shutdown).
 */
import type { SourcesConfig } from '../config/types.js';
import { SourceHealthStore, type HealthProbe, type SourceStatusReport } from '../context/sourceHealth.js';
import type { SourceName } from '../domain/common.js';
import { SOURCES } from '../sources/registry.js';
import type { SourceDefinition } from '../sources/types.js';

export interface OpenedSource {
  readonly definition: SourceDefinition<SourceName, unknown, unknown>;
  readonly adapter: unknown;
}

export interface SourceRuntime extends HealthProbe {
  readonly sources: readonly OpenedSource[];
  readonly health: SourceHealthStore;
  /** Closes every adapter; failures are reported, not thrown. */
  close(): Promise<Array<{ readonly source: SourceName; readonly error: unknown }>>;
}

export interface SourceRuntimeOptions {
  /** Defaults to every registered source (src/sources/registry.ts). */
  readonly definitions?: ReadonlyArray<SourceDefinition<SourceName, unknown, unknown>>;
  /** A probe slower than this counts as unreachable. */
  readonly pingTimeoutMs?: number;
}

function timeout(ms: number): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export function openSources(config: SourcesConfig, options: SourceRuntimeOptions = {}): SourceRuntime {
  const definitions = options.definitions ?? (SOURCES as ReadonlyArray<SourceDefinition<SourceName, unknown, unknown>>);
  const pingTimeoutMs = options.pingTimeoutMs ?? 3_000;
  const health = new SourceHealthStore();
  const sources: OpenedSource[] = definitions.map((definition) => ({ definition, adapter: definition.open(config) }));

  async function probeOne({ definition, adapter }: OpenedSource): Promise<SourceStatusReport> {
    const started = performance.now();
    const t = timeout(pingTimeoutMs);
    let reachable = true;
    try {
      await Promise.race([definition.ping(adapter), t.promise]);
    } catch (error) {
      reachable = false;
      health.recordError(definition.name, error);
    } finally {
      t.cancel();
    }
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const last = health.lastError(definition.name);
    return {
      name: definition.name,
      title: definition.title,
      reachable,
      latencyMs: reachable ? latencyMs : null,
      lastError: last?.message ?? null,
      lastErrorAt: last?.at ?? null,
      circuit: health.circuit(definition.name),
    };
  }

  return {
    sources,
    health,
    probe: () => Promise.all(sources.map(probeOne)),
    async close() {
      const failures: Array<{ source: SourceName; error: unknown }> = [];
      await Promise.all(
        sources.map(async ({ definition, adapter }) => {
          try {
            await definition.close(adapter);
          } catch (error) {
            failures.push({ source: definition.name, error });
          }
        }),
      );
      return failures;
    },
  };
}
