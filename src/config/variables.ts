/**
 * Every environment variable the gateway reads, as data: the loader quotes `example` in its error
 * lines, and a test checks that the README's configuration table lists each one.
 */
export interface ConfigVariable {
  readonly name: string;
  /** What it sets, in one line. */
  readonly meaning: string;
  /** The default, in words. */
  readonly default: string;
  /** A valid value, quoted in error messages. */
  readonly example: string;
}

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
] satisfies ConfigVariable[]);

export function exampleOf(name: string): string {
  const v = CONFIG_VARIABLES.find((c) => c.name === name);
  return v ? `${name}=${v.example}` : name;
}
