/**
 * Stable gateway person ids. A cluster keeps the id most of its records had before (a person who
 * gains or loses a record keeps their id); a cluster with no prior id gets `P-` + a short hash of
 * its earliest record reference, so re-running a build from the same data gives the same ids.
 */
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function mintPersonId(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[digest[i]! % 32];
  return `P-${out}`;
}

/**
 * Ids for clusters (each a list of record refs). `prior` maps a record ref to the person id it had;
 * `reserved` are ids that must not be minted again (retired persons).
 */
export function assignPersonIds(
  clusters: readonly (readonly string[])[],
  prior: ReadonlyMap<string, string>,
  reserved: ReadonlySet<string> = new Set(),
): string[] {
  const order = clusters.map((c, i) => ({ i, size: c.length, first: [...c].sort()[0] ?? '' }));
  order.sort((a, b) => b.size - a.size || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const claimed = new Set<string>();
  const ids = new Array<string>(clusters.length);
  const pending: typeof order = [];
  for (const o of order) {
    const votes = new Map<string, number>();
    for (const ref of clusters[o.i]!) {
      const id = prior.get(ref);
      if (id) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const choice = ranked.find(([id]) => !claimed.has(id));
    if (choice) {
      ids[o.i] = choice[0];
      claimed.add(choice[0]);
    } else pending.push(o);
  }
  for (const o of pending) {
    let n = 0;
    let id = mintPersonId(o.first);
    while (claimed.has(id) || reserved.has(id)) id = mintPersonId(`${o.first}#${++n}`);
    ids[o.i] = id;
    claimed.add(id);
  }
  return ids;
}
