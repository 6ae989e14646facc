/**
 * Every environment variable the gateway reads, as data: the loader quotes `example` in its error
 * lines, and a test checks that the README's configuration table lists each one.
 */
import { AUTH_CONFIG_VARIABLES } from '../auth/keys.js';
import { SOURCE_NAMES } from '../domain/common.js';

export interface ConfigVariable {
  readonly name: string;
  /** What it sets, in one line. */
  readonly meaning: string;
  /** The default, in words. */
  readonly default: string;
  /** A valid value, quoted in error messages. */
  readonly example: string;
}

/** Per-source overrides of the resilience settings, e.g. `PNC_TIMEOUT_MS` (prefix: the source name in capitals). */
export const PER_SOURCE_SETTINGS = ['TIMEOUT_MS', 'RETRIES', 'CONCURRENCY'] as const;

const PER_SOURCE_VARIABLES: ConfigVariable[] = SOURCE_NAMES.flatMap((source) =>
  PER_SOURCE_SETTINGS.map((setting) => ({
    name: `${source.toUpperCase()}_${setting}`,
    meaning: `${setting === 'TIMEOUT_MS' ? 'Call budget' : setting === 'RETRIES' ? 'Retries' : 'Concurrent calls'} for ${source} only (overrides SOURCE_${setting}).`,
    default: `SOURCE_${setting}`,
    example: setting === 'TIMEOUT_MS' ? '2000' : setting === 'RETRIES' ? '1' : '8',
  })),
);

export const CONFIG_VARIABLES: readonly ConfigVariable[] = Object.freeze([
  { name: 'HOST', meaning: 'Interface the gateway listens on.', default: '127.0.0.1', example: '0.0.0.0' },
  { name: 'PORT', meaning: 'TCP port of the gateway (0 = any free port).', default: '4000', example: '4000' },
  { name: 'LOG_LEVEL', meaning: 'pino level: fatal, error, warn, info, debug, trace or silent.', default: 'info', example: 'debug' },
  { name: 'NODE_ENV', meaning: '`production` turns the playground and introspection off by default.', default: 'unset', example: 'production' },
  { name: 'ESTATE_DIR', meaning: 'Folder of the synthetic estate; generated on first start when missing.', default: '.estate', example: '.estate' },
  { name: 'ESTATE_SEED', meaning: 'Seed of the generated estate (same seed, same estate).', default: '42', example: '42' },
  { name: 'ESTATE_PERSONS', meaning: 'Number of true persons in the generated estate.', default: '5000', example: '5000' },
  { name: 'CID_DATABASE_URL', meaning: 'CID database: `sqlite:<file>` or `postgres://…?schema=cid`.', default: 'sqlite:<ESTATE_DIR>/cid.sqlite', example: 'postgres://postgres@127.0.0.1:5432/test?schema=cid' },
  { name: 'CUSTODY_MPS_DATABASE_URL', meaning: 'Metropolitan Police custody database.', default: 'sqlite:<ESTATE_DIR>/custody_mps.sqlite', example: 'postgres://postgres@127.0.0.1:5432/test?schema=custody_mps' },
  { name: 'CUSTODY_WMP_DATABASE_URL', meaning: 'West Midlands Police custody database.', default: 'sqlite:<ESTATE_DIR>/custody_wmp.sqlite', example: 'postgres://postgres@127.0.0.1:5432/test?schema=custody_wmp' },
  { name: 'CUSTODY_WYP_DATABASE_URL', meaning: 'West Yorkshire Police custody database.', default: 'sqlite:<ESTATE_DIR>/custody_wyp.sqlite', example: 'postgres://postgres@127.0.0.1:5432/test?schema=custody_wyp' },
  { name: 'PATHFINDER_DIR', meaning: 'Folder holding the Pathfinder workbook and the hubs\' master spreadsheets.', default: '<ESTATE_DIR>/pathfinder', example: '/srv/pathfinder' },
  { name: 'PNC_URL', meaning: 'Base URL of the PNC service. Set = real service; unset = embedded mock.', default: 'embedded mock on loopback', example: 'http://127.0.0.1:4010/pnc' },
  { name: 'ACRO_URL', meaning: 'Base URL of the ACRO service. Set = real service; unset = embedded mock.', default: 'embedded mock on loopback', example: 'http://127.0.0.1:4010/acro' },
  { name: 'DVA_URL', meaning: 'Base URL of the DVA service. Set = real service; unset = embedded mock.', default: 'embedded mock on loopback', example: 'http://127.0.0.1:4010/dva' },
  { name: 'MOCK_SERVICES_PORT', meaning: 'Loopback port of the embedded PNC/ACRO/DVA mocks (0 = any free port, logged at start).', default: '0', example: '4010' },
  { name: 'GATEWAY_DATABASE_URL', meaning: 'The gateway\'s own store (created if missing).', default: 'sqlite:.data/gateway.sqlite', example: 'postgres://postgres@127.0.0.1:5432/test?schema=gateway' },
  { name: 'PLAYGROUND', meaning: 'Serve the self-hosted GraphiQL at `/` and `/playground` (true/false).', default: 'true, except when NODE_ENV=production', example: 'false' },
  { name: 'INTROSPECTION', meaning: 'Allow schema introspection (true/false); the playground needs it.', default: 'same as PLAYGROUND', example: 'true' },
  { name: 'SHUTDOWN_GRACE_MS', meaning: 'On SIGTERM/SIGINT, how long in-flight requests may finish before connections are closed.', default: '10000', example: '10000' },
  // Limits and resilience (README section "Limits and resilience").
  { name: 'MAX_BODY_BYTES', meaning: 'Largest HTTP request body accepted on /graphql (bytes); larger ones get 413.', default: '102400', example: '102400' },
  { name: 'MAX_QUERY_BYTES', meaning: 'Largest GraphQL document (the `query` text, bytes).', default: '16384', example: '16384' },
  { name: 'MAX_TOKENS', meaning: 'Most lexical tokens in one GraphQL document.', default: '2000', example: '2000' },
  { name: 'MAX_DEPTH', meaning: 'Deepest field nesting of one operation (a fragment spread counts as a level).', default: '12', example: '12' },
  { name: 'MAX_ALIASES', meaning: 'Most aliases in one operation.', default: '15', example: '15' },
  { name: 'MAX_DIRECTIVES', meaning: 'Most directives in one operation.', default: '10', example: '10' },
  { name: 'MAX_FRAGMENTS', meaning: 'Most fragment definitions in one document.', default: '20', example: '20' },
  { name: 'MAX_INTROSPECTION_LISTS', meaning: 'Most introspection lists nested in one another (`types { fields { args } }` is 3, what GraphiQL asks).', default: '3', example: '3' },
  { name: 'MAX_BATCH_OPERATIONS', meaning: 'Most operations in one batched request (a JSON array); 1 turns batching off.', default: '5', example: '5' },
  { name: 'MAX_COST', meaning: 'Highest estimated cost of one operation (source reads weighted per source, lists multiplied).', default: '20000', example: '20000' },
  { name: 'COST_DEFAULT_LIST_SIZE', meaning: 'Items assumed for a list field without a `first`/`limit` argument, when costing.', default: '10', example: '10' },
  { name: 'SOURCE_TIMEOUT_MS', meaning: 'Budget of one source call, retries included; a source answering later is reported as timed out.', default: '3000', example: '3000' },
  { name: 'SOURCE_RETRIES', meaning: 'Extra attempts after a failed read (exponential backoff with jitter); writes are never retried.', default: '2', example: '2' },
  { name: 'SOURCE_RETRY_BASE_MS', meaning: 'First retry delay; later ones double, with jitter.', default: '50', example: '50' },
  { name: 'SOURCE_BREAKER_FAILURES', meaning: 'Consecutive failed calls to a source that open its circuit.', default: '5', example: '5' },
  { name: 'SOURCE_BREAKER_HALF_OPEN_MS', meaning: 'How long an open circuit waits before one probe call is let through.', default: '10000', example: '10000' },
  { name: 'SOURCE_CONCURRENCY', meaning: 'Calls to one source in flight at once (bulkhead); more are refused at once.', default: '16', example: '16' },
  { name: 'GATEWAY_TODAY', meaning: 'Date the gateway treats as today (assessments, reporting schedules, PACE clocks), `YYYY-MM-DD`; set it to the estate\'s day (2017-03-01) to see the synthetic estate as it was.', default: 'the system clock', example: '2017-03-01' },
  ...PER_SOURCE_VARIABLES,
  ...AUTH_CONFIG_VARIABLES,
  { name: 'RATE_LIMIT_REQUESTS', meaning: 'GraphQL requests per user per window (0 = no rate limit).', default: '600', example: '600' },
  { name: 'RATE_LIMIT_WINDOW_MS', meaning: 'Rate-limit window.', default: '60000', example: '60000' },
  { name: 'RATE_LIMIT_ROLES', meaning: 'Per-role requests per window, `ROLE=count` comma-separated (overrides RATE_LIMIT_REQUESTS).', default: 'none', example: 'MI_ANALYST=60,AUDITOR=120' },
  { name: 'REDIS_URL', meaning: 'Redis shared by replicas for rate limits; unset = in memory.', default: 'unset (memory)', example: 'redis://127.0.0.1:6379' },
  { name: 'MAX_IN_FLIGHT', meaning: 'GraphQL requests answered at once; more are refused at once with 503 OVERLOADED.', default: '64', example: '64' },
] satisfies ConfigVariable[]);

export function exampleOf(name: string): string {
  const v = CONFIG_VARIABLES.find((c) => c.name === name);
  return v ? `${name}=${v.example}` : name;
}
