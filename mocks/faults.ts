/**
 * Fault injection for the mock HTTP services (PNC, ACRO, DVA), so the gateway's handling of a
 * misbehaving legacy service can be tested and demonstrated: added latency, error statuses,
 * requests that are never answered until the caller gives up (aborts), and malformed (truncated)
 * bodies. Every fault is deterministic — every Nth request, or a rate drawn from a seeded stream —
 * so a test that sees a fault once sees it every run.
 *
 * One `FaultController` serves all three services; settings are given at creation and can be
 * changed at runtime with `POST <any base>/_admin/faults` (see `createFaultAdminHandlers`).
 */
import { http, HttpResponse } from 'msw';
import { Rng } from './estate/rng.js';

export const MOCK_SERVICES = ['pnc', 'acro', 'dva'] as const;
export type MockServiceName = (typeof MOCK_SERVICES)[number];

export interface FaultSettings {
  /** Milliseconds added before every answer. @default 0 */
  readonly latencyMs?: number;
  /** Status of an injected error. @default 503 */
  readonly errorStatus?: number;
  /** Every Nth request of this service (1-based count) answers `errorStatus`. */
  readonly errorEvery?: number;
  /** Share (0–1) of requests answering `errorStatus`, drawn from the seeded stream. */
  readonly errorRate?: number;
  /** Every Nth request is never answered until the caller aborts. */
  readonly timeoutEvery?: number;
  /** Share (0–1) of requests never answered until aborted. */
  readonly timeoutRate?: number;
  /** Every Nth request answers a truncated body (broken XML / JSON). */
  readonly malformedEvery?: number;
  /** Share (0–1) of requests answering a truncated body. */
  readonly malformedRate?: number;
  /** Seed of the stream the rates draw from. @default 1 */
  readonly seed?: number;
}

export type FaultsConfig = Partial<Record<MockServiceName, FaultSettings>>;

export type FaultKind = 'timeout' | 'error' | 'malformed';

export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault: FaultKind | null;
  readonly errorStatus: number;
}

export interface ServiceFaultStats {
  readonly requests: number;
  readonly timeout: number;
  readonly error: number;
  readonly malformed: number;
}

const NUMERIC_KEYS = ['latencyMs', 'errorStatus', 'errorEvery', 'errorRate', 'timeoutEvery', 'timeoutRate', 'malformedEvery', 'malformedRate', 'seed'] as const;

/** Problems with a settings object, one sentence each (empty when valid). */
export function validateFaultSettings(service: string, value: unknown): string[] {
  if (value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [`faults for "${service}" must be an object or null`];
  const problems: string[] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!(NUMERIC_KEYS as readonly string[]).includes(key)) {
      problems.push(`unknown fault setting "${service}.${key}" (known: ${NUMERIC_KEYS.join(', ')})`);
    } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      problems.push(`"${service}.${key}" must be a non-negative number, got ${JSON.stringify(v)}`);
    } else if (key.endsWith('Rate') && v > 1) {
      problems.push(`"${service}.${key}" is a share and must be between 0 and 1, got ${v}`);
    } else if (key === 'errorStatus' && (v < 400 || v > 599 || !Number.isInteger(v))) {
      problems.push(`"${service}.errorStatus" must be an HTTP error status 400–599, got ${v}`);
    } else if (key.endsWith('Every') && !Number.isInteger(v)) {
      problems.push(`"${service}.${key}" must be a whole number, got ${v}`);
    }
  }
  return problems;
}

interface ServiceState {
  settings: FaultSettings;
  rng: Rng;
  requests: number;
  injected: Record<FaultKind, number>;
}

export class FaultController {
  private readonly state = new Map<MockServiceName, ServiceState>();

  constructor(initial: FaultsConfig = {}) {
    for (const s of MOCK_SERVICES) this.set(s, initial[s] ?? {});
  }

  /** Replace one service's settings; its request count and random stream restart. */
  set(service: MockServiceName, settings: FaultSettings): void {
    const problems = validateFaultSettings(service, settings);
    if (problems.length > 0) throw new Error(`Invalid fault settings: ${problems.join('; ')}`);
    this.state.set(service, { settings: { ...settings }, rng: new Rng(`faults:${service}:${settings.seed ?? 1}`), requests: 0, injected: { timeout: 0, error: 0, malformed: 0 } });
  }

  /** Clear every fault. */
  reset(): void {
    for (const s of MOCK_SERVICES) this.set(s, {});
  }

  settings(): FaultsConfig {
    return Object.fromEntries(MOCK_SERVICES.map((s) => [s, { ...this.get(s).settings }]));
  }

  stats(service: MockServiceName): ServiceFaultStats {
    const st = this.get(service);
    return { requests: st.requests, ...st.injected };
  }

  /** Count one request of `service` and decide what (if anything) goes wrong with it. */
  decide(service: MockServiceName): FaultDecision {
    const st = this.get(service);
    const n = ++st.requests;
    const s = st.settings;
    // Always three draws per request, so one setting never shifts another's sequence.
    const draws = [st.rng.next(), st.rng.next(), st.rng.next()] as const;
    const hit = (every: number | undefined, rate: number | undefined, draw: number) =>
      (every != null && every > 0 && n % every === 0) || (rate != null && draw < rate);
    let fault: FaultKind | null = null;
    if (hit(s.timeoutEvery, s.timeoutRate, draws[0])) fault = 'timeout';
    else if (hit(s.errorEvery, s.errorRate, draws[1])) fault = 'error';
    else if (hit(s.malformedEvery, s.malformedRate, draws[2])) fault = 'malformed';
    if (fault) st.injected[fault]++;
    return { latencyMs: s.latencyMs ?? 0, fault, errorStatus: s.errorStatus ?? 503 };
  }

  private get(service: MockServiceName): ServiceState {
    const st = this.state.get(service);
    if (!st) throw new Error(`Unknown mock service "${service}"`);
    return st;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/** Resolves only when the request is aborted (the caller timed out or went away). */
function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The first part of a body: a cut-off XML or JSON document no parser accepts. */
async function truncated(response: Response): Promise<Response> {
  const text = await response.text();
  const cut = text.slice(0, Math.max(1, Math.floor(text.length * 0.6)));
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(cut, { status: response.status, headers });
}

/**
 * Wrap a handler's resolver with `service`'s faults. Without a controller the resolver is returned
 * unchanged.
 */
export function withFaults<Info extends { request: Request }>(
  faults: FaultController | undefined,
  service: MockServiceName,
  resolver: (info: Info) => Response | Promise<Response>,
): (info: Info) => Promise<Response> {
  return async (info) => {
    if (!faults) return resolver(info);
    const decision = faults.decide(service);
    const signal = info.request.signal;
    await sleep(decision.latencyMs, signal);
    if (decision.fault === 'timeout') {
      await untilAborted(signal);
      return HttpResponse.error();
    }
    if (decision.fault === 'error') {
      return HttpResponse.json({ error: 'INJECTED_FAULT', message: `${service} is unavailable (injected fault)` }, { status: decision.errorStatus });
    }
    const response = await resolver(info);
    return decision.fault === 'malformed' ? truncated(response) : response;
  };
}

/**
 * `GET <any base>/_admin/faults` answers the current settings; `POST <any base>/_admin/faults` with
 * `{ "pnc": { "errorEvery": 3 }, "acro": null }` replaces the named services' settings (null
 * clears them) and answers the new settings; `DELETE <any base>/_admin/faults` clears everything.
 */
export function createFaultAdminHandlers(faults: FaultController) {
  return [
    http.get('*/_admin/faults', () => HttpResponse.json(faults.settings())),
    http.delete('*/_admin/faults', () => {
      faults.reset();
      return HttpResponse.json(faults.settings());
    }),
    http.post('*/_admin/faults', async ({ request }) => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return HttpResponse.json({ error: 'BAD_REQUEST', message: 'body must be JSON, e.g. {"pnc":{"errorEvery":3}}' }, { status: 400 });
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        return HttpResponse.json({ error: 'BAD_REQUEST', message: 'body must be an object keyed by service (pnc, acro, dva)' }, { status: 400 });
      }
      const problems: string[] = [];
      for (const [service, value] of Object.entries(body)) {
        if (!(MOCK_SERVICES as readonly string[]).includes(service)) problems.push(`unknown service "${service}" (known: ${MOCK_SERVICES.join(', ')})`);
        else problems.push(...validateFaultSettings(service, value));
      }
      if (problems.length > 0) return HttpResponse.json({ error: 'BAD_REQUEST', message: problems.join('; ') }, { status: 400 });
      for (const [service, value] of Object.entries(body as Record<string, FaultSettings | null>)) {
        faults.set(service as MockServiceName, value ?? {});
      }
      return HttpResponse.json(faults.settings());
    }),
  ];
}
