/**
 * One lookup-by-source-key operation per source, for the integration tests: the operation takes
 * `$key` and selects enough to prove the record came back. Keys come from the estate's truth file.
 * A registered source without an entry here fails the `sources` suite, so every new source gets a
 * lookup test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceName } from '../../src/domain/common.js';

export interface Lookup {
  /** Operation with a `$key` variable. */
  readonly query: string;
  /** The field holding the record in `data`. */
  readonly field: string;
}

export const LOOKUPS: Partial<Record<SourceName, Lookup>> = {
  pathfinder: {
    field: 'pathfinderRow',
    query: 'query PathfinderLookup($key: ID!) { pathfinderRow(key: $key) { ref { source key } workbook rowNumber caseId name { family original } } }',
  },
};

export interface TruthRow {
  readonly source: string;
  readonly key: string;
  readonly personId: string;
}

export function readTruth(estateDir: string): TruthRow[] {
  const lines = readFileSync(join(estateDir, 'truth', 'records.tsv'), 'utf8').split('\n').filter(Boolean);
  return lines
    .map((l) => l.split('\t'))
    .filter((cols) => cols.length >= 3 && cols[0] !== 'source')
    .map(([source, key, personId]) => ({ source: source!, key: key!, personId: personId! }));
}

export interface TruthPerson {
  readonly id: string;
  readonly givenNames: readonly string[];
  readonly familyName: string;
  readonly dateOfBirth: string;
  readonly hoRef: string | null;
  readonly pncId: string | null;
  readonly croNumber: string | null;
  readonly passportNumber: string | null;
}

export function readPersons(estateDir: string): TruthPerson[] {
  return readFileSync(join(estateDir, 'truth', 'persons.ndjson'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TruthPerson);
}
