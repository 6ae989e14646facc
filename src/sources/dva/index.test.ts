import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { graphql } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { dvaSource } from './index.js';
import { createDvaHandlers } from '../../../mocks/dva/handlers.js';
import { buildDvaData } from '../../../mocks/dva/data.js';
import { servicesFixturePopulation } from '../../../mocks/estate/render/services.fixture.js';
import { Rng } from '../../../mocks/estate/rng.js';
import { recordingScope } from '../../../test/support/scope.js';
import type { SourcesConfig } from '../../config/types.js';

// The Mutation root is defined by schema/reporting.graphql in the gateway; a stand-in root here.
const sdl = [...['base', 'directives', 'dva'].map((f) => readFileSync(new URL(`../../../schema/${f}.graphql`, import.meta.url), 'utf8')), 'type Mutation { ping: Boolean }'];
const server = setupServer(...createDvaHandlers(buildDvaData(servicesFixturePopulation(), new Rng(1)), { now: () => '2021-06-30T12:00:00Z' }));
const adapter = dvaSource.open({ dva: { url: 'http://dva.test/dva' } } as SourcesConfig);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('dvaSource', () => {
  it('adds the DVA check mutation and the check lookup', () => {
    const schema = makeExecutableSchema({ typeDefs: sdl, resolvers: [dvaSource.resolvers] });
    expect(schema.getType('DvaCheck')).toBeDefined();
    expect(Object.keys(schema.getQueryType()!.getFields())).toContain('dvaCheck');
    expect(Object.keys(schema.getMutationType()!.getFields())).toContain('checkPassportWithDva');
  });

  it('makes a check for the requesting user with the request\'s own justification, through a tracked write', async () => {
    const schema = makeExecutableSchema({ typeDefs: sdl, resolvers: [dvaSource.resolvers] });
    const scope = recordingScope();
    const policy = { principal: { userId: 'demo.ccu.handler' }, justification: 'Claims British; no record of citizenship' };
    const res = await graphql({
      schema,
      source: 'mutation { checkPassportWithDva(input: { passportNumber: "598765432", surname: "SMITH", dateOfBirth: "1970-12-25" }) { requestedBy justification } }',
      contextValue: { loaders: { dva: dvaSource.createLoaders(adapter, scope) }, policy },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.checkPassportWithDva).toEqual({ requestedBy: 'demo.ccu.handler', justification: policy.justification });
    expect(scope.calls.map((c) => c.operation)).toEqual(['checkPassport']);
  });

  it('loads checks made earlier through a tracked batch, NotFound per unknown id, and pings', async () => {
    const made = await adapter.checkPassport({ passportNumber: '598765432', surname: 'SMITH', dateOfBirth: '1970-12-25', justification: 'Claims British; arrested without documents', requestedBy: 'u-7' });
    const scope = recordingScope();
    const loaders = dvaSource.createLoaders(adapter, scope);
    const [found, missing] = await Promise.all([loaders.checkById.load(made.checkId), loaders.checkById.load('DVA-404404').catch((e: unknown) => e)]);
    expect(found).toEqual(made);
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
    expect(scope.calls).toEqual([{ source: 'dva', operation: 'checksByIds', keys: [made.checkId, 'DVA-404404'] }]);
    await expect(dvaSource.ping(adapter)).resolves.toBeUndefined();
  });
});
