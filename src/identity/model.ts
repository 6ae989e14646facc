/**
 * The trained linking model as data (Splink's saved-model JSON): prior, per-comparison level
 * labels with m and u probabilities, thresholds and how it was trained. Versioned: `modelVersion`
 * is a hash of the parameters, so two runs with the same parameters have the same version and any
 * change shows in a diff.
 */
import { createHash } from 'node:crypto';
import { COMPARISONS } from './comparisons.js';

export const MODEL_FORMAT = 'pcv-identity-model/1';

export interface LevelParameters {
  readonly label: string;
  readonly isNull: boolean;
  readonly tf: boolean;
  /** P(level | same person); null on the null level. */
  readonly m: number | null;
  /** P(level | different people); null on the null level. */
  readonly u: number | null;
}

export interface ComparisonParameters {
  readonly name: string;
  readonly levels: readonly LevelParameters[];
}

export interface Thresholds {
  /** Match weight (log2 odds) at or above which a pair is linked automatically. */
  readonly link: number;
  /** Match weight at or above which a pair goes to the review queue. */
  readonly review: number;
}

export interface TrainingReport {
  readonly records: number;
  readonly randomPairs: number;
  /** Identifier-linked pairs the person-detail m probabilities were estimated from. */
  readonly labelledPairs: number;
  readonly emPairs: number;
  readonly emIterations: number;
  readonly emConverged: boolean;
  /** Estimated share of matches among blocked candidate pairs. */
  readonly blockedMatchShare: number;
}

export interface LinkageModel {
  readonly format: typeof MODEL_FORMAT;
  /** Hash of prior, parameters and thresholds. */
  readonly modelVersion: string;
  readonly trainedAt: string | null;
  /** Probability that two records drawn at random are the same person. */
  readonly prior: number;
  readonly comparisons: readonly ComparisonParameters[];
  readonly thresholds: Thresholds;
  readonly training: TrainingReport | null;
}

export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({ link: 10, review: 6 });

export function modelVersionOf(model: Omit<LinkageModel, 'modelVersion' | 'format' | 'trainedAt' | 'training'>): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([model.prior, model.comparisons, model.thresholds]));
  return `m-${h.digest('hex').slice(0, 12)}`;
}

export function makeModel(parts: Omit<LinkageModel, 'modelVersion' | 'format'>): LinkageModel {
  return { format: MODEL_FORMAT, modelVersion: modelVersionOf(parts), ...parts };
}

export function serialiseModel(model: LinkageModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/** Reads a saved model, collecting every problem before failing once (Splink's settings checks). */
export function parseModel(json: string): LinkageModel {
  const data = JSON.parse(json) as Partial<LinkageModel>;
  const problems: string[] = [];
  if (data.format !== MODEL_FORMAT) problems.push(`format is "${String(data.format)}", expected "${MODEL_FORMAT}"`);
  if (typeof data.prior !== 'number' || !(data.prior > 0 && data.prior < 1)) problems.push('prior must be a probability in (0, 1)');
  const comps = data.comparisons ?? [];
  const expected = COMPARISONS.map((c) => c.name);
  const names = comps.map((c) => c.name);
  if (names.join() !== expected.join()) problems.push(`comparisons are [${names.join(', ')}], expected [${expected.join(', ')}]`);
  comps.forEach((c, i) => {
    const want = COMPARISONS[i];
    if (want && c.levels.length !== want.levels.length) problems.push(`comparison "${c.name}" has ${c.levels.length} levels, expected ${want.levels.length}`);
    for (const l of c.levels) {
      if (l.isNull) continue;
      if (typeof l.m !== 'number' || typeof l.u !== 'number' || l.m <= 0 || l.u <= 0) problems.push(`comparison "${c.name}" level "${l.label}" needs m and u in (0, 1]`);
    }
  });
  if (!data.thresholds || typeof data.thresholds.link !== 'number' || typeof data.thresholds.review !== 'number' || data.thresholds.review > data.thresholds.link) {
    problems.push('thresholds need numeric link >= review');
  }
  if (problems.length > 0) throw new Error(`Invalid identity model: ${problems.join('; ')}`);
  return data as LinkageModel;
}
