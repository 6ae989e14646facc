/**
 * The validated configuration. `loadConfig` (load.ts) builds it from environment variables (and an
 * optional `.env`); every variable is documented in the README's configuration table.
 */
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
}
