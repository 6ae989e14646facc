/**
 * The Pathfinder adapter: reads the daily import and the Liverpool and Leeds master spreadsheets
 * (004 §6.40–6.44) from one folder, indexes their rows by CID case id and by `<workbook>#<row>`,
 * and keeps them in memory until a file's modification time or size changes, when that workbook
 * alone is read again. A workbook that is missing or unreadable gives a SourceUnavailableError
 * naming the file while the others still answer; only when every workbook a batch needs is
 * unavailable does the whole batch reject (DataLoader contract).
 *
 * It returns domain records (src/domain/pathfinder.ts) and identity fragments, never raw cells
 * alone, and knows nothing of GraphQL. Comparing rows with CID is the person view's job.
 */
import { access, stat } from 'node:fs/promises';
import { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import type { Identifier, IdentityFragment } from '../../src/domain/common.js';
import { BadInputError, NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import {
  parsePathfinderKey,
  PATHFINDER_FILES,
  PATHFINDER_WORKBOOKS,
  type PathfinderRow,
  type PathfinderWorkbook,
  type PathfinderWorkbookStatus,
} from '../../src/domain/pathfinder.js';
import { normaliseCaseId } from './parse-values.js';
import { readPathfinderWorkbook } from './read-workbook.js';

export interface PathfinderAdapterOptions {
  /** Folder holding pathfinder-daily.xlsx, liverpool-master.xlsx and leeds-master.xlsx. */
  readonly dir: string;
  /**
   * Day (ISO `YYYY-MM-DD`) two-digit years are read against: a date of birth '3/4/85' lies before
   * it, a diary date '3/4/18' nearest to it. Defaults to the current date.
   */
  readonly referenceDate?: string;
}

export interface PathfinderAdapter {
  /** Rows of every available workbook for each CID case id (normalised before lookup), in key order. */
  rowsByCaseIds(caseIds: readonly string[]): Promise<ReadonlyArray<readonly PathfinderRow[] | Error>>;
  /** Rows by `<workbook>#<row>`; NotFoundError for an unknown key, SourceUnavailableError when its workbook cannot be read. */
  rowsByKeys(keys: readonly string[]): Promise<ReadonlyArray<PathfinderRow | Error>>;
  /** Identity fragments by `<workbook>#<row>`. */
  fragmentsByKeys(keys: readonly string[]): Promise<ReadonlyArray<IdentityFragment | Error>>;
  /**
   * Every row's identity fragment, workbook by workbook. Rows of the workbooks that can be read
   * are yielded first; if any workbook could not be read the iteration then throws a
   * SourceUnavailableError naming the files, so an index build knows it is incomplete.
   */
  scanFragments(): AsyncIterable<IdentityFragment>;
  /** Whether each workbook (default: all three) can be read, reading it if needed. */
  workbookStatus(workbooks?: readonly PathfinderWorkbook[]): Promise<ReadonlyArray<PathfinderWorkbookStatus>>;
  /** Resolves when all three files exist and are readable; rejects naming the ones that are not. */
  ping(): Promise<void>;
  /** Drop the in-memory copies. */
  close(): Promise<void>;
}

interface LoadedWorkbook {
  readonly workbook: PathfinderWorkbook;
  readonly modifiedAt: string;
  readonly rows: readonly PathfinderRow[];
  readonly byRow: ReadonlyMap<number, PathfinderRow>;
  readonly byCaseId: ReadonlyMap<string, readonly PathfinderRow[]>;
}

interface CacheEntry {
  /** mtime and size of the file the promise is reading. */
  readonly signature: string;
  readonly loading: Promise<LoadedWorkbook>;
}

type LoadResult = { ok: true; value: LoadedWorkbook } | { ok: false; error: SourceUnavailableError };

function index(workbook: PathfinderWorkbook, modifiedAt: string, rows: readonly PathfinderRow[]): LoadedWorkbook {
  const byRow = new Map<number, PathfinderRow>();
  const byCaseId = new Map<string, PathfinderRow[]>();
  for (const row of rows) {
    byRow.set(row.rowNumber, row);
    if (row.caseId) {
      const list = byCaseId.get(row.caseId);
      if (list) list.push(row);
      else byCaseId.set(row.caseId, [row]);
    }
  }
  return { workbook, modifiedAt, rows, byRow, byCaseId };
}

/** What one row says about who the person is (identity resolution links fragments). */
export function pathfinderFragment(row: PathfinderRow): IdentityFragment {
  const identifiers: Identifier[] = [];
  if (row.caseId) identifiers.push({ kind: 'CID_CASE', value: row.caseId });
  if (row.cidPersonId) identifiers.push({ kind: 'CID_PERSON', value: row.cidPersonId });
  if (row.hoRef) identifiers.push({ kind: 'HO_REF', value: row.hoRef });
  return {
    ref: row.ref,
    name: row.name ?? { given: [], family: '', original: '' },
    aliases: [],
    dateOfBirth: row.dateOfBirth?.date ?? null,
    gender: row.gender,
    nationality: row.nationality,
    placeOfBirth: null,
    identifiers,
    recordedAt: row.importedOn ? `${row.importedOn}T00:00:00Z` : null,
  };
}

export function createPathfinderAdapter(options: PathfinderAdapterOptions): PathfinderAdapter {
  const { dir } = options;
  const referenceYear = Number((options.referenceDate ?? new Date().toISOString()).slice(0, 4));
  const cache = new Map<PathfinderWorkbook, CacheEntry>();

  const fileOf = (wb: PathfinderWorkbook) => path.join(dir, PATHFINDER_FILES[wb]);

  async function load(wb: PathfinderWorkbook): Promise<LoadResult> {
    try {
      let signature: string;
      let mtime: Date;
      try {
        const st = await stat(fileOf(wb));
        signature = `${st.mtimeMs}:${st.size}`;
        mtime = st.mtime;
      } catch {
        cache.delete(wb);
        throw new SourceUnavailableError('pathfinder', `${PATHFINDER_FILES[wb]} not found in the Pathfinder folder`);
      }
      let entry = cache.get(wb);
      if (!entry || entry.signature !== signature) {
        const loading = readPathfinderWorkbook(dir, wb, referenceYear).then((r) => index(wb, mtime.toISOString(), r.rows));
        entry = { signature, loading };
        cache.set(wb, entry);
        // A failed read is not kept: the next call tries again.
        loading.catch(() => {
          if (cache.get(wb) === entry) cache.delete(wb);
        });
      }
      return { ok: true, value: await entry.loading };
    } catch (err) {
      const error = err instanceof SourceUnavailableError ? err : new SourceUnavailableError('pathfinder', `${PATHFINDER_FILES[wb]} could not be read`);
      return { ok: false, error };
    }
  }

  async function loadAll(workbooks: readonly PathfinderWorkbook[]): Promise<Map<PathfinderWorkbook, LoadResult>> {
    const results = await Promise.all(workbooks.map(load));
    return new Map(workbooks.map((wb, i) => [wb, results[i]!]));
  }

  /** Reject the whole batch only when none of the workbooks it needs could be read. */
  function failIfNoneAvailable(results: ReadonlyMap<PathfinderWorkbook, LoadResult>): void {
    const failed = [...results.values()].filter((r): r is { ok: false; error: SourceUnavailableError } => !r.ok);
    if (failed.length > 0 && failed.length === results.size) {
      if (failed.length === 1) throw failed[0]!.error;
      throw new SourceUnavailableError('pathfinder', failed.map((f) => f.error.details['reason']).join('; '));
    }
  }

  async function rowsByKeys(keys: readonly string[]): Promise<ReadonlyArray<PathfinderRow | Error>> {
    const parsed = keys.map(parsePathfinderKey);
    const needed = [...new Set(parsed.flatMap((p) => (p ? [p.workbook] : [])))];
    const results = await loadAll(needed);
    failIfNoneAvailable(results);
    return keys.map((key, i) => {
      const p = parsed[i];
      if (!p) return new NotFoundError('pathfinder', 'row', key);
      const r = results.get(p.workbook)!;
      if (!r.ok) return r.error;
      return r.value.byRow.get(p.rowNumber) ?? new NotFoundError('pathfinder', 'row', key);
    });
  }

  return {
    async rowsByCaseIds(caseIds) {
      const results = await loadAll(PATHFINDER_WORKBOOKS);
      failIfNoneAvailable(results);
      return caseIds.map((raw) => {
        const caseId = normaliseCaseId(raw);
        if (!caseId) return new BadInputError('caseId', 'a CID case id is needed');
        const rows: PathfinderRow[] = [];
        for (const wb of PATHFINDER_WORKBOOKS) {
          const r = results.get(wb)!;
          if (r.ok) rows.push(...(r.value.byCaseId.get(caseId) ?? []));
        }
        return rows;
      });
    },

    rowsByKeys,

    async fragmentsByKeys(keys) {
      const rows = await rowsByKeys(keys);
      return rows.map((r) => (r instanceof Error ? r : pathfinderFragment(r)));
    },

    async *scanFragments() {
      const failures: SourceUnavailableError[] = [];
      for (const wb of PATHFINDER_WORKBOOKS) {
        const r = await load(wb);
        if (!r.ok) {
          failures.push(r.error);
          continue;
        }
        for (const row of r.value.rows) yield pathfinderFragment(row);
      }
      if (failures.length > 0) throw new SourceUnavailableError('pathfinder', failures.map((f) => f.details['reason']).join('; '));
    },

    async workbookStatus(workbooks = PATHFINDER_WORKBOOKS) {
      const results = await loadAll(workbooks);
      return workbooks.map((wb): PathfinderWorkbookStatus => {
        const r = results.get(wb)!;
        return r.ok
          ? { workbook: wb, file: PATHFINDER_FILES[wb], available: true, rows: r.value.rows.length, modifiedAt: r.value.modifiedAt, error: null }
          : { workbook: wb, file: PATHFINDER_FILES[wb], available: false, rows: null, modifiedAt: null, error: r.error.message };
      });
    },

    async ping() {
      const problems: string[] = [];
      for (const wb of PATHFINDER_WORKBOOKS) {
        try {
          await access(fileOf(wb), fsConstants.R_OK);
          if (!(await stat(fileOf(wb))).isFile()) problems.push(`${PATHFINDER_FILES[wb]} is not a file`);
        } catch {
          problems.push(`${PATHFINDER_FILES[wb]} is missing or unreadable`);
        }
      }
      if (problems.length > 0) throw new SourceUnavailableError('pathfinder', `${problems.join('; ')} (folder ${dir})`);
    },

    async close() {
      cache.clear();
    },
  };
}
