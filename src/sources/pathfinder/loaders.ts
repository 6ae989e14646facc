/**
 * Per-request DataLoaders over the Pathfinder adapter. Every batch goes through
 * `scope.track('pathfinder', operation, batch)` so the request log and the source-call counts see
 * it. Case ids are normalised for the cache key, so ' cc123 ' and 'CC123' share one lookup.
 */
import DataLoader from 'dataloader';
import type { PathfinderAdapter } from '../../../adapters/pathfinder/index.js';
import type { IdentityFragment } from '../../domain/common.js';
import type { PathfinderRow, PathfinderWorkbook, PathfinderWorkbookStatus } from '../../domain/pathfinder.js';
import type { RequestScope } from '../types.js';

export interface PathfinderLoaders {
  /** CID case id → rows across the three workbooks. */
  readonly rowsByCaseId: DataLoader<string, readonly PathfinderRow[]>;
  /** `<workbook>#<row>` → row. */
  readonly rowByKey: DataLoader<string, PathfinderRow>;
  /** `<workbook>#<row>` → identity fragment. */
  readonly fragmentByKey: DataLoader<string, IdentityFragment>;
  /** Workbook → whether it can be read. */
  readonly workbookStatus: DataLoader<PathfinderWorkbook, PathfinderWorkbookStatus>;
}

export function createPathfinderLoaders(adapter: PathfinderAdapter, scope: RequestScope): PathfinderLoaders {
  return {
    rowsByCaseId: new DataLoader(scope.track('pathfinder', 'rowsByCaseIds', (keys: readonly string[]) => adapter.rowsByCaseIds(keys)), {
      cacheKeyFn: (key) => key.replace(/\s+/g, '').toUpperCase(),
    }),
    rowByKey: new DataLoader(scope.track('pathfinder', 'rowsByKeys', (keys: readonly string[]) => adapter.rowsByKeys(keys))),
    fragmentByKey: new DataLoader(scope.track('pathfinder', 'fragmentsByKeys', (keys: readonly string[]) => adapter.fragmentsByKeys(keys))),
    workbookStatus: new DataLoader(scope.track('pathfinder', 'workbookStatus', (keys: readonly PathfinderWorkbook[]) => adapter.workbookStatus(keys))),
  };
}
