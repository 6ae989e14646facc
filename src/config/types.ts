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
