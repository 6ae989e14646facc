/**
 * A small fetch client shared by the HTTP legacy adapters (PNC, ACRO, DVA): a base URL, a per-call
 * timeout enforced with an AbortSignal (covering the whole answer, body included), and errors that
 * name the source and the operation — never the URL, which can carry personal identifiers:
 *
 * - no answer in time          → SourceUnavailableError code SOURCE_TIMEOUT
 * - connection refused / reset → SourceUnavailableError code SOURCE_UNAVAILABLE
 * - an unexpected HTTP status  → SourceUnavailableError code SOURCE_UNAVAILABLE
 * - a body that cannot be read → SourceUnavailableError code SOURCE_MALFORMED_RESPONSE (`malformed`)
 */
import type { SourceName } from '../../src/domain/common.js';
import { SourceUnavailableError } from '../../src/domain/errors.js';

export interface HttpClientOptions {
  readonly source: SourceName;
  /** e.g. `http://127.0.0.1:4010/pnc` (a trailing slash is ignored). */
  readonly baseUrl: string;
  /** Default per-call timeout. @default 5000 */
  readonly timeoutMs?: number;
  /** For tests; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

export interface HttpCall {
  /** Short name of what is being done, for errors and logs, e.g. "batch enquiry". No personal data. */
  readonly operation: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Statuses that count as an answer. @default any 2xx */
  readonly accept?: readonly number[];
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export interface HttpClient {
  readonly source: SourceName;
  readonly baseUrl: string;
  /** Call `path` (beginning with `/`) below the base URL and read the whole body. */
  request(path: string, call: HttpCall): Promise<HttpAnswer>;
  /** As `request`, then parse the body as JSON (malformed JSON → SOURCE_MALFORMED_RESPONSE). */
  json(path: string, call: HttpCall): Promise<{ readonly status: number; readonly body: unknown }>;
}

/** The error for an answer the adapter cannot read. */
export function malformed(source: SourceName, operation: string, problem: string): SourceUnavailableError {
  return new SourceUnavailableError(source, `${operation}: malformed response (${problem})`, 'SOURCE_MALFORMED_RESPONSE');
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { source } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const defaultTimeout = options.timeoutMs ?? 5000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  try {
    new URL(baseUrl);
  } catch {
    throw new Error(`${source}: base URL "${options.baseUrl}" is not a URL; example: http://127.0.0.1:4010/${source}`);
  }

  async function request(path: string, call: HttpCall): Promise<HttpAnswer> {
    const timeoutMs = call.timeoutMs ?? defaultTimeout;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
    const failed = (error: unknown): never => {
      if (timeout.aborted) throw new SourceUnavailableError(source, `${call.operation}: no answer within ${timeoutMs} ms`, 'SOURCE_TIMEOUT');
      if (call.signal?.aborted) throw new SourceUnavailableError(source, `${call.operation}: cancelled`);
      const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new SourceUnavailableError(source, `${call.operation}: ${cause}`);
    };
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { method: call.method ?? 'GET', body: call.body, headers: call.headers, signal });
    } catch (error) {
      return failed(error);
    }
    let text: string;
    try {
      // Race the body against the signal too: not every fetch implementation (msw's interceptor
      // among them) stops a body that is still arriving when the signal aborts.
      text = await Promise.race([response.text(), rejectOnAbort(signal)]);
    } catch (error) {
      return failed(error);
    }
    const ok = call.accept ? call.accept.includes(response.status) : response.status >= 200 && response.status < 300;
    if (!ok) throw new SourceUnavailableError(source, `${call.operation}: HTTP ${response.status}`);
    return { status: response.status, headers: response.headers, text };
  }

  return {
    source,
    baseUrl,
    request,
    async json(path, call) {
      const answer = await request(path, { ...call, headers: { accept: 'application/json', ...(call.body ? { 'content-type': 'application/json' } : {}), ...call.headers } });
      try {
        return { status: answer.status, body: JSON.parse(answer.text) as unknown };
      } catch {
        throw malformed(source, call.operation, 'body is not valid JSON');
      }
    },
  };
}
