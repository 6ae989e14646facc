/**
 * Per-request DataLoaders over the PNC adapter. Every batch goes through
 * `scope.track('pnc', operation, batch)`; a DataLoader batch becomes one PNC batch enquiry
 * (the adapter splits above its batch size).
 */
import DataLoader from 'dataloader';
import type { PncAdapter } from '../../../adapters/pnc/adapter.js';
import type { IdentityFragment } from '../../domain/common.js';
import type { PncRecord } from '../../domain/pnc.js';
import type { RequestScope } from '../types.js';

export interface PncLoaders {
  /** PNC id → record. */
  readonly recordByPncId: DataLoader<string, PncRecord>;
  /** PNC id → identity fragment. */
  readonly fragmentByKey: DataLoader<string, IdentityFragment>;
}

export function createPncLoaders(adapter: PncAdapter, scope: RequestScope): PncLoaders {
  const key = (id: string) => id.trim().toUpperCase();
  return {
    recordByPncId: new DataLoader(scope.track('pnc', 'recordsByPncIds', (ids: readonly string[]) => adapter.recordsByPncIds(ids.map(key))), { cacheKeyFn: key }),
    fragmentByKey: new DataLoader(scope.track('pnc', 'fragmentsByKeys', (ids: readonly string[]) => adapter.fragmentsByKeys(ids.map(key))), { cacheKeyFn: key }),
  };
}
