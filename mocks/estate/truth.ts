/**
 * The ground-truth files written beside the sources, for evaluating identity resolution (the
 * gateway never reads them):
 * - `truth/records.tsv`: `source\tkey\tpersonId`, one row per source record that belongs to a true
 *   person, sorted by source, key and person id (code-unit order), duplicates removed;
 * - `truth/persons.ndjson`: one JSON line per true person, in id order: id, names, date of birth,
 *   gender, nationality, place of birth, who they were made to resemble, showcase tag.
 * Both are byte-identical for the same seed and options.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Population, TruthRecord } from './model.js';
import type { TruthSink } from './render/types.js';

export const TRUTH_DIR = 'truth';
export const TRUTH_RECORDS_FILE = 'records.tsv';
export const TRUTH_PERSONS_FILE = 'persons.ndjson';

const FORBIDDEN = /[\t\r\n]/;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Collects what renderers report; rejects values that would break the TSV at once, naming them. */
export class TruthCollector implements TruthSink {
  private readonly rows: TruthRecord[] = [];

  add(record: TruthRecord): void {
    for (const field of ['source', 'key', 'personId'] as const) {
      const value = record[field];
      if (typeof value !== 'string' || value.length === 0 || FORBIDDEN.test(value)) {
        throw new Error(`truth record ${field} ${JSON.stringify(value)} is empty or holds a tab or line break (source "${record.source}")`);
      }
    }
    this.rows.push({ source: record.source, key: record.key, personId: record.personId });
  }

  get size(): number {
    return this.rows.length;
  }

  /** Sorted by source, key, person id, without duplicates. */
  records(): TruthRecord[] {
    const sorted = [...this.rows].sort((a, b) => compare(a.source, b.source) || compare(a.key, b.key) || compare(a.personId, b.personId));
    return sorted.filter((r, i) => i === 0 || r.source !== sorted[i - 1]!.source || r.key !== sorted[i - 1]!.key || r.personId !== sorted[i - 1]!.personId);
  }
}

/** Writes both truth files under `<outDir>/truth/`; returns how many rows each holds. */
export function writeTruth(outDir: string, population: Population, collector: TruthCollector): { records: number; persons: number } {
  const dir = join(outDir, TRUTH_DIR);
  mkdirSync(dir, { recursive: true });
  const records = collector.records();
  const lines: string[] = ['source\tkey\tpersonId'];
  for (const r of records) lines.push(`${r.source}\t${r.key}\t${r.personId}`);
  writeFileSync(join(dir, TRUTH_RECORDS_FILE), lines.join('\n') + '\n');

  const persons = [...population.persons].sort((a, b) => compare(a.id, b.id));
  const out: string[] = [];
  for (const p of persons) {
    out.push(
      JSON.stringify({
        id: p.id,
        givenNames: p.givenNames,
        familyName: p.familyName,
        dateOfBirth: p.dateOfBirth,
        gender: p.gender,
        nationality: p.nationality,
        placeOfBirth: p.placeOfBirth,
        resembles: p.resembles,
        showcase: p.showcase ?? null,
      }),
    );
  }
  writeFileSync(join(dir, TRUTH_PERSONS_FILE), out.join('\n') + '\n');
  return { records: records.length, persons: persons.length };
}
