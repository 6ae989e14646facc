import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { graphql } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { pncSource } from './index.js';
import { createPncHandlers } from '../../../mocks/pnc/handlers.js';
import { buildPncData } from '../../../mocks/pnc/data.js';
import { FaultController } from '../../../mocks/faults.js';
import { servicesFixturePopulation } from '../../../mocks/estate/render/services.fixture.js';
import { Rng } from '../../../mocks/estate/rng.js';
import { recordingScope } from '../../../test/support/scope.js';
import type { GatewayContext } from '../../context/types.js';
import type { DataQualityIssue } from '../../domain/common.js';
import type { SourcesConfig } from '../../config/types.js';

const sdl = ['base', 'directives', 'pnc'].map((f) => readFileSync(new URL(`../../../schema/${f}.graphql`, import.meta.url), 'utf8'));
const schema = makeExecutableSchema({
  typeDefs: sdl,
  // DataQualityIssue.records is the base schema's resolver (the runtime's); the test supplies it.
  resolvers: [pncSource.resolvers, { DataQualityIssue: { records: (i: DataQualityIssue) => i.refs } }],
});
const data = buildPncData(servicesFixturePopulation(), new Rng(1));
const faults = new FaultController();
const http: string[] = [];
const server = setupServer(...createPncHandlers(data, { faults }));
server.events.on('request:start', ({ request }) => http.push(`${request.method} ${new URL(request.url).pathname}`));
const config = { pnc: { url: 'http://pnc.test/pnc' } } as SourcesConfig;
const adapter = pncSource.open(config);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  http.length = 0;
  faults.reset();
});
afterAll(() => server.close());

async function run(query: string) {
  const scope = recordingScope();
  const contextValue = { requestId: 't', loaders: { pnc: pncSource.createLoaders(adapter, scope) } } as unknown as GatewayContext;
  const result = await graphql({ schema, source: query, contextValue });
  return { result, calls: scope.calls };
}

describe('pncSource', () => {
  it('batches two pncRecord fields in one query into one tracked call and one HTTP call', async () => {
    const { result, calls } = await run(`{
      a: pncRecord(pncId: "2009/0123456K") { pncId name { family given original } dateOfBirth nationality
         convictions { convictedOn offenceCode offenceDescription pncOffenceCode sentence custodial sentenceMonths life }
         circulations { type since owner } ref { source key } issues { kind } }
      b: pncRecord(pncId: "2015/0777777M") { pncId croNumber convictions { offenceCode sentenceMonths } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual([{ source: 'pnc', operation: 'recordsByPncIds', keys: ['2009/0123456K', '2015/0777777M'] }]);
    expect(http).toEqual(['POST /pnc/subjects/batch']);
    const a = result.data!.a as Record<string, unknown>;
    expect(a).toMatchObject({ pncId: '2009/0123456K', name: { family: 'OKAFOR', given: ['CHUKWUEMEKA', 'JOHN'], original: 'OKAFOR/CHUKWUEMEKA JOHN' }, dateOfBirth: '1985-03-15', nationality: 'NGA', ref: { source: 'pnc', key: '2009/0123456K' }, issues: [] });
    expect((a.convictions as unknown[])[0]).toEqual({ convictedOn: '2012-06-12', offenceCode: 'ROBBERY', offenceDescription: 'Robbery', pncOffenceCode: 'TH68023', sentence: '18M IMP', custodial: true, sentenceMonths: 18, life: false });
    expect(a.circulations).toEqual([{ type: 'ABSCONDER', since: '2019-02-01', owner: 'HOME OFFICE' }]);
    expect(result.data!.b).toEqual({ pncId: '2015/0777777M', croNumber: '777777/15B', convictions: [{ offenceCode: 'DRUGS-SUPPLY-A', sentenceMonths: 48 }] });
  });

  it('answers null with a NOT_FOUND error for no trace, and a coded error when PNC fails', async () => {
    const missing = await run('{ pncRecord(pncId: "1999/0000000A") { pncId } }');
    expect(missing.result.data).toEqual({ pncRecord: null });
    expect(missing.result.errors?.[0]?.originalError).toMatchObject({ code: 'NOT_FOUND' });
    faults.set('pnc', { errorEvery: 1 });
    const failed = await run('{ pncRecord(pncId: "2009/0123456K") { pncId } }');
    expect(failed.result.errors?.[0]?.originalError).toMatchObject({ code: 'SOURCE_UNAVAILABLE', details: { source: 'pnc' } });
  });

  it('pings and closes', async () => {
    await expect(pncSource.ping(adapter)).resolves.toBeUndefined();
    faults.set('pnc', { errorEvery: 1 });
    await expect(pncSource.ping(adapter)).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    await expect(pncSource.close(adapter)).resolves.toBeUndefined();
  });
});
