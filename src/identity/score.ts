/**
 * Scores a pair of records under the model: the comparison vector, and the waterfall of evidence
 * from the prior through one row per comparison (level label, Bayes factor, partial weight) to the
 * total match weight and probability (Splink's waterfall chart, as data).
 */
import { alignNames } from './align.js';
import { COMPARISONS, type PairSide } from './comparisons.js';
import { identifiersConflict, relateIdentifiers, type IdentifierRelation } from './identifiers.js';
import type { IdentifierKind } from '../domain/common.js';
import type { LinkageModel } from './model.js';
import type { PreparedRecord } from './prepare.js';
import type { TermFrequencies } from './frequencies.js';

export interface WaterfallRow {
  readonly comparison: string;
  readonly level: number;
  readonly label: string;
  /** Extra detail, e.g. "given/family swapped", "via alias", "term frequency of SMITH". */
  readonly note: string | null;
  readonly bayesFactor: number;
  readonly partialWeight: number;
}

export interface PairEvidence {
  readonly priorWeight: number;
  readonly rows: readonly WaterfallRow[];
  readonly matchWeight: number;
  readonly probability: number;
}

export interface ComparedPair {
  /** Level index per comparison, in COMPARISONS order. */
  readonly levels: readonly number[];
  readonly tfTerms: readonly (string | null)[];
  readonly relation: IdentifierRelation;
  /** A personal identifier kind on which the records hold far-apart values, even if another is shared. */
  readonly conflict: IdentifierKind | null;
  readonly swapped: boolean;
  readonly viaAlias: boolean;
}

export function comparePair(a: PreparedRecord, b: PreparedRecord): ComparedPair {
  const names = alignNames(a, b);
  const relation = relateIdentifiers(a, b);
  const left: PairSide = { record: a, names, side: 'left', relation };
  const right: PairSide = { record: b, names, side: 'right', relation };
  const levels: number[] = [];
  const tfTerms: (string | null)[] = [];
  for (const c of COMPARISONS) {
    const r = c.compare(left, right);
    levels.push(r.level);
    tfTerms.push(r.tfTerm);
  }
  return { levels, tfTerms, relation, conflict: identifiersConflict(a, b), swapped: names.swapped, viaAlias: names.viaAlias };
}

export const log2 = Math.log2;

/** Clamp on the term-frequency factor so one rare spelling cannot dominate. */
const TF_CLAMP = 64;

export function scoreCompared(model: LinkageModel, pair: ComparedPair, tf: TermFrequencies | null): PairEvidence {
  const priorWeight = log2(model.prior / (1 - model.prior));
  const rows: WaterfallRow[] = [];
  let total = priorWeight;
  // Both names exact: one adjustment for the full name (its joint frequency), split evenly over the
  // two rows. It only raises the weight of a rare full name: a common one keeps the level's own
  // weight, because frequencies are counted over records and a person with many records makes their
  // own name look common (and common full names with an agreeing date of birth are still one person).
  let jointHalf: number | null = null;
  let jointFreq: number | null = null;
  const fi = model.comparisons.findIndex((c) => c.name === 'familyName');
  const gi = model.comparisons.findIndex((c) => c.name === 'givenName');
  const fam = model.comparisons[fi]?.levels[pair.levels[fi]!];
  const giv = model.comparisons[gi]?.levels[pair.levels[gi]!];
  const familyTerm = pair.tfTerms[fi];
  const givenTerm = pair.tfTerms[gi];
  if (tf && familyTerm && givenTerm && fam?.tf && giv?.tf && fam.u != null && giv.u != null) {
    jointFreq = tf.fullNameFrequency(givenTerm, familyTerm);
    if (jointFreq != null) {
      jointHalf = Math.sqrt(Math.min(TF_CLAMP, Math.max(1, (fam.u * giv.u) / jointFreq)));
    }
  }
  model.comparisons.forEach((c, i) => {
    const levelIndex = pair.levels[i]!;
    const level = c.levels[levelIndex]!;
    const notes: string[] = [];
    if (i <= 1 && pair.swapped) notes.push('given/family swapped');
    if (i <= 1 && pair.viaAlias) notes.push('matched through an alias');
    if (i === model.comparisons.length - 1 && (pair.relation.kind === 'SHARED' || pair.relation.kind === 'NEAR' || pair.relation.kind === 'CONFLICT')) {
      notes.push(pair.relation.idKind);
    }
    let bf = 1;
    if (!level.isNull && level.m != null && level.u != null) {
      bf = level.m / level.u;
      const term = pair.tfTerms[i];
      if ((i === fi || i === gi) && jointHalf != null) {
        bf *= jointHalf;
        notes.push(`term frequency of the full name ${jointFreq!.toExponential(2)}`);
      } else if (level.tf && term && tf) {
        const freq = tf.frequency(c.name, term);
        if (freq != null) {
          const factor = Math.min(TF_CLAMP, Math.max(1 / TF_CLAMP, level.u / freq));
          bf *= factor;
          notes.push(`term frequency ${freq.toExponential(2)}`);
        }
      }
    }
    const w = log2(bf);
    total += w;
    rows.push({ comparison: c.name, level: levelIndex, label: level.label, note: notes.length ? notes.join('; ') : null, bayesFactor: bf, partialWeight: w });
  });
  return { priorWeight, rows, matchWeight: total, probability: probabilityOf(total) };
}

export function probabilityOf(weight: number): number {
  const odds = 2 ** weight;
  return odds / (1 + odds);
}

/** Evidence as stored: prior weight and, per comparison, [level, partial weight, note]. Labels come from the model. */
export interface CompactEvidence {
  readonly p: number;
  readonly r: readonly (readonly [number, number, string | null])[];
}

export function compactEvidence(e: PairEvidence): CompactEvidence {
  return { p: round4(e.priorWeight), r: e.rows.map((row) => [row.level, round4(row.partialWeight), row.note] as const) };
}

/** Full waterfall from stored evidence, with labels from the model that scored it. */
export function expandEvidence(model: LinkageModel, c: CompactEvidence): PairEvidence {
  let total = c.p;
  const rows: WaterfallRow[] = c.r.map(([level, w, note], i) => {
    total += w;
    const comparison = model.comparisons[i]!;
    return { comparison: comparison.name, level, label: comparison.levels[level]?.label ?? `level ${level}`, note, bayesFactor: 2 ** w, partialWeight: w };
  });
  return { priorWeight: c.p, rows, matchWeight: total, probability: probabilityOf(total) };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
