/**
 * Test fixture for the workflow: a small generated population rendered into CID and the three
 * custody databases (SQLite files, or unique PostgreSQL schemas), a fresh workflow store beside
 * them, and callers built from the demo identities' shapes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCidTo, type RenderedCid } from '../../adapters/cid/testing/renderToDatabase.js';
import { createCidWorkflowAdapter, type CidWorkflowAdapter } from '../../adapters/cid/writeAdapter.js';
import { createCustodyAdapter, type CustodyAdapter } from '../../adapters/custody/adapter.js';
import { renderCustodyEstate, type RenderedCustody } from '../../adapters/custody/custody.testkit.js';
import type { Population } from '../../mocks/estate/model.js';
import { DEFAULT_NOISE } from '../../mocks/estate/noise.js';
import { generatePopulation } from '../../mocks/estate/population.js';
import { createAuditCollector, type AuditCollector } from '../../src/audit/collector.js';
import type { Principal } from '../../src/auth/principal.js';
import { openDatabase } from '../../src/db/connect.js';
import { createPolicyContext } from '../../src/policy/context.js';
import type { Purpose } from '../../src/auth/principal.js';
import { createWorkflowService, type WorkflowService } from '../../src/workflow/service.js';
import { openWorkflowStore, type WorkflowStore } from '../../src/workflow/store.js';
import type { Caller } from '../../src/workflow/types.js';
import type { CrashPoints } from '../../src/workflow/outbox.js';
import { WorkflowError } from '../../src/workflow/errors.js';
import { dropSchema, pgUrlWithSchema, uniqueSchema } from '../support/postgres.js';

export type Engine = 'sqlite' | 'postgres';

export const ESTATE_TODAY = '2017-03-01';
export const population: Population = generatePopulation({ seed: 7, persons: 220, today: ESTATE_TODAY, noise: DEFAULT_NOISE });

export interface WorkflowFixture {
  readonly engine: Engine;
  readonly cidUrl: string;
  readonly storeUrl: string;
  readonly custodyUrls: RenderedCustody['urls'];
  readonly custody: CustodyAdapter;
  /** The clock the services read; tests move it. */
  clock: Date;
  /** A new service over the same databases (as after a restart). */
  service(options?: { crash?: CrashPoints; cid?: CidWorkflowAdapter }): Promise<WorkflowService>;
  /** A writable CID handle for assertions. */
  cidDb(): ReturnType<typeof openDatabase>;
  cleanup(): Promise<void>;
}

export async function createWorkflowFixture(engine: Engine): Promise<WorkflowFixture> {
  const cid: RenderedCid = await renderCidTo(engine, population, 11);
  const custodyRendered = await renderCustodyEstate(population, engine);
  let storeUrl: string;
  let dropStore: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pcv-workflow-'));
    storeUrl = `sqlite:${join(dir, 'gateway.sqlite')}`;
    dropStore = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = uniqueSchema('workflow');
    storeUrl = pgUrlWithSchema(schema);
    dropStore = () => dropSchema(schema);
  }
  const custody = createCustodyAdapter(custodyRendered.open());
  const opened: { store: WorkflowStore; cid: CidWorkflowAdapter }[] = [];
  const handles: ReturnType<typeof openDatabase>[] = [];
  const fixture: WorkflowFixture = {
    engine,
    cidUrl: cid.url,
    storeUrl,
    custodyUrls: custodyRendered.urls,
    custody,
    clock: new Date(`${ESTATE_TODAY}T12:00:00Z`),
    async service(options = {}) {
      const store = await openWorkflowStore(storeUrl);
      const cidAdapter = options.cid ?? createCidWorkflowAdapter(openDatabase(cid.url, { poolMax: 2 }));
      opened.push({ store, cid: cidAdapter });
      return createWorkflowService({ store, cid: cidAdapter, custody, now: () => fixture.clock, crash: options.crash, owns: false });
    },
    cidDb() {
      const db = openDatabase(cid.url, { poolMax: 1 });
      handles.push(db);
      return db;
    },
    async cleanup() {
      for (const o of opened) await Promise.allSettled([o.store.close(), o.cid.close()]);
      for (const h of handles) await h.destroy().catch(() => undefined);
      await custody.close();
      await dropStore();
      await cid.cleanup();
      await custodyRendered.cleanup();
    },
  };
  return fixture;
}

let requests = 0;

/** A caller: the principal, the purpose it states, and a fresh audit collector. */
export function caller(principal: Partial<Principal> & Pick<Principal, 'role'>, purpose: Purpose): Caller & { audit: AuditCollector } {
  const p: Principal = {
    userId: `test.${principal.role.toLowerCase()}`,
    displayName: `Test ${principal.role}`,
    organisation: 'HOME_OFFICE',
    purposes: [purpose],
    ...principal,
  };
  const policy = createPolicyContext(p, purpose);
  const audit = createAuditCollector({ requestId: `req-${++requests}` });
  audit.setPolicy(policy);
  return { policy, audit };
}

/** The WorkflowError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function rejects(p: Promise<unknown>): Promise<WorkflowError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
  throw new Error('expected a WorkflowError');
}
