import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { Rng } from '../rng.js';
import type { Population, TruthRecord } from '../model.js';
import {
  PATHFINDER_CONTRADICTED_PERSON,
  PATHFINDER_DAILY_HEADERS,
  PATHFINDER_LEEDS_HEADERS,
  PATHFINDER_LIVERPOOL_HEADERS,
  renderPathfinder,
} from './pathfinder.js';
import { pathfinderFixturePopulation } from './pathfinder.fixture.js';
import { dosDateTime } from './pathfinder-zip.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
});

async function render(population: Population, seed = 1) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-pathfinder-'));
  dirs.push(outDir);
  const truth: TruthRecord[] = [];
  const summary = await renderPathfinder({
    population,
    rng: new Rng(seed).fork('pathfinder'),
    outDir,
    openSql: () => Promise.reject(new Error('Pathfinder writes no SQL')),
    truth: { add: (r) => truth.push(r) },
  });
  return { outDir, truth, summary, dir: path.join(outDir, 'pathfinder') };
}

const FILES = ['pathfinder-daily.xlsx', 'liverpool-master.xlsx', 'leeds-master.xlsx'];

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function sheetRows(file: string, sheet: string): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n] = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  return out;
}

describe('renderPathfinder', () => {
  const population = pathfinderFixturePopulation({ persons: 200 });

  it('writes byte-identical workbooks for the same input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-01-02T03:04:05Z'));
    const a = await render(population);
    vi.setSystemTime(new Date('2025-06-07T08:09:11Z'));
    const b = await render(population);
    vi.useRealTimers();
    for (const f of FILES) expect(sha256(path.join(b.dir, f)), f).toBe(sha256(path.join(a.dir, f)));
    expect(b.truth).toEqual(a.truth);
  });

  it('stamps the estate day into core properties and every zip entry', async () => {
    const { dir } = await render(population);
    const buf = fs.readFileSync(path.join(dir, 'liverpool-master.xlsx'));
    const { date, time } = dosDateTime(new Date(`${population.options.today}T00:00:00Z`));
    // Local file headers: signature PK\3\4, time at +10, date at +12.
    let headers = 0;
    for (let at = buf.indexOf('PK\u0003\u0004', 0, 'latin1'); at >= 0; at = buf.indexOf('PK\u0003\u0004', at + 4, 'latin1')) {
      if (buf.readUInt16LE(at + 10) === time && buf.readUInt16LE(at + 12) === date) headers++;
    }
    expect(headers).toBeGreaterThanOrEqual(8);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'liverpool-master.xlsx'));
    expect(wb.created.toISOString()).toBe(`${population.options.today}T00:00:00.000Z`);
    expect(wb.modified.toISOString()).toBe(`${population.options.today}T00:00:00.000Z`);
  });

  it('imports every criminal case, and only criminal cases, into the daily workbook', async () => {
    const { dir, truth, summary } = await render(population);
    const criminal = population.persons.flatMap((p) => p.cases.filter((c) => c.type === 'CRIMINAL').map((c) => ({ p, c })));
    const rows = await sheetRows(path.join(dir, 'pathfinder-daily.xlsx'), 'Pathfinder');
    expect(rows[1]).toEqual([...PATHFINDER_DAILY_HEADERS]);
    const data = rows.slice(2);
    expect(data).toHaveLength(criminal.length);
    expect(summary.counts['pathfinder-daily.xlsx']).toBe(criminal.length);
    data.forEach((row, i) => {
      expect(String(row[0]).trim()).toBe(criminal[i]!.c.caseId);
      expect(row[8]).toBe('CRIMINAL');
    });
    const dailyTruth = truth.filter((t) => t.key.startsWith('daily#'));
    expect(dailyTruth).toHaveLength(criminal.length);
    expect(dailyTruth[0]).toEqual({ source: 'pathfinder', key: 'daily#2', personId: criminal[0]!.p.id });
  });

  it('gives each hub master its own layout, title rows and bands', async () => {
    const { dir, truth } = await render(population);
    const lpl = await sheetRows(path.join(dir, 'liverpool-master.xlsx'), 'LPL Master');
    expect(String(lpl[1]![0])).toMatch(/LIVERPOOL/);
    expect(lpl[3]).toEqual([...PATHFINDER_LIVERPOOL_HEADERS]);
    const leeds = await sheetRows(path.join(dir, 'leeds-master.xlsx'), 'Leeds CC');
    expect(leeds[1]).toEqual([...PATHFINDER_LEEDS_HEADERS]);

    const caseBand = new Map(population.persons.flatMap((p) => p.cases.map((c) => [c.caseId, c.criminal?.band ?? null] as const)));
    const bandOf = (id: unknown) => caseBand.get(String(id).replace(/\s+/g, '').toUpperCase());
    const lplBands = lpl.slice(4).map((r) => bandOf(r[0]));
    const leedsBands = leeds.slice(2).map((r) => bandOf(r[3]));
    expect(lplBands.length).toBeGreaterThan(10);
    expect(leedsBands.length).toBeGreaterThan(10);
    // CID's band decides the hub (the showcase person may sit in Liverpool without a band).
    expect(lplBands.every((b) => b === 1 || b === 2 || b === null)).toBe(true);
    expect(leedsBands.every((b) => b === 3 || b === 4)).toBe(true);
    expect(truth.filter((t) => t.key.startsWith('liverpool#'))[0]?.key).toBe('liverpool#4');
    expect(truth.filter((t) => t.key.startsWith('leeds#'))).toHaveLength(leeds.length - 2);
  });

  it('always contradicts CID for the showcase person on the masters', async () => {
    const { dir, truth } = await render(population);
    const showcase = population.persons.find((p) => p.id === PATHFINDER_CONTRADICTED_PERSON)!;
    const kase = showcase.cases.find((c) => c.type === 'CRIMINAL')!;
    const keys = truth.filter((t) => t.personId === showcase.id && t.key.startsWith('liverpool#')).map((t) => Number(t.key.split('#')[1]));
    expect(keys.length).toBeGreaterThan(0);
    const lpl = await sheetRows(path.join(dir, 'liverpool-master.xlsx'), 'LPL Master');
    for (const n of keys) {
      const row = lpl[n]!;
      expect(String(row[4])).not.toMatch(new RegExp(`^(Band |B)?${kase.criminal!.band}$`));
      expect(row[6]).not.toBe(kase.caseworker);
      expect(['Y', 'Yes', 'Resolved']).toContain(row[8]);
    }
  });

  it('contradicts CID on roughly the spreadsheetError share of master rows', async () => {
    const big = pathfinderFixturePopulation({ persons: 300, noise: { spreadsheetError: 0.2 } });
    const { summary } = await render(big);
    const rows = summary.counts['liverpool-master.xlsx']! + summary.counts['leeds-master.xlsx']!;
    const contradicted = summary.counts['liverpool.contradictions']! + summary.counts['leeds.contradictions']!;
    expect(contradicted / rows).toBeGreaterThan(0.12);
    expect(contradicted / rows).toBeLessThan(0.3);
    const none = await render(pathfinderFixturePopulation({ persons: 300, noise: { spreadsheetError: 0 } }));
    // Only the showcase person's rows contradict when the error rate is zero.
    expect(none.summary.counts['liverpool.contradictions']! + none.summary.counts['leeds.contradictions']!).toBeLessThanOrEqual(2);
  });

  it('types dates by hand in mixed formats and case ids with stray spaces or lower case', async () => {
    const big = pathfinderFixturePopulation({ persons: 300, noise: { spreadsheetError: 0.1 } });
    const { dir } = await render(big);
    const lpl = await sheetRows(path.join(dir, 'liverpool-master.xlsx'), 'LPL Master');
    const dobs = lpl.slice(4).map((r) => r[2]);
    expect(dobs.some((d) => d instanceof Date)).toBe(true);
    expect(dobs.some((d) => typeof d === 'string' && /^\d{1,2}\/\d{1,2}\/\d{2}$/.test(d))).toBe(true);
    expect(dobs.some((d) => typeof d === 'string' && /^\d{2}\.\d{2}\.\d{4}$/.test(d))).toBe(true);
    expect(dobs.some((d) => typeof d === 'string' && /^\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ \d{4}$/.test(d))).toBe(true);
    expect(dobs.some((d) => typeof d === 'string' && /^[A-Z][a-z]{2}-\d{2}$/.test(d))).toBe(true);
    const ids = lpl.slice(4).map((r) => String(r[0]));
    expect(ids.some((id) => id !== id.trim() || / /.test(id))).toBe(true);
    expect(ids.some((id) => /^[a-z]/.test(id))).toBe(true);
  });
});
