/** Per-request DataLoaders over the DVA adapter (reading checks already made) and the check itself, through the request scope. */
import DataLoader from 'dataloader';
import type { DvaAdapter } from '../../../adapters/dva/adapter.js';
import type { DvaCheck, DvaCheckInput } from '../../domain/dva.js';
import type { RequestScope } from '../types.js';

export interface DvaLoaders {
  /** DVA check id → check. */
  readonly checkById: DataLoader<string, DvaCheck>;
  /** Makes a new check (counted by HMPO; never retried). */
  readonly checkPassport: (input: DvaCheckInput) => Promise<DvaCheck>;
}

export function createDvaLoaders(adapter: DvaAdapter, scope: RequestScope): DvaLoaders {
  return {
    checkById: new DataLoader(scope.track('dva', 'checksByIds', (ids: readonly string[]) => adapter.checksByIds(ids))),
    checkPassport: scope.trackWrite('dva', 'checkPassport', (input: DvaCheckInput) => adapter.checkPassport(input)),
  };
}
