/**
 * Read one Pathfinder workbook with exceljs's streaming reader (the daily import holds every
 * criminal case, tens of thousands of rows). The data sheet is the first whose header row — found
 * within the first rows — names a CID case id column; other sheets (MI, Key) are read past.
 * A file that is missing, is not an .xlsx, or has no such sheet is reported as
 * SourceUnavailableError naming the file.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SourceUnavailableError } from '../../src/domain/errors.js';
import { PATHFINDER_FILES, type PathfinderRow, type PathfinderWorkbook } from '../../src/domain/pathfinder.js';
import { cellContent, type CellContent } from './cells.js';
import { columnLetter, fieldForHeader, HEADER_SEARCH_ROWS } from './layouts.js';
import { mapRow, type SheetColumn } from './map-row.js';

export interface WorkbookRead {
  readonly sheet: string;
  readonly rows: readonly PathfinderRow[];
}

function rowCells(row: ExcelJS.Row): Map<number, CellContent> {
  const cells = new Map<number, CellContent>();
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const content = cellContent(cell.value);
    if (content) cells.set(col, content);
  });
  return cells;
}

function headerColumns(cells: ReadonlyMap<number, CellContent>): SheetColumn[] | null {
  const columns: SheetColumn[] = [];
  for (const [column, content] of [...cells].sort((a, b) => a[0] - b[0])) {
    const header = content.text.trim().replace(/\s+/g, ' ');
    columns.push({ column, letter: columnLetter(column), header, field: fieldForHeader(header) });
  }
  return columns.some((c) => c.field === 'caseId') ? columns : null;
}

export async function readPathfinderWorkbook(dir: string, workbook: PathfinderWorkbook, referenceYear: number): Promise<WorkbookRead> {
  const file = PATHFINDER_FILES[workbook];
  const filePath = path.join(dir, file);
  let found: WorkbookRead | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // needed to tell date cells from numbers
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      let columns: SheetColumn[] | null = null;
      const rows: PathfinderRow[] = [];
      // Every row must be consumed, even of sheets we skip, or the zip stream stalls.
      for await (const row of sheet) {
        if (found) continue;
        const cells = rowCells(row);
        if (!columns) {
          if (row.number <= HEADER_SEARCH_ROWS && cells.size > 0) columns = headerColumns(cells);
          continue;
        }
        if (cells.size === 0) continue;
        rows.push(mapRow({ workbook, sheet: name, rowNumber: row.number, columns, cells, referenceYear }));
      }
      if (!found && columns) found = { sheet: name, rows };
    }
  } catch (err) {
    throw new SourceUnavailableError('pathfinder', `${file} could not be read (${describe(err)})`);
  }
  if (!found) throw new SourceUnavailableError('pathfinder', `${file} has no sheet with a CID case id column`);
  return found;
}

function describe(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && (err as { code: unknown }).code === 'ENOENT') return 'file not found';
  if (err && typeof err === 'object' && 'code' in err && (err as { code: unknown }).code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err);
}
