/**
 * Per-request DataLoaders over the CID adapter. Every batch goes through
 * `scope.track('cid', operation, batch)`, so the request log and the source-call counts see it.
 * Created fresh for each request: the cache ignores who is asking.
 */
import DataLoader from 'dataloader';
import type { CidAdapter } from '../../../adapters/cid/index.js';
import type {
  CidCase,
  CidEtdApplication,
  CidNote,
  CidPersonOnCase,
  CidReportingEvent,
  CidRestriction,
} from '../../domain/cid.js';
import type { IdentityFragment } from '../../domain/common.js';
import type { RequestScope } from '../types.js';

export interface CidLoaders {
  /** Case id → case. */
  readonly caseById: DataLoader<string, CidCase>;
  /** `<caseId>/<cidPersonId>` → person on case. */
  readonly personOnCaseByKey: DataLoader<string, CidPersonOnCase>;
  /** Home Office reference → every case it appears on. */
  readonly casesByHoRef: DataLoader<string, readonly CidCase[]>;
  /** CID person id → every case it appears on. */
  readonly casesByCidPersonId: DataLoader<string, readonly CidCase[]>;
  /** Case id → its notes, oldest first. */
  readonly notesByCaseId: DataLoader<string, readonly CidNote[]>;
  /** Case id → its reporting restrictions. */
  readonly restrictionsByCaseId: DataLoader<string, readonly CidRestriction[]>;
  /** Restriction id → its reporting events, earliest first. */
  readonly reportingEventsByRestrictionId: DataLoader<string, readonly CidReportingEvent[]>;
  /** Case id → its ETD applications. */
  readonly etdByCaseId: DataLoader<string, readonly CidEtdApplication[]>;
  /** `<caseId>/<cidPersonId>` → identity fragment. */
  readonly fragmentByKey: DataLoader<string, IdentityFragment>;
  /** ISO date of birth → fragments with that date of birth as CID holds it. */
  readonly fragmentsByDateOfBirth: DataLoader<string, readonly IdentityFragment[]>;
  /** Family name key → fragments whose surname has that key. */
  readonly fragmentsByFamilyNameKey: DataLoader<string, readonly IdentityFragment[]>;
}

export function createCidLoaders(adapter: CidAdapter, scope: RequestScope): CidLoaders {
  const loader = <V>(operation: string, batch: (keys: readonly string[]) => Promise<ReadonlyArray<V | Error>>) =>
    new DataLoader<string, V>(scope.track<string, V>('cid', operation, batch));
  return {
    caseById: loader('casesByIds', (keys) => adapter.casesByIds(keys)),
    personOnCaseByKey: loader('personsOnCaseByKeys', (keys) => adapter.personsOnCaseByKeys(keys)),
    casesByHoRef: loader('casesByHoRef', (keys) => adapter.casesByHoRef(keys)),
    casesByCidPersonId: loader('casesByCidPersonId', (keys) => adapter.casesByCidPersonId(keys)),
    notesByCaseId: loader('notesByCaseIds', (keys) => adapter.notesByCaseIds(keys)),
    restrictionsByCaseId: loader('restrictionsByCaseIds', (keys) => adapter.restrictionsByCaseIds(keys)),
    reportingEventsByRestrictionId: loader('reportingEventsByRestrictionIds', (keys) => adapter.reportingEventsByRestrictionIds(keys)),
    etdByCaseId: loader('etdByCaseIds', (keys) => adapter.etdByCaseIds(keys)),
    fragmentByKey: loader('fragmentsByKeys', (keys) => adapter.fragmentsByKeys(keys)),
    fragmentsByDateOfBirth: loader('fragmentsByDateOfBirth', (keys) => adapter.fragmentsByDateOfBirth(keys)),
    fragmentsByFamilyNameKey: loader('fragmentsByFamilyNameKey', (keys) => adapter.fragmentsByFamilyNameKey(keys)),
  };
}
