import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCustodyEstate, type RenderedCustody } from '../../../adapters/custody/custody.testkit.js';
import type { CustodyAdapter } from '../../../adapters/custody/adapter.js';
import { custodyFixturePopulation, NO_NOISE } from '../../../mocks/estate/render/custody.fixture.js';
import { recordingScope, type RecordedCall } from '../../../test/support/scope.js';
import type { SourcesConfig } from '../../config/types.js';
import type { GatewayContext } from '../../context/types.js';
import type { DataQualityIssue } from '../../domain/common.js';
import { custodySource } from './index.js';

const sdl = (name: string) => readFileSync(new URL(`../../../schema/${name}.graphql`, import.meta.url), 'utf8');

function configFor(urls: Record<string, string>): SourcesConfig {
  return {
    estateDir: '.',
    cid: { databaseUrl: 'sqlite::memory:' },
    custody: { databaseUrls: urls },
    pathfinder: { dir: '.' },
    pnc: { url: 'http://127.0.0.1:1/pnc' },
    acro: { url: 'http://127.0.0.1:1/acro' },
    dva: { url: 'http://127.0.0.1:1/dva' },
  };
}

let estate: RenderedCustody;
let adapter: CustodyAdapter;
let schema: GraphQLSchema;

beforeAll(async () => {
  // Two MPS arrests share the showcase person's fingerprints with a WMP one (sameFingerprintEpisodes).
  const population = custodyFixturePopulation({ persons: 60, noise: NO_NOISE });
  const p1 = population.persons[0]!;
  const extra = { ...p1.arrests[0]!, force: 'WMP' as const, custodyRecord: '201601009999', suite: 'Oldbury', arrestedAt: '2016-12-01T10:00:00Z', releasedAt: '2016-12-01T18:00:00Z' };
  const persons = [{ ...p1, arrests: [...p1.arrests, extra] }, ...population.persons.slice(1)];
  estate = await renderCustodyEstate({ ...population, persons });
  adapter = custodySource.open(configFor(estate.urls));
  schema = makeExecutableSchema({
    typeDefs: [sdl('base'), sdl('directives'), sdl('custody')],
    resolvers: [custodySource.resolvers, { DataQualityIssue: { records: (i: DataQualityIssue) => i.refs } }],
  });
});

afterAll(async () => {
  if (adapter) await custodySource.close(adapter);
  await estate?.cleanup();
});

async function run(source: string, variables: Record<string, unknown> = {}, a: CustodyAdapter = adapter) {
  const scope = recordingScope();
  const contextValue = { requestId: 'test', loaders: { custody: custodySource.createLoaders(a, scope) } } as unknown as GatewayContext;
  const result = await graphql({ schema, source, variableValues: variables, contextValue });
  return { result, calls: scope.calls as RecordedCall[] };
}

const FIELDS = `ref { source key } force recordNumber suite arrestedAt releasedAt inCustody paceClockExpiresAt
  offenceCode offenceDescription declaredNationality declaredNationalityAsHeld claimsBritishOrEea nationalityDoubted
  fingerprintHit homeOfficeFingerprintRef statusCheck { requested route requestedAt result } releasedBeforeIoAttended
  recordComplete name { given family original } dateOfBirth gender identifiers { kind value }
  dataQuality { kind field rawValue message records { source key } }`;

describe('custodySource', () => {
  it('answers custodyRecord with every field a caseworker sees', async () => {
    const { result } = await run(`query { custodyRecord(force: MPS, recordNumber: "BS/16/000101") { ${FIELDS} } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.custodyRecord).toEqual({
      ref: { source: 'custody', key: 'MPS/BS/16/000101' },
      force: 'MPS',
      recordNumber: 'BS/16/000101',
      suite: 'BRIXTON',
      arrestedAt: '2016-07-01T08:30:00Z',
      releasedAt: '2016-07-01T20:00:00Z',
      inCustody: false,
      paceClockExpiresAt: '2016-07-02T08:30:00Z',
      offenceCode: 'FALSE-DOCS',
      offenceDescription: 'Possession of a false identity document',
      declaredNationality: 'NGA',
      declaredNationalityAsHeld: expect.any(String),
      claimsBritishOrEea: false,
      nationalityDoubted: expect.any(Boolean),
      fingerprintHit: true,
      homeOfficeFingerprintRef: 'IA004000001',
      statusCheck: { requested: true, route: 'CCU', requestedAt: '2016-07-01T08:45:00Z', result: 'IMMIGRATION_OFFENDER' },
      releasedBeforeIoAttended: false,
      recordComplete: true,
      name: { given: ['MOHAMMED', 'ALI'], family: 'HUSSEIN', original: 'HUSSEIN, Mohammed Ali' },
      dateOfBirth: '1984-03-02',
      gender: 'M',
      identifiers: [
        { kind: 'CUSTODY_RECORD', value: 'MPS/BS/16/000101' },
        { kind: 'FINGERPRINT', value: 'IA004000001' },
      ],
      dataQuality: [],
    });
  });

  it('batches lookups across forces into one adapter call', async () => {
    const { result, calls } = await run(`query {
      a: custodyRecord(force: MPS, recordNumber: "BS/16/000101") { ref { key } }
      b: custodyRecord(force: WMP, recordNumber: "201701000102") { ref { key } fingerprintHit }
      c: custodyRecord(force: WYP, recordNumber: "WY-000103-15") { ref { key } fingerprintHit statusCheck { route } }
      d: custodyRecord(force: MPS, recordNumber: "BS/16/000101") { suite }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { ref: { key: 'MPS/BS/16/000101' } },
      b: { ref: { key: 'WMP/201701000102' }, fingerprintHit: true },
      c: { ref: { key: 'WYP/WY-000103-15' }, fingerprintHit: null, statusCheck: { route: 'LOCAL_IO' } },
      d: { suite: 'BRIXTON' },
    });
    expect(calls).toEqual([{ source: 'custody', operation: 'episodesByKeys', keys: ['MPS/BS/16/000101', 'WMP/201701000102', 'WYP/WY-000103-15'] }]);
  });

  it('follows the Home Office fingerprint ref to other forces’ records in one batched call', async () => {
    const { result, calls } = await run(`query {
      a: custodyRecord(force: MPS, recordNumber: "BS/16/000101") { sameFingerprintEpisodes { ref { key } force } }
      b: custodyRecord(force: WMP, recordNumber: "201701000102") { sameFingerprintEpisodes { ref { key } } }
      c: custodyRecord(force: WYP, recordNumber: "WY-000103-15") { sameFingerprintEpisodes { ref { key } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { sameFingerprintEpisodes: [{ ref: { key: 'WMP/201601009999' }, force: 'WMP' }] },
      b: { sameFingerprintEpisodes: [] },
      c: { sameFingerprintEpisodes: [] },
    });
    expect(calls.map((c) => [c.operation, c.keys])).toEqual([
      ['episodesByKeys', ['MPS/BS/16/000101', 'WMP/201701000102', 'WYP/WY-000103-15']],
      ['episodesByHoFingerprintRef', ['IA004000001', 'IA004000002']],
    ]);
  });

  it('gives null with a NOT_FOUND error for a record the force does not hold', async () => {
    const { result } = await run(`query { custodyRecord(force: WMP, recordNumber: "NOPE") { ref { key } } }`);
    expect(result.data?.custodyRecord).toBeNull();
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the unavailable force and still answers the others', async () => {
    const partial = custodySource.open(configFor({ MPS: estate.urls.MPS, WYP: estate.urls.WYP }));
    try {
      const { result } = await run(
        `query { a: custodyRecord(force: MPS, recordNumber: "BS/16/000101") { ref { key } } b: custodyRecord(force: WMP, recordNumber: "201701000102") { ref { key } } }`,
        {},
        partial,
      );
      expect(result.data).toEqual({ a: { ref: { key: 'MPS/BS/16/000101' } }, b: null });
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
      expect(result.errors?.[0]?.message).toMatch(/WMP/);
      await expect(custodySource.ping(partial)).resolves.toBeUndefined();
    } finally {
      await custodySource.close(partial);
    }
  });

  it('pings every configured force', async () => {
    await expect(custodySource.ping(adapter)).resolves.toBeUndefined();
    const broken = custodySource.open(configFor({ ...estate.urls, WYP: `${estate.urls.MPS}` }));
    try {
      await expect(custodySource.ping(broken)).rejects.toThrow(/WYP: no such table: custody_detentions/);
    } finally {
      await custodySource.close(broken);
    }
  });

  it('reports data-quality issues through the schema', async () => {
    const db = estate.openWritable('WYP');
    await db('custody_detentions').where({ cust_ref: 'WY-000104-17' }).update({ gender: 'U' });
    await db.destroy();
    const { result } = await run(`query { custodyRecord(force: WYP, recordNumber: "WY-000104-17") { gender dataQuality { kind field rawValue records { key } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.custodyRecord).toEqual({
      gender: null,
      dataQuality: [{ kind: 'UNKNOWN_CODE', field: 'gender', rawValue: 'U', records: [{ key: 'WYP/WY-000104-17' }] }],
    });
  });
});
