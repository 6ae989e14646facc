/**
 * Reads one raw custody row field by field, collecting a data-quality issue for every value it
 * cannot read (never throwing), so each force mapping can stay a flat list of "this column means
 * that". SQLite and PostgreSQL return some values differently (bigint as string on pg): read here.
 */
import type { DataQualityIssue, DataQualityKind, Gender, SourceRef } from '../../src/domain/common.js';
import type { CheckRoute, StatusCheckResult } from '../../src/domain/custody.js';
import { offenceByCode, OFFENCES } from '../../src/domain/offences.js';

export type RawRow = Readonly<Record<string, unknown>>;

const OFFENCE_BY_DESCRIPTION = new Map(OFFENCES.map((o) => [o.description.toUpperCase(), o.code]));

export class RowReader {
  readonly issues: DataQualityIssue[] = [];

  constructor(
    readonly ref: SourceRef,
    private readonly row: RawRow,
  ) {}

  /** Trimmed text, or null when absent or blank. */
  text(column: string): string | null {
    const v = this.row[column];
    if (v == null) return null;
    const s = String(v).trim();
    return s === '' ? null : s;
  }

  /** A whole number (pg returns bigint columns as strings), or null when absent. */
  int(column: string): number | null {
    const v = this.row[column];
    if (v == null || v === '') return null;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n)) {
      this.issue('UNPARSEABLE_VALUE', column, String(v), `"${column}" should be a whole number.`);
      return null;
    }
    return n;
  }

  issue(kind: DataQualityKind, field: string, rawValue: string | null, message: string): void {
    this.issues.push(Object.freeze({ kind, refs: [this.ref], field, rawValue, message }));
  }

  /** Look a code up in a code list; an unknown code becomes an issue and null. */
  code<T>(column: string, list: Readonly<Record<string, T>>, what: string): T | null {
    const raw = this.text(column);
    if (raw == null) return null;
    const value = Object.prototype.hasOwnProperty.call(list, raw) ? list[raw] : undefined;
    if (value === undefined) {
      this.issue('UNKNOWN_CODE', column, raw, `Unknown ${what} code "${raw}" in "${column}".`);
      return null;
    }
    return value;
  }

  /** A yes/no flag in the force's convention; blank reads as `blankAs`. */
  flag(column: string, yes: string | number, no: string | number, blankAs: boolean | null = false): boolean | null {
    const raw = this.text(column);
    if (raw == null) return blankAs;
    if (raw === String(yes)) return true;
    if (raw === String(no)) return false;
    this.issue('UNKNOWN_CODE', column, raw, `"${column}" should be ${yes} or ${no}.`);
    return blankAs;
  }

  /** A date/time text parsed by `parse`; unreadable text becomes an issue and null. */
  parsed(column: string, parse: (raw: string) => string | null, what: string): string | null {
    const raw = this.text(column);
    if (raw == null) return null;
    const value = parse(raw);
    if (value == null) this.issue('UNPARSEABLE_VALUE', column, raw, `Could not read the ${what} "${raw}" in "${column}".`);
    return value;
  }

  /** The gateway offence code for a force's code (`byCode`) or title (`byTitle`). */
  offence(column: string, by: 'code' | 'title'): string | null {
    const raw = this.text(column);
    if (raw == null) {
      this.issue('MISSING_VALUE', column, null, 'The custody record names no offence.');
      return null;
    }
    const code = by === 'code' ? offenceByCode(raw)?.code : OFFENCE_BY_DESCRIPTION.get(raw.toUpperCase().replace(/\s+/g, ' '));
    if (!code) this.issue('UNKNOWN_CODE', column, raw, `Unknown offence "${raw}" in "${column}".`);
    return code ?? null;
  }
}

/** The code lists every force mapping fills in for its own codes. */
export type GenderCodes = Readonly<Record<string, Gender>>;
export type RouteCodes = Readonly<Record<string, CheckRoute>>;
export type ResultCodes = Readonly<Record<string, StatusCheckResult>>;
