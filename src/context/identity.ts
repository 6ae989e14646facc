/**
 * The person index as part of the process-wide runtime: opened at start on the gateway's own store
 * (GATEWAY_DATABASE_URL), built from every person-bearing source's `scanFragments()` when the store
 * holds no person yet (the embedded default's first start), and handed to each request's context as
 * per-request identity loaders (src/identity/loaders.ts).
 */
import type { Logger } from 'pino';
import type { IdentityFragment, SourceName } from '../domain/common.js';
import { createIdentityLoaders, type IdentityLoaders, type IdentityService } from '../identity/loaders.js';
import { buildPersonIndex, createPersonIndex, type IdentitySource } from '../identity/personIndex.js';
import { openPersonIndexStore } from '../store/personStore.js';
import type { SourceRuntime } from '../server/sourceRuntime.js';

const services = new WeakMap<object, IdentityService>();

/** Makes the person index available to the contexts created over this runtime. */
export function attachIdentity(runtime: object, service: IdentityService): void {
  services.set(runtime, service);
}

/** Fresh identity loaders for one request over the runtime's person index (failing loaders when none). */
export function identityLoadersFor(runtime: object): IdentityLoaders {
  return createIdentityLoaders(services.get(runtime) ?? null);
}

interface ScanningAdapter {
  scanFragments(): AsyncIterable<IdentityFragment>;
}

function isScanning(adapter: unknown): adapter is ScanningAdapter {
  return typeof adapter === 'object' && adapter !== null && typeof (adapter as { scanFragments?: unknown }).scanFragments === 'function';
}

/** Every opened source whose adapter can list its identity fragments. */
export function identitySources(runtime: Pick<SourceRuntime, 'sources'>): IdentitySource[] {
  const out: IdentitySource[] = [];
  for (const { definition, adapter } of runtime.sources) {
    if (isScanning(adapter)) out.push({ name: definition.name as SourceName, scanFragments: () => adapter.scanFragments() });
  }
  return out;
}

export interface OpenIdentityOptions {
  readonly storeUrl: string;
  readonly runtime: Pick<SourceRuntime, 'sources'>;
  readonly logger: Logger;
}

/**
 * Opens the person index store and, when it holds no person, builds the index from the sources.
 * Counts only in the log. The caller closes `service.store` on shutdown.
 */
export async function openIdentity(options: OpenIdentityOptions): Promise<IdentityService> {
  const store = await openPersonIndexStore(options.storeUrl);
  try {
    const persons = await store.loadPersons();
    if (persons.length === 0) {
      const sources = identitySources(options.runtime);
      options.logger.info({ sources: sources.map((s) => s.name) }, 'person index empty: building it from the sources');
      const summary = await buildPersonIndex({ sources, store, log: { info: (details, message) => options.logger.info(details, message) } });
      options.logger.info({ records: summary.records, persons: summary.persons, seconds: Math.round(summary.seconds * 10) / 10 }, 'person index built');
    } else {
      options.logger.info({ persons: persons.length }, 'person index loaded');
    }
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return { index: createPersonIndex({ store }), store };
}
