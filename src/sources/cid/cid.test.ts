import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, type GraphQLSchema } from 'graphql';
import type { CidAdapter } from '../../../adapters/cid/index.js';
import { fixturePopulation } from '../../../adapters/cid/testing/fixturePopulation.js';
import { renderCidTo, type RenderedCid } from '../../../adapters/cid/testing/renderToDatabase.js';
import { recordingScope, type RecordedCall } from '../../../test/support/scope.js';
import type { SourcesConfig } from '../../config/types.js';
import type { GatewayContext } from '../../context/types.js';
import { SourceUnavailableError } from '../../domain/errors.js';
import { DateScalar, DateTimeScalar } from '../../schema/scalars.js';
import { cidSource } from './index.js';

const sdl = (name: string) => readFileSync(new URL(`../../../schema/${name}.graphql`, import.meta.url), 'utf8');

function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: [sdl('base'), sdl('directives'), sdl('cid')],
    resolvers: [{ Date: DateScalar, DateTime: DateTimeScalar }, cidSource.resolvers],
  });
}

/** A context with only the CID loaders: the resolvers under test may reach nothing else. */
function contextFor(adapter: CidAdapter): { ctx: GatewayContext; calls: RecordedCall[] } {
  const scope = recordingScope();
  const ctx = { loaders: { cid: cidSource.createLoaders(adapter, scope) } } as unknown as GatewayContext;
  return { ctx, calls: scope.calls };
}

function configFor(url: string): SourcesConfig {
  return {
    estateDir: '.',
    cid: { databaseUrl: url },
    custody: { databaseUrls: {} },
    pathfinder: { dir: '.' },
    pnc: { url: 'http://127.0.0.1:1/pnc' },
    acro: { url: 'http://127.0.0.1:1/acro' },
    dva: { url: 'http://127.0.0.1:1/dva' },
  };
}

const CASES_QUERY = /* GraphQL */ `
  query Cases {
    crim: cidCase(caseId: "C200002") { ...CaseParts }
    asylum: cidCase(caseId: "C100001") { ...CaseParts }
    missing: cidCase(caseId: "NOPE") { caseId }
  }
  fragment CaseParts on CidCase {
    ref { source key }
    caseId type typeCode status openedOn closedOn caseworker
    owner { label unit ownershipUnclear }
    criminal { offenceCode sentenceMonths band mappaLevel harmCategory tagged operationZincs releasedOn }
    persons {
      ref { key }
      cidPersonId hoRef dateOfBirth nationality nationalityAsHeld recordedAt
      name { given family original }
      aliases { name { family } dateOfBirth }
      identifiers { kind value }
      case { caseId }
      dataQualityIssues { kind field }
    }
    notes { noteId writtenAt author text }
    restrictions { restrictionId frequency windowStart windowMinutes status events { eventId dueAt result } }
    etdApplications { etdId country status interviewOn }
    dataQualityIssues { kind field rawValue message }
  }
`;

describe('cidSource resolvers', () => {
  let rendered: RenderedCid;
  let adapter: CidAdapter;
  const schema = buildSchema();

  beforeAll(async () => {
    rendered = await renderCidTo('sqlite', fixturePopulation());
    adapter = cidSource.open(configFor(rendered.url));
  });
  afterAll(async () => {
    if (adapter) await cidSource.close(adapter);
    await rendered?.cleanup();
  });

  it('answers a case with its persons, notes, restrictions, events and ETD applications', async () => {
    const { ctx } = contextFor(adapter);
    const result = await graphql({ schema, source: CASES_QUERY, contextValue: ctx });
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<string, Record<string, unknown> | null>;
    expect(data.missing).toBeNull();
    expect(data.crim).toMatchObject({
      ref: { source: 'cid', key: 'C200002' },
      type: 'CRIMINAL',
      typeCode: 'CRIM',
      status: 'OPEN',
      openedOn: '2012-01-10',
      owner: { ownershipUnclear: null, unit: 'CRIMINAL CASEWORK LIVERPOOL' },
      criminal: { offenceCode: 'ROBBERY', sentenceMonths: 30, band: 1, mappaLevel: 'LEVEL_2', harmCategory: 'B', tagged: true, operationZincs: false, releasedOn: '2013-02-15' },
      persons: [
        {
          ref: { key: 'C200002/P700002' },
          cidPersonId: 'P700002',
          nationality: 'NGA',
          nationalityAsHeld: 'NGA',
          name: { given: ['MOHAMMED', 'ALI'], family: 'IBRAHIM', original: 'IBRAHIM, MOHAMMED ALI' },
          identifiers: [
            { kind: 'CID_CASE', value: 'C200002' },
            { kind: 'CID_PERSON', value: 'P700002' },
            { kind: 'HO_REF', value: 'I1234567' },
            { kind: 'PNC_ID', value: '2011/0012345K' },
            { kind: 'FINGERPRINT', value: 'IABS0001234' },
          ],
          case: { caseId: 'C200002' },
          dataQualityIssues: [],
        },
      ],
      notes: [
        { writtenAt: '2012-01-10T09:00:00Z', author: 'INTAKE CROYDON' },
        { writtenAt: '2016-03-26T12:00:00Z' },
        { writtenAt: '2016-03-28T12:00:00Z' },
      ],
      restrictions: [
        {
          restrictionId: 'R300001',
          frequency: 'WEEKLY',
          windowStart: '10:00',
          windowMinutes: 60,
          status: 'OPEN',
          events: [
            { eventId: 'E1', dueAt: '2013-02-27T10:00:00Z', result: 'COMPLETED' },
            { eventId: 'E2', dueAt: '2013-03-06T10:00:00Z', result: 'NO_SHOW' },
            { eventId: 'E3', dueAt: '2013-07-10T09:00:00Z', result: null },
          ],
        },
      ],
      etdApplications: [{ etdId: 'ETD9001', country: 'NGA', status: 'INTERVIEW_BOOKED', interviewOn: '2013-05-14' }],
      dataQualityIssues: [],
    });
    expect(data.asylum).toMatchObject({
      owner: { label: 'LIT LIVERPOOL', ownershipUnclear: 'OBSOLETE_UNIT' },
      criminal: null,
      restrictions: [],
      etdApplications: [],
      persons: [{ name: { original: 'Ibrahim, Mohammed Ali' }, nationality: 'NGA' }],
      dataQualityIssues: [{ kind: 'OWNERSHIP_UNCLEAR', field: 'cid_case.owner_unit', rawValue: 'LIT LIVERPOOL' }],
    });
  });

  it('batches: one source call per operation for the whole query, whatever the number of cases', async () => {
    const { ctx, calls } = contextFor(adapter);
    const result = await graphql({ schema, source: CASES_QUERY, contextValue: ctx });
    expect(result.errors).toBeUndefined();
    const byOperation = calls.map((c) => `${c.source}.${c.operation}`).sort();
    expect(byOperation).toEqual([
      'cid.casesByIds',
      'cid.etdByCaseIds',
      'cid.notesByCaseIds',
      'cid.personsOnCaseByKeys',
      'cid.reportingEventsByRestrictionIds',
      'cid.restrictionsByCaseIds',
    ]);
    const keysOf = (op: string) => calls.find((c) => c.operation === op)!.keys;
    expect(keysOf('casesByIds')).toEqual(['C200002', 'C100001', 'NOPE']);
    expect(keysOf('notesByCaseIds')).toEqual(['C200002', 'C100001']);
    expect(keysOf('personsOnCaseByKeys')).toEqual(['C200002/P700002', 'C100001/P500001']);
    expect(keysOf('reportingEventsByRestrictionIds')).toEqual(['R300001']);
  });

  it('looks up one person on a case by its two keys, null when absent', async () => {
    const { ctx, calls } = contextFor(adapter);
    const result = await graphql({
      schema,
      source: `{
        p: cidPersonOnCase(caseId: "C400004", cidPersonId: "P800004") { ref { key } nationality nationalityAsHeld gender dateOfBirth case { owner { label ownershipUnclear } } }
        none: cidPersonOnCase(caseId: "C400004", cidPersonId: "P1") { cidPersonId }
      }`,
      contextValue: ctx,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      p: { ref: { key: 'C400004/P800004' }, nationality: 'DEU', nationalityAsHeld: 'D', gender: 'F', dateOfBirth: '1990-01-31', case: { owner: { label: '', ownershipUnclear: 'BLANK' } } },
      none: null,
    });
    expect(calls.map((c) => c.operation)).toEqual(['personsOnCaseByKeys', 'casesByIds']);
  });

  it('pings CID through the source definition', async () => {
    await expect(cidSource.ping(adapter)).resolves.toBeUndefined();
  });
});

describe('cidSource when CID fails', () => {
  it('reports the failure as an error naming the source, not as a missing case', async () => {
    const failing = {
      casesByIds: async () => {
        throw new SourceUnavailableError('cid', 'casesByIds: SQLITE_CANTOPEN');
      },
    } as unknown as CidAdapter;
    const { ctx } = contextFor(failing);
    const result = await graphql({ schema: buildSchema(), source: '{ cidCase(caseId: "C1") { caseId } }', contextValue: ctx });
    expect(result.data).toEqual({ cidCase: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.message).toContain('Source "cid" could not be read');
    expect(result.errors![0]!.originalError).toBeInstanceOf(SourceUnavailableError);
  });
});
