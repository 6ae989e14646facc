/**
 * The first query surface: the `sources` health query over every registered source, a failing
 * service showing up as unreachable with its last error, and a lookup by source key for each
 * registered source, with the source named in the request log line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceName } from '../../src/domain/common.js';
import { SOURCES } from '../../src/sources/registry.js';
import { createTestGateway, headersFor, type TestGateway } from '../support/gateway.js';
import { LOOKUPS, lookupOf, readTruth, variablesFor, type TruthRow } from './lookups.js';

let gw: TestGateway;
let truth: TruthRow[];
beforeAll(async () => {
  gw = await createTestGateway();
  truth = readTruth(gw.estateDir);
});
afterAll(() => gw?.close());

const registered: Array<{ name: SourceName; title: string }> = SOURCES.map((s) => ({ name: s.name, title: s.title }));

interface Status {
  name: string;
  title: string;
  reachable: boolean;
  latencyMs: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

async function statuses(): Promise<Status[]> {
  const res = await gw.request('{ sources { name title reachable latencyMs lastError lastErrorAt } }');
  expect(res.body.errors).toBeUndefined();
  return (res.body.data as { sources: Status[] }).sources;
}

describe('sources query', () => {
  it('reports every registered source as reachable on the embedded estate', async () => {
    const list = await statuses();
    expect(list.map((s) => ({ name: s.name, title: s.title }))).toEqual(registered);
    for (const s of list) {
      expect(s, s.name).toMatchObject({ reachable: true, lastError: null, lastErrorAt: null });
      expect(s.latencyMs, s.name).toBeGreaterThanOrEqual(0);
    }
  });

  const httpSources = registered.filter((s) => s.name === 'pnc' || s.name === 'acro' || s.name === 'dva');
  it.skipIf(httpSources.length === 0)('shows a failing mock service as unreachable, with its last error kept after recovery', async () => {
    const name = httpSources[0]!.name as 'pnc' | 'acro' | 'dva';
    gw.mocks.faults.set(name, { errorEvery: 1, errorStatus: 503 });
    try {
      const down = (await statuses()).find((s) => s.name === name)!;
      expect(down.reachable).toBe(false);
      expect(down.latencyMs).toBeNull();
      expect(down.lastError).toMatch(/\S/);
      expect(down.lastErrorAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    } finally {
      gw.mocks.faults.reset();
    }
    const up = (await statuses()).find((s) => s.name === name)!;
    expect(up.reachable).toBe(true);
    expect(up.lastError).toMatch(/\S/);
  });
});

describe('lookup by source key', () => {
  it.for(registered.map((s) => s.name))('%s: finds a record by its key and logs the source call', async (name, ctx) => {
    const entry = LOOKUPS[name];
    expect(entry, `test/runtime/lookups.ts has no entry for source "${name}"`).toBeDefined();
    if (entry && 'none' in entry) {
      console.warn(`[sources] ${name}: no lookup to test: ${entry.none}`);
      ctx.skip();
      return;
    }
    const lookup = lookupOf(name)!;
    const row = truth.find((t) => t.source === name);
    expect(row, `the test estate has no ${name} record`).toBeDefined();
    const headers = lookup.actAs ? await headersFor(lookup.actAs(row!.key, gw.estateDir)) : {};
    const res = await gw.request(lookup.query, variablesFor(lookup, row!.key), headers);
    expect(res.body.errors).toBeUndefined();
    const record = res.body.data?.[lookup.field] as { ref?: unknown } | null;
    expect(record?.ref).toEqual({ source: name, key: row!.key });

    const line = gw.logs.find((l) => l.msg === 'graphql request' && l.requestId === res.headers.get('x-request-id'));
    expect((line?.sources as Record<string, { calls: number }>)[name]?.calls).toBeGreaterThanOrEqual(1);
  });

  it.for(registered.map((s) => s.name))('%s: an unknown key is not found (null, or NOT_FOUND naming the source)', async (name, ctx) => {
    const lookup = lookupOf(name);
    if (!lookup) {
      ctx.skip();
      return;
    }
    const headers = lookup.actAs ? await headersFor(lookup.actAs('MPS/ZZNOSUCHKEY999', gw.estateDir)) : {};
    const res = await gw.request(lookup.query, variablesFor(lookup, 'MPS/ZZNOSUCHKEY999'), headers);
    expect(res.body.data?.[lookup.field] ?? null).toBeNull();
    for (const error of res.body.errors ?? []) {
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', source: name, requestId: res.headers.get('x-request-id') });
    }
  });
});
