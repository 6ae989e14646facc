/**
 * The records of one person that the requester may see, as the person view gathers them from the
 * sources (src/resolvers/person/view.ts). Everything in src/person/ is a pure function of this
 * bundle (or part of it): identity selection, assessment facts, the timeline, data quality.
 * Records the requester may not see are never in it, so nothing derived from it can reveal them
 * (issue 6 "No side doors").
 */
import type { AcroRequest, AcroResult } from '../domain/acro.js';
import type { CidCase, CidEtdApplication, CidNote, CidPersonOnCase, CidReportingEvent, CidRestriction } from '../domain/cid.js';
import type { IdentityFragment } from '../domain/common.js';
import type { CustodyEpisode } from '../domain/custody.js';
import type { PathfinderRow } from '../domain/pathfinder.js';
import type { PncRecord } from '../domain/pnc.js';

/** A note with the case it sits on. */
export interface NoteOnCase {
  readonly note: CidNote;
  readonly case: CidCase;
}

/** A restriction with its events and the case it was set on. */
export interface RestrictionOnCase {
  readonly restriction: CidRestriction;
  readonly events: readonly CidReportingEvent[];
  readonly case: CidCase;
}

export interface EtdOnCase {
  readonly etd: CidEtdApplication;
  readonly case: CidCase;
}

/** An ACRO request with only the results the requester may see. */
export interface VisibleAcroRequest {
  readonly request: AcroRequest;
  readonly results: readonly AcroResult[];
}

export interface PersonRecords {
  readonly fragments: readonly IdentityFragment[];
  readonly cidCases: readonly CidCase[];
  readonly cidPersons: readonly CidPersonOnCase[];
  readonly notes: readonly NoteOnCase[];
  readonly restrictions: readonly RestrictionOnCase[];
  readonly etds: readonly EtdOnCase[];
  readonly custody: readonly CustodyEpisode[];
  readonly pnc: readonly PncRecord[];
  readonly acro: readonly VisibleAcroRequest[];
  readonly pathfinder: readonly PathfinderRow[];
}

export const EMPTY_RECORDS: PersonRecords = Object.freeze({
  fragments: [], cidCases: [], cidPersons: [], notes: [], restrictions: [], etds: [], custody: [], pnc: [], acro: [], pathfinder: [],
});

/** Newest first by an ISO string key (nulls last), stable. */
export function newestFirst<T>(items: readonly T[], key: (t: T) => string | null): T[] {
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return 0;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? 1 : -1;
  });
}
