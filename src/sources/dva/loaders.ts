/** Per-request DataLoaders over the DVA adapter (reading checks already made), through `scope.track('dva', ...)`. */
import DataLoader from 'dataloader';
import type { DvaAdapter } from '../../../adapters/dva/adapter.js';
import type { DvaCheck } from '../../domain/dva.js';
import type { RequestScope } from '../types.js';

export interface DvaLoaders {
  /** DVA check id → check. */
  readonly checkById: DataLoader<string, DvaCheck>;
}

export function createDvaLoaders(adapter: DvaAdapter, scope: RequestScope): DvaLoaders {
  return {
    checkById: new DataLoader(scope.track('dva', 'checksByIds', (ids: readonly string[]) => adapter.checksByIds(ids))),
  };
}
