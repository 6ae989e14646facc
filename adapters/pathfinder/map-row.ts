/**
 * One spreadsheet row to a `PathfinderRow`. Every value that cannot be read becomes a
 * DataQualityIssue on the row whose message names the workbook file, sheet, row and column, and
 * whose `field` is the column's header; the raw cell is always kept in `cells`. Nothing is dropped
 * and nothing throws. Comparing the row with CID is left to the person view.
 */
import type { DataQualityIssue, DataQualityKind, PersonName, SourceRef } from '../../src/domain/common.js';
import { parseNationality } from '../../src/domain/nationality.js';
import {
  PATHFINDER_FILES,
  pathfinderKey,
  type Band,
  type HandTypedDate,
  type PathfinderCell,
  type PathfinderDiaryEvent,
  type PathfinderRow,
  type PathfinderWorkbook,
} from '../../src/domain/pathfinder.js';
import type { CellContent } from './cells.js';
import type { PathfinderField } from './layouts.js';
import { parseHandTypedDate, type DateKind } from './parse-date.js';
import {
  nameFromOneCell,
  nameFromParts,
  normaliseCaseId,
  parseBand,
  parseBarriers,
  parseGender,
  parseYesNo,
  splitDiaryCell,
} from './parse-values.js';

export interface SheetColumn {
  /** 1-based column number. */
  readonly column: number;
  readonly letter: string;
  readonly header: string;
  readonly field: PathfinderField | null;
}

export interface RowInput {
  readonly workbook: PathfinderWorkbook;
  readonly sheet: string;
  readonly rowNumber: number;
  readonly columns: readonly SheetColumn[];
  /** Non-empty cells by column number. */
  readonly cells: ReadonlyMap<number, CellContent>;
  /** Year two-digit years are read against (parse-date.ts). */
  readonly referenceYear: number;
}

export function mapRow(input: RowInput): PathfinderRow {
  const { workbook, sheet, rowNumber, columns, cells, referenceYear } = input;
  const ref: SourceRef = { source: 'pathfinder', key: pathfinderKey(workbook, rowNumber) };
  const issues: DataQualityIssue[] = [];
  const where = (col: SheetColumn) => `${PATHFINDER_FILES[workbook]}, sheet "${sheet}", row ${rowNumber}, column ${col.letter} ("${col.header}")`;
  const report = (kind: DataQualityKind, col: SheetColumn, raw: string | null, problem: string) =>
    issues.push({ kind, refs: [ref], field: col.header, rawValue: raw, message: `${where(col)}: ${problem}` });

  const byField = new Map<PathfinderField, SheetColumn[]>();
  for (const col of columns) if (col.field) byField.set(col.field, [...(byField.get(col.field) ?? []), col]);
  const colOf = (f: PathfinderField) => byField.get(f)?.[0] ?? null;
  const cellOf = (f: PathfinderField) => {
    const col = colOf(f);
    return col ? (cells.get(col.column) ?? null) : null;
  };
  const text = (f: PathfinderField): string | null => {
    const t = cellOf(f)?.text.trim();
    return t ? t : null;
  };

  const readDate = (f: PathfinderField, kind: DateKind): HandTypedDate | null => {
    const col = colOf(f);
    const cell = cellOf(f);
    if (!col || !cell) return null;
    if (cell.date) return { date: cell.date, month: cell.date.slice(0, 7), raw: cell.text };
    const parsed = parseHandTypedDate(cell.text, kind, referenceYear);
    if (parsed.problem) report('UNPARSEABLE_VALUE', col, cell.text, parsed.problem);
    return parsed.value;
  };

  // Case id: the key that links the row to CID.
  const caseIdRaw = cellOf('caseId')?.text ?? null;
  const caseId = normaliseCaseId(caseIdRaw);
  const caseIdCol = colOf('caseId');
  if (!caseId && caseIdCol) report('MISSING_VALUE', caseIdCol, null, 'no CID case id, so the row cannot be linked to a case');

  // Name: two cells (daily, Leeds) or one (Liverpool).
  let name: PersonName | null = null;
  if (colOf('familyName') || colOf('givenNames')) name = nameFromParts(text('familyName'), text('givenNames'));
  else if (colOf('fullName')) name = nameFromOneCell(text('fullName') ?? '');

  let gender: 'M' | 'F' | null = null;
  const genderText = text('gender');
  if (genderText) {
    const g = parseGender(genderText);
    gender = g.value;
    if (g.problem) report('UNKNOWN_CODE', colOf('gender')!, genderText, g.problem);
  }

  let nationality: string | null = null;
  const natText = text('nationality');
  if (natText) {
    nationality = parseNationality(natText);
    if (!nationality) report('UNKNOWN_CODE', colOf('nationality')!, natText, `"${natText}" is not a nationality the gateway recognises`);
  }

  let band: Band | null = null;
  const bandText = text('band');
  if (bandText) {
    const b = parseBand(bandText);
    band = b.value;
    if (b.problem) report('UNKNOWN_CODE', colOf('band')!, bandText, b.problem);
  }

  let removable: boolean | null = null;
  const removableText = text('removable');
  if (removableText) {
    const r = parseYesNo(removableText);
    removable = r.value;
    if (r.problem) report('UNKNOWN_CODE', colOf('removable')!, removableText, r.problem);
  }

  // Barriers: one or more cells of shorthand, perhaps marked resolved.
  const barrierTexts: string[] = [];
  for (const col of byField.get('barrier') ?? []) {
    const t = cells.get(col.column)?.text.trim();
    if (!t) continue;
    barrierTexts.push(t);
    for (const phrase of parseBarriers([t]).unknown) report('UNKNOWN_CODE', col, t, `"${phrase}" names no recognised barrier to removal`);
  }
  const barrierParse = parseBarriers(barrierTexts);
  let barriersResolved = barrierParse.resolvedMarks;
  const resolvedText = text('barriersResolved');
  if (resolvedText) {
    const r = parseYesNo(resolvedText);
    if (r.problem) report('UNKNOWN_CODE', colOf('barriersResolved')!, resolvedText, r.problem);
    else if (r.value !== null) barriersResolved = r.value;
  }

  // Diary: date/action pairs (daily, Liverpool) or one "date - action" cell (Leeds).
  const diary: PathfinderDiaryEvent[] = [];
  for (const [dateField, actionField] of [['diaryDate1', 'diaryAction1'], ['diaryDate2', 'diaryAction2']] as const) {
    const on = readDate(dateField, 'event');
    const action = text(actionField);
    if (on || action) diary.push({ on, action });
  }
  const combinedCol = colOf('diaryCombined');
  const combined = cellOf('diaryCombined');
  if (combinedCol && combined) {
    if (combined.date) diary.push({ on: { date: combined.date, month: combined.date.slice(0, 7), raw: combined.text }, action: null });
    else {
      const { dateText, action } = splitDiaryCell(combined.text);
      let on: HandTypedDate | null = null;
      if (dateText) {
        const parsed = parseHandTypedDate(dateText, 'event', referenceYear);
        if (parsed.problem) report('UNPARSEABLE_VALUE', combinedCol, combined.text, parsed.problem);
        on = parsed.value;
      }
      diary.push({ on, action });
    }
  }

  const importedOn = readDate('importedOn', 'event')?.date ?? null;

  const rowCells: PathfinderCell[] = [];
  for (const col of columns) {
    const c = cells.get(col.column);
    if (c) rowCells.push({ column: col.letter, header: col.header, value: c.text });
  }

  return {
    ref,
    workbook,
    sheet,
    rowNumber,
    caseId,
    caseIdRaw,
    cidPersonId: normaliseCaseId(text('cidPersonId')),
    hoRef: normaliseCaseId(text('hoRef')),
    name,
    dateOfBirth: readDate('dateOfBirth', 'birth'),
    gender,
    nationality,
    importedOn,
    addedOn: readDate('addedOn', 'event'),
    caseStatus: text('caseStatus')?.toUpperCase() ?? null,
    ownerUnit: text('ownerUnit'),
    band,
    mappa: text('mappa'),
    removable,
    barriers: barrierParse.barriers,
    barriersRaw: barrierTexts.length > 0 ? barrierTexts.join(' | ') : null,
    barriersResolved,
    allocatedOwner: text('owner'),
    diary,
    comments: text('comments'),
    cells: rowCells,
    issues,
  };
}
