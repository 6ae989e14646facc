/**
 * The validated configuration. `loadConfig` (load.ts) builds it from environment variables (and an
 * optional `.env`); every variable is documented in the README's configuration table.
 */
import type { SourceName } from '../domain/common.js';

export interface SourcesConfig {
  /** Folder of the generated synthetic estate (embedded default). */
  readonly estateDir: string;
  readonly cid: { readonly databaseUrl: string };
  readonly custody: { readonly databaseUrls: Readonly<Record<string, string>> };
  readonly pathfinder: { readonly dir: string };
  readonly pnc: { readonly url: string };
  readonly acro: { readonly url: string };
  readonly dva: { readonly url: string };
}

/** Pino log levels accepted by LOG_LEVEL. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Where PNC, ACRO and DVA are read from. A URL set by the operator means a real service; `null`
 * means the embedded mock services (started on loopback by src/main.ts) answer for that system.
 */
export interface ServiceUrls {
  readonly pnc: string | null;
  readonly acro: string | null;
  readonly dva: string | null;
}

/** Everything the gateway process needs, validated once at start (src/config/load.ts). */
export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  /** NODE_ENV as given ('production' changes defaults). */
  readonly nodeEnv: string;
  /** The synthetic estate generated on first start when missing (embedded default). */
  readonly estate: { readonly dir: string; readonly seed: number; readonly persons: number };
  /** SQL and folder locations of the sources; service URLs resolved separately (`services`). */
  readonly databases: {
    readonly cid: string;
    readonly custody: Readonly<Record<string, string>>;
  };
  readonly pathfinderDir: string;
  readonly services: ServiceUrls;
  /** Port of the embedded mock services (0 = any free port on loopback). */
  readonly mockServicesPort: number;
  /** The gateway's own store (audit and workflow tables arrive with later features). */
  readonly gatewayDatabaseUrl: string;
  /** Serve the self-hosted GraphiQL at `/` and `/playground`. */
  readonly playground: boolean;
  /** Allow schema introspection (the playground needs it). */
  readonly introspection: boolean;
  /** How long shutdown waits for in-flight requests before closing their connections. */
  readonly shutdownGraceMs: number;
  /**
   * The date the gateway treats as today (GATEWAY_TODAY), or null: then the synthetic estate's own
   * "today" when the gateway runs on it, else the system clock (src/context/clock.ts).
   */
  readonly today: string | null;
  /** Request limits, source resilience and overload protection (README "Limits and resilience"). */
  readonly hardening: HardeningConfig;
}

/**
 * Request limits, checked before any source is read (src/server/limits/). Each has a variable in
 * the README's "Limits and resilience" table.
 */
export interface RequestLimitsConfig {
  /** Largest HTTP request body accepted (bytes). */
  readonly maxBodyBytes: number;
  /** Largest GraphQL document (the `query` text) accepted (bytes, UTF-8). */
  readonly maxQueryBytes: number;
  /** Most lexical tokens in one document. */
  readonly maxTokens: number;
  /** Deepest field nesting in one operation (fragments count as a level, as graphql-armor counts). */
  readonly maxDepth: number;
  /** Most aliases in one operation. */
  readonly maxAliases: number;
  /** Most directives in one operation. */
  readonly maxDirectives: number;
  /** Most fragment definitions in one document. */
  readonly maxFragments: number;
  /** Most introspection lists nested in one another under `__schema` (GraphiQL's query needs 3). */
  readonly maxIntrospectionLists: number;
  /** Most operations in one batched HTTP request (a JSON array); 1 turns batching off. */
  readonly maxBatchOperations: number;
  /** Highest estimated cost of one operation (src/server/limits/costTable.ts). */
  readonly maxCost: number;
  /** Items assumed for a list field without a page-size argument, when costing. */
  readonly defaultListSize: number;
}

/** How one legacy source is called (src/resilience/). */
export interface SourceResilienceConfig {
  /** Budget for one source call, retries included (ms): the answer comes within it. */
  readonly timeoutMs: number;
  /** Extra attempts after a failed idempotent read (0 = none). Writes are never retried. */
  readonly retries: number;
  /** First retry delay (ms); later ones grow exponentially, with jitter. */
  readonly retryBaseMs: number;
  /** Consecutive failed calls that open the circuit. */
  readonly breakerFailures: number;
  /** How long an open circuit waits before letting one probe call through (ms). */
  readonly breakerHalfOpenMs: number;
  /** Calls to this source in flight at once (bulkhead); further calls are refused at once. */
  readonly concurrency: number;
}

/** Overload protection (src/ratelimit/, src/server/limits/loadShedding.ts). */
export interface OverloadConfig {
  /** Requests per user per window; 0 turns rate limiting off. */
  readonly rateLimitRequests: number;
  /** Rate-limit window (ms). */
  readonly rateLimitWindowMs: number;
  /** Per-role request counts per window, overriding `rateLimitRequests` (role → count). */
  readonly rateLimitByRole: Readonly<Record<string, number>>;
  /** Redis URL sharing the rate limits between replicas; null = in memory (this process only). */
  readonly redisUrl: string | null;
  /** GraphQL requests answered at once; beyond it new ones are refused at once with 503. */
  readonly maxInFlight: number;
}

/** Everything src/server/limits, src/resilience and src/ratelimit need. */
export interface HardeningConfig {
  readonly limits: RequestLimitsConfig;
  readonly resilience: Readonly<Record<SourceName, SourceResilienceConfig>>;
  readonly overload: OverloadConfig;
}
