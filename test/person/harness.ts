/**
 * The whole gateway for the person-view tests, over HTTP: `createTestGateway` (the suite's synthetic
 * estate, the embedded PNC/ACRO/DVA mock services on loopback, every registered source, the person
 * index built from the sources' `scanFragments()` at boot, authentication, policy and audit), asked
 * as a demo identity with a signed token and a stated purpose (`headersFor`). The source calls a
 * request made come from its request log line (the runtime's RequestScope tracking).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MockServices } from '../../mocks/server.js';
import type { Purpose } from '../../src/auth/principal.js';
import type { SourceCallStats } from '../../src/context/sourceCalls.js';
import type { SourceName } from '../../src/domain/common.js';
import { openPersonIndexStore, type PersonIndexStore } from '../../src/store/personStore.js';
import { createTestGateway, headersFor, type TestGateway } from '../support/gateway.js';

export interface Asker {
  /** Demo identity id (src/auth/demoIdentities.ts). */
  readonly identity: string;
  readonly purpose: Purpose;
}

export const CASEWORKER: Asker = { identity: 'cc-liverpool', purpose: 'IMMIGRATION_CASEWORK' };

export interface ClientError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions: { readonly code: string; readonly source?: string | null; readonly [k: string]: unknown };
}

export interface PersonResult {
  readonly status: number;
  readonly data: Record<string, unknown> | null;
  readonly errors: readonly ClientError[];
  /** Source calls this request made (from its request log line). */
  readonly sourceCalls: Partial<Record<SourceName, SourceCallStats>>;
}

export interface PersonHarness {
  readonly estateDir: string;
  readonly mocks: MockServices;
  readonly gateway: TestGateway;
  /** The person index store the gateway built (read-only use in tests). */
  readonly store: PersonIndexStore;
  request(query: string, variables?: Record<string, unknown>, as?: Asker): Promise<PersonResult>;
  /** source/key → true person id, from the estate's truth/records.tsv. */
  truthRecords(): Array<{ source: SourceName; key: string; truePersonId: string }>;
  close(): Promise<void>;
}

export async function createPersonHarness(
  options: { readonly persons?: number; readonly seed?: number; readonly env?: Readonly<Record<string, string>> } = {},
): Promise<PersonHarness> {
  const gw = await createTestGateway(options);
  const store = await openPersonIndexStore(gw.config.gatewayDatabaseUrl);
  const headers = new Map<string, Record<string, string>>();
  return {
    estateDir: gw.estateDir,
    mocks: gw.mocks,
    gateway: gw,
    store,
    async request(query, variables = {}, as = CASEWORKER) {
      const key = `${as.identity}|${as.purpose}`;
      let h = headers.get(key);
      if (!h) {
        h = await headersFor(as.identity, as.purpose);
        headers.set(key, h);
      }
      const res = await gw.request(query, variables, h);
      const requestId = res.headers.get('x-request-id');
      const line = gw.logs.find((l) => l.requestId === requestId && l.msg === 'graphql request');
      return {
        status: res.status,
        data: (res.body.data as Record<string, unknown> | null | undefined) ?? null,
        errors: (res.body.errors ?? []) as readonly ClientError[],
        sourceCalls: ((line?.sources as Partial<Record<SourceName, SourceCallStats>> | undefined) ?? {}),
      };
    },
    truthRecords() {
      const text = readFileSync(join(gw.estateDir, 'truth', 'records.tsv'), 'utf8');
      return text
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('source\t'))
        .map((l) => {
          const [source, key, truePersonId] = l.split('\t');
          return { source: source as SourceName, key: key!, truePersonId: truePersonId! };
        });
    },
    async close() {
      await store.close();
      await gw.close();
    },
  };
}
