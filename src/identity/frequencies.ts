/**
 * Term frequencies of names across the records being linked, for Splink-style term-frequency
 * adjustment: agreeing on a rare family name is stronger evidence than agreeing on a common one.
 */
import type { PreparedRecord } from './prepare.js';

export interface TermFrequencies {
  /** Share of records with this value, by comparison name ('familyName', 'givenName'). */
  frequency(comparison: string, term: string): number | null;
}

export function termFrequencies(records: readonly PreparedRecord[]): TermFrequencies {
  const family = new Map<string, number>();
  const given = new Map<string, number>();
  let nf = 0;
  let ng = 0;
  for (const r of records) {
    const f = r.names[0];
    if (!f) continue;
    if (f.family) {
      family.set(f.family, (family.get(f.family) ?? 0) + 1);
      nf++;
    }
    if (f.given[0]) {
      given.set(f.given[0], (given.get(f.given[0]) ?? 0) + 1);
      ng++;
    }
  }
  return {
    frequency(comparison, term) {
      const table = comparison === 'familyName' ? family : comparison === 'givenName' ? given : null;
      const n = comparison === 'familyName' ? nf : ng;
      if (!table || n === 0) return null;
      return (table.get(term) ?? 1) / n;
    },
  };
}
