/**
 * Per-request DataLoaders over the ACRO adapter, every batch through `scope.track('acro', ...)`.
 * Loaders live for one request only, so a PENDING answer is never cached beyond it.
 */
import DataLoader from 'dataloader';
import type { AcroAdapter } from '../../../adapters/acro/adapter.js';
import type { IdentityFragment } from '../../domain/common.js';
import type { AcroRequest } from '../../domain/acro.js';
import type { RequestScope } from '../types.js';

export interface AcroLoaders {
  /** ACRO reference → request. */
  readonly requestByReference: DataLoader<string, AcroRequest>;
  /** ACRO reference → identity fragment of its subject. */
  readonly fragmentByKey: DataLoader<string, IdentityFragment>;
}

export function createAcroLoaders(adapter: AcroAdapter, scope: RequestScope): AcroLoaders {
  const key = (ref: string) => ref.trim().toUpperCase();
  return {
    requestByReference: new DataLoader(scope.track('acro', 'requestsByRefs', (refs: readonly string[]) => adapter.requestsByRefs(refs.map(key))), { cacheKeyFn: key }),
    fragmentByKey: new DataLoader(scope.track('acro', 'fragmentsByKeys', (refs: readonly string[]) => adapter.fragmentsByKeys(refs.map(key))), { cacheKeyFn: key }),
  };
}
