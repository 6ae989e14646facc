/**
 * The linking pipeline over prepared records: blocking → comparison → scoring → classification →
 * clustering (with human constraints). Pure: no store, no sources. The person index (personIndex.ts)
 * feeds it records and persists what it returns.
 */
import { candidatePairs, DEFAULT_BLOCKING, type BlockingOptions, type BlockingReport } from './blocking.js';
import { classifyPair, type LinkOutcome } from './classify.js';
import { sharedIdentityKeys } from './collisions.js';
import { clusterRecords, type ClusterEdge, type ClusterOptions } from './cluster.js';
import { sharesProvenId } from './identifiers.js';
import { termFrequencies, type TermFrequencies } from './frequencies.js';
import type { LinkageModel } from './model.js';
import type { PreparedRecord } from './prepare.js';
import { comparePair, scoreCompared, type PairEvidence } from './score.js';

export interface ScoredPair {
  readonly left: number;
  readonly right: number;
  readonly outcome: LinkOutcome;
  readonly rule: string;
  readonly guard: string | null;
  /** classify.ts `PairDecision.sharedKeys`. */
  readonly sharedKeys?: readonly string[];
  readonly evidence: PairEvidence;
}

/** A caseworker's constraint between two records (by index into the records being linked). */
export interface HumanConstraint {
  readonly left: number;
  readonly right: number;
  readonly link: boolean;
}

export interface LinkResult {
  /**
   * Pairs that were LINKED or POSSIBLE_MATCH, and NOT_LINKED pairs the model still finds more likely
   * one person than two (`isCompetitor`); other NOT_LINKED pairs are counted, not kept.
   */
  readonly pairs: readonly ScoredPair[];
  readonly compared: number;
  readonly blocking: BlockingReport;
  readonly clusterOf: readonly number[];
  /** Linked pairs that clustering refused, with why: they go to review. */
  readonly refused: readonly { readonly pair: ScoredPair | null; readonly left: number; readonly right: number; readonly reason: string }[];
}

/**
 * A pair below the review threshold that the model still finds more likely one person than two
 * (match weight ≥ 0 bits: posterior probability ≥ 0.5). It is never linked or queued, but it tells
 * the clusterer that a record resembles a second person: a link to one person that is not ahead of
 * such a resemblance to another who cannot be the same by the ambiguity margin is ambiguous, and a
 * group with one is not "only" anyone's candidate (cluster.ts). Issue 4's worse error is the false
 * link: a namesake's custody record whose owner's own records carry slips resembles its owner only
 * weakly, and the other namesake exactly.
 */
export const COMPETITOR_FLOOR = 0;

export function isCompetitor(outcome: LinkOutcome, rule: string, matchWeight: number): boolean {
  return outcome === 'NOT_LINKED' && rule === 'PROBABILISTIC' && matchWeight >= COMPETITOR_FLOOR;
}

/** Score every candidate pair (all blocked pairs, or only those touching `focus`). */
export function scorePairs(
  model: LinkageModel,
  records: readonly PreparedRecord[],
  options: { blocking?: BlockingOptions; focus?: ReadonlySet<number> | null; tf?: TermFrequencies } = {},
): { pairs: ScoredPair[]; compared: number; blocking: BlockingReport } {
  const tf = options.tf ?? termFrequencies(records);
  const { pairs: candidates, report } = candidatePairs(records, options.blocking ?? DEFAULT_BLOCKING, options.focus ?? null);
  const sharedKeys = sharedIdentityKeys(records);
  const kept: ScoredPair[] = [];
  for (const [l, r] of candidates) {
    const a = records[l]!;
    const b = records[r]!;
    const compared = comparePair(a, b);
    const evidence = scoreCompared(model, compared, tf);
    const decision = classifyPair(model, a, b, compared, evidence, sharedKeys);
    if (decision.outcome === 'NOT_LINKED' && !isCompetitor(decision.outcome, decision.rule, evidence.matchWeight)) continue;
    kept.push({ left: l, right: r, ...decision, evidence });
  }
  return { pairs: kept, compared: candidates.length, blocking: report };
}

/** Strength order for clustering: humans, then deterministic rules, then match weight. */
function strengthOf(p: ScoredPair): number {
  return p.rule === 'PROBABILISTIC' ? p.evidence.matchWeight : 1e6 + p.evidence.matchWeight;
}

export function clusterPairs(
  records: readonly PreparedRecord[],
  pairs: readonly ScoredPair[],
  constraints: readonly HumanConstraint[] = [],
  options: ClusterOptions = {},
): { clusterOf: readonly number[]; refused: LinkResult['refused']; promoted: ReadonlySet<ScoredPair>; resolved: ReadonlySet<ScoredPair> } {
  const rejected = new Set(constraints.filter((c) => !c.link).map((c) => pairKey(c.left, c.right)));
  const edges: (ClusterEdge & { pair: ScoredPair | null })[] = [];
  for (const c of constraints) if (c.link) edges.push({ left: c.left, right: c.right, strength: Number.POSITIVE_INFINITY, human: true, pair: null });
  for (const p of pairs) {
    if (rejected.has(pairKey(p.left, p.right))) continue;
    if (p.outcome === 'LINKED') {
      const probabilistic = p.rule === 'PROBABILISTIC';
      const verified = !probabilistic && sharesProvenId(records[p.left]!.ids, records[p.right]!.ids);
      edges.push({ left: p.left, right: p.right, strength: strengthOf(p), probabilistic, verified, pair: p });
    } else if (p.outcome === 'POSSIBLE_MATCH') {
      // Every possible match is a candidate (a group with two is not "only" anybody's); only unguarded
      // probabilistic ones may be joined as a group's only candidate.
      const joinable = p.rule === 'PROBABILISTIC' && p.guard === null;
      edges.push({
        left: p.left, right: p.right, strength: p.evidence.matchWeight, possible: true, candidateOnly: !joinable, pair: p,
        ...(p.sharedKeys ? { sharedKeys: p.sharedKeys } : {}),
      });
    } else if (isCompetitor(p.outcome, p.rule, p.evidence.matchWeight)) {
      edges.push({ left: p.left, right: p.right, strength: p.evidence.matchWeight, competitor: true, pair: p });
    }
  }
  const cannot = constraints.filter((c) => !c.link).map((c) => [c.left, c.right] as const);
  const result = clusterRecords(records, edges, cannot, options);
  return {
    clusterOf: result.clusterOf,
    refused: result.refused.map((r) => ({ pair: (r.edge as (typeof edges)[number]).pair, left: r.edge.left, right: r.edge.right, reason: r.reason })),
    promoted: new Set(result.promoted.map((e) => (e as (typeof edges)[number]).pair!)),
    resolved: new Set(result.resolved.map((e) => (e as (typeof edges)[number]).pair!)),
  };
}

export function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export function linkRecords(
  model: LinkageModel,
  records: readonly PreparedRecord[],
  constraints: readonly HumanConstraint[] = [],
  options: { blocking?: BlockingOptions } = {},
): LinkResult {
  const scored = scorePairs(model, records, options);
  const clustered = clusterPairs(records, scored.pairs, constraints, { ambiguityMargin: model.thresholds.link, unscoredWeight: model.thresholds.review });
  return { pairs: scored.pairs, compared: scored.compared, blocking: scored.blocking, ...clustered };
}
