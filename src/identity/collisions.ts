/**
 * Names and dates of birth known to be shared by two different people.
 *
 * The model's evidence for a pair with no shared identifier is its names and date of birth. That
 * evidence is strong only while the combination is unique in the population; term frequencies
 * (frequencies.ts) lower it for common names, but cannot know that a rare name with an exact date of
 * birth belongs to two people. The estate can: when two records with the same name and date of birth
 * carry conflicting personal identifiers (two valid PNC ids, or a mistyped one that is no slip of
 * the other; two HO refs; two fingerprint refs), at least two people hold that combination, and a
 * third record that matches it by name and date of birth alone is as likely to be one as the
 * other (issue 4: namesakes must not be auto-linked; a false link puts one person's criminal record
 * on another's file). Such pairs go to review, unless they also agree on place of birth
 * (classify.ts): evidence beyond the name and date they share.
 *
 * The key is the primary name's phonetic keys, in either order (given and family names get swapped),
 * with the exact date of birth, so that spelling slips and swaps of the same name fall on one key. Work is linear in the records plus quadratic only within a key
 * (a handful of records).
 */
import { holdsPersonalIdentifier, identifiersConflict } from './identifiers.js';
import type { PreparedRecord } from './prepare.js';

/** The key a record's name and date of birth fall on, or null without a name or a full date of birth. */
export function identityKey(r: PreparedRecord): string | null {
  const n = r.names[0];
  if (!n || !r.dob || !n.familyPhonetic || !n.givenPhonetic) return null;
  const [x, y] = n.familyPhonetic <= n.givenPhonetic ? [n.familyPhonetic, n.givenPhonetic] : [n.givenPhonetic, n.familyPhonetic];
  return `${x}|${y}|${r.dob.iso}`;
}

/**
 * Keys held by at least two people, each with the identifier kind that proves it. Records only
 * count with at least one personal identifier, so the quadratic step sees few records per key.
 */
export function sharedIdentityKeys(records: readonly PreparedRecord[]): ReadonlyMap<string, string> {
  const byKey = new Map<string, PreparedRecord[]>();
  for (const r of records) {
    if (!holdsPersonalIdentifier(r)) continue;
    const key = identityKey(r);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  const shared = new Map<string, string>();
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    search: for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const kind = identifiersConflict(list[i]!, list[j]!);
        if (kind) {
          shared.set(key, kind);
          break search;
        }
      }
    }
  }
  return shared;
}

/**
 * Why a probabilistic link between two records must not be automatic because their name and date of
 * birth are held by two people, or null. Applies when either record sits on a shared key.
 */
export function sharedKeyGuard(shared: ReadonlyMap<string, string>, a: PreparedRecord, b: PreparedRecord): string | null {
  for (const key of sharedKeysOf(shared, a, b)) return `name and date of birth held by two people (conflicting ${shared.get(key)!})`;
  return null;
}

/** The shared keys the two records sit on (none, one, or two when their names or dates differ). */
export function sharedKeysOf(shared: ReadonlyMap<string, string>, a: PreparedRecord, b: PreparedRecord): string[] {
  if (shared.size === 0) return [];
  const keys: string[] = [];
  for (const r of [a, b]) {
    const key = identityKey(r);
    if (key !== null && shared.has(key) && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
