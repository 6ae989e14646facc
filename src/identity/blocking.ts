/**
 * Blocking: only records that share a blocking key are compared, so work grows near-linearly with
 * the estate. Rules (any one suffices):
 *   IdentifierBlock   the same value of any linking identifier
 *   DobNameBlock      same date of birth and the phonetic key of any name token (covers swaps, typos in the other name)
 *   YearNamesBlock    same birth year and both phonetic keys (covers day/month swaps and day/month typos)
 *   MonthDayNamesBlock same month and day and both phonetic keys (covers year typos)
 *   NoDobNamesBlock   both phonetic keys, pairing only records where one side has no date of birth
 * Keys are built from every name form (aliases too). Oversized blocks (a placeholder identifier, a
 * very common name on one date) are skipped and counted.
 */
import type { PreparedRecord } from './prepare.js';
import { LINKING_KINDS } from './identifiers.js';

export const BLOCKING_RULES = Object.freeze(['IdentifierBlock', 'DobNameBlock', 'YearNamesBlock', 'MonthDayNamesBlock', 'NoDobNamesBlock'] as const);
export type BlockingRule = (typeof BLOCKING_RULES)[number];

export interface BlockingOptions {
  /** Blocks larger than this are skipped (counted in the report). */
  readonly maxBlockSize: number;
}

export const DEFAULT_BLOCKING: BlockingOptions = Object.freeze({ maxBlockSize: 400 });

/** Every blocking key of a record, prefixed by its rule. */
export function blockingKeys(r: PreparedRecord): string[] {
  const keys = new Set<string>();
  for (const kind of LINKING_KINDS) for (const v of r.ids.get(kind) ?? []) keys.add(`I|${kind}|${v}`);
  for (const f of r.names) {
    const tokens = [f.familyPhonetic, f.givenPhonetic].filter(Boolean);
    const pair = [...tokens].sort().join('+');
    if (r.dob) {
      for (const t of tokens) keys.add(`D|${r.dob.iso}|${t}`);
      if (tokens.length === 2) {
        keys.add(`Y|${r.dob.y}|${pair}`);
        keys.add(`M|${r.dob.m}-${r.dob.d}|${pair}`);
      }
    }
    if (tokens.length === 2) keys.add(`N|${pair}`);
  }
  return [...keys];
}

export interface BlockingReport {
  readonly pairs: number;
  readonly blocks: number;
  readonly skippedBlocks: number;
  readonly largestBlock: number;
}

/**
 * Candidate pairs among `records` (indexes into the array, left < right). When `focus` is given,
 * only pairs with at least one record in focus are produced (incremental update).
 */
export function candidatePairs(
  records: readonly PreparedRecord[],
  options: BlockingOptions = DEFAULT_BLOCKING,
  focus: ReadonlySet<number> | null = null,
): { pairs: Array<[number, number]>; report: BlockingReport } {
  const blocks = new Map<string, number[]>();
  for (const r of records) {
    for (const k of blockingKeys(r)) {
      const list = blocks.get(k);
      if (list) list.push(r.index);
      else blocks.set(k, [r.index]);
    }
  }
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const n = records.length;
  let skipped = 0;
  let largest = 0;
  let used = 0;
  const add = (x: number, y: number) => {
    if (x === y) return;
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    if (focus && !focus.has(lo) && !focus.has(hi)) return;
    const key = lo * n + hi;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([lo, hi]);
  };
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    if (members.length > options.maxBlockSize) {
      skipped++;
      continue;
    }
    used++;
    if (members.length > largest) largest = members.length;
    if (key.startsWith('N|')) {
      for (const x of members) if (!records[x]!.dob) for (const y of members) add(x, y);
      continue;
    }
    if (focus) {
      for (const x of members) if (focus.has(x)) for (const y of members) add(x, y);
      continue;
    }
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) add(members[i]!, members[j]!);
  }
  return { pairs, report: { pairs: pairs.length, blocks: used, skippedBlocks: skipped, largestBlock: largest } };
}
