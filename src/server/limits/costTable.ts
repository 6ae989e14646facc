/**
 * What a field costs, in one place. The cost of an operation estimates the work behind it: reading a
 * legacy source costs that source's read cost (a PNC or ACRO call over HTTP far more than a CID
 * or custody SQL query), every other field costs a column (1), and a list multiplies what is below
 * it by its page size (`first`, `limit`… or COST_DEFAULT_LIST_SIZE).
 *
 * Which field reads which source is derived from the schema: a type belongs to the source whose
 * SDL file (`schema/<source>.graphql`) defines it, and a field whose parent is `Query` or another
 * source's type and which returns a source's type is a read of that source. Fields whose resolver
 * reads a source although the types do not say so (the person view's fields, a case's notes, the
 * `sources` probe) are listed in FIELD_READS; a test keeps that list in step with the schema.
 */
import { basename } from 'node:path';
import { parse, Kind } from 'graphql';
import { SOURCE_NAMES, type SourceName } from '../../domain/common.js';
import type { SdlFile } from '../../schema/build.js';

/** A source, or the gateway's own person index. */
export type CostedSource = SourceName | 'identity';

/** Cost of one read of each source (one batch call per request; a read inside a list is counted per item). */
export const SOURCE_READ_COST: Readonly<Record<CostedSource, number>> = Object.freeze({
  /** The gateway's own person index (SQLite/PostgreSQL, in memory once loaded). */
  identity: 2,
  /** Local SQL over the CID replica. */
  cid: 5,
  /** Local SQL over three force databases. */
  custody: 5,
  /** Workbooks read into memory. */
  pathfinder: 3,
  /** Remote legacy service over HTTP (XML), slow and rate-limited at source. */
  pnc: 25,
  /** Remote legacy service over HTTP. */
  acro: 25,
  /** HM Passport Office service over HTTP, licensed and audited per call. */
  dva: 25,
});

/** Cost of any field that reads no source (a column of a record already read). */
export const COLUMN_COST = 1;

/** Arguments taken as a list field's page size. */
export const PAGE_SIZE_ARGUMENTS: readonly string[] = Object.freeze(['first', 'last', 'limit', 'pageSize', 'size', 'top']);

const PERSON_RECORD_SOURCES: readonly CostedSource[] = ['cid', 'custody', 'pathfinder', 'pnc', 'acro'];

/** Fields whose resolver reads sources that the field's types do not reveal. */
export const FIELD_READS: Readonly<Record<string, readonly CostedSource[]>> = Object.freeze({
  // The health query probes every source.
  'Query.sources': SOURCE_NAMES,
  // The person view (schema/person.graphql, src/resolvers/person/view.ts).
  'Query.person': ['identity'],
  'Query.personBySourceKey': ['identity'],
  'Query.searchPersons': ['identity'],
  'Person.cidCases': ['cid'],
  'Person.caseNotes': ['cid'],
  'Person.custodyEpisodes': ['custody'],
  'Person.pncRecords': ['pnc'],
  'Person.convictions': ['pnc'],
  'Person.circulations': ['pnc'],
  'Person.acroRequests': ['acro'],
  'Person.pathfinderRows': ['pathfinder'],
  'Person.reporting': ['cid'],
  'Person.travelDocuments': ['cid'],
  'Person.ownership': ['cid', 'pathfinder'],
  'Person.immigrationStatus': ['cid', 'custody'],
  'Person.timeline': PERSON_RECORD_SOURCES,
  'Person.assessments': PERSON_RECORD_SOURCES,
  'Person.dataQuality': PERSON_RECORD_SOURCES,
  // Loaders called by a source's own field resolvers (src/sources/<source>/resolvers.ts).
  'CidCase.persons': ['cid'],
  'CidCase.notes': ['cid'],
  'CidCase.restrictions': ['cid'],
  'CidCase.etdApplications': ['cid'],
  'CidPersonOnCase.case': ['cid'],
  'CidRestriction.events': ['cid'],
  'CustodyEpisode.sameFingerprintEpisodes': ['custody'],
  'Query.pathfinderWorkbooks': ['pathfinder'],
});

/** Type name → the source whose SDL file defines it (`schema/pnc.graphql` → pnc). */
export function typeSourcesFromSdl(files: readonly SdlFile[]): Map<string, SourceName> {
  const out = new Map<string, SourceName>();
  for (const file of files) {
    const name = basename(file.path, '.graphql');
    if (!(SOURCE_NAMES as readonly string[]).includes(name)) continue;
    for (const def of parse(file.sdl, { noLocation: true }).definitions) {
      if (
        def.kind === Kind.OBJECT_TYPE_DEFINITION ||
        def.kind === Kind.INTERFACE_TYPE_DEFINITION ||
        def.kind === Kind.UNION_TYPE_DEFINITION
      ) {
        out.set(def.name.value, name as SourceName);
      }
    }
  }
  return out;
}

/** Decides what one field costs on its own (its children are added by the estimator). */
export interface CostModel {
  /** The sources a field reads: from FIELD_READS, else from the type ownership rule; empty for a column. */
  readsOf(parentType: string, field: string, returnType: string): readonly CostedSource[];
  /** Cost of the field itself: the sum of its reads, or a column. */
  fieldCost(parentType: string, field: string, returnType: string): number;
}

export function createCostModel(typeSources: ReadonlyMap<string, SourceName>, fieldReads: Readonly<Record<string, readonly CostedSource[]>> = FIELD_READS): CostModel {
  function readsOf(parentType: string, field: string, returnType: string): readonly CostedSource[] {
    const listed = fieldReads[`${parentType}.${field}`];
    if (listed) return listed;
    const target = typeSources.get(returnType);
    if (!target) return [];
    if (parentType === 'Query' || parentType === 'Mutation') return [target];
    const from = typeSources.get(parentType);
    return from !== undefined && from !== target ? [target] : [];
  }
  return {
    readsOf,
    fieldCost(parentType, field, returnType) {
      const reads = readsOf(parentType, field, returnType);
      if (reads.length === 0) return COLUMN_COST;
      return reads.reduce((sum, s) => sum + SOURCE_READ_COST[s], 0);
    },
  };
}
