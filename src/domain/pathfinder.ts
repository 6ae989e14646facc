/**
 * Pathfinder rows as the gateway sees them, after the Pathfinder adapter has read them.
 *
 * Pathfinder is a spreadsheet fed daily from CID with every case of the criminal case type, which
 * Criminal Casework staff annotate by hand with barriers to removal, the allocated case owner and
 * diary events (004 §6.40–6.42, footnote 18). Beside it the hubs keep their own bespoke "master
 * spreadsheets" — Liverpool for bands 1–2, Leeds for bands 3–4 (004 §6.38) — which duplicate and
 * sometimes contradict it (004 §6.43–6.44). The gateway reads all three workbooks and keeps every
 * row: comparing a row with CID is the person view's job, not the adapter's.
 *
 * A row is keyed `<workbook>#<row>` (src/domain/common.ts), where `row` is the worksheet row number
 * as Excel shows it. Hand-typed cells are parsed where possible; everything that cannot be read
 * becomes a `DataQualityIssue` on the row naming the workbook, sheet, row and column.
 */
import type { DataQualityIssue, PersonName, SourceRef } from './common.js';

/** The three workbooks: the daily import and the two hubs' master spreadsheets. */
export const PATHFINDER_WORKBOOKS = ['daily', 'liverpool', 'leeds'] as const;
export type PathfinderWorkbook = (typeof PATHFINDER_WORKBOOKS)[number];

/** File name of each workbook inside the Pathfinder folder (fixed estate layout). */
export const PATHFINDER_FILES: Readonly<Record<PathfinderWorkbook, string>> = Object.freeze({
  daily: 'pathfinder-daily.xlsx',
  liverpool: 'liverpool-master.xlsx',
  leeds: 'leeds-master.xlsx',
});

/** Barriers to removal as the guidance names them (004 fn 5, §7.12–7.19). */
export const BARRIERS = [
  'OUTSTANDING_ASYLUM_CLAIM',
  'OUTSTANDING_APPLICATION',
  'FURTHER_REPRESENTATIONS',
  'JUDICIAL_REVIEW',
  'NO_TRAVEL_DOCUMENT',
] as const;
export type Barrier = (typeof BARRIERS)[number];

/** Non-detained FNO band (004 §6.3–6.4): 1–2 owned by Liverpool, 3–4 by Leeds. */
export type Band = 1 | 2 | 3 | 4;

/**
 * A date as someone typed it into a spreadsheet: '3/4/85', '03.04.1985', '3rd April 2016',
 * 'Apr-16', 'TBC', or a real Excel date cell. `date` is set when a whole day could be read;
 * `month` (`YYYY-MM`) when at least the month could; `raw` is always what the cell showed.
 */
export interface HandTypedDate {
  /** ISO `YYYY-MM-DD`, or null when the cell does not give a whole, valid day. */
  readonly date: string | null;
  /** ISO `YYYY-MM`, or null when not even the month can be read. */
  readonly month: string | null;
  /** The cell as written (an Excel date cell is shown as `YYYY-MM-DD`). */
  readonly raw: string;
}

/** A diary event added by hand: a date and what is due then (004 §6.42). */
export interface PathfinderDiaryEvent {
  /** When, as typed; null when the row gives an action without a date. */
  readonly on: HandTypedDate | null;
  /** What is due ("ETD interview", "3 month review", ...), free text; null when only a date was typed. */
  readonly action: string | null;
}

/** One cell exactly as the sheet holds it, for display and for fixing at source. */
export interface PathfinderCell {
  /** Column letter, e.g. `C`. */
  readonly column: string;
  /** The header of that column in this workbook. */
  readonly header: string;
  /** The cell shown as text (dates as `YYYY-MM-DD`), or null when empty. */
  readonly value: string | null;
}

/** One row of one Pathfinder workbook. */
export interface PathfinderRow {
  /** `{ source: 'pathfinder', key: '<workbook>#<row>' }`. */
  readonly ref: SourceRef;
  readonly workbook: PathfinderWorkbook;
  /** The worksheet the row is on. */
  readonly sheet: string;
  /** Worksheet row number as Excel shows it (1-based, counting title and header rows). */
  readonly rowNumber: number;
  /** CID case id normalised (trimmed, inner spaces removed, upper case); null when the cell is empty. */
  readonly caseId: string | null;
  /** The case id cell as typed (may carry stray spaces or a lower-case prefix). */
  readonly caseIdRaw: string | null;
  /** CID person id (daily import only). */
  readonly cidPersonId: string | null;
  /** Home Office reference (daily import only). */
  readonly hoRef: string | null;
  /** Name as the row gives it, normalised with the original kept; null when no name is given. */
  readonly name: PersonName | null;
  readonly dateOfBirth: HandTypedDate | null;
  /** Sex as the daily import gives it. */
  readonly gender: 'M' | 'F' | null;
  /** ISO 3166-1 alpha-3, or null when missing or unreadable. */
  readonly nationality: string | null;
  /** Day of the CID import that wrote the row (daily only), ISO `YYYY-MM-DD`. */
  readonly importedOn: string | null;
  /** When the hub added the case to its master (Leeds "Date Raised"), as typed. */
  readonly addedOn: HandTypedDate | null;
  /** CID case status as imported (daily only), e.g. `OPEN`. */
  readonly caseStatus: string | null;
  /** CID owner unit as imported (daily only), exactly as CID labels it. */
  readonly ownerUnit: string | null;
  /** Band as this workbook gives it (may differ from CID). */
  readonly band: Band | null;
  /** MAPPA level as typed (Liverpool only), free text. */
  readonly mappa: string | null;
  /** Removable? as typed in Leeds (band 3 "possibly removable", band 4 "not removable"). */
  readonly removable: boolean | null;
  /** Barriers to removal recognised in the row's barrier cells. */
  readonly barriers: readonly Barrier[];
  /** The barrier cells as typed, joined with ' | '. */
  readonly barriersRaw: string | null;
  /** True when the row marks its barriers resolved, false when it says they are not; null when silent. */
  readonly barriersResolved: boolean | null;
  /** The case owner the row allocates the case to, as typed. */
  readonly allocatedOwner: string | null;
  readonly diary: readonly PathfinderDiaryEvent[];
  /** Free-text comments / notes. */
  readonly comments: string | null;
  /** Every non-empty data cell of the row, as held. */
  readonly cells: readonly PathfinderCell[];
  /** Problems found reading this row; each names workbook, sheet, row and column. */
  readonly issues: readonly DataQualityIssue[];
}

/** Whether one workbook could be read, for health reporting and partial answers. */
export interface PathfinderWorkbookStatus {
  readonly workbook: PathfinderWorkbook;
  /** File name inside the Pathfinder folder. */
  readonly file: string;
  readonly available: boolean;
  /** Data rows read; null when unavailable. */
  readonly rows: number | null;
  /** File modification time (ISO 8601 UTC) of the copy read; null when unavailable. */
  readonly modifiedAt: string | null;
  /** Why the workbook could not be read (no personal data); null when available. */
  readonly error: string | null;
}

/** Split a Pathfinder key `<workbook>#<row>`; null when it is not one. */
export function parsePathfinderKey(key: string): { workbook: PathfinderWorkbook; rowNumber: number } | null {
  const m = /^(daily|liverpool|leeds)#([1-9][0-9]*)$/.exec(key.trim());
  if (!m) return null;
  return { workbook: m[1] as PathfinderWorkbook, rowNumber: Number(m[2]) };
}

export function pathfinderKey(workbook: PathfinderWorkbook, rowNumber: number): string {
  return `${workbook}#${rowNumber}`;
}
