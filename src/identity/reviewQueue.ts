/**
 * What goes to the review queue, from the clustered pairs (issue 4: possible matches go to a review
 * queue; a caseworker's time is the cost). One item per pair of persons, the best-scoring pair
 * between them, from possible matches and from links the clusterer refused. Left out:
 *
 * - persons a caseworker already decided on (the pair of records);
 * - persons whose identifiers already prove them two (two valid PNC ids, far-apart fingerprint refs:
 *   the clusterer refuses to join them, so there is nothing to decide), unless the pair shares an
 *   identifier, which then was reused or miscopied onto the other person's record: a caseworker
 *   should see that;
 * - for now, two persons neither of whom holds a personal identifier, when each is queued against
 *   one who does: deciding those items settles this one (a record put on a person with an
 *   identifier is compared with the other as that person). It is offered again if they leave it open.
 */
import { heldTogether, holdsPersonalIdentifier, identifiersConflict, type HeldIdentifiers } from './identifiers.js';
import { pairKey, type ScoredPair } from './link.js';
import type { PreparedRecord } from './prepare.js';

export interface ReviewOffer {
  /** Record indexes of the best-scoring pair between the two persons. */
  readonly left: number;
  readonly right: number;
  /** Cluster roots (clusterOf values) of the two persons. */
  readonly leftCluster: number;
  readonly rightCluster: number;
  readonly pair: ScoredPair;
  /** Why it is in review: the pair's guard, the thresholds, or the clusterer's refusal. */
  readonly reason: string;
}

export interface ReviewInput {
  readonly records: readonly PreparedRecord[];
  readonly clusterOf: readonly number[];
  readonly pairs: readonly ScoredPair[];
  readonly refused: readonly { readonly pair: ScoredPair | null; readonly left: number; readonly right: number; readonly reason: string }[];
  /** Record pairs (`pairKey`) a caseworker decided on. */
  readonly decided?: ReadonlySet<string>;
}

export function reviewOffers(input: ReviewInput): ReviewOffer[] {
  const { records, clusterOf } = input;
  const decided = input.decided ?? new Set<string>();
  const members = new Map<number, number[]>();
  clusterOf.forEach((c, i) => (members.get(c) ?? members.set(c, []).get(c)!).push(i));
  const heldOf = new Map<number, HeldIdentifiers>();
  const held = (root: number): HeldIdentifiers => {
    let h = heldOf.get(root);
    if (!h) heldOf.set(root, (h = heldTogether(members.get(root)!.map((i) => records[i]!))));
    return h;
  };
  const identified = (root: number) => holdsPersonalIdentifier(held(root));

  const best = new Map<string, ReviewOffer>();
  const offer = (pair: ScoredPair, left: number, right: number, reason: string) => {
    const lc = clusterOf[left]!;
    const rc = clusterOf[right]!;
    if (lc === rc || decided.has(pairKey(left, right))) return;
    if (pair.rule === 'PROBABILISTIC' && identifiersConflict(held(lc), held(rc))) return;
    const key = lc < rc ? `${lc}|${rc}` : `${rc}|${lc}`;
    const cur = best.get(key);
    if (cur && cur.pair.evidence.matchWeight >= pair.evidence.matchWeight) return;
    best.set(key, { left, right, leftCluster: lc, rightCluster: rc, pair, reason });
  };
  for (const p of input.pairs) if (p.outcome === 'POSSIBLE_MATCH') offer(p, p.left, p.right, p.guard ?? 'score between the review and link thresholds');
  for (const r of input.refused) if (r.pair) offer(r.pair, r.left, r.right, `link refused: ${r.reason}`);

  const queuedAgainstIdentified = new Set<number>();
  for (const o of best.values()) {
    if (identified(o.leftCluster) && !identified(o.rightCluster)) queuedAgainstIdentified.add(o.rightCluster);
    if (identified(o.rightCluster) && !identified(o.leftCluster)) queuedAgainstIdentified.add(o.leftCluster);
  }
  return [...best.values()].filter((o) => !(queuedAgainstIdentified.has(o.leftCluster) && queuedAgainstIdentified.has(o.rightCluster)));
}
