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
  /** Operation taking the variables `variables(key)` returns. */
  readonly query: string;
  /** The field holding the record in `data`. */
  readonly field: string;
  /** Variables for a source key; default `{ key }`. */
  readonly variables?: (key: string) => Record<string, string>;
  /**
   * Who may read this record (demo identity id, src/auth/demoIdentities.ts); default: the test
   * gateway's caseworker. Custody is for the force's own custody sergeant; ACRO for whoever
   * instigated the check (001 §4.32–4.35).
   */
  readonly actAs?: (key: string, estateDir: string) => string;
}

/** `null`: the source deliberately has no lookup yet, with the reason. */
export type LookupEntry = Lookup | { readonly none: string };

export const LOOKUPS: Partial<Record<SourceName, LookupEntry>> = {
  cid: {
    field: 'cidPersonOnCase',
    query: 'query CidLookup($caseId: ID!, $cidPersonId: ID!) { cidPersonOnCase(caseId: $caseId, cidPersonId: $cidPersonId) { ref { source key } name { family original } } }',
    variables: (key) => {
      const slash = key.indexOf('/');
      return slash < 0 ? { caseId: key, cidPersonId: key } : { caseId: key.slice(0, slash), cidPersonId: key.slice(slash + 1) };
    },
  },
  pathfinder: {
    field: 'pathfinderRow',
    query: 'query PathfinderLookup($key: ID!) { pathfinderRow(key: $key) { ref { source key } workbook rowNumber caseId name { family original } } }',
  },
  pnc: {
    field: 'pncRecord',
    query: 'query PncLookup($key: ID!) { pncRecord(pncId: $key) { ref { source key } name { family original } } }',
  },
  acro: {
    field: 'acroRequest',
    query: 'query AcroLookup($key: ID!) { acroRequest(reference: $key) { ref { source key } reference status } }',
    actAs: (key, estateDir) => {
      const data = JSON.parse(readFileSync(join(estateDir, 'services', 'acro.json'), 'utf8')) as { requests: Array<{ reference: string; instigator: string }> };
      const instigator = data.requests.find((r) => r.reference === key)?.instigator ?? 'HOME_OFFICE';
      return instigator === 'HOME_OFFICE' ? 'cc-croydon' : `sergeant-${instigator.toLowerCase()}`;
    },
  },
  custody: {
    field: 'custodyRecord',
    query: 'query CustodyLookup($force: Force!, $recordNumber: String!) { custodyRecord(force: $force, recordNumber: $recordNumber) { ref { source key } force recordNumber suite } }',
    // `<FORCE>/<record number>`; record numbers may contain slashes themselves (MPS `BS/16/000101`).
    variables: (key) => {
      const slash = key.indexOf('/');
      return slash < 0 ? { force: 'MPS', recordNumber: key } : { force: key.slice(0, slash), recordNumber: key.slice(slash + 1) };
    },
    actAs: (key) => {
      const force = key.slice(0, Math.max(0, key.indexOf('/')));
      return ['MPS', 'WMP', 'WYP'].includes(force) ? `sergeant-${force.toLowerCase()}` : 'sergeant-mps';
    },
  },
  dva: { none: 'the estate holds no DVA checks to look up: a check is made on demand by checkPassportWithDva (test/policy/dva.test.ts)' },
};

export function lookupOf(source: string): Lookup | null {
  const entry = LOOKUPS[source as SourceName];
  return entry && 'query' in entry ? entry : null;
}

export function variablesFor(lookup: Lookup, key: string): Record<string, string> {
  return lookup.variables ? lookup.variables(key) : { key };
}

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
