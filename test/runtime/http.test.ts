/**
 * The gateway over HTTP: request ids, health endpoints, the favicon, CSRF prevention, error codes
 * with request ids, and the playground page and assets (served locally, nothing from a CDN).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, DEFAULT_TEST_IDENTITY, headersFor, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(() => gw?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('makes one when none is sent and returns it in the header and in the log line', async () => {
    const res = await gw.request('query Health { sources { name } }');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    const line = gw.logs.find((l) => l.msg === 'graphql request' && l.requestId === id);
    expect(line).toMatchObject({ operationName: 'Health', operationType: 'query', status: 200, errorCodes: [] });
  });

  it('keeps a sane incoming id and puts it in error extensions', async () => {
    const res = await gw.request('{ noSuchField }', undefined, { 'x-request-id': 'caller-trace-0042' });
    expect(res.headers.get('x-request-id')).toBe('caller-trace-0042');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'caller-trace-0042' });
  });

  it('replaces an insane incoming id', async () => {
    const res = await gw.request('{ sources { name } }', undefined, { 'x-request-id': 'bad id' });
    expect(res.headers.get('x-request-id')).toMatch(UUID);
  });

  it('gives stable codes for syntax errors and bad variables', async () => {
    const syntax = await gw.request('{ sources { name ');
    expect(syntax.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const vars = await gw.request('query Q($n: String!) { __type(name: $n) { name } }', { n: 5 });
    expect(vars.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(vars.body.errors?.[0]?.extensions?.requestId).toEqual(vars.headers.get('x-request-id'));
  });
});

describe('HTTP endpoints', () => {
  it('answers /healthz, /readyz (with each source) and /favicon.ico', async () => {
    const health = await fetch(`${gw.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'alive' });
    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; sources: Array<{ name: string; reachable: boolean }> };
    expect(body.status).toBe('ready');
    expect(body.sources.every((s) => s.reachable)).toBe(true);
    const icon = await fetch(`${gw.url}/favicon.ico`);
    expect(icon.status).toBe(204);
    expect(icon.headers.get('x-request-id')).toMatch(UUID);
  });

  it('refuses a GET query without a preflight header (CSRF prevention) and accepts it with one', async () => {
    const q = encodeURIComponent('{ sources { name } }');
    const auth = await headersFor(DEFAULT_TEST_IDENTITY);
    const refused = await fetch(`${gw.graphqlUrl}?query=${q}`, { headers: auth });
    expect(refused.status).toBe(400);
    const ok = await fetch(`${gw.graphqlUrl}?query=${q}`, { headers: { ...auth, 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
  });

  it('answers unknown paths with 404 and a pointer to /graphql', async () => {
    const res = await fetch(`${gw.url}/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain('/graphql');
  });
});

describe('playground', () => {
  it('serves GraphiQL at / and /playground with local assets only', async () => {
    for (const path of ['/', '/playground']) {
      const res = await fetch(`${gw.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const html = await res.text();
      expect(html).toContain('GraphiQL.createFetcher');
      expect(html).toContain('x-purpose');
      expect(html).toContain('Authorization: Bearer &lt;token&gt;');
      const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThanOrEqual(4);
      for (const ref of refs) expect(ref, ref).toMatch(/^(\/playground\/assets\/|data:)/);
    }
  });

  it('serves React, ReactDOM and GraphiQL from node_modules', async () => {
    for (const [name, type] of [['react.js', 'javascript'], ['react-dom.js', 'javascript'], ['graphiql.js', 'javascript'], ['graphiql.css', 'css']] as const) {
      const res = await fetch(`${gw.url}/playground/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('is off, with introspection, when configured so', async () => {
    const off = await createTestGateway({ env: { PLAYGROUND: 'false', INTROSPECTION: 'false' } });
    try {
      expect((await fetch(`${off.url}/`)).status).toBe(404);
      expect((await fetch(`${off.url}/playground/assets/react.js`)).status).toBe(404);
      const intro = await off.request('{ __schema { queryType { name } } }');
      expect(intro.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await off.close();
    }
  });
});
