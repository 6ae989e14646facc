/**
 * The whole gateway for the person-view tests: the suite's synthetic estate (test/support/gateway.ts
 * `testEstate`), the embedded PNC/ACRO/DVA mock services on loopback, every registered source, the
 * person index built from the sources' `scanFragments()` as at start-up (src/context/identity.ts),
 * the assembled schema, and one context per request with a demo identity's policy and an audit
 * collector (src/policy, src/audit).
 *
 * Requests go over HTTP through `createTestGateway` once authentication is wired into the request
 * context (the configuration then has `auth`, and a demo identity's token is sent); until then they
 * are executed in process on exactly the same runtime pieces, with the context built the way the
 * HTTP handler builds it plus the policy context. Both ways return the errors as clients see them
 * (`extensions.code`, and the failed source).
 */
import { execute, parse, type GraphQLError } from 'graphql';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startMockServices, type MockServices } from '../../mocks/server.js';
import { createAuditCollector, type AuditCollector } from '../../src/audit/collector.js';
import { demoIdentity } from '../../src/auth/demoIdentities.js';
import type { Purpose } from '../../src/auth/principal.js';
import { loadConfig, formatProblem } from '../../src/config/load.js';
import { createContext } from '../../src/context/create.js';
import { attachIdentity, openIdentity } from '../../src/context/identity.js';
import type { SourceCallStats } from '../../src/context/sourceCalls.js';
import type { SourceName } from '../../src/domain/common.js';
import type { IdentityService } from '../../src/identity/loaders.js';
import { createPolicyContext } from '../../src/policy/context.js';
import { buildGatewaySchema } from '../../src/schema/build.js';
import { toSourcesConfig } from '../../src/server/boot.js';
import { classifyError } from '../../src/server/errorClassification.js';
import { openSources, type SourceRuntime } from '../../src/server/sourceRuntime.js';
import { testEstate } from '../support/gateway.js';

export interface Asker {
  /** Demo identity id (src/auth/demoIdentities.ts). */
  readonly identity: string;
  readonly purpose: Purpose;
}

export const CASEWORKER: Asker = { identity: 'cc-liverpool', purpose: 'IMMIGRATION_CASEWORK' };

export interface ClientError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions: { readonly code: string; readonly source: string | null; readonly [k: string]: unknown };
}

export interface PersonResult {
  readonly data: Record<string, unknown> | null;
  readonly errors: readonly ClientError[];
  /** Source calls this request made (the runtime's RequestScope tracking). */
  readonly sourceCalls: Partial<Record<SourceName, SourceCallStats>>;
  readonly audit: AuditCollector;
}

export interface PersonHarness {
  readonly estateDir: string;
  readonly mocks: MockServices;
  readonly identity: IdentityService;
  request(query: string, variables?: Record<string, unknown>, as?: Asker): Promise<PersonResult>;
  /** source/key → true person id, from the estate's truth/records.tsv. */
  truthRecords(): Array<{ source: SourceName; key: string; truePersonId: string }>;
  close(): Promise<void>;
}

function clientError(e: GraphQLError): ClientError {
  const c = classifyError(e);
  return { message: e.message, ...(e.path ? { path: e.path } : {}), extensions: { ...(e.extensions ?? {}), code: c.code, source: c.source } };
}

export async function createPersonHarness(options: { readonly persons?: number; readonly seed?: number } = {}): Promise<PersonHarness> {
  const estateDir = await testEstate(options);
  const work = mkdtempSync(join(tmpdir(), 'pcv-person-'));
  const loaded = loadConfig({ HOST: '127.0.0.1', PORT: '0', ESTATE_DIR: estateDir, GATEWAY_DATABASE_URL: `sqlite:${join(work, 'gateway.sqlite')}` });
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const config = loaded.config;
  const logger = pino({ level: 'silent' });
  const mocks = await startMockServices({ estateDir, port: 0 });
  let runtime: SourceRuntime | null = null;
  try {
    runtime = openSources(toSourcesConfig(config, { pnc: mocks.pncUrl, acro: mocks.acroUrl, dva: mocks.dvaUrl }));
    const identity = await openIdentity({ storeUrl: config.gatewayDatabaseUrl, runtime, logger });
    attachIdentity(runtime, identity);
    const schema = buildGatewaySchema();
    const rt = runtime;
    let n = 0;
    return {
      estateDir,
      mocks,
      identity,
      async request(query, variables = {}, as = CASEWORKER) {
        const principal = demoIdentity(as.identity);
        if (!principal) throw new Error(`no demo identity "${as.identity}"`);
        const requestId = `person-test-${++n}`;
        const audit = createAuditCollector({ requestId });
        const policy = createPolicyContext(principal, as.purpose);
        audit.setPolicy(policy);
        const contextValue = createContext({ runtime: rt, requestId, logger, policy, audit });
        const result = await execute({ schema, document: parse(query), contextValue, variableValues: variables });
        return {
          data: (result.data as Record<string, unknown> | null | undefined) ?? null,
          errors: (result.errors ?? []).map(clientError),
          sourceCalls: contextValue.sourceCalls.summary(),
          audit,
        };
      },
      truthRecords() {
        const text = readFileSync(join(estateDir, 'truth', 'records.tsv'), 'utf8');
        return text
          .split('\n')
          .filter((l) => l.trim() !== '' && !l.startsWith('source\t'))
          .map((l) => {
            const [source, key, truePersonId] = l.split('\t');
            return { source: source as SourceName, key: key!, truePersonId: truePersonId! };
          });
      },
      async close() {
        await identity.store.close();
        await rt.close();
        await mocks.close();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await runtime?.close();
    await mocks.close();
    throw error;
  }
}
