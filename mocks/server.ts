/**
 * The PNC, ACRO and DVA mocks as a real HTTP server on loopback, for `npm start` and integration
 * tests. It serves the very handlers tests use with `setupServer`: each incoming request becomes a
 * Fetch `Request` handed to msw's `getResponse`; unhandled requests get 404. Bodies stream both
 * ways; a client that goes away aborts its request (so an injected timeout ends); `close()` aborts
 * what is still in flight and closes every connection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { createPncHandlers } from './pnc/handlers.js';
import { createAcroHandlers } from './acro/handlers.js';
import { createDvaHandlers } from './dva/handlers.js';
import { createFaultAdminHandlers, FaultController, type FaultsConfig } from './faults.js';
import type { PncData } from './pnc/data.js';
import type { AcroData } from './acro/data.js';
import type { DvaData } from './dva/data.js';

export interface MockServicesOptions {
  /** Estate folder holding `services/pnc.json`, `acro.json`, `dva.json`. */
  readonly estateDir: string;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 = any free port. @default 0 */
  readonly port?: number;
  /** Initial faults per service, or a controller shared with the caller. */
  readonly faults?: FaultsConfig | FaultController;
  /** Clock for ACRO and DVA (ISO instant). @default estate today 12:00Z advancing in real time */
  readonly now?: () => string;
  /** ACRO: delay before a newly submitted request is answered. @default 120000 */
  readonly acroAnswerDelayMs?: number;
  /** ACRO: every Nth newly submitted request is never answered. @default 0 */
  readonly acroNeverAnswerEvery?: number;
}

export interface MockServices {
  readonly url: string;
  readonly pncUrl: string;
  readonly acroUrl: string;
  readonly dvaUrl: string;
  readonly faults: FaultController;
  close(): Promise<void>;
}

async function readJson<T>(estateDir: string, file: string, service: string): Promise<T> {
  const path = join(estateDir, 'services', file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`Mock ${service} has no data: ${path} is missing or unreadable (generate an estate with \`npm run estate\`).`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Mock ${service} data ${path} is not valid JSON; regenerate the estate.`);
  }
}

/** All handlers the loopback server answers with (also handy for a combined setupServer). */
export function createMockServiceHandlers(
  data: { pnc: PncData; acro: AcroData; dva: DvaData },
  faults: FaultController,
  options: Pick<MockServicesOptions, 'now' | 'acroAnswerDelayMs' | 'acroNeverAnswerEvery'> = {},
): RequestHandler[] {
  return [
    ...createFaultAdminHandlers(faults),
    ...createPncHandlers(data.pnc, { faults }),
    ...createAcroHandlers(data.acro, { faults, now: options.now, answerDelayMs: options.acroAnswerDelayMs, neverAnswerEvery: options.acroNeverAnswerEvery }),
    ...createDvaHandlers(data.dva, { faults, now: options.now }),
  ];
}

function toFetchRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value == null) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined,
    duplex: hasBody ? 'half' : undefined,
  } as RequestInit & { duplex?: 'half' });
}

async function writeFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  if (response.type === 'error') {
    // msw's network error: drop the connection, as an unreachable service would.
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const body = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
    body.on('error', reject);
    res.on('close', resolve);
    body.pipe(res);
  });
}

export async function startMockServices(opts: MockServicesOptions): Promise<MockServices> {
  // Read in parallel, but report a missing file in a fixed order (PNC, ACRO, DVA), not whichever
  // read happened to fail first.
  const [pncRead, acroRead, dvaRead] = await Promise.allSettled([
    readJson<PncData>(opts.estateDir, 'pnc.json', 'PNC'),
    readJson<AcroData>(opts.estateDir, 'acro.json', 'ACRO'),
    readJson<DvaData>(opts.estateDir, 'dva.json', 'DVA'),
  ]);
  if (pncRead.status === 'rejected') throw pncRead.reason;
  if (acroRead.status === 'rejected') throw acroRead.reason;
  if (dvaRead.status === 'rejected') throw dvaRead.reason;
  const [pnc, acro, dva] = [pncRead.value, acroRead.value, dvaRead.value];
  const faults = opts.faults instanceof FaultController ? opts.faults : new FaultController(opts.faults ?? {});
  const handlers = createMockServiceHandlers({ pnc, acro, dva }, faults, opts);
  const host = opts.host ?? '127.0.0.1';
  const inFlight = new Set<AbortController>();
  let origin = '';

  const server = createServer((req, res) => {
    const controller = new AbortController();
    inFlight.add(controller);
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
      inFlight.delete(controller);
    });
    void (async () => {
      try {
        const response = await getResponse(handlers, toFetchRequest(req, origin, controller.signal));
        if (controller.signal.aborted) return;
        if (!response) {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'NOT_FOUND', message: `no mock service answers ${req.method} ${req.url}` }));
          return;
        }
        await writeFetchResponse(response, res);
      } catch (error) {
        if (res.headersSent) res.destroy();
        else {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: 'MOCK_FAILURE', message: error instanceof Error ? error.message : String(error) }));
        }
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  origin = `http://${hostInUrl}:${port}`;

  return {
    url: origin,
    pncUrl: `${origin}/pnc`,
    acroUrl: `${origin}/acro`,
    dvaUrl: `${origin}/dva`,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const c of inFlight) c.abort();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
