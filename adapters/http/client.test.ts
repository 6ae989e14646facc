import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse, delay } from 'msw';
import { createHttpClient } from './client.js';

const server = setupServer(
  http.get('*/svc/ok', () => HttpResponse.json({ a: 1 })),
  http.get('*/svc/slow-body', () => {
    const stream = new ReadableStream({
      async start(c) {
        c.enqueue(new TextEncoder().encode('{"a":'));
        await delay(2000);
        c.enqueue(new TextEncoder().encode('1}'));
        c.close();
      },
    });
    return new HttpResponse(stream, { headers: { 'content-type': 'application/json' } });
  }),
  http.get('*/svc/missing', () => HttpResponse.json({}, { status: 404 })),
  http.get('*/svc/text', () => HttpResponse.text('{"a":')),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const client = createHttpClient({ source: 'pnc', baseUrl: 'http://h.test/svc/', timeoutMs: 200 });

describe('createHttpClient', () => {
  it('joins the base URL and parses JSON', async () => {
    expect(await client.json('/ok', { operation: 'probe' })).toEqual({ status: 200, body: { a: 1 } });
  });

  it('times out while the body is still arriving', async () => {
    const t0 = performance.now();
    await expect(client.request('/slow-body', { operation: 'slow read' })).rejects.toMatchObject({ code: 'SOURCE_TIMEOUT', message: 'Source "pnc" could not be read: slow read: no answer within 200 ms' });
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('accepts listed statuses, refuses others, and names malformed JSON', async () => {
    expect((await client.json('/missing', { operation: 'read', accept: [404] })).status).toBe(404);
    await expect(client.json('/missing', { operation: 'read' })).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', message: 'Source "pnc" could not be read: read: HTTP 404' });
    await expect(client.json('/text', { operation: 'read' })).rejects.toMatchObject({ code: 'SOURCE_MALFORMED_RESPONSE' });
  });

  it('reports a caller cancellation as such, and refuses a base URL that is not a URL', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(client.request('/ok', { operation: 'read', signal: ac.signal })).rejects.toMatchObject({ code: 'SOURCE_UNAVAILABLE', message: expect.stringContaining('cancelled') });
    expect(() => createHttpClient({ source: 'acro', baseUrl: 'not a url' })).toThrow(/example: http:\/\/127\.0\.0\.1:4010\/acro/);
  });
});
