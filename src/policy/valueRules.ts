/**
 * The per-value rules, in order. Order is data: when two rules give equally severe verdicts, the
 * earlier one is reported. Specific rules come before the catch-all ClassificationRule so that a
 * refusal names the most specific reason.
 */
import type { RequestRule, ValueRule } from './rule.js';
import { AggregatesOnlyRule } from './rules/AggregatesOnlyRule.js';
import { CaseOwnershipRule } from './rules/CaseOwnershipRule.js';
import { CidForPoliceRule } from './rules/CidForPoliceRule.js';
import { ClassificationRule } from './rules/ClassificationRule.js';
import { CustodyArrangementRule } from './rules/CustodyArrangementRule.js';
import { DerivedDataRule } from './rules/DerivedDataRule.js';
import { DvaLicenceRule } from './rules/DvaLicenceRule.js';
import { HighHarmIntelligenceRule } from './rules/HighHarmIntelligenceRule.js';
import { HomeOfficeAcroResultRule } from './rules/HomeOfficeAcroResultRule.js';
import { JustificationRequiredRule } from './rules/JustificationRequiredRule.js';
import { PoliceAcroResultRule } from './rules/PoliceAcroResultRule.js';
import { PurposeDeclaredRule } from './rules/PurposeDeclaredRule.js';
import { PurposeGrantedRule } from './rules/PurposeGrantedRule.js';

export const VALUE_RULES: readonly ValueRule[] = Object.freeze([
  AggregatesOnlyRule,
  DerivedDataRule,
  PoliceAcroResultRule,
  HomeOfficeAcroResultRule,
  CidForPoliceRule,
  CaseOwnershipRule,
  CustodyArrangementRule,
  HighHarmIntelligenceRule,
  DvaLicenceRule,
  ClassificationRule,
]);

/** Checked once per request, in order; the first refusal is returned. */
export const REQUEST_RULES: readonly RequestRule[] = Object.freeze([
  PurposeDeclaredRule,
  PurposeGrantedRule,
  JustificationRequiredRule,
]);
