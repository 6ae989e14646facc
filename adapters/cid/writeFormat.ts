/**
 * CID's write-side formats: the gateway's UTC instants as CID's UK local wall time
 * (`DD-MON-YYYY HH24:MI:SS`), and its reporting enums as CID's codes (the inverse of codeLists.ts).
 */
import type { CidReportingFrequency, CidReportingResult } from '../../src/domain/cid.js';
import { toCidDate } from './legacyFormat.js';
import { bstPeriodUtc } from './ukTime.js';

/** `2017-03-01T09:30:00Z` → `01-MAR-2017 09:30:00` (GMT) / summer instants one hour on (BST). */
export function toCidDateTime(isoInstant: string): string {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) throw new Error(`"${isoInstant}" is not an ISO 8601 instant`);
  const year = new Date(ms).getUTCFullYear();
  const { start, end } = bstPeriodUtc(year);
  const local = new Date(ms + (ms >= start && ms < end ? 3_600_000 : 0)).toISOString();
  return `${toCidDate(local.slice(0, 10))} ${local.slice(11, 19)}`;
}

export const FREQUENCY_CODES: Readonly<Record<CidReportingFrequency, string>> = { WEEKLY: 'W', FORTNIGHTLY: 'F', MONTHLY: 'M' };

/** CID's result column knows "completed", "no show" and blank (004 §7.21); nothing else. */
export const RESULT_CODES: Readonly<Record<CidReportingResult, string>> = { COMPLETED: 'COMPLETED', NO_SHOW: 'NO SHOW' };
