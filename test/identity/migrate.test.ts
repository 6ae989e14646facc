import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/connect.js';
import { appliedVersions, listMigrationFiles, loadMigrations, migrateDown, migrateLatest, type Migration } from '../../src/store/migrate.js';

const noop = async () => undefined;

describe('store migrations', () => {
  it('lists the person-index migration by its YYYYMMDDHHmm-slug name', () => {
    const files = listMigrationFiles();
    expect(files.map((f) => `${f.version}-${f.name}`)).toContain('202611222030-person-index');
  });

  it('rejects duplicate versions, in files and in lists', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    writeFileSync(join(dir, '202601010000-a.ts'), 'export const up = async () => {}; export const down = async () => {};');
    writeFileSync(join(dir, '202601010000-b.ts'), 'export const up = async () => {}; export const down = async () => {};');
    writeFileSync(join(dir, 'notes.md'), 'ignored');
    expect(() => listMigrationFiles(dir)).toThrow(/Duplicate migration version 202601010000: "a" and "b"/);
    const db = openDatabase('sqlite::memory:');
    const dup: Migration[] = [{ version: '1', name: 'a', up: noop, down: noop }, { version: '1', name: 'b', up: noop, down: noop }];
    await expect(migrateLatest(db, dup)).rejects.toThrow(/Duplicate migration version 1/);
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a migration file without up and down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    writeFileSync(join(dir, '202601010000-broken.ts'), 'export const up = async () => {};');
    await expect(loadMigrations(dir)).rejects.toThrow(/must export up and down/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies pending migrations in order, records them, and reverts the last', async () => {
    const db = openDatabase('sqlite::memory:');
    const order: string[] = [];
    const list: Migration[] = [
      { version: '202601020000', name: 'second', up: async () => void order.push('2'), down: async () => void order.push('-2') },
      { version: '202601010000', name: 'first', up: async () => void order.push('1'), down: noop },
    ];
    expect(await migrateLatest(db, list, () => '2026-01-01T00:00:00Z')).toEqual(['202601010000', '202601020000']);
    expect(await migrateLatest(db, list)).toEqual([]);
    expect(order).toEqual(['1', '2']);
    expect(await appliedVersions(db)).toEqual(['202601010000', '202601020000']);
    expect(await migrateDown(db, list)).toBe('202601020000');
    expect(order).toEqual(['1', '2', '-2']);
    await expect(migrateDown(db, [])).rejects.toThrow(/has no file/);
    await db.destroy();
  });

  it('the person-index migration goes up and down cleanly', async () => {
    const db = openDatabase('sqlite::memory:');
    await migrateLatest(db);
    expect(await db.schema.hasTable('person_records')).toBe(true);
    while (await migrateDown(db)) { /* revert all */ }
    expect(await db.schema.hasTable('person_records')).toBe(false);
    expect(await migrateDown(db)).toBeNull();
    await db.destroy();
  });
});

describe('evaluation', async () => {
  const { evaluateLinks, parseHardNegatives, parseTruthTsv } = await import('../../src/identity/evaluate.js');
  it('computes pairwise precision, recall, F1, hard negatives and worst errors', () => {
    const truth = parseTruthTsv('source\tkey\tpersonId\ncid\t1\tT1\ncid\t2\tT1\ncid\t3\tT2\ncid\t4\tT3\n\n');
    const assigned = new Map([['cid:1', 'P1'], ['cid:2', 'P2'], ['cid:3', 'P2'], ['cid:4', 'P4'], ['cid:5', 'P5']]);
    const ev = { priorWeight: -10, rows: [], matchWeight: 5, probability: 0.97 };
    const r = evaluateLinks({
      assigned, truth, reviewQueue: 1,
      hardNegatives: parseHardNegatives('{"id":"T2","resembles":{"personId":"T1","kind":"TWIN"}}\n{"id":"T1","resembles":null}\n'),
      pairs: [
        { leftRef: 'cid:2', rightRef: 'cid:3', outcome: 'LINKED', rule: 'PROBABILISTIC', matchWeight: 12, evidence: ev },
        { leftRef: 'cid:1', rightRef: 'cid:2', outcome: 'POSSIBLE_MATCH', rule: 'PROBABILISTIC', matchWeight: 5, evidence: ev },
        { leftRef: 'cid:1', rightRef: 'cid:9', outcome: 'LINKED', rule: 'PROBABILISTIC', matchWeight: 5, evidence: ev },
      ],
    });
    expect(r).toMatchObject({ records: 5, recordsWithoutTruth: 1, truePairs: 1, predictedPairs: 1, correctPairs: 0, precision: 0, recall: 0, f1: 0, hardNegatives: 1, hardNegativesAutoLinked: 1, missesNeverScored: 0 });
    expect(r.reviewPercentOfPersons).toBeCloseTo(100 / 3);
    expect(r.worstFalseLinks.map((e) => e.leftRef)).toEqual(['cid:2']);
    expect(r.worstMisses.map((e) => e.rightRef)).toEqual(['cid:2']);
    const perfect = evaluateLinks({ assigned: new Map(), truth, reviewQueue: 0, hardNegatives: [], pairs: [] });
    expect([perfect.precision, perfect.recall, perfect.reviewPercentOfPersons]).toEqual([1, 1, 0]);
  });
});
