/**
 * Identity resolution: the public facade (Splink's comparison_library re-exports its internals the
 * same way). The rest of the gateway imports from here; internals may change.
 */
export {
  buildPersonIndex, createPersonIndex, collectFragments, parseRef,
  type IdentitySource, type IdentityLog, type IndexSummary, type BuildOptions, type PersonIndex, type RecordLink,
  type PersonSearchQuery, type PersonCandidate, type DecisionInput, type ReviewItem,
} from './personIndex.js';
export { trainModel, type TrainOptions } from './em.js';
export { parseModel, serialiseModel, DEFAULT_THRESHOLDS, MODEL_FORMAT, type LinkageModel, type Thresholds } from './model.js';
export { linkRecords, scorePairs, type LinkResult, type ScoredPair, type HumanConstraint } from './link.js';
export { prepareRecord, type PreparedRecord } from './prepare.js';
export { comparePair, scoreCompared, type PairEvidence, type WaterfallRow } from './score.js';
export { COMPARISONS } from './comparisons.js';
export { DETERMINISTIC_RULES } from './rules/deterministicRules.js';
export { BLOCKING_RULES } from './blocking.js';
export { evaluateLinks, parseTruthTsv, parseHardNegatives, type EvaluationReport } from './evaluate.js';
