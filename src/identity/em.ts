/**
 * Parameter estimation from the data itself (Splink's training): u probabilities from pairs drawn
 * at random (almost all non-matches), m probabilities from identifier-linked pairs and by
 * expectation–maximisation on blocked pairs (see trainModel).
 */
import { COMPARISONS } from './comparisons.js';
import { comparePair, type ComparedPair } from './score.js';
import type { PreparedRecord } from './prepare.js';
import { candidatePairs, DEFAULT_BLOCKING } from './blocking.js';
import { contradiction } from './classify.js';
import { DEFAULT_THRESHOLDS, makeModel, type ComparisonParameters, type LinkageModel, type Thresholds, type TrainingReport } from './model.js';

/** A fixed-seed generator so training is reproducible run to run (not tied to any estate seed). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const levelCount = COMPARISONS.map((c) => c.levels.length);
const nullLevelOf = COMPARISONS.map((c) => c.levels.findIndex((l) => l.isNull));

/** u per comparison level from `samples` random pairs, with add-one smoothing (null levels: NaN). */
export function estimateU(records: readonly PreparedRecord[], samples: number, random: () => number): number[][] {
  const counts = levelCount.map((k) => new Array<number>(k).fill(0));
  const n = records.length;
  if (n >= 2) {
    for (let s = 0; s < samples; s++) {
      const i = Math.floor(random() * n);
      let j = Math.floor(random() * (n - 1));
      if (j >= i) j++;
      const v = comparePair(records[i]!, records[j]!);
      v.levels.forEach((l, c) => counts[c]![l]!++);
    }
  }
  return counts.map((row, c) => {
    const nonNull = row.reduce((acc, x, l) => (l === nullLevelOf[c] ? acc : acc + x), 0);
    const k = row.length - 1;
    return row.map((x, l) => (l === nullLevelOf[c] ? Number.NaN : (x + 1) / (nonNull + k)));
  });
}

export interface EmResult {
  readonly m: number[][];
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Expected number of matching pairs among the pairs trained on. */
  readonly expectedMatches: number;
}

interface Pattern {
  readonly levels: readonly number[];
  count: number;
}

export function patternsOf(vectors: Iterable<readonly number[]>): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const v of vectors) {
    const key = v.join(',');
    const p = byKey.get(key);
    if (p) p.count++;
    else byKey.set(key, { levels: v, count: 1 });
  }
  return [...byKey.values()];
}

function initialM(): number[][] {
  return levelCount.map((k, c) =>
    Array.from({ length: k }, (_, l) => {
      if (l === nullLevelOf[c]) return Number.NaN;
      const rank = l - (nullLevelOf[c]! >= 0 && l > nullLevelOf[c]! ? 1 : 0);
      return 2 ** -(rank + 1);
    }),
  ).map(normaliseRow);
}

function normaliseRow(row: number[]): number[] {
  const total = row.reduce((a, x) => (Number.isNaN(x) ? a : a + x), 0);
  return row.map((x) => (Number.isNaN(x) ? x : x / total));
}

/**
 * EM for m (u fixed). `active[c]` false leaves comparison c out of the likelihood and its m
 * unestimated (the session's blocking rule forces it to agree).
 */
export function expectationMaximisation(
  patterns: readonly Pattern[],
  u: readonly (readonly number[])[],
  active: readonly boolean[],
  options: { maxIterations?: number; tolerance?: number; startM?: number[][] } = {},
): EmResult {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-5;
  let m = (options.startM ?? initialM()).map((r) => [...r]);
  let lambda = 0.1;
  let iterations = 0;
  let converged = false;
  let expected = 0;
  const total = patterns.reduce((a, p) => a + p.count, 0);
  const floor = 1e-7;
  while (iterations < maxIterations) {
    iterations++;
    const mAcc = levelCount.map((k) => new Array<number>(k).fill(0));
    let matchMass = 0;
    for (const p of patterns) {
      let pm = lambda;
      let pu = 1 - lambda;
      p.levels.forEach((l, c) => {
        if (!active[c] || l === nullLevelOf[c]) return;
        pm *= Math.max(m[c]![l]!, floor);
        pu *= Math.max(u[c]![l]!, floor);
      });
      const post = pm / (pm + pu);
      const w = post * p.count;
      matchMass += w;
      p.levels.forEach((l, c) => {
        mAcc[c]![l]! += w;
      });
    }
    const next = mAcc.map((row, c) => {
      if (!active[c]) return m[c]!;
      const masked = row.map((x, l) => (l === nullLevelOf[c] ? Number.NaN : x + floor));
      return normaliseRow(masked);
    });
    const nextLambda = total > 0 ? matchMass / total : lambda;
    let change = Math.abs(nextLambda - lambda);
    next.forEach((row, c) => row.forEach((x, l) => {
      if (!Number.isNaN(x)) change = Math.max(change, Math.abs(x - m[c]![l]!));
    }));
    m = next;
    lambda = nextLambda;
    expected = matchMass;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { m, lambda, iterations, converged, expectedMatches: expected };
}

export interface TrainOptions {
  readonly randomPairs?: number;
  readonly maxBlockSize?: number;
  readonly thresholds?: Thresholds;
  readonly trainedAt?: string | null;
  readonly seed?: number;
  /** Cap on blocked pairs used by EM (sampled evenly beyond it). */
  readonly maxEmPairs?: number;
}

const IDENTIFIERS = COMPARISONS.findIndex((c) => c.name === 'identifiers');

/**
 * m for the person-detail comparisons, from pairs that a deterministic rule links without
 * contradiction (Splink's "m from labels", with shared identifiers as the labels). Identifier
 * sharing is independent of how a clerk copied a name or date, so these pairs show how details
 * of one person drift between records. Smoothed so no level has m = 0.
 */
export function estimateMFromIdentifierLinks(vectors: readonly ComparedPair[]): { m: number[][]; pairs: number } {
  const counts = levelCount.map((k) => new Array<number>(k).fill(0));
  let pairs = 0;
  for (const v of vectors) {
    if (v.relation.kind !== 'SHARED' || contradiction(v)) continue;
    pairs++;
    v.levels.forEach((l, c) => counts[c]![l]!++);
  }
  const m = counts.map((row, c) => {
    const nonNull = row.reduce((acc, x, l) => (l === nullLevelOf[c] ? acc : acc + x), 0);
    const k = row.length - 1;
    return row.map((x, l) => (l === nullLevelOf[c] ? Number.NaN : (x + 0.1) / (nonNull + 0.1 * k)));
  });
  return { m, pairs };
}

/**
 * Trains a model on the records themselves: u from random pairs; m for person details from
 * identifier-linked pairs; m for identifiers and the share of matches among blocked pairs by EM over
 * the blocked candidate pairs (person-detail m and all u held fixed). The prior is that share scaled
 * from blocked pairs to all pairs.
 */
export function trainModel(records: readonly PreparedRecord[], options: TrainOptions = {}): LinkageModel {
  const random = seededRandom(options.seed ?? 20160101);
  const randomPairs = options.randomPairs ?? Math.min(300_000, Math.max(20_000, records.length * 4));
  const u = estimateU(records, randomPairs, random);
  const { pairs: candidates } = candidatePairs(records, { maxBlockSize: options.maxBlockSize ?? DEFAULT_BLOCKING.maxBlockSize });
  const maxEm = options.maxEmPairs ?? 200_000;
  const keep = candidates.length > maxEm ? maxEm / candidates.length : 1;
  const vectors: ComparedPair[] = [];
  for (const [l, r] of candidates) if (keep >= 1 || random() < keep) vectors.push(comparePair(records[l]!, records[r]!));
  const labelled = estimateMFromIdentifierLinks(vectors);
  const active = COMPARISONS.map((_, c) => c === IDENTIFIERS || labelled.pairs === 0);
  const startM = labelled.pairs > 0 ? labelled.m.map((row, c) => (c === IDENTIFIERS ? initialM()[c]! : row)) : undefined;
  const em = expectationMaximisation(patternsOf(vectors.map((v) => v.levels)), u, active, startM ? { startM } : {});
  const m = em.m;
  const n = records.length;
  const allPairs = Math.max(1, (n * (n - 1)) / 2);
  const prior = Math.min(0.5, Math.max(1e-12, (em.lambda * candidates.length) / allPairs));
  const comparisons: ComparisonParameters[] = COMPARISONS.map((c, ci) => ({
    name: c.name,
    levels: c.levels.map((l, li) => ({
      label: l.label,
      isNull: l.isNull,
      tf: l.tf,
      m: l.isNull ? null : round(Math.max(m[ci]![li]!, 1e-6)),
      u: l.isNull ? null : round(u[ci]![li]!),
    })),
  }));
  return makeModel({
    trainedAt: options.trainedAt ?? null,
    prior: round(prior),
    comparisons,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
    training: {
      records: n,
      randomPairs,
      labelledPairs: labelled.pairs,
      emPairs: vectors.length,
      emIterations: em.iterations,
      emConverged: em.converged,
      blockedMatchShare: round(em.lambda),
    },
  });
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}
