/**
 * A spreadsheet cell reduced to what the row mapper needs: its text as shown, and, for a real
 * Excel date cell, the ISO day. Rich text, hyperlinks, formulas (their cached result) and error
 * values are all flattened to text, so nothing a caseworker typed is lost.
 */
import type ExcelJS from 'exceljs';

export interface CellContent {
  /** The cell as text (a date cell as `YYYY-MM-DD`), never empty: empty cells are not kept. */
  readonly text: string;
  /** Set for a real Excel date cell: ISO `YYYY-MM-DD`. */
  readonly date: string | null;
  /** Set for a numeric cell. */
  readonly number: number | null;
}

function isoDay(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** Convert an exceljs cell value; null when the cell is empty or only whitespace. */
export function cellContent(value: ExcelJS.CellValue | undefined): CellContent | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const day = isoDay(value);
    return day ? { text: day, date: day, number: null } : null;
  }
  if (typeof value === 'string') return value.trim() === '' ? null : { text: value, date: null, number: null };
  if (typeof value === 'number') return { text: String(value), date: null, number: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', date: null, number: null };
  if ('richText' in value) return cellContent(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return cellContent(value.text as ExcelJS.CellValue);
  if ('error' in value) return { text: String(value.error), date: null, number: null };
  if ('result' in value) return cellContent(value.result as ExcelJS.CellValue | undefined);
  return null;
}
