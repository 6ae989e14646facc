/**
 * Term frequencies of names across the records being linked, for Splink-style term-frequency
 * adjustment: agreeing on a rare family name is stronger evidence than agreeing on a common one.
 */
import type { PreparedRecord } from './prepare.js';

export interface TermFrequencies {
  /** Share of records with this value, by comparison name ('familyName', 'givenName'). */
  frequency(comparison: string, term: string): number | null;
  /**
   * Share of records whose primary name has this forename and family name together. Names run in
   * families of nationality, so a pair of names each rare in the estate can be common together:
   * the joint share, not the product of the two, says how rare an exact full name is.
   */
  fullNameFrequency(given: string, family: string): number | null;
}

export function termFrequencies(records: readonly PreparedRecord[]): TermFrequencies {
  const family = new Map<string, number>();
  const given = new Map<string, number>();
  const full = new Map<string, number>();
  let nf = 0;
  let ng = 0;
  let nfull = 0;
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
    if (f.family && f.given[0]) {
      const k = `${f.given[0]}|${f.family}`;
      full.set(k, (full.get(k) ?? 0) + 1);
      nfull++;
    }
  }
  return {
    frequency(comparison, term) {
      const table = comparison === 'familyName' ? family : comparison === 'givenName' ? given : null;
      const n = comparison === 'familyName' ? nf : ng;
      if (!table || n === 0) return null;
      return (table.get(term) ?? 1) / n;
    },
    fullNameFrequency(given, family) {
      if (nfull === 0) return null;
      return (full.get(`${given}|${family}`) ?? 1) / nfull;
    },
  };
}
