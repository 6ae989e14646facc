/**
 * A real gateway for integration tests: a small synthetic estate (generated once per test file into
 * a temp folder), the embedded mock services on loopback, and the gateway on a free port, booted by
 * the same code as `npm start` (src/server/boot.ts). Log lines are captured in memory.
 *
 *   const gw = await createTestGateway();
 *   const res = await gw.request('{ sources { name reachable } }');
 *   await gw.close();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estateExists, generateEstate } from '../../mocks/estate/generate.js';
import type { MockServices } from '../../mocks/server.js';
import { demoIdentity } from '../../src/auth/demoIdentities.js';
import { loadAuthConfig } from '../../src/auth/keys.js';
import { signToken } from '../../src/auth/sign.js';
import { formatProblem, loadConfig } from '../../src/config/load.js';
import type { GatewayConfig } from '../../src/config/types.js';
import { createLogger } from '../../src/logging/logger.js';
import { bootGateway, type BootedGateway } from '../../src/server/boot.js';

/** Persons in the test estate: big enough to hold every kind of record, small enough to build in seconds. */
export const TEST_ESTATE_PERSONS = 150;
export const TEST_ESTATE_SEED = 42;

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(d);
  return d;
}

const estates = new Map<string, Promise<string>>();

/** The suite's estate folder for (seed, persons), generated on first use and reused after. */
export function testEstate(options: { readonly seed?: number; readonly persons?: number } = {}): Promise<string> {
  const seed = options.seed ?? TEST_ESTATE_SEED;
  const persons = options.persons ?? TEST_ESTATE_PERSONS;
  const key = `${seed}:${persons}`;
  let estate = estates.get(key);
  if (!estate) {
    estate = (async () => {
      const outDir = join(tempDir('pcv-estate-'), 'estate');
      await generateEstate({ outDir, seed, persons });
      if (!(await estateExists(outDir))) throw new Error(`generateEstate wrote no estate into ${outDir}`);
      return outDir;
    })();
    estates.set(key, estate);
  }
  return estate;
}

export interface TestGatewayOptions {
  /** Use this estate folder (generated there when missing); default: the suite's temp estate. */
  readonly estateDir?: string;
  readonly persons?: number;
  readonly seed?: number;
  /** Extra environment variables, as an operator would set them (e.g. PLAYGROUND=false). */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The demo identity (src/auth/demoIdentities.ts) that `request` acts as unless its headers say
   * otherwise, and the purpose it states (default: the identity's first purpose).
   */
  readonly actAs?: string;
  readonly purpose?: string;
}

/** Default test requester: a Criminal Casework caseworker doing casework. */
export const DEFAULT_TEST_IDENTITY = 'cc-croydon';

/**
 * Headers that authenticate as a demo identity with the embedded development key: a signed bearer
 * token, the stated purpose and, when given, a justification.
 */
export async function headersFor(identityId: string, purpose?: string, justification?: string): Promise<Record<string, string>> {
  const who = demoIdentity(identityId);
  if (!who) throw new Error(`no demo identity "${identityId}" (see src/auth/demoIdentities.ts)`);
  const token = await signToken(who, await loadAuthConfig({}), { ttl: '1h' });
  return {
    authorization: `Bearer ${token}`,
    'x-purpose': purpose ?? who.purposes[0]!,
    ...(justification ? { 'x-justification': justification } : {}),
  };
}
export interface LogRecord {
  readonly level: string;
  readonly msg: string;
  readonly requestId?: string;
  readonly [field: string]: unknown;
}

export interface GraphQLHttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: ReadonlyArray<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  };
}

export interface TestGateway {
  /** Base URL, e.g. http://127.0.0.1:41234 (playground at `/`). */
  readonly url: string;
  readonly graphqlUrl: string;
  readonly estateDir: string;
  readonly config: GatewayConfig;
  readonly gateway: BootedGateway;
  /** The embedded mock services (fault controller at `mocks.faults`). */
  readonly mocks: MockServices;
  /** Every log line so far, parsed. */
  readonly logs: LogRecord[];
  /** Every log line so far, as written. */
  logText(): string;
  /** POST a GraphQL operation as JSON, as the suite's identity unless `headers` authenticate otherwise. */
  request(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLHttpResult>;
  close(): Promise<void>;
}

export async function createTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const estateDir = options.estateDir ?? (await testEstate(options));
  const work = tempDir('pcv-gateway-');
  const loaded = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    ESTATE_DIR: estateDir,
    ESTATE_SEED: String(options.seed ?? TEST_ESTATE_SEED),
    ESTATE_PERSONS: String(options.persons ?? TEST_ESTATE_PERSONS),
    GATEWAY_DATABASE_URL: `sqlite:${join(work, 'gateway.sqlite')}`,
    SHUTDOWN_GRACE_MS: '5000',
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const config = loaded.config;

  const written: string[] = [];
  const logs: LogRecord[] = [];
  const logger = createLogger({
    level: config.logLevel,
    destination: {
      write(line: string) {
        written.push(line);
        logs.push(JSON.parse(line) as LogRecord);
      },
    },
  });
  const gateway = await bootGateway(config, logger);
  if (!gateway.mocks) {
    await gateway.shutdown('test harness');
    throw new Error('createTestGateway needs the embedded mock services (leave PNC_URL, ACRO_URL and DVA_URL unset)');
  }
  const mocks = gateway.mocks;
  const defaultHeaders = await headersFor(options.actAs ?? DEFAULT_TEST_IDENTITY, options.purpose);

  return {
    url: gateway.url,
    graphqlUrl: gateway.graphqlUrl,
    estateDir,
    config,
    gateway,
    mocks,
    logs,
    logText: () => written.join(''),
    async request(query, variables, headers = {}) {
      const res = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...defaultHeaders, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: GraphQLHttpResult['body'];
      try {
        body = JSON.parse(text) as GraphQLHttpResult['body'];
      } catch {
        throw new Error(`gateway answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
      }
      return { status: res.status, headers: res.headers, body };
    },
    close: () => gateway.shutdown('test finished'),
  };
}
