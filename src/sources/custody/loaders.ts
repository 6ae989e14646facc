/**
 * Per-request DataLoaders over the custody adapter. Every batch goes through
 * `scope.track('custody', operation, batch)` so the request log and the source-call counts see it.
 * Keys: `<FORCE>/<record number>` for records; the IABS ref for fingerprint lookups; ISO dates and
 * family names (normalised, so spellings that normalise alike share one cache entry) for searches.
 */
import DataLoader from 'dataloader';
import type { CustodyAdapter } from '../../../adapters/custody/adapter.js';
import { familyNameKey } from '../../../adapters/custody/names.js';
import type { IdentityFragment } from '../../domain/common.js';
import type { CustodyEpisode } from '../../domain/custody.js';
import type { RequestScope } from '../types.js';

export interface CustodyLoaders {
  /** `<FORCE>/<record number>` → episode. */
  readonly episodeByKey: DataLoader<string, CustodyEpisode>;
  /** Home Office (IABS) fingerprint ref → episodes whose IDENT1 hit matched it, across forces. */
  readonly episodesByHoFingerprintRef: DataLoader<string, readonly CustodyEpisode[]>;
  /** ISO date of birth → episodes, across forces. */
  readonly episodesByDateOfBirth: DataLoader<string, readonly CustodyEpisode[]>;
  /** Family name (any spelling case) → episodes whose normalised family name equals it. */
  readonly episodesByFamilyName: DataLoader<string, readonly CustodyEpisode[]>;
  /** `<FORCE>/<record number>` → identity fragment. */
  readonly fragmentByKey: DataLoader<string, IdentityFragment>;
}

export function createCustodyLoaders(adapter: CustodyAdapter, scope: RequestScope): CustodyLoaders {
  return {
    episodeByKey: new DataLoader(scope.track('custody', 'episodesByKeys', (keys: readonly string[]) => adapter.episodesByKeys(keys))),
    episodesByHoFingerprintRef: new DataLoader(
      scope.track('custody', 'episodesByHoFingerprintRef', (refs: readonly string[]) => adapter.episodesByHoFingerprintRef(refs)),
      { cacheKeyFn: (ref) => ref.trim().toUpperCase() },
    ),
    episodesByDateOfBirth: new DataLoader(scope.track('custody', 'episodesByDateOfBirth', (dates: readonly string[]) => adapter.episodesByDateOfBirth(dates))),
    episodesByFamilyName: new DataLoader(
      scope.track('custody', 'episodesByFamilyName', (names: readonly string[]) => adapter.episodesByFamilyName(names)),
      { cacheKeyFn: familyNameKey },
    ),
    fragmentByKey: new DataLoader(scope.track('custody', 'fragmentsByKeys', (keys: readonly string[]) => adapter.fragmentsByKeys(keys))),
  };
}
