/**
 * The gateway's node:http request handler: routes `/graphql` to Apollo Server through
 * `executeHTTPGraphQLRequest`, serves the playground and its assets, the health endpoints and
 * `/favicon.ico`, sets `x-request-id` on every response, and counts requests in flight so that
 * shutdown can wait for them.
 *
 * Before a GraphQL request reaches Apollo (src/server/limits/): load shedding (MAX_IN_FLIGHT), the
 * per-user rate limit, the body (size, JSON content type, UTF-8, JSON) and every request limit
 * (batch size, document size and tokens, depth, aliases, directives, fragments, cost). A refusal
 * is a 4xx/503 with a stable `extensions.code`, logged and counted, and nothing is read.
 */
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../context/clock.js';
import { createContext } from '../context/create.js';
import type { GatewayContext } from '../context/types.js';
import { loadExamples } from './examples.js';
import { ASSET_PREFIX, loadPlaygroundAssets } from './playgroundAssets.js';
import { renderPlaygroundPage } from './playgroundPage.js';
import { REQUEST_ID_HEADER, resolveRequestId } from './requestId.js';
import type { SourceRuntime } from './sourceRuntime.js';
import type { AccessControl } from './access.js';
import { readJsonBody } from './limits/body.js';
import type { HttpHardening } from './limits/hardening.js';
import { refusalBody, type Refusal } from './limits/refusal.js';

export const GRAPHQL_PATH = '/graphql';
/** Demo identities with tokens for the playground's switcher (embedded development key only). */
export const IDENTITIES_PATH = '/playground/identities';

export interface HandlerOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly runtime: SourceRuntime;
  readonly logger: Logger;
  readonly playground: boolean;
  /** Authentication and audit; null leaves requests without a policy context (guarded data refused). */
  readonly access?: AccessControl | null;
  /** What time it is for the rules (default: the system clock). */
  readonly clock?: Clock;
  /** Request limits, rate limit and load shedding (src/server/limits/hardening.ts). */
  readonly hardening: HttpHardening;
}

export interface GatewayHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Requests being answered now. */
  inFlight(): number;
  /** Resolves when no request is in flight. */
  idle(): Promise<void>;
  /**
   * From now on `/readyz` answers 503, new requests (other than the health endpoints) are refused
   * with 503 SHUTTING_DOWN, and every response asks the client to close its connection; requests
   * already in flight carry on.
   */
  startDraining(): void;
  draining(): boolean;
  /** Request limits, rate limit, load shedding and the refusal counters. */
  readonly hardening: HttpHardening;
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const map = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    map.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function writeGraphQLResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export function createHandler(options: HandlerOptions): GatewayHandler {
  const { apollo, runtime, logger, playground, hardening } = options;
  const access = options.access ?? null;
  const clock = options.clock ?? systemClock;
  let inFlight = 0;
  let draining = false;
  let idleWaiters: Array<() => void> = [];
  const examples = playground ? loadExamples() : [];
  const assets = playground ? loadPlaygroundAssets() : new Map();
  const demo = playground && access ? access.demoTokens() !== null : false;
  const page = playground ? renderPlaygroundPage({ endpoint: GRAPHQL_PATH, examples, identitiesUrl: demo ? IDENTITIES_PATH : null }) : '';

  function finished(): void {
    inFlight -= 1;
    if (inFlight === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  function refuse(req: IncomingMessage, res: ServerResponse, requestId: string, refusal: Refusal): void {
    const refusedTotal = hardening.counters.count(refusal.code);
    logger.info(
      { requestId, status: refusal.status, code: refusal.code, limit: refusal.limit, measured: refusal.measured, refusedTotal, sources: {} },
      'graphql request refused',
    );
    if (refusal.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(refusal.retryAfterSeconds));
    if (refusal.code === 'BODY_TOO_LARGE') {
      // The rest of the body is not read: close the connection once the answer is out.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
    }
    sendJson(res, refusal.status, refusalBody(refusal, requestId));
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const shed = hardening.gate.enter();
    if (shed) return refuse(req, res, requestId, shed);
    res.once('close', () => hardening.gate.release());

    const over = await hardening.rateLimiter.check(await hardening.identify(req));
    if (over) {
      const seconds = Math.max(1, Math.ceil(over.resetMs / 1000));
      return refuse(req, res, requestId, {
        code: 'RATE_LIMITED',
        status: 429,
        message: `Rate limit of ${over.limit} requests per ${Math.round(hardening.config.overload.rateLimitWindowMs / 1000)} s reached; retry in ${seconds} s.`,
        limit: over.limit,
        measured: over.count,
        retryAfterSeconds: seconds,
      });
    }

    let body: unknown = undefined;
    if (req.method === 'POST') {
      const read = await readJsonBody(req, hardening.config.limits.maxBodyBytes);
      if (!read.ok) return refuse(req, res, requestId, read.refusal);
      body = read.body;
      const refusal = hardening.guard.checkPayload(body);
      if (refusal) return refuse(req, res, requestId, refusal);
    } else if (req.method === 'GET' && url.searchParams.has('query')) {
      let variables: unknown = null;
      try {
        variables = JSON.parse(url.searchParams.get('variables') ?? 'null');
      } catch {
        variables = null; // Apollo reports unparseable variables
      }
      const refusal = hardening.guard.checkOperation({ query: url.searchParams.get('query'), variables, operationName: url.searchParams.get('operationName') });
      if (refusal) return refuse(req, res, requestId, refusal);
    }
    let contextBuilt = false;
    const headers = headerMapOf(req);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        contextBuilt = true;
        if (!access) return createContext({ runtime, requestId, logger, clock });
        // Throws UNAUTHENTICATED (401) or FORBIDDEN (403) before any resolver runs: nothing is read.
        const policy = await access.authenticate(headers);
        return createContext({ runtime, requestId, logger, policy, audit: access.collector(requestId, policy), auditReader: access.auditStore, clock });
      },
    });
    if (!contextBuilt) {
      // Refused before the GraphQL pipeline (CSRF prevention, malformed request): log it here.
      logger.info({ requestId, status: response.status ?? 200, errorCodes: ['BAD_REQUEST'] }, 'graphql request rejected');
    }
    await writeGraphQLResponse(res, response);
  }

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (draining && path !== '/healthz' && path !== '/readyz') {
      sendJson(res, 503, { errors: [{ message: 'The gateway is shutting down; retry on another instance.', extensions: { code: 'SHUTTING_DOWN', requestId } }] });
      return;
    }
    if (path === GRAPHQL_PATH) return graphql(req, res, url, requestId);
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(res, 405, { error: `${method} is not served on ${path}` });
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'alive' });
      return;
    }
    if (path === '/readyz') {
      if (draining) {
        sendJson(res, 503, { status: 'shutting down' });
        return;
      }
      const sources = await runtime.probe();
      sendJson(res, 200, { status: 'ready', sources });
      return;
    }
    if (playground && (path === '/' || path === '/playground')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    if (demo && path === IDENTITIES_PATH) {
      const identities = await access!.demoTokens();
      res.setHeader('cache-control', 'no-store');
      sendJson(res, 200, { identities });
      return;
    }
    if (playground && path.startsWith(ASSET_PREFIX)) {
      const asset = assets.get(path.slice(ASSET_PREFIX.length));
      if (asset) {
        res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'public, max-age=3600', 'content-length': asset.body.length });
        res.end(asset.body);
        return;
      }
    }
    if (path === '/') {
      sendJson(res, 404, { error: `The playground is off (PLAYGROUND=false). Send GraphQL to ${GRAPHQL_PATH}.` });
      return;
    }
    sendJson(res, 404, { error: `Nothing at ${path}. GraphQL is at ${GRAPHQL_PATH}.` });
  }

  const handler = ((req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once('close', finished);
    const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    if (draining) res.setHeader('connection', 'close');
    route(req, res, requestId).catch((error: unknown) => {
      logger.error(
        { requestId, errorClass: error instanceof Error ? error.constructor.name : typeof error },
        'request failed outside GraphQL',
      );
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error', requestId });
      else res.end();
    });
  }) as GatewayHandler;

  handler.inFlight = () => inFlight;
  handler.idle = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r)));
  handler.startDraining = () => {
    draining = true;
  };
  handler.draining = () => draining;
  (handler as { hardening: HttpHardening }).hardening = hardening;
  return handler;
}
