/**
 * The assessments, in the order they are shown. Adding a rule: write `<Thing>Rule.ts` in rules/
 * citing the guidance, add it here, add a test beside it.
 */
import { AbsconderActionDueRule } from './rules/AbsconderActionDueRule.js';
import { AutomaticDeportationRule } from './rules/AutomaticDeportationRule.js';
import { BarriersToRemovalRule } from './rules/BarriersToRemovalRule.js';
import { BournemouthCommitmentRule } from './rules/BournemouthCommitmentRule.js';
import { CriminalCaseworkReferralRule } from './rules/CriminalCaseworkReferralRule.js';
import { NexusHighHarmRule } from './rules/NexusHighHarmRule.js';
import { NonDetainedBandRule } from './rules/NonDetainedBandRule.js';
import { RecommendedReportingFrequencyRule } from './rules/RecommendedReportingFrequencyRule.js';
import { ReportingComplianceRule } from './rules/ReportingComplianceRule.js';
import { TimeServedNoDecisionRule } from './rules/TimeServedNoDecisionRule.js';
import type { Assessment, AssessmentFacts, AssessmentRule } from './types.js';

export const ASSESSMENT_RULES: readonly AssessmentRule[] = Object.freeze([
  NexusHighHarmRule,
  AutomaticDeportationRule,
  TimeServedNoDecisionRule,
  CriminalCaseworkReferralRule,
  BournemouthCommitmentRule,
  NonDetainedBandRule,
  BarriersToRemovalRule,
  ReportingComplianceRule,
  AbsconderActionDueRule,
  RecommendedReportingFrequencyRule,
]);

export function assessAll(facts: AssessmentFacts, rules: readonly AssessmentRule[] = ASSESSMENT_RULES): Assessment[] {
  return rules.map((r) => r.assess(facts));
}

export type { Assessment, AssessmentFacts, AssessmentKind, AssessmentRule } from './types.js';
