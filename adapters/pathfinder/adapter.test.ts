import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../mocks/estate/rng.js';
import type { Population, TruthRecord } from '../../mocks/estate/model.js';
import { renderPathfinder } from '../../mocks/estate/render/pathfinder.js';
import { pathfinderFixturePopulation } from '../../mocks/estate/render/pathfinder.fixture.js';
import { BadInputError, NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import type { PathfinderRow } from '../../src/domain/pathfinder.js';
import { createPathfinderAdapter } from './index.js';

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
});

async function renderEstate(population: Population): Promise<{ dir: string; truth: TruthRecord[] }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-pathfinder-adapter-'));
  tmp.push(outDir);
  const truth: TruthRecord[] = [];
  await renderPathfinder({ population, rng: new Rng(3).fork('pathfinder'), outDir, openSql: () => Promise.reject(new Error('no SQL')), truth: { add: (r) => truth.push(r) } });
  return { dir: path.join(outDir, 'pathfinder'), truth };
}

function copyDir(from: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-pathfinder-copy-'));
  tmp.push(to);
  for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(to, f));
  return to;
}

function rowsOf(result: readonly PathfinderRow[] | Error | undefined): readonly PathfinderRow[] {
  if (!result || result instanceof Error) throw result ?? new Error('missing result');
  return result;
}

describe('createPathfinderAdapter on a rendered estate', () => {
  const population = pathfinderFixturePopulation({ persons: 250, noise: { spreadsheetError: 0.1 } });
  const today = population.options.today;
  const caseOwner = new Map(population.persons.flatMap((p) => p.cases.map((c) => [c.caseId, { person: p, kase: c }] as const)));
  let dir: string;
  let truth: TruthRecord[];

  beforeAll(async () => {
    ({ dir, truth } = await renderEstate(population));
  });

  it('reads every rendered row, keyed as the truth file says, each belonging to the right case', async () => {
    const adapter = createPathfinderAdapter({ dir, referenceDate: today });
    const rows = await adapter.rowsByKeys(truth.map((t) => t.key));
    expect(rows).toHaveLength(truth.length);
    rows.forEach((row, i) => {
      if (row instanceof Error) throw row;
      expect(row.ref).toEqual({ source: 'pathfinder', key: truth[i]!.key });
      // The normalised case id leads back to a case of the true person.
      expect(caseOwner.get(row.caseId!)?.person.id).toBe(truth[i]!.personId);
    });
  });

  it('finds a case across the daily import and a master, whatever spaces or case the key was typed with', async () => {
    const adapter = createPathfinderAdapter({ dir, referenceDate: today });
    const scuffed = truth.map((t) => t.key).filter((k) => k.startsWith('liverpool#'));
    const masterRows = (await adapter.rowsByKeys(scuffed)).filter((r): r is PathfinderRow => !(r instanceof Error));
    const typedBadly = masterRows.find((r) => r.caseIdRaw !== r.caseId);
    expect(typedBadly, 'some Liverpool case id typed with stray spaces or lower case').toBeDefined();
    const [asTyped, clean, unknown, empty] = await adapter.rowsByCaseIds([typedBadly!.caseIdRaw!, typedBadly!.caseId!, 'CC0000000', '  ']);
    const workbooks = rowsOf(clean).map((r) => r.workbook);
    expect(workbooks).toContain('daily');
    expect(workbooks).toContain('liverpool');
    expect(rowsOf(asTyped).map((r) => r.ref.key)).toEqual(rowsOf(clean).map((r) => r.ref.key));
    expect(rowsOf(unknown)).toEqual([]);
    expect(empty).toBeInstanceOf(BadInputError);
  });

  it('answers unknown or malformed keys with NotFoundError values, in key order', async () => {
    const adapter = createPathfinderAdapter({ dir, referenceDate: today });
    const [a, b, c, d] = await adapter.rowsByKeys(['leeds#99999', 'daily#2', 'nonsense', 'daily#1']);
    expect(a).toBeInstanceOf(NotFoundError);
    expect((b as PathfinderRow).ref.key).toBe('daily#2');
    expect(c).toBeInstanceOf(NotFoundError);
    expect(d).toBeInstanceOf(NotFoundError); // row 1 is the header
  });

  it('keeps the masters\' contradictions of CID for the person view to find', async () => {
    const adapter = createPathfinderAdapter({ dir, referenceDate: today });
    const showcaseKeys = truth.filter((t) => t.personId === 'TP0000006' && !t.key.startsWith('daily#')).map((t) => t.key);
    expect(showcaseKeys.length).toBeGreaterThan(0);
    for (const row of await adapter.rowsByKeys(showcaseKeys)) {
      if (row instanceof Error) throw row;
      const { kase } = caseOwner.get(row.caseId!)!;
      expect(row.band).not.toBe(kase.criminal!.band);
      expect(row.allocatedOwner).not.toBe(kase.caseworker);
      expect(row.barriersResolved).toBe(true);
      expect(row.barriers.length).toBeGreaterThan(0);
    }
    // And across the masters, at 10% error, some other rows give another band than CID.
    const master = (await adapter.rowsByKeys(truth.filter((t) => !t.key.startsWith('daily#')).map((t) => t.key))).filter((r): r is PathfinderRow => !(r instanceof Error));
    const otherBand = master.filter((r) => r.band !== null && r.band !== caseOwner.get(r.caseId!)!.kase.criminal!.band);
    expect(otherBand.length).toBeGreaterThan(1);
  });

  it('parses hand-typed dates where it can and reports the rest, naming workbook, sheet, row and column', async () => {
    const adapter = createPathfinderAdapter({ dir, referenceDate: today });
    const rows = (await adapter.rowsByKeys(truth.map((t) => t.key))).filter((r): r is PathfinderRow => !(r instanceof Error));
    const dobs = rows.filter((r) => r.workbook !== 'daily' && r.dateOfBirth);
    const parsed = dobs.filter((r) => r.dateOfBirth!.date);
    expect(parsed.length / dobs.length).toBeGreaterThan(0.7);
    // A parsed date of birth is the true one, or a copy-noise variant of it (same year ± 10, or month/day swapped).
    const near = parsed.filter((r) => {
      const trueDob = caseOwner.get(r.caseId!)!.person.dateOfBirth;
      return Math.abs(Number(r.dateOfBirth!.date!.slice(0, 4)) - Number(trueDob.slice(0, 4))) <= 10;
    });
    expect(near.length).toBe(parsed.length);
    const issues = rows.flatMap((r) => r.issues);
    expect(issues.some((i) => i.kind === 'UNPARSEABLE_VALUE')).toBe(true);
    expect(issues.some((i) => i.kind === 'UNKNOWN_CODE')).toBe(true);
    for (const issue of issues) {
      expect(issue.message).toMatch(/^(pathfinder-daily|liverpool-master|leeds-master)\.xlsx, sheet "[^"]+", row \d+, column [A-Z]+ \("[^"]+"\): /);
      expect(issue.refs[0]!.source).toBe('pathfinder');
    }
    // Every unparseable date cell has its issue.
    const undated = dobs.filter((r) => !r.dateOfBirth!.date);
    for (const r of undated) expect(r.issues.some((i) => i.rawValue === r.dateOfBirth!.raw)).toBe(true);
  });

  it('yields one identity fragment per row with the CID case id', async () => {
    const adapter = createPathfinderAdapter({ dir, referenceDate: today });
    const fragments = [];
    for await (const f of adapter.scanFragments()) fragments.push(f);
    expect(fragments).toHaveLength(truth.length);
    const daily = fragments.find((f) => f.ref.key === 'daily#2')!;
    expect(daily.identifiers.map((i) => i.kind)).toContain('CID_CASE');
    expect(daily.identifiers.map((i) => i.kind)).toContain('CID_PERSON');
    expect(daily.recordedAt).toBe(`${today}T00:00:00Z`);
    const [byKey, missing] = await adapter.fragmentsByKeys(['daily#2', 'daily#100000']);
    expect(byKey).toEqual(daily);
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it('names a missing workbook while the others still answer', async () => {
    const copy = copyDir(dir);
    fs.rmSync(path.join(copy, 'leeds-master.xlsx'));
    const adapter = createPathfinderAdapter({ dir: copy, referenceDate: today });
    await expect(adapter.ping()).rejects.toThrow(/leeds-master\.xlsx is missing/);
    const [leeds, daily] = await adapter.rowsByKeys(['leeds#2', 'daily#2']);
    expect(leeds).toBeInstanceOf(SourceUnavailableError);
    expect((leeds as Error).message).toMatch(/leeds-master\.xlsx/);
    expect((daily as PathfinderRow).ref.key).toBe('daily#2');
    const status = await adapter.workbookStatus();
    expect(status.map((s) => [s.workbook, s.available])).toEqual([['daily', true], ['liverpool', true], ['leeds', false]]);
    expect(status[2]!.error).toMatch(/leeds-master\.xlsx/);
    const [rows] = await adapter.rowsByCaseIds([(daily as PathfinderRow).caseId!]);
    expect(rowsOf(rows).length).toBeGreaterThan(0);
    await expect(async () => {
      for await (const _ of adapter.scanFragments()) void _;
    }).rejects.toThrow(/leeds-master\.xlsx/);
  });

  it('rejects the whole batch only when no workbook can be read, and names a corrupt file', async () => {
    const copy = copyDir(dir);
    for (const f of fs.readdirSync(copy)) fs.writeFileSync(path.join(copy, f), 'not a spreadsheet');
    const adapter = createPathfinderAdapter({ dir: copy, referenceDate: today });
    await expect(adapter.rowsByCaseIds(['CC1'])).rejects.toBeInstanceOf(SourceUnavailableError);
    await expect(adapter.rowsByKeys(['liverpool#4'])).rejects.toThrow(/liverpool-master\.xlsx could not be read/);
    await expect(adapter.ping()).resolves.toBeUndefined(); // the files are there and readable; parsing is what fails
  });

  it('reloads a workbook when its file changes, and only then', async () => {
    const copy = copyDir(dir);
    const adapter = createPathfinderAdapter({ dir: copy, referenceDate: today });
    const before = await adapter.workbookStatus(['leeds']);
    await writeLeeds(path.join(copy, 'leeds-master.xlsx'), [['Newrow', 'Anna', '1/2/80', 'CC7777777', 'Band 3']]);
    fs.utimesSync(path.join(copy, 'leeds-master.xlsx'), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const [rows] = await adapter.rowsByCaseIds(['CC7777777']);
    expect(rowsOf(rows).map((r) => r.ref.key)).toEqual(['leeds#2']);
    const after = await adapter.workbookStatus(['leeds']);
    expect(after[0]!.rows).toBe(1);
    expect(after[0]!.modifiedAt).toBe('2030-01-01T00:00:00.000Z');
    expect(before[0]!.rows).not.toBe(1);
  });
});

const LEEDS_HEADERS = ['Surname', 'First Name', 'DOB', 'CID Ref', 'Banding', 'Removable?', 'Owner', 'Barrier 1', 'Barrier 2', 'Date Raised', 'Diary', 'Comments'];

async function writeLeeds(file: string, rows: ExcelJS.CellValue[][], extra?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leeds CC');
  ws.addRow(LEEDS_HEADERS);
  for (const r of rows) ws.addRow(r);
  extra?.(ws);
  await wb.xlsx.writeFile(file);
}

describe('createPathfinderAdapter on hand-made awkward workbooks', () => {
  it('turns odd cells into values or issues, never a crash', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-pathfinder-odd-'));
    tmp.push(d);
    const file = path.join(d, 'leeds-master.xlsx');
    await writeLeeds(
      file,
      [
        ['Okafor', 'Chidi', new Date('1980-02-01T00:00:00Z'), ' cc 1234567 ', { formula: '1+2', result: 3 }, 'Maybe', { richText: [{ text: 'B. ' }, { text: 'Osei' }] }, 'JR - resolved', 'awaiting HMPPS', 'Apr-16', 'TBC - ETD chase', { error: '#REF!' }],
        ['Nguyen', 'Van', '31/02/1985', null, 'Band 9', 'N', null, null, null, 42886, 'Review', null],
        [], // an empty row is skipped
        ['Haddad', 'Omar', '3rd April 1985', 'CC7654321', 'B4', 'No', 'C. Murray', 'None', null, '03.04.2016', '3/4/17 - Case review', 'ok'],
      ],
      (ws) => {
        ws.getCell('C2').numFmt = 'dd/mm/yyyy';
      },
    );
    const adapter = createPathfinderAdapter({ dir: d, referenceDate: '2017-05-31' });
    const [r2, r3, r5] = (await adapter.rowsByKeys(['leeds#2', 'leeds#3', 'leeds#5'])) as PathfinderRow[];

    expect(r2!.caseId).toBe('CC1234567');
    expect(r2!.caseIdRaw).toBe(' cc 1234567 ');
    expect(r2!.dateOfBirth).toEqual({ date: '1980-02-01', month: '1980-02', raw: '1980-02-01' });
    expect(r2!.band).toBe(3); // the formula's cached result
    expect(r2!.allocatedOwner).toBe('B. Osei');
    expect(r2!.barriers).toEqual(['JUDICIAL_REVIEW']);
    expect(r2!.barriersResolved).toBe(true);
    expect(r2!.diary).toEqual([{ on: { date: null, month: null, raw: 'TBC' }, action: 'ETD chase' }]);
    expect(r2!.addedOn).toEqual({ date: null, month: '2016-04', raw: 'Apr-16' });
    expect(r2!.comments).toBe('#REF!');
    expect(r2!.issues.map((i) => [i.field, i.kind])).toEqual([
      ['Removable?', 'UNKNOWN_CODE'],
      ['Barrier 2', 'UNKNOWN_CODE'],
      ['Diary', 'UNPARSEABLE_VALUE'],
      ['Date Raised', 'UNPARSEABLE_VALUE'],
    ]);
    expect(r2!.issues[0]!.message).toBe('leeds-master.xlsx, sheet "Leeds CC", row 2, column F ("Removable?"): "Maybe" is neither yes nor no');

    expect(r3!.caseId).toBeNull();
    expect(r3!.dateOfBirth).toEqual({ date: null, month: '1985-02', raw: '31/02/1985' });
    expect(r3!.band).toBeNull();
    expect(r3!.issues.map((i) => [i.field, i.kind, i.rawValue])).toEqual([
      ['CID Ref', 'MISSING_VALUE', null],
      ['Banding', 'UNKNOWN_CODE', 'Band 9'],
      ['DOB', 'UNPARSEABLE_VALUE', '31/02/1985'],
      ['Date Raised', 'UNPARSEABLE_VALUE', '42886'], // a serial number without a date format is not guessed at
    ]);

    expect(r5!.dateOfBirth!.date).toBe('1985-04-03');
    expect(r5!.band).toBe(4);
    expect(r5!.removable).toBe(false);
    expect(r5!.barriers).toEqual([]);
    expect(r5!.diary).toEqual([{ on: { date: '2017-04-03', month: '2017-04', raw: '3/4/17' }, action: 'Case review' }]);
    expect(r5!.issues).toEqual([]);
    expect((await adapter.rowsByKeys(['leeds#4']))[0]).toBeInstanceOf(NotFoundError);
  });

  it('finds the header row below title rows, by header text, in any column order', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-pathfinder-layout-'));
    tmp.push(d);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Key').addRow(['CO', 'Case owner']);
    const ws = wb.addWorksheet('LPL Master');
    ws.addRow(['CC LIVERPOOL MASTER']);
    ws.addRow([]);
    ws.addRow(['Notes', 'CO', 'Case Ref', 'Name', 'Band']);
    ws.addRow(['Chased', 'P. Okafor', 'CC1000001', 'KHAN, Yusuf', 'Band 2']);
    await wb.xlsx.writeFile(path.join(d, 'liverpool-master.xlsx'));
    const adapter = createPathfinderAdapter({ dir: d });
    const [row] = (await adapter.rowsByKeys(['liverpool#4'])) as PathfinderRow[];
    expect(row).toMatchObject({ sheet: 'LPL Master', caseId: 'CC1000001', band: 2, allocatedOwner: 'P. Okafor', comments: 'Chased' });
    expect(row!.name).toEqual({ family: 'KHAN', given: ['YUSUF'], original: 'KHAN, Yusuf' });
  });

  it('calls a workbook without a case id column unreadable, naming it', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pcv-pathfinder-nohdr-'));
    tmp.push(d);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Surname', 'DOB']);
    await wb.xlsx.writeFile(path.join(d, 'pathfinder-daily.xlsx'));
    const adapter = createPathfinderAdapter({ dir: d });
    await expect(adapter.rowsByKeys(['daily#2'])).rejects.toThrow(/pathfinder-daily\.xlsx has no sheet with a CID case id column/);
  });
});
