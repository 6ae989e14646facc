/**
 * CustodyArrangementRule: what an immigration officer may see of a force's custody data depends on
 * the force's arrangement — West Yorkshire limited but direct, London through a Nexus police officer,
 * West Midlands only by asking the custody sergeant (DOMAIN restriction 4; 001 §4.26; table in
 * src/policy/arrangements.ts). Police see their own force's custody database: forces' systems do
 * not interface with each other (001 §4.25).
 */
import { CUSTODY_ARRANGEMENTS } from '../arrangements.js';
import type { ValueRule } from '../rule.js';

export const MEDIATED_BY_NEXUS_OFFICER = 'MEDIATED_BY_NEXUS_OFFICER';

export const CustodyArrangementRule: ValueRule = Object.freeze<ValueRule>({
  name: 'CustodyArrangementRule',
  cites: 'DOMAIN restriction 4; 001 §4.25–4.26',
  summary: "Custody data per the force's arrangement with immigration officers; police see their own force only.",
  appliesTo: ['CUSTODY'],
  decide(ctx, datum) {
    if (datum.kind !== 'CUSTODY') return undefined;
    const p = ctx.principal;
    const force = datum.force;
    if (p.organisation !== 'HOME_OFFICE') {
      if (p.organisation === force) return { effect: 'ALLOW' };
      return { effect: 'DENY', reason: `Custody records of ${force} are not shared with ${p.organisation}: forces' custody systems do not interface.`, remedy: `Ask ${force}.` };
    }
    if (p.force !== force) {
      return {
        effect: 'DENY',
        reason: `Immigration officers see custody data only for the force they work with${p.force ? ` (${p.force})` : ''}, not ${force}.`,
        remedy: `Ask the immigration officer working with ${force}, or CCU for a status check.`,
      };
    }
    const arrangement = CUSTODY_ARRANGEMENTS[force];
    switch (arrangement.access) {
      case 'VIA_CUSTODY_SERGEANT':
        return { effect: 'DENY', reason: `${arrangement.description} (${arrangement.cites})`, remedy: `Ask the ${force} custody sergeant.` };
      case 'VIA_NEXUS_OFFICER':
        return { effect: 'ALLOW', mark: { code: MEDIATED_BY_NEXUS_OFFICER, message: arrangement.description } };
      case 'DIRECT_LIMITED':
        return { effect: 'ALLOW', ...(arrangement.ioFields ? { fields: arrangement.ioFields } : {}) };
    }
  },
});
