/**
 * Per-request DataLoaders over the person index (identity resolution's answer to "which person is
 * this record?" and "which records make this person?"). Created fresh per request like the source
 * loaders: a request sees one consistent answer, and a person list of any length costs one index
 * query per kind of question, not one per person.
 */
import DataLoader from 'dataloader';
import type { IdentifierKind, SourceRef } from '../domain/common.js';
import { sourceRefString } from '../domain/common.js';
import { GatewayError } from '../domain/errors.js';
import type { DecisionRow, PersonIndexStore, RecordRow } from '../store/personStore.js';
import { expandStoredEvidence, type PersonCandidate, type PersonIndex, type PersonSearchQuery } from './personIndex.js';

/** The person index and its store, opened once per process. */
export interface IdentityService {
  readonly index: PersonIndex;
  readonly store: PersonIndexStore;
}

/** A record found by one of its identifiers. */
export interface IdentifierHit {
  readonly personId: string;
  readonly ref: SourceRef;
  readonly kind: IdentifierKind | 'RECORD_KEY';
  readonly value: string;
}

export interface IdentityLoaders {
  /** Source record → gateway person id (NOT_FOUND error value when the index does not hold it). */
  readonly personIdByRef: DataLoader<SourceRef, string, string>;
  /**
   * Gateway person id → the records linked to that person: how each was linked (rule, weight,
   * evidence) and its identity fragment as the index last read it (so identity needs no source read).
   * `evidence` is the full waterfall JSON (PairEvidence), expanded from the compact stored form.
   */
  readonly recordsByPersonId: DataLoader<string, readonly RecordRow[]>;
  /** CID case id → person ids of the persons recorded on it. */
  readonly personIdsByCaseId: DataLoader<string, readonly string[]>;
  /** Caseworkers' link decisions (who confirmed what), read once per request. */
  decisions(): Promise<readonly DecisionRow[]>;
  /** Candidate persons for a description, best first (identity model scoring, name variants). */
  search(query: PersonSearchQuery): Promise<PersonCandidate[]>;
  /** Records holding an identifier with this value (any kind, or one), with their persons. */
  searchByIdentifier(value: string, kind?: IdentifierKind | null): Promise<IdentifierHit[]>;
}

export class PersonIndexUnavailableError extends GatewayError {
  constructor() {
    super('SOURCE_UNAVAILABLE', 'The person index is not available: the gateway could not open or build it (see the start-up log).', { source: 'person index' });
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface DbRow {
  readonly ref: string;
  readonly source: string;
  readonly record_key: string;
  readonly person_id: string;
  readonly fragment: string;
}

async function identifierHits(store: PersonIndexStore, raw: string, kind: IdentifierKind | null | undefined): Promise<IdentifierHit[]> {
  const value = raw.trim();
  if (value.length < 3) return [];
  const upper = value.toUpperCase();
  const pattern = `%${likeEscape(JSON.stringify(upper).slice(1, -1).toLowerCase())}%`;
  const rows = (await store
    .db('person_records')
    .select('ref', 'source', 'record_key', 'person_id', 'fragment')
    .whereRaw("lower(fragment) like ? escape '\\'", [pattern])
    .orWhereRaw('upper(record_key) = ?', [upper])
    .orderBy('ref')
    .limit(500)) as DbRow[];
  const hits: IdentifierHit[] = [];
  for (const r of rows) {
    const ref: SourceRef = { source: r.source as SourceRef['source'], key: r.record_key };
    if (!kind && r.record_key.toUpperCase() === upper) {
      hits.push({ personId: r.person_id, ref, kind: 'RECORD_KEY', value: r.record_key });
      continue;
    }
    const fragment = JSON.parse(r.fragment) as { identifiers?: { kind: IdentifierKind; value: string }[] };
    const id = (fragment.identifiers ?? []).find((i) => i.value.trim().toUpperCase() === upper && (!kind || i.kind === kind));
    if (id) hits.push({ personId: r.person_id, ref, kind: id.kind, value: id.value });
  }
  return hits;
}

export function createIdentityLoaders(service: IdentityService | null): IdentityLoaders {
  if (!service) {
    const fail = async (): Promise<never> => {
      throw new PersonIndexUnavailableError();
    };
    return {
      personIdByRef: new DataLoader<SourceRef, string, string>(fail, { cacheKeyFn: sourceRefString }),
      recordsByPersonId: new DataLoader<string, readonly RecordRow[]>(fail),
      personIdsByCaseId: new DataLoader<string, readonly string[]>(fail),
      decisions: fail,
      search: fail,
      searchByIdentifier: fail,
    };
  }
  const { index, store } = service;
  let decisions: Promise<readonly DecisionRow[]> | null = null;
  return {
    personIdByRef: new DataLoader<SourceRef, string, string>((refs) => index.personIdForRecord(refs), { cacheKeyFn: sourceRefString }),
    recordsByPersonId: new DataLoader<string, readonly RecordRow[]>(async (ids) => {
      const stored = await store.loadRecords({ personIds: ids });
      const evidence = await expandStoredEvidence(store, stored.map((r) => r.evidence));
      const rows = stored.map((r, i): RecordRow => ({ ...r, evidence: evidence[i] ? JSON.stringify(evidence[i]) : null }));
      const byPerson = new Map<string, RecordRow[]>();
      for (const r of rows) {
        const list = byPerson.get(r.personId) ?? [];
        list.push(r);
        byPerson.set(r.personId, list);
      }
      return ids.map((id) => byPerson.get(id) ?? new GatewayError('NOT_FOUND', `No person "${id}" in the person index.`, { personId: id }));
    }),
    personIdsByCaseId: new DataLoader<string, readonly string[]>(async (caseIds) => {
      const wanted = caseIds.map((c) => c.trim().toUpperCase());
      const rows = (await store
        .db('person_records')
        .select('record_key', 'person_id')
        .where('source', 'cid')
        .andWhere((q) => {
          for (const c of wanted) q.orWhere('record_key', 'like', `${likeEscape(c)}/%`);
        })) as { record_key: string; person_id: string }[];
      return wanted.map((c) => [...new Set(rows.filter((r) => r.record_key.toUpperCase().startsWith(`${c}/`)).map((r) => r.person_id))].sort());
    }),
    decisions() {
      decisions ??= store.loadDecisions();
      return decisions;
    },
    search: (query) => index.searchCandidates(query),
    searchByIdentifier: (value, kind) => identifierHits(store, value, kind),
  };
}
