import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { graphql } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { acroSource } from './index.js';
import { createAcroHandlers } from '../../../mocks/acro/handlers.js';
import { buildAcroData } from '../../../mocks/acro/data.js';
import { servicesFixturePopulation } from '../../../mocks/estate/render/services.fixture.js';
import { Rng } from '../../../mocks/estate/rng.js';
import { recordingScope } from '../../../test/support/scope.js';
import type { GatewayContext } from '../../context/types.js';
import type { SourcesConfig } from '../../config/types.js';

const sdl = ['base', 'directives', 'acro'].map((f) => readFileSync(new URL(`../../../schema/${f}.graphql`, import.meta.url), 'utf8'));
const schema = makeExecutableSchema({ typeDefs: sdl, resolvers: [acroSource.resolvers] });
const data = buildAcroData(servicesFixturePopulation(), new Rng(1));
const http: string[] = [];
const server = setupServer(...createAcroHandlers(data, { now: () => '2021-06-30T12:00:00Z' }));
server.events.on('request:start', ({ request }) => http.push(`${request.method} ${new URL(request.url).pathname}`));
const adapter = acroSource.open({ acro: { url: 'http://acro.test/acro' } } as SourcesConfig);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('acroSource', () => {
  it('resolves requests with instigator, status and unfiltered results, batched into one call', async () => {
    const scope = recordingScope();
    const contextValue = { requestId: 't', loaders: { acro: acroSource.createLoaders(adapter, scope) } } as unknown as GatewayContext;
    const fields = 'reference status outcome purpose requestedAt answeredAt instigator { kind force } subject { name { family } nationality dateOfBirth } results { country offenceCode hosol instigator { kind force } }';
    const result = await graphql({
      schema,
      contextValue,
      source: `{ ho: acroRequest(reference: "ACRO/17/000101") { ${fields} } wyp: acroRequest(reference: "ACRO/18/000202") { ${fields} } never: acroRequest(reference: "ACRO/19/000303") { ${fields} } }`,
    });
    expect(result.errors).toBeUndefined();
    expect(scope.calls).toEqual([{ source: 'acro', operation: 'requestsByRefs', keys: ['ACRO/17/000101', 'ACRO/18/000202', 'ACRO/19/000303'] }]);
    expect(http).toEqual(['POST /acro/requests/query']);
    expect(result.data!.ho).toMatchObject({
      status: 'COMPLETE',
      outcome: 'RESULTS',
      purpose: 'IMMIGRATION',
      instigator: { kind: 'HOME_OFFICE', force: null },
      subject: { name: { family: 'OKAFOR' }, nationality: 'NGA', dateOfBirth: '1985-03-15' },
      results: [{ country: 'NGA', offenceCode: 'RAPE', hosol: true, instigator: { kind: 'HOME_OFFICE', force: null } }],
    });
    expect(result.data!.wyp).toMatchObject({ instigator: { kind: 'POLICE', force: 'WYP' }, results: [{ offenceCode: 'THEFT', hosol: false, instigator: { kind: 'POLICE', force: 'WYP' } }] });
    expect(result.data!.never).toMatchObject({ status: 'PENDING', outcome: null, answeredAt: null, results: [] });
  });

  it('answers null with NOT_FOUND for an unknown reference, and pings', async () => {
    const contextValue = { requestId: 't', loaders: { acro: acroSource.createLoaders(adapter, recordingScope()) } } as unknown as GatewayContext;
    const result = await graphql({ schema, contextValue, source: '{ acroRequest(reference: "ACRO/00/000000") { reference } }' });
    expect(result.data).toEqual({ acroRequest: null });
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'NOT_FOUND' });
    await expect(acroSource.ping(adapter)).resolves.toBeUndefined();
  });
});
