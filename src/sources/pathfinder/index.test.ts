import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../mocks/estate/rng.js';
import type { TruthRecord } from '../../../mocks/estate/model.js';
import { renderPathfinder } from '../../../mocks/estate/render/pathfinder.js';
import { pathfinderFixturePopulation } from '../../../mocks/estate/render/pathfinder.fixture.js';
import type { DataQualityIssue } from '../../domain/common.js';
import type { SourcesConfig } from '../../config/types.js';
import { recordingScope } from '../../../test/support/scope.js';
import { pathfinderSource } from './index.js';

const SDL = ['base.graphql', 'directives.graphql', 'pathfinder.graphql'].map((f) => fs.readFileSync(path.join(import.meta.dirname, '../../../schema', f), 'utf8'));

let outDir: string;
let truth: TruthRecord[];
let schema: GraphQLSchema;

function config(dir: string): SourcesConfig {
  return {
    estateDir: outDir,
    cid: { databaseUrl: 'sqlite::memory:' },
    custody: { databaseUrls: {} },
    pathfinder: { dir },
    pnc: { url: 'http://127.0.0.1:1/pnc' },
    acro: { url: 'http://127.0.0.1:1/acro' },
    dva: { url: 'http://127.0.0.1:1/dva' },
  };
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-pathfinder-gql-'));
  truth = [];
  const population = pathfinderFixturePopulation({ persons: 120 });
  await renderPathfinder({ population, rng: new Rng(5).fork('pathfinder'), outDir, openSql: () => Promise.reject(new Error('no SQL')), truth: { add: (r) => truth.push(r) } });
  schema = makeExecutableSchema({
    typeDefs: SDL,
    resolvers: [
      pathfinderSource.resolvers,
      // base.graphql's DataQualityIssue.records is resolved by the gateway's base resolvers; stand in here.
      { DataQualityIssue: { records: (issue: DataQualityIssue) => issue.refs } },
    ],
  });
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

async function run(dir: string, source: string, variables: Record<string, unknown> = {}) {
  const adapter = pathfinderSource.open(config(dir));
  const scope = recordingScope();
  const contextValue = { requestId: 'test', loaders: { pathfinder: pathfinderSource.createLoaders(adapter, scope) } };
  const result = await graphql({ schema, source, variableValues: variables, contextValue });
  await pathfinderSource.close(adapter);
  return { result, calls: scope.calls };
}

const ROW_FIELDS = `ref { source key } workbook sheet rowNumber caseId caseIdAsTyped name { family given original }
  dateOfBirth { date month asTyped } band barriers barriersAsTyped barriersResolved allocatedOwner
  diary { on { date asTyped } action } cells { column header value } issues { kind field rawValue message records { source key } }`;

describe('pathfinderSource resolvers', () => {
  it('answers pathfinderRows for a case across workbooks in one batched read', async () => {
    const dir = path.join(outDir, 'pathfinder');
    const lplKey = truth.find((t) => t.personId === 'TP0000006' && t.key.startsWith('liverpool#'))!.key;
    const { result: first } = await run(dir, `query($k: ID!) { pathfinderRow(key: $k) { caseId } }`, { k: lplKey });
    const caseId = (first.data as { pathfinderRow: { caseId: string } }).pathfinderRow.caseId;
    const { result, calls } = await run(
      dir,
      `query($a: ID!, $b: ID!) { a: pathfinderRows(caseId: $a) { ${ROW_FIELDS} } b: pathfinderRows(caseId: $b) { ref { key } } }`,
      { a: caseId, b: ` ${caseId.toLowerCase()} ` },
    );
    expect(result.errors).toBeUndefined();
    const data = result.data as { a: { ref: { key: string }; workbook: string; cells: unknown[]; caseId: string }[]; b: { ref: { key: string } }[] };
    expect(data.a.map((r) => r.workbook)).toEqual(expect.arrayContaining(['daily', 'liverpool']));
    expect(data.a.every((r) => r.caseId === caseId && r.cells.length > 0)).toBe(true);
    expect(data.b.map((r) => r.ref.key)).toEqual(data.a.map((r) => r.ref.key));
    // Both spellings share one cache entry: one batch, one key.
    expect(calls).toEqual([{ source: 'pathfinder', operation: 'rowsByCaseIds', keys: [caseId] }]);
  });

  it('shows data-quality issues with the record they came from', async () => {
    const dir = path.join(outDir, 'pathfinder');
    const keys = truth.filter((t) => !t.key.startsWith('daily#')).map((t) => t.key);
    const query = `query { ${keys.map((k, i) => `r${i}: pathfinderRow(key: "${k}") { ref { key } issues { kind field message records { source key } } }`).join(' ')} }`;
    const { result, calls } = await run(dir, query);
    expect(result.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.keys).toHaveLength(keys.length);
    const rows = Object.values(result.data as Record<string, { ref: { key: string }; issues: { field: string; message: string; records: { source: string; key: string }[] }[] }>);
    const withIssues = rows.filter((r) => r.issues.length > 0);
    expect(withIssues.length).toBeGreaterThan(0);
    for (const r of withIssues) for (const i of r.issues) expect(i.records[0]).toEqual({ source: 'pathfinder', key: r.ref.key });
  });

  it('returns null with a NOT_FOUND-coded error for an unknown key', async () => {
    const { result } = await run(path.join(outDir, 'pathfinder'), `{ pathfinderRow(key: "leeds#999999") { caseId } }`);
    expect(result.data).toEqual({ pathfinderRow: null });
    expect(result.errors?.[0]?.message).toBe('No row "leeds#999999" in pathfinder.');
    expect((result.errors?.[0]?.originalError as { code?: string }).code).toBe('NOT_FOUND');
  });

  it('reports each workbook\'s availability, and still answers from the others', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-pathfinder-gql-copy-'));
    for (const f of ['pathfinder-daily.xlsx', 'liverpool-master.xlsx']) fs.copyFileSync(path.join(outDir, 'pathfinder', f), path.join(copy, f));
    try {
      const { result } = await run(copy, `{ pathfinderWorkbooks { workbook file available rows modifiedAt error } pathfinderRow(key: "daily#2") { ref { key } } }`);
      expect(result.errors).toBeUndefined();
      const data = result.data as { pathfinderWorkbooks: { workbook: string; available: boolean; rows: number | null; error: string | null }[]; pathfinderRow: { ref: { key: string } } };
      expect(data.pathfinderWorkbooks.map((w) => [w.workbook, w.available])).toEqual([['daily', true], ['liverpool', true], ['leeds', false]]);
      expect(data.pathfinderWorkbooks[0]!.rows).toBe(truth.filter((t) => t.key.startsWith('daily#')).length);
      expect(data.pathfinderWorkbooks[2]!.error).toMatch(/leeds-master\.xlsx/);
      expect(data.pathfinderRow.ref.key).toBe('daily#2');
      const adapter = pathfinderSource.open(config(copy));
      await expect(pathfinderSource.ping(adapter)).rejects.toThrow(/leeds-master\.xlsx is missing or unreadable/);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
