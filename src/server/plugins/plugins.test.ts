/**
 * The three gateway plugins on a small schema whose resolvers fail in each way a real one can:
 * a bug (internal), a per-key NOT_FOUND, a source that is down, and a source whose driver throws.
 * Personal data is planted in variables and error messages; none may reach the log or the client
 * from an internal error.
 */
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../context/create.js';
import type { GatewayContext } from '../../context/types.js';
import { NotFoundError, SourceUnavailableError } from '../../domain/errors.js';
import { createLogger } from '../../logging/logger.js';
import { INTERNAL_ERROR_MESSAGE } from '../errorClassification.js';
import { openSources } from '../sourceRuntime.js';
import { createErrorMaskingPlugin } from './errorMaskingPlugin.js';
import { createRequestIdPlugin } from './requestIdPlugin.js';
import { createRequestLoggingPlugin } from './requestLoggingPlugin.js';

const PERSONAL = ['JOHN', 'SMITH', '1980-01-02', '2014/0123456K', 'P1234567'];
const SECRET_MESSAGE = 'row for JOHN SMITH born 1980-01-02 with PNC 2014/0123456K and passport P1234567 is corrupt';

const typeDefs = /* GraphQL */ `
  type Query {
    boom(name: String, dob: String): String
    missing(key: String!): String
    down: String
    driver(key: String!): String
    fine(key: String!): String
  }
`;

function harness() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (s: string) => void lines.push(s) } });
  const runtime = openSources(
    { estateDir: '', cid: { databaseUrl: '' }, custody: { databaseUrls: {} }, pathfinder: { dir: '' }, pnc: { url: '' }, acro: { url: '' }, dva: { url: '' } },
    { definitions: [] },
  );
  const schema = makeExecutableSchema<GatewayContext>({
    typeDefs,
    resolvers: {
      Query: {
        boom: () => {
          throw new Error(SECRET_MESSAGE);
        },
        missing: (_p: unknown, { key }: { key: string }) => {
          throw new NotFoundError('pnc', 'nominal record', key);
        },
        down: () => {
          throw new SourceUnavailableError('cid', 'connect ECONNREFUSED 127.0.0.1:5432');
        },
        driver: (_p: unknown, { key }: { key: string }, ctx: GatewayContext) => {
          const loader = new DataLoader<string, string>(
            ctx.sourceCalls.track<string, string>('custody', 'recordsByKeys', async () => {
              throw new Error(SECRET_MESSAGE);
            }),
          );
          return loader.load(key);
        },
        fine: (_p: unknown, { key }: { key: string }, ctx: GatewayContext) => {
          const loader = new DataLoader<string, string>(
            ctx.sourceCalls.track<string, string>('pathfinder', 'rowsByKeys', async (keys) => keys.map((k) => `row ${k.length}`)),
          );
          return loader.load(key);
        },
      },
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    plugins: [createErrorMaskingPlugin(), createRequestIdPlugin(), createRequestLoggingPlugin({ logger })],
  });
  const run = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const contextValue = createContext({ runtime, requestId: 'req-test-0001', logger });
    const res = await apollo.executeOperation({ query, variables, operationName }, { contextValue });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return { result: res.body.singleResult, headers: res.http.headers, runtime };
  };
  const logs = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { run, lines, logs, runtime };
}

describe('createErrorMaskingPlugin', () => {
  it('masks an internal error for the client and logs it with the request id, without its message', async () => {
    const h = harness();
    const { result } = await h.run('query Q($name: String, $dob: String) { boom(name: $name, dob: $dob) }', { name: 'JOHN SMITH', dob: '1980-01-02' });
    expect(result.errors).toHaveLength(1);
    const e = result.errors![0]!;
    expect(e.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(e.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-test-0001' });
    const masked = h.logs().find((l) => l.msg === 'internal error masked');
    expect(masked).toMatchObject({ requestId: 'req-test-0001', code: 'INTERNAL_SERVER_ERROR', errorClass: 'Error', path: ['boom'] });
    expect((masked!.frames as string[]).length).toBeGreaterThan(0);
    for (const p of PERSONAL) expect(h.lines.join('')).not.toContain(p);
  });

  it('keeps a gateway error with its stable code and names the source', async () => {
    const h = harness();
    const { result } = await h.run('{ missing(key: "2014/0123456K") down }');
    const byPath = Object.fromEntries(result.errors!.map((e) => [String(e.path?.[0]), e]));
    expect(byPath.missing!.extensions).toEqual({ code: 'NOT_FOUND', source: 'pnc', requestId: 'req-test-0001' });
    expect(byPath.missing!.message).toBe('No nominal record "2014/0123456K" in pnc.');
    expect(byPath.down!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'cid' });
  });

  it('reports a driver failure inside a source call as that source being unavailable, hiding the message', async () => {
    const h = harness();
    const { result, runtime } = await h.run('{ driver(key: "P1234567") }');
    const e = result.errors![0]!;
    expect(e.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', source: 'custody' });
    expect(e.message).toBe('Source "custody" could not be read: internal error reading the source');
    for (const p of PERSONAL) {
      expect(JSON.stringify(result)).not.toContain(p);
      expect(h.lines.join('')).not.toContain(p);
    }
    expect(h.logs().find((l) => l.msg === 'source error')).toMatchObject({ source: 'custody', errorClass: 'Error' });
    // the health store keeps the last error, scrubbed of personal data
    const last = runtime.health.lastError('custody');
    expect(last?.message).toBe('Error (details in the log under the request id)');
  });
});

describe('createRequestIdPlugin', () => {
  it('returns the request id in a header and in every error', async () => {
    const h = harness();
    const { result, headers } = await h.run('{ missing(key: "x") }');
    expect(headers.get('x-request-id')).toBe('req-test-0001');
    expect(result.errors![0]!.extensions?.requestId).toBe('req-test-0001');
  });
});

describe('createRequestLoggingPlugin', () => {
  it('writes one line per request with id, operation, duration, sources and codes, and no personal data', async () => {
    const h = harness();
    await h.run(
      'query Lookup($k: String!, $name: String, $dob: String) { fine(key: $k) again: fine(key: "x") missing(key: $k) boom(name: $name, dob: $dob) }',
      { k: '2014/0123456K', name: 'JOHN SMITH', dob: '1980-01-02' },
      'Lookup',
    );
    const requestLines = h.logs().filter((l) => l.msg === 'graphql request');
    expect(requestLines).toHaveLength(1);
    const line = requestLines[0]!;
    expect(line).toMatchObject({
      requestId: 'req-test-0001',
      operationName: 'Lookup',
      operationType: 'query',
      errorCount: 2,
      errorCodes: ['INTERNAL_SERVER_ERROR', 'NOT_FOUND'],
      sources: { pathfinder: { calls: 2, keys: 2, failedKeys: 0, failedCalls: 0 } },
    });
    expect(typeof line.durationMs).toBe('number');
    for (const p of PERSONAL) expect(h.lines.join('')).not.toContain(p);
  });
});
