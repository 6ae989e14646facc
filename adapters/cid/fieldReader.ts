/**
 * Reads one CID record's columns and collects what is wrong with them as data-quality issues
 * against that record, so that a bad value becomes null plus an issue, never a crash.
 */
import type { DataQualityIssue, DataQualityKind, SourceRef } from '../../src/domain/common.js';
import { lookupCode } from './codeLists.js';
import { parseCidDate, parseCidDateTime } from './legacyFormat.js';

export class FieldReader {
  private readonly found: DataQualityIssue[] = [];

  constructor(private readonly ref: SourceRef) {}

  get issues(): readonly DataQualityIssue[] {
    return this.found;
  }

  report(kind: DataQualityKind, field: string, rawValue: string | null, message: string): void {
    this.found.push({ kind, refs: [this.ref], field, rawValue, message });
  }

  /** Text, trimmed; empty text reads as null. */
  text(raw: string | null | undefined): string | null {
    if (raw == null) return null;
    const t = raw.trim();
    return t === '' ? null : t;
  }

  /** A `DD-MON-YYYY` date as ISO; null (and an issue) when unreadable. */
  date(field: string, raw: string | null | undefined, required = false): string | null {
    const t = this.text(raw);
    if (t == null) {
      if (required) this.report('MISSING_VALUE', field, raw ?? null, `CID holds no ${field}.`);
      return null;
    }
    const iso = parseCidDate(t);
    if (iso == null) this.report('UNPARSEABLE_VALUE', field, raw ?? null, `"${t}" in ${field} is not a real date.`);
    return iso;
  }

  /** A `DD-MON-YYYY HH24:MI:SS` UK local time as UTC ISO; null (and an issue) when unreadable. */
  dateTime(field: string, raw: string | null | undefined): string | null {
    const t = this.text(raw);
    if (t == null) return null;
    const iso = parseCidDateTime(t);
    if (iso == null) this.report('UNPARSEABLE_VALUE', field, raw ?? null, `"${t}" in ${field} is not a real date and time.`);
    return iso;
  }

  /** A code from one of CID's code lists; null (and an UNKNOWN_CODE issue) when not listed. */
  code<T>(field: string, table: Readonly<Record<string, T>>, raw: string | number | null | undefined, what: string): T | null {
    if (raw == null) return null;
    const t = String(raw).trim();
    if (t === '') return null;
    const value = lookupCode(table, t);
    if (value === undefined) {
      this.report('UNKNOWN_CODE', field, String(raw), `"${t}" is not a known CID ${what} code.`);
      return null;
    }
    return value;
  }

  /** A whole number (pg may return integers as strings); null (and an issue) when not one. */
  integer(field: string, raw: number | string | null | undefined): number | null {
    if (raw == null || raw === '') return null;
    const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (!Number.isInteger(n)) {
      this.report('UNPARSEABLE_VALUE', field, String(raw), `"${raw}" in ${field} is not a whole number.`);
      return null;
    }
    return n;
  }
}
