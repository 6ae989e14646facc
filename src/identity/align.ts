/**
 * Name alignment before comparison: of all the ways two records write the name (primary or alias,
 * given/family in order or swapped), pick the pairing that agrees best, and say which was used.
 */
import type { NameForm, PreparedRecord } from './prepare.js';
import { jaroWinkler } from './similarity.js';

export interface AlignedNames {
  readonly left: NameForm | null;
  readonly right: NameForm | null;
  /** Given and family names were swapped on one record. */
  readonly swapped: boolean;
  /** An alias on either record was used. */
  readonly viaAlias: boolean;
}

/** The right-hand form with forename and family name exchanged (copyName's swap, 004 §6.47). */
export function swapForm(f: NameForm): NameForm | null {
  if (f.given.length === 0 || !f.family) return null;
  return {
    given: [f.family, ...f.given.slice(1)],
    family: f.given[0]!,
    givenCanon: [f.familyCanon, ...f.givenCanon.slice(1)],
    familyCanon: f.givenCanon[0]!,
    givenPhonetic: f.familyPhonetic,
    familyPhonetic: f.givenPhonetic,
    alias: f.alias,
  };
}

function agreement(a: NameForm, b: NameForm): number {
  const fam = a.familyCanon && b.familyCanon ? jaroWinkler(a.familyCanon, b.familyCanon) : 0;
  const giv = a.givenCanon.length && b.givenCanon.length ? jaroWinkler(a.givenCanon[0]!, b.givenCanon[0]!) : 0;
  return fam + giv;
}

export function alignNames(a: PreparedRecord, b: PreparedRecord): AlignedNames {
  if (a.names.length === 0 || b.names.length === 0) return { left: a.names[0] ?? null, right: b.names[0] ?? null, swapped: false, viaAlias: false };
  let best: AlignedNames = { left: a.names[0]!, right: b.names[0]!, swapped: false, viaAlias: false };
  let bestScore = agreement(best.left!, best.right!);
  if (bestScore >= 2) return best;
  for (const fa of a.names) {
    for (const fb of b.names) {
      const viaAlias = fa.alias || fb.alias;
      const straight = agreement(fa, fb) - (viaAlias ? 0.001 : 0);
      if (straight > bestScore) {
        best = { left: fa, right: fb, swapped: false, viaAlias };
        bestScore = straight;
      }
      const sw = swapForm(fb);
      if (sw) {
        const s = agreement(fa, sw) - 0.002 - (viaAlias ? 0.001 : 0);
        if (s > bestScore) {
          best = { left: fa, right: sw, swapped: true, viaAlias };
          bestScore = s;
        }
      }
    }
  }
  return best;
}
