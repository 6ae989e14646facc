/**
 * What the custody adapter needs to know about one force's database. The adapter does the
 * batching, key order, errors and paging once; a force mapping only says which tables and columns
 * mean what, and how to read one row into a `CustodyEpisode`. Adding a force is one new file in
 * this folder plus one line in `registry.ts` (and its code in FORCE_CODES).
 */
import type { Knex } from 'knex';
import type { ForceCode } from '../../../src/domain/common.js';
import type { CustodyEpisode } from '../../../src/domain/custody.js';
import type { RawRow } from '../rowReader.js';

export interface ForceMapping {
  readonly force: ForceCode;
  /** The force's name, for messages. */
  readonly title: string;
  /** A table every healthy database of this force has (probed by `ping`). */
  readonly mainTable: string;
  /**
   * The rows episodes are read from: one row per custody record with everything `toEpisode` needs
   * (lookups and the first status-check request joined in).
   */
  select(db: Knex): Knex.QueryBuilder;
  /** Qualified column holding the custody record number (unique; pages are ordered by it). */
  readonly recordNumberColumn: string;
  /** Qualified column holding the date of birth, and how an ISO date is written there. */
  readonly dateOfBirthColumn: string;
  formatDateOfBirth(isoDate: string): string;
  /** Qualified column holding the matched Home Office fingerprint ref; null when the force has none. */
  readonly hoFingerprintColumn: string | null;
  /** Narrow to rows whose family name may normalise to one of `keys` (already normalised). */
  whereFamilyNameIn(qb: Knex.QueryBuilder, keys: readonly string[]): void;
  /** Narrow to records with no release and no status-check request. */
  whereInCustodyWithoutCheck(qb: Knex.QueryBuilder): void;
  /** Read one row; never throws on bad data (issues go on the episode). */
  toEpisode(row: RawRow): CustodyEpisode;
}
