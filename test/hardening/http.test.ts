/**
 * The HTTP layer of a real gateway under malformed and hostile requests: every malformed class gets
 * a 4xx with a stable code and a clear message (never a 5xx or a stack trace), the body is capped,
 * and an operation refused by a request limit is logged, counted and reads nothing (the PNC mock's
 * request count does not move, while the same query within the limits does move it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, headersFor, DEFAULT_TEST_IDENTITY, type TestGateway } from '../support/gateway.js';

let gw: TestGateway;
let auth: Record<string, string>;
let pncId: string;

beforeAll(async () => {
  gw = await createTestGateway();
  auth = await headersFor(DEFAULT_TEST_IDENTITY);
  const pnc = JSON.parse(readFileSync(join(gw.estateDir, 'services', 'pnc.json'), 'utf8')) as { subjects: Array<{ pncId: string }> };
  pncId = pnc.subjects[0]!.pncId;
}, 120_000);
afterAll(() => gw?.close());

async function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { ...auth, ...headers }, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as { errors?: Array<{ message: string; extensions: Record<string, unknown> }> } };
}

describe('malformed requests get a 4xx with a clear message, never a 5xx or a stack trace', () => {
  const cases: Array<[string, () => Promise<Awaited<ReturnType<typeof post>>>, number, string, RegExp]> = [
    ['malformed JSON', () => post('{"query": "{ sources { name } }"'), 400, 'MALFORMED_JSON', /not valid JSON/],
    ['text/plain', () => post(JSON.stringify({ query: '{ sources { name } }' }), { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE', /application\/json/],
    ['no content type', () => post(new Blob([JSON.stringify({ query: '{ sources { name } }' })]), {}), 415, 'UNSUPPORTED_MEDIA_TYPE', /without a content type/],
    ['form data', () => post('query=%7B%7D', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE', /x-www-form-urlencoded/],
    ['a non-UTF-8 charset', () => post(JSON.stringify({ query: '{ sources { name } }' }), { 'content-type': 'application/json; charset=latin1' }), 415, 'UNSUPPORTED_MEDIA_TYPE', /UTF-8/],
    ['invalid UTF-8', () => post(Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), 400, 'INVALID_UTF8', /not valid UTF-8/],
    ['query not a string', () => post(JSON.stringify({ query: { sources: 'name' } })), 400, 'BAD_REQUEST', /"query" must be a string/],
    ['query a number', () => post(JSON.stringify({ query: 7 })), 400, 'BAD_REQUEST', /"query" must be a string/],
    ['body a string', () => post(JSON.stringify('{ sources { name } }')), 400, 'BAD_REQUEST', /JSON object/],
    ['empty body', () => post(''), 400, 'BAD_REQUEST', /empty/],
    ['variables not an object', () => post(JSON.stringify({ query: '{ sources { name } }', variables: [1] })), 400, 'BAD_REQUEST', /variables/],
    ['deeply nested JSON', () => post(`${'['.repeat(40_000)}${']'.repeat(40_000)}`), 400, 'BAD_REQUEST', /operation/],
  ];

  it.each(cases)('%s', async (_what, send, status, code, message) => {
    const res = await send();
    expect(res.status).toBe(status);
    const error = res.json.errors?.[0];
    expect(error?.extensions.code).toBe(code);
    expect(error?.message).toMatch(message);
    expect(error?.extensions.requestId).toBe(res.headers.get('x-request-id'));
    expect(res.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  });

  it('caps the body: a declared oversize body is refused before it is read (413)', async () => {
    const big = JSON.stringify({ query: `{ sources { name } } # ${'x'.repeat(200_000)}` });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(res.json.errors?.[0]?.extensions).toMatchObject({ code: 'BODY_TOO_LARGE', limit: 102_400, measured: Buffer.byteLength(big) });
  });

  it('caps a chunked body without content-length while reading it (413)', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BODY_TOO_LARGE');
  });

  it('keeps serving after all that', async () => {
    const res = await gw.request('{ sources { name } }');
    expect(res.status).toBe(200);
  });
});

describe('an operation refused by a limit reads nothing', () => {
  const pncLookups = (n: number) => `query Many($k: ID!) { ${Array.from({ length: n }, (_, i) => `p${i}: pncRecord(pncId: $k) { pncId }`).join(' ')} }`;

  it('within the limits, the same query reaches PNC (the counter below can move)', async () => {
    const before = gw.mocks.faults.stats('pnc').requests;
    const res = await gw.request(pncLookups(2), { k: pncId });
    expect(res.status).toBe(200);
    expect(res.body.errors ?? []).toEqual([]);
    expect(gw.mocks.faults.stats('pnc').requests).toBeGreaterThan(before);
  });

  it.each([
    ['alias overloading', () => ({ query: pncLookups(20), variables: { k: pncId } }), 'TOO_MANY_ALIASES', 15, 20],
    ['directive overloading', () => ({ query: `query D($k: ID!) { pncRecord(pncId: $k) { ${'pncId @include(if: true) '.repeat(30)} } }`, variables: { k: pncId } }), 'TOO_MANY_DIRECTIVES', 10, 30],
    ['depth', () => ({ query: '{ cidCase(caseId: "1") { persons { case { persons { case { persons { case { persons { case { persons { case { persons { case { caseId } } } } } } } } } } } } } }' }), 'QUERY_TOO_DEEP', 12, 14],
    ['circular fragments', () => ({ query: 'query C($k: ID!) { pncRecord(pncId: $k) { ...A } } fragment A on PncRecord { pncId ...B } fragment B on PncRecord { croNumber ...A }', variables: { k: pncId } }), 'CIRCULAR_FRAGMENT', 0, 1],
    ['cost', () => ({ query: 'query S { searchPersons(query: { familyName: "SMITH" }, first: 5000) { hits { person { pncRecords { pncId } } } } }' }), 'QUERY_TOO_COSTLY', 20_000, 180_003],
  ])('%s: refused, logged and counted, no source call', async (_what, body, code, limit, measured) => {
    const before = { pnc: gw.mocks.faults.stats('pnc').requests };
    const counted = gw.gateway.handler.hardening.counters.snapshot()[code as 'TOO_MANY_ALIASES'] ?? 0;
    const res = await post(JSON.stringify(body()));
    expect(res.status).toBe(400);
    const id = res.headers.get('x-request-id');
    expect(res.json.errors?.[0]?.extensions).toEqual({ code, limit, measured, requestId: id });
    expect(gw.mocks.faults.stats('pnc').requests).toBe(before.pnc);
    expect(gw.gateway.handler.hardening.counters.snapshot()[code as 'TOO_MANY_ALIASES']).toBe(counted + 1);
    const lines = gw.logs.filter((l) => l.requestId === id);
    expect(lines.find((l) => l.msg === 'graphql request refused')).toMatchObject({ code, limit, measured, status: 400 });
    // Apollo never saw it: no execution, so no per-request line with source calls.
    expect(lines.find((l) => l.msg === 'graphql request')).toBeUndefined();
  });

  it('refuses a batch over MAX_BATCH_OPERATIONS and answers one within it', async () => {
    const op = { query: '{ sources { name } }' };
    const over = await post(JSON.stringify(Array.from({ length: 6 }, () => op)));
    expect(over.status).toBe(400);
    expect(over.json.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_OPERATIONS', limit: 5, measured: 6 });
    const ok = await fetch(gw.graphqlUrl, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify([op, op]) });
    expect(ok.status).toBe(200);
    const answers = (await ok.json()) as Array<{ data: { sources: unknown[] } }>;
    expect(answers).toHaveLength(2);
    expect(answers[1]!.data.sources.length).toBeGreaterThan(0);
  });

  it('checks a GET query too', async () => {
    const q = encodeURIComponent(`{ ${Array.from({ length: 20 }, (_, i) => `a${i}: sources { name }`).join(' ')} }`);
    const res = await fetch(`${gw.graphqlUrl}?query=${q}`, { headers: { ...auth, 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('TOO_MANY_ALIASES');
  });
});
