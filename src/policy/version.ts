/**
 * The policy version recorded on every audit event: a digest of the grants table, the local
 * arrangements and the ordered rule list (names and citations). Any change to the policy data
 * changes it, so an auditor can tell which policy a decision was made under.
 */
import { createHash } from 'node:crypto';
import { ACRO_LOCAL_AGREEMENTS, CUSTODY_ARRANGEMENTS } from './arrangements.js';
import { GRANTS } from './grants.js';
import { REQUEST_RULES, VALUE_RULES } from './valueRules.js';

function digest(): string {
  const material = JSON.stringify({
    grants: GRANTS.map((g) => [g.role, g.purpose, [...g.classes].sort()]),
    custody: CUSTODY_ARRANGEMENTS,
    acroAgreements: ACRO_LOCAL_AGREEMENTS,
    valueRules: VALUE_RULES.map((r) => [r.name, r.cites]),
    requestRules: REQUEST_RULES.map((r) => [r.name, r.cites]),
  });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

export const POLICY_VERSION = `policy-${digest()}`;
