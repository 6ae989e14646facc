/**
 * Renders Pathfinder (004 §6.40–6.44, footnote 18) into `<outDir>/pathfinder/`:
 *
 * - `pathfinder-daily.xlsx`: every CID case of the criminal case type, imported daily (the CID
 *   columns, clean as an import is), with the hand annotations Criminal Casework adds: allocated case
 *   owner, barriers to removal, diary events, comments (004 §6.40, §6.42).
 * - `liverpool-master.xlsx` (bands 1–2) and `leeds-master.xlsx` (bands 3–4; 004 §6.38): the hubs'
 *   bespoke master spreadsheets (004 §6.43), each with its own layout and headers, hand-typed dates
 *   in mixed formats, free text, case ids with stray spaces or a lower-case prefix, and values that
 *   contradict CID (another band, barriers marked resolved, another owner) at the rate
 *   `noise.spreadsheetError`, and always for the showcase person TP0000006.
 *
 * Output is byte-identical for the same population: workbook dates are the estate's "today" and
 * ZIP entry times are pinned to it (pathfinder-zip.ts). Each row is reported to the truth sink as
 * `{ source: 'pathfinder', key: '<workbook>#<row>', personId }`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Rng } from '../rng.js';
import type { Barrier, Population, TrueCase, TruePerson } from '../model.js';
import { copyDate, copyIdentifier, copyName } from '../noise.js';
import { countryByAlpha3 } from '../../../src/domain/nationality.js';
import type { Renderer, TruthSink } from './types.js';
import { pinZipTimestamps } from './pathfinder-zip.js';
import {
  addDays,
  barrierPhrase,
  barrierText,
  COMMENT_PHRASES,
  handBand,
  handDate,
  handMappa,
  handNationality,
  isoToDate,
  isValidIsoDate,
  NO_BARRIER_PHRASES,
  scuffCaseId,
  titleCase,
  UNREADABLE_BARRIER_PHRASES,
  type SheetValue,
} from './pathfinder-handwriting.js';

/** The showcase person whose master-spreadsheet rows always contradict CID. */
export const PATHFINDER_CONTRADICTED_PERSON = 'TP0000006';

export const PATHFINDER_DAILY_HEADERS = [
  'CID Case ID', 'CID Person ID', 'HO Ref', 'Surname', 'Forename(s)', 'Sex', 'DOB', 'Nationality',
  'Case Type', 'Case Status', 'Owner Unit', 'Band', 'Import Date', 'Case Owner', 'Barriers to Removal',
  'Diary Date 1', 'Diary Action 1', 'Diary Date 2', 'Diary Action 2', 'Comments',
] as const;

export const PATHFINDER_LIVERPOOL_HEADERS = [
  'Case Ref', 'Name', 'D.O.B', 'Nat', 'Band', 'MAPPA', 'CO', 'Barriers', 'Barrier resolved?', 'Next action', 'Due', 'Notes',
] as const;

export const PATHFINDER_LEEDS_HEADERS = [
  'Surname', 'First Name', 'DOB', 'CID Ref', 'Banding', 'Removable?', 'Owner', 'Barrier 1', 'Barrier 2', 'Date Raised', 'Diary', 'Comments',
] as const;

/** Hub staff names used when the population offers no other case owner to confuse with. */
const HUB_STAFF = ['J. Whitfield', 'P. Okafor', 'S. Ahmed', 'L. Brennan', 'D. Kowalski', 'R. Patel'];

type ContradictionKind = 'BAND' | 'BARRIER' | 'OWNER';

interface SheetSpec {
  readonly name: string;
  /** Rows above the header row (titles, "last updated"). */
  readonly preamble: readonly (readonly SheetValue[])[];
  readonly headers: readonly string[];
  readonly rows: readonly (readonly SheetValue[])[];
  readonly widths?: readonly number[];
}

interface WorkbookSpec {
  readonly file: string;
  readonly creator: string;
  readonly sheets: readonly SheetSpec[];
}

interface CaseOfPerson {
  readonly person: TruePerson;
  readonly kase: TrueCase;
}

interface RenderedRows {
  readonly rows: SheetValue[][];
  readonly personIds: string[];
  contradictions: number;
}

export const renderPathfinder: Renderer = async (ctx) => {
  const { population, rng, outDir, truth } = ctx;
  const today = population.options.today;
  const dir = path.join(outDir, 'pathfinder');
  await mkdir(dir, { recursive: true });

  const criminal: CaseOfPerson[] = [];
  for (const person of population.persons) {
    for (const kase of person.cases) if (kase.type === 'CRIMINAL') criminal.push({ person, kase });
  }
  const owners = ownerPool(criminal);

  const daily = dailyRows(rng.fork('daily'), population, criminal, owners);
  const liverpool = masterRows(rng.fork('liverpool'), population, criminal, owners, 'liverpool');
  const leeds = masterRows(rng.fork('leeds'), population, criminal, owners, 'leeds');

  const stamp = isoToDate(today);
  await writeWorkbook(dir, stamp, {
    file: 'pathfinder-daily.xlsx',
    creator: 'Pathfinder CID import',
    sheets: [
      { name: 'Pathfinder', preamble: [], headers: PATHFINDER_DAILY_HEADERS, rows: daily.rows, widths: [14, 14, 14, 18, 22, 5, 12, 16, 10, 10, 22, 6, 12, 18, 32, 12, 24, 12, 24, 32] },
      { name: 'MI', preamble: [], headers: ['Measure', 'Value', 'Cases'], rows: managementInformation(criminal) },
    ],
  });
  await writeWorkbook(dir, stamp, {
    file: 'liverpool-master.xlsx',
    creator: 'CC Liverpool',
    sheets: [
      {
        name: 'LPL Master',
        preamble: [['CC LIVERPOOL - NON DETAINED MASTER (BANDS 1 & 2)'], ['Last updated', stamp]],
        headers: PATHFINDER_LIVERPOOL_HEADERS,
        rows: liverpool.rows,
        widths: [14, 28, 14, 12, 8, 10, 16, 30, 10, 26, 14, 32],
      },
      {
        name: 'Key',
        preamble: [],
        headers: ['Abbreviation', 'Meaning'],
        rows: [['CO', 'Case owner'], ['o/s', 'outstanding'], ['FRs', 'further representations'], ['TD / ETD', '(emergency) travel document'], ['JR', 'judicial review']],
      },
    ],
  });
  await writeWorkbook(dir, stamp, {
    file: 'leeds-master.xlsx',
    creator: 'CC Leeds',
    sheets: [{ name: 'Leeds CC', preamble: [], headers: PATHFINDER_LEEDS_HEADERS, rows: leeds.rows, widths: [18, 18, 14, 14, 10, 10, 16, 26, 26, 14, 34, 32] }],
  });

  reportTruth(truth, 'daily', 2, daily.personIds);
  reportTruth(truth, 'liverpool', 4, liverpool.personIds);
  reportTruth(truth, 'leeds', 2, leeds.personIds);

  return {
    source: 'pathfinder',
    counts: {
      'pathfinder-daily.xlsx': daily.rows.length,
      'liverpool-master.xlsx': liverpool.rows.length,
      'leeds-master.xlsx': leeds.rows.length,
      'daily.contradictions': daily.contradictions,
      'liverpool.contradictions': liverpool.contradictions,
      'leeds.contradictions': leeds.contradictions,
    },
  };
};

function reportTruth(truth: TruthSink, workbook: string, firstRow: number, personIds: readonly string[]): void {
  personIds.forEach((personId, i) => truth.add({ source: 'pathfinder', key: `${workbook}#${firstRow + i}`, personId }));
}

function ownerPool(cases: readonly CaseOfPerson[]): string[] {
  const names = new Set<string>();
  for (const { kase } of cases) if (kase.caseworker) names.add(kase.caseworker);
  return [...names].sort();
}

/** Someone other than `current` to (wrongly) allocate the case to. */
function otherOwner(rng: Rng, owners: readonly string[], current: string | null): string {
  const others = owners.filter((o) => o !== current);
  return rng.pick(others.length > 0 ? others : HUB_STAFF.filter((o) => o !== current));
}

interface DiaryItem {
  readonly on: string;
  readonly action: string;
}

/** Diary events a caseworker would set for an open case (004 §6.42, §7.5–7.6). */
function diaryFor(rng: Rng, kase: TrueCase, today: string): DiaryItem[] {
  if (kase.status !== 'OPEN') return [];
  const out: DiaryItem[] = [];
  const etd = kase.etd;
  if (etd?.interviewOn && etd.interviewOn >= today) out.push({ on: etd.interviewOn, action: rng.pick(['ETD interview', 'ETD intvw booked', 'Attend ETD interview']) });
  else if (etd && etd.status === 'SUBMITTED') out.push({ on: addDays(today, rng.int(3, 40)), action: rng.pick(['Chase ETD', 'ETD chase with embassy']) });
  const next = kase.restriction?.events.find((e) => e.result === null && e.dueAt.slice(0, 10) >= today);
  if (next) out.push({ on: next.dueAt.slice(0, 10), action: rng.pick(['Reporting event', 'Reports - check outcome', 'Reporting']) });
  if (kase.criminal && !kase.criminal.deportationDecisionOn) out.push({ on: addDays(today, rng.int(7, 60)), action: rng.pick(['Deportation decision due', 'Dep decision', 'Serve decision']) });
  out.push({ on: nextReview(kase.openedOn, today), action: rng.pick(['3 month review', 'Case review', 'Review']) });
  return out;
}

/** The next three-monthly review on or after today (every case at least once every 3 months, 004 §7.6). */
function nextReview(openedOn: string, today: string): string {
  const opened = isoToDate(openedOn).getTime();
  const days = Math.max(0, Math.ceil((isoToDate(today).getTime() - opened) / 86_400_000));
  return addDays(openedOn, Math.ceil(days / 91) * 91);
}

function dailyRows(rng: Rng, population: Population, cases: readonly CaseOfPerson[], owners: readonly string[]): RenderedRows {
  const { today, noise } = population.options;
  const err = noise.spreadsheetError;
  const out: RenderedRows = { rows: [], personIds: [], contradictions: 0 };
  for (const { person, kase } of cases) {
    const name = copyName(rng, noise, person.givenNames, person.familyName);
    const dob = copyDate(rng, noise, person.dateOfBirth);
    const contradicted = person.id === PATHFINDER_CONTRADICTED_PERSON || rng.chance(err);
    let owner: string | null = kase.caseworker && rng.chance(0.85) ? kase.caseworker : null;
    if (contradicted && kase.status === 'OPEN') {
      owner = otherOwner(rng, owners, kase.caseworker);
      out.contradictions++;
    }
    const diary = diaryFor(rng, kase, today).slice(0, 2);
    const diaryCells: SheetValue[] = [];
    for (let i = 0; i < 2; i++) {
      const item = diary[i];
      diaryCells.push(item ? handDate(rng, item.on, err, 0.6) : null, item ? item.action : null);
    }
    out.rows.push([
      // A machine import: the only blemish is CID's fixed-width padding, now and then.
      rng.chance(err / 2) ? `${kase.caseId} ` : kase.caseId,
      kase.cidPersonId,
      copyIdentifier(rng, noise, person.hoRef),
      name.familyName,
      name.givenNames.join(' '),
      person.gender,
      isValidIsoDate(dob) ? isoToDate(dob) : dob,
      countryByAlpha3(person.nationality)?.name.toUpperCase() ?? person.nationality,
      'CRIMINAL',
      kase.status,
      kase.ownerUnit,
      kase.criminal?.band ?? null,
      isoToDate(today),
      owner,
      dailyBarriers(rng, kase.barriers, err),
      ...diaryCells,
      rng.chance(0.15) ? rng.pick(COMMENT_PHRASES) : null,
    ]);
    out.personIds.push(person.id);
  }
  return out;
}

function dailyBarriers(rng: Rng, barriers: readonly Barrier[], err: number): string | null {
  if (rng.chance(err)) return rng.pick(UNREADABLE_BARRIER_PHRASES);
  if (barriers.length > 0) return rng.chance(0.9) ? barrierText(rng, barriers) : null;
  return rng.chance(0.4) ? rng.pick(NO_BARRIER_PHRASES) : null;
}

/** Which criminal cases a hub's master spreadsheet holds, in the order they were typed in. */
function masterCases(rng: Rng, cases: readonly CaseOfPerson[], hub: 'liverpool' | 'leeds'): CaseOfPerson[] {
  const bands = hub === 'liverpool' ? [1, 2] : [3, 4];
  const chosen: CaseOfPerson[] = [];
  for (const c of cases) {
    const band = c.kase.criminal?.band ?? null;
    const showcase = c.person.id === PATHFINDER_CONTRADICTED_PERSON;
    // The showcase person is on a master whatever CID says: Liverpool when CID gives no band.
    const mine = band !== null ? bands.includes(band) : showcase && hub === 'liverpool';
    if (!mine) continue;
    const keep = showcase || (c.kase.status === 'OPEN' ? rng.chance(0.75) : rng.chance(0.1));
    if (!keep) continue;
    chosen.push(c);
    if (!showcase && rng.chance(0.02)) chosen.push(c); // typed in twice
  }
  return rng.shuffle(chosen);
}

function contradictionsFor(rng: Rng, person: TruePerson, err: number): Set<ContradictionKind> {
  if (person.id === PATHFINDER_CONTRADICTED_PERSON) return new Set(['BAND', 'BARRIER', 'OWNER']);
  if (!rng.chance(err)) return new Set();
  return new Set([rng.pick<ContradictionKind>(['BAND', 'BARRIER', 'OWNER'])]);
}

function masterRows(rng: Rng, population: Population, cases: readonly CaseOfPerson[], owners: readonly string[], hub: 'liverpool' | 'leeds'): RenderedRows {
  const { today, noise } = population.options;
  const err = noise.spreadsheetError;
  const out: RenderedRows = { rows: [], personIds: [], contradictions: 0 };
  for (const { person, kase } of masterCases(rng, cases, hub)) {
    const contra = contradictionsFor(rng, person, err);
    if (contra.size > 0) out.contradictions++;
    const trueBand = kase.criminal?.band ?? null;
    const band: number = contra.has('BAND') || trueBand === null ? rng.pick([1, 2, 3, 4].filter((b) => b !== trueBand)) : trueBand;
    const owner = contra.has('OWNER') ? otherOwner(rng, owners, kase.caseworker) : kase.caseworker;
    const name = copyName(rng, noise, person.givenNames, person.familyName);
    const dob = handDate(rng, copyDate(rng, noise, person.dateOfBirth), err);
    const diary = diaryFor(rng, kase, today)[0] ?? null;
    const caseId = scuffCaseId(rng, kase.caseId, Math.min(0.9, 2 * err));
    // Barriers: contradicted means a barrier CID's annotation still holds is marked resolved,
    // or, when there is none, one is claimed that does not exist.
    const barriers = kase.barriers;
    const claimResolved = contra.has('BARRIER') && barriers.length > 0;
    const invented: Barrier[] = contra.has('BARRIER') && barriers.length === 0 ? [rng.pick<Barrier>(['JUDICIAL_REVIEW', 'FURTHER_REPRESENTATIONS', 'NO_TRAVEL_DOCUMENT'])] : [];
    const shown = barriers.length > 0 ? barriers : invented;
    const comment = rng.chance(0.3) ? rng.pick(COMMENT_PHRASES) : null;

    if (hub === 'liverpool') {
      const given = titleCase(name.givenNames.join(' '));
      const family = name.familyName.toUpperCase();
      const nameCell = rng.pick([`${family}, ${given}`, `${given} ${titleCase(family)}`, `${family} ${given}`]);
      let barrierCell: string | null;
      if (rng.chance(err)) barrierCell = rng.pick(UNREADABLE_BARRIER_PHRASES);
      else if (shown.length > 0) barrierCell = barrierText(rng, shown);
      else barrierCell = rng.chance(0.5) ? rng.pick(NO_BARRIER_PHRASES) : null;
      const resolvedCell = claimResolved ? rng.pick(['Y', 'Yes', 'Resolved']) : shown.length > 0 ? rng.pick(['N', 'No', '']) : rng.pick(['', 'N/A']);
      out.rows.push([
        caseId,
        nameCell,
        dob,
        handNationality(rng, person.nationality, err),
        handBand(rng, band, err),
        handMappa(rng, person.mappaLevel),
        owner,
        barrierCell,
        resolvedCell || null,
        diary?.action ?? null,
        diary ? handDate(rng, diary.on, err) : null,
        comment,
      ]);
    } else {
      const cells: (string | null)[] = [null, null];
      shown.slice(0, 2).forEach((b, i) => {
        cells[i] = barrierPhrase(rng, b) + (claimResolved ? rng.pick([' - RESOLVED', ' (resolved)', ' - resolved']) : '');
      });
      if (rng.chance(err)) cells[cells[0] ? 1 : 0] = rng.pick(UNREADABLE_BARRIER_PHRASES);
      const removable = band === 4 ? rng.pick(['N', 'No']) : rng.pick(['Y', 'Yes', 'Poss']);
      const raised = handDate(rng, minIso(addDays(kase.openedOn, rng.int(14, 60)), today), err);
      let diaryCell: string | null = null;
      if (diary) {
        const when = handDate(rng, diary.on, err, 0);
        diaryCell = rng.chance(0.85) ? `${String(when)} - ${diary.action}` : diary.action;
      }
      out.rows.push([
        titleCase(name.familyName),
        titleCase(name.givenNames.join(' ')),
        dob,
        caseId,
        handBand(rng, band, err),
        removable,
        owner,
        cells[0] ?? null,
        cells[1] ?? null,
        raised,
        diaryCell,
        comment,
      ]);
    }
    out.personIds.push(person.id);
  }
  return out;
}

function minIso(a: string, b: string): string {
  return a < b ? a : b;
}

/** The management-information tab (004 §6.42): case counts by band and owner unit. */
function managementInformation(cases: readonly CaseOfPerson[]): SheetValue[][] {
  const byBand = new Map<string, number>();
  const byUnit = new Map<string, number>();
  for (const { kase } of cases) {
    const band = kase.criminal?.band == null ? 'none' : String(kase.criminal.band);
    byBand.set(band, (byBand.get(band) ?? 0) + 1);
    const unit = kase.ownerUnit === '' ? '(blank)' : kase.ownerUnit;
    byUnit.set(unit, (byUnit.get(unit) ?? 0) + 1);
  }
  const rows: SheetValue[][] = [['Criminal cases', 'all', cases.length]];
  for (const [band, n] of [...byBand].sort()) rows.push(['Band', band, n]);
  for (const [unit, n] of [...byUnit].sort()) rows.push(['Owner unit', unit, n]);
  return rows;
}

/** Write one workbook with exceljs's streaming writer, pin its dates and write it to disk. */
async function writeWorkbook(dir: string, stamp: Date, spec: WorkbookSpec): Promise<void> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = spec.creator;
  wb.lastModifiedBy = spec.creator;
  wb.created = stamp;
  wb.modified = stamp;
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    if (sheet.widths) ws.columns = sheet.widths.map((width) => ({ width }));
    for (const line of sheet.preamble) commitRow(ws.addRow([...line]));
    const header = ws.addRow([...sheet.headers]);
    header.font = { bold: true };
    header.commit();
    for (const values of sheet.rows) commitRow(ws.addRow(values.map((v) => (v === '' ? null : v))));
    ws.commit();
  }
  await wb.commit();
  await writeFile(path.join(dir, spec.file), pinZipTimestamps(Buffer.concat(chunks), stamp));
}

function commitRow(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
  });
  row.commit();
}
