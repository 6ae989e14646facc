/**
 * Scores a person index against ground truth (an estate's truth/records.tsv): pairwise precision,
 * recall and F1 of the auto-links, review-queue size, hard negatives (twins, namesakes) auto-linked,
 * and the worst false links and misses with their evidence. Works on any estate: it only needs the
 * record → true person map and the list of look-alike person pairs.
 */
import type { PairEvidence } from './score.js';

export interface EvaluationInput {
  /** `source:key` → gateway person id. */
  readonly assigned: ReadonlyMap<string, string>;
  /** `source:key` → true person id. */
  readonly truth: ReadonlyMap<string, string>;
  /** Look-alike true persons (twins, namesakes): [personId, resemblesPersonId, kind]. */
  readonly hardNegatives: readonly (readonly [string, string, string])[];
  readonly reviewQueue: number;
  /** Scored candidate pairs (LINKED / POSSIBLE_MATCH), for the worst errors. */
  readonly pairs: readonly { readonly leftRef: string; readonly rightRef: string; readonly outcome: string; readonly rule: string; readonly matchWeight: number; readonly evidence: PairEvidence }[];
  readonly worst?: number;
}

export interface ErrorExample {
  readonly leftRef: string;
  readonly rightRef: string;
  readonly rule: string;
  readonly outcome: string;
  readonly matchWeight: number;
  readonly evidence: PairEvidence | null;
}

export interface EvaluationReport {
  readonly records: number;
  readonly recordsWithoutTruth: number;
  readonly truePersons: number;
  readonly gatewayPersons: number;
  readonly truePairs: number;
  readonly predictedPairs: number;
  readonly correctPairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly reviewQueue: number;
  readonly reviewPercentOfPersons: number;
  readonly hardNegatives: number;
  readonly hardNegativesAutoLinked: number;
  readonly worstFalseLinks: readonly ErrorExample[];
  readonly worstMisses: readonly ErrorExample[];
  /** True persons split across gateway persons with no scored pair between the parts. */
  readonly missesNeverScored: number;
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

export function evaluateLinks(input: EvaluationInput): EvaluationReport {
  const worst = input.worst ?? 10;
  const cell = new Map<string, number>();
  const gw = new Map<string, number>();
  const tr = new Map<string, number>();
  let missing = 0;
  const personsOfTruth = new Map<string, Set<string>>();
  for (const [ref, person] of input.assigned) {
    const t = input.truth.get(ref);
    if (t === undefined) {
      missing++;
      continue;
    }
    const k = `${person}\u0000${t}`;
    cell.set(k, (cell.get(k) ?? 0) + 1);
    gw.set(person, (gw.get(person) ?? 0) + 1);
    tr.set(t, (tr.get(t) ?? 0) + 1);
    const s = personsOfTruth.get(t) ?? new Set<string>();
    s.add(person);
    personsOfTruth.set(t, s);
  }
  let correct = 0;
  for (const n of cell.values()) correct += pairsOf(n);
  let predicted = 0;
  for (const n of gw.values()) predicted += pairsOf(n);
  let actual = 0;
  for (const n of tr.values()) actual += pairsOf(n);
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = actual === 0 ? 1 : correct / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  let hardLinked = 0;
  for (const [a, b] of input.hardNegatives) {
    const pa = personsOfTruth.get(a);
    const pb = personsOfTruth.get(b);
    if (pa && pb && [...pa].some((p) => pb.has(p))) hardLinked++;
  }

  const falseLinks: ErrorExample[] = [];
  const misses: ErrorExample[] = [];
  const splitScored = new Set<string>();
  for (const p of input.pairs) {
    const tl = input.truth.get(p.leftRef);
    const trr = input.truth.get(p.rightRef);
    if (tl === undefined || trr === undefined) continue;
    const sameGateway = input.assigned.get(p.leftRef) === input.assigned.get(p.rightRef);
    const ex = { leftRef: p.leftRef, rightRef: p.rightRef, rule: p.rule, outcome: p.outcome, matchWeight: p.matchWeight, evidence: p.evidence };
    if (tl !== trr && sameGateway && p.outcome !== 'NOT_LINKED') falseLinks.push(ex);
    if (tl === trr && !sameGateway) {
      misses.push(ex);
      splitScored.add(tl);
    }
  }
  falseLinks.sort((a, b) => b.matchWeight - a.matchWeight);
  misses.sort((a, b) => b.matchWeight - a.matchWeight);
  let neverScored = 0;
  for (const [t, ps] of personsOfTruth) if (ps.size > 1 && !splitScored.has(t)) neverScored++;
  const truePersons = tr.size;
  return {
    records: input.assigned.size,
    recordsWithoutTruth: missing,
    truePersons,
    gatewayPersons: gw.size,
    truePairs: actual,
    predictedPairs: predicted,
    correctPairs: correct,
    precision,
    recall,
    f1,
    reviewQueue: input.reviewQueue,
    reviewPercentOfPersons: truePersons === 0 ? 0 : (100 * input.reviewQueue) / truePersons,
    hardNegatives: input.hardNegatives.length,
    hardNegativesAutoLinked: hardLinked,
    worstFalseLinks: falseLinks.slice(0, worst),
    worstMisses: misses.slice(0, worst),
    missesNeverScored: neverScored,
  };
}

/** Parses truth/records.tsv (`source\tkey\tpersonId`, header row). */
export function parseTruthTsv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const [source, key, person] = line.split('\t');
    if (source && key && person) out.set(`${source}:${key}`, person);
  }
  return out;
}

/** Look-alike pairs from truth/persons.ndjson (`resembles`). */
export function parseHardNegatives(ndjson: string): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const line of ndjson.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const p = JSON.parse(line) as { id: string; resembles?: { personId: string; kind: string } | null };
    if (p.resembles) out.push([p.id, p.resembles.personId, p.resembles.kind]);
  }
  return out;
}
