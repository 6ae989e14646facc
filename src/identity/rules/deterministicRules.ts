/**
 * Deterministic link rules, tried before the probabilistic model, in this fixed order. Each links
 * two records that hold the same value of an identifier that really identifies a person:
 *
 * - SharedFingerprintRule: the same IABS fingerprint reference; custody IDENT1 hits resolve to it
 *   (002 §4.4, 001 §4.29).
 * - ReusedCidPersonIdRule: a CID person id reused across cases (004 §3.12, §6.47).
 * - PncIdOnCidCaseRule: a PNC id recorded on a CID case, or held by PNC and another source.
 * - CustodyRecordOnStatusCheckRule: a custody record number recorded on a status check (001 §4.7–4.12).
 * - SharedHomeOfficeRefRule: the same Home Office reference.
 * - SharedCidCaseRule: a Pathfinder row and the CID case it was imported from (004 §6.40).
 * - SharedCroRule, SharedPassportRule, SharedAcroRefRule: CRO number, passport number, ACRO reference.
 *
 * A rule's link stands only when nothing strongly contradicts it (see `contradiction`): an
 * identifier can be mistyped onto the wrong record or reused, and then the pair goes to review.
 */
import type { IdentifierKind } from '../../domain/common.js';

export interface DeterministicRule {
  readonly name: string;
  readonly kind: IdentifierKind;
  readonly description: string;
}

export const DETERMINISTIC_RULES: readonly DeterministicRule[] = Object.freeze([
  { name: 'SharedFingerprintRule', kind: 'FINGERPRINT', description: 'same fingerprint reference' },
  { name: 'ReusedCidPersonIdRule', kind: 'CID_PERSON', description: 'CID person id reused across cases' },
  { name: 'PncIdOnCidCaseRule', kind: 'PNC_ID', description: 'same PNC id' },
  { name: 'CustodyRecordOnStatusCheckRule', kind: 'CUSTODY_RECORD', description: 'custody record number on a status check' },
  { name: 'SharedHomeOfficeRefRule', kind: 'HO_REF', description: 'same Home Office reference' },
  { name: 'SharedCidCaseRule', kind: 'CID_CASE', description: 'same CID case' },
  { name: 'SharedCroRule', kind: 'CRO', description: 'same CRO number' },
  { name: 'SharedPassportRule', kind: 'PASSPORT', description: 'same passport number' },
  { name: 'SharedAcroRefRule', kind: 'ACRO_REF', description: 'same ACRO reference' },
].map((r) => Object.freeze(r as DeterministicRule)));

export interface RuleMatch {
  readonly rule: DeterministicRule;
  readonly value: string;
}

/** The first rule (in order) whose identifier both records hold with the same value. */
export function firstRuleMatch(
  a: ReadonlyMap<IdentifierKind, readonly string[]>,
  b: ReadonlyMap<IdentifierKind, readonly string[]>,
): RuleMatch | null {
  for (const rule of DETERMINISTIC_RULES) {
    const va = a.get(rule.kind);
    const vb = b.get(rule.kind);
    if (!va || !vb) continue;
    const shared = va.find((v) => vb.includes(v));
    if (shared !== undefined) return { rule, value: shared };
  }
  return null;
}
