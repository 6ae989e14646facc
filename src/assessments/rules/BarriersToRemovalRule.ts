/**
 * Barriers to removal (004 fn 5, §7.12–7.19): a person cannot be removed while an asylum claim or
 * other application awaits a Home Office decision (including further representations and judicial
 * review), or without a passport or (emergency) travel document.
 */
import type { SourceRef } from '../../domain/common.js';
import { assessment } from '../helpers.js';
import type { AssessmentFacts, AssessmentRule } from '../types.js';

export interface Barrier {
  readonly code: 'OUTSTANDING_ASYLUM_CLAIM' | 'FURTHER_REPRESENTATIONS' | 'JUDICIAL_REVIEW' | 'OUTSTANDING_APPLICATION' | 'NO_TRAVEL_DOCUMENT';
  readonly reason: string;
  readonly evidence: readonly SourceRef[];
}

const CASE_BARRIERS: Record<string, Barrier['code']> = {
  ASYLUM: 'OUTSTANDING_ASYLUM_CLAIM',
  FURTHER_REPRESENTATIONS: 'FURTHER_REPRESENTATIONS',
  JUDICIAL_REVIEW: 'JUDICIAL_REVIEW',
  HUMAN_RIGHTS: 'OUTSTANDING_APPLICATION',
  LEAVE_TO_REMAIN: 'OUTSTANDING_APPLICATION',
  EEA_RESIDENCE: 'OUTSTANDING_APPLICATION',
  STUDENT_VISA: 'OUTSTANDING_APPLICATION',
  VISIT_VISA: 'OUTSTANDING_APPLICATION',
};

const LABEL: Record<Barrier['code'], string> = {
  OUTSTANDING_ASYLUM_CLAIM: 'an outstanding asylum claim',
  FURTHER_REPRESENTATIONS: 'further representations awaiting a decision',
  JUDICIAL_REVIEW: 'a judicial review',
  OUTSTANDING_APPLICATION: 'an outstanding application',
  NO_TRAVEL_DOCUMENT: 'no passport or (emergency) travel document',
};

export function findBarriers(facts: AssessmentFacts): Barrier[] {
  const out: Barrier[] = [];
  for (const c of facts.cases) {
    const code = CASE_BARRIERS[c.type];
    if (code && c.status === 'OPEN') out.push({ code, reason: `${LABEL[code]} (CID case ${c.caseId}, type ${c.type})`, evidence: [c.ref] });
  }
  const td = facts.travelDocument;
  if (td.validPassportHeld !== true && td.etdStatus !== 'ISSUED') {
    const known = td.validPassportHeld === false || td.etdStatus != null;
    out.push({
      code: 'NO_TRAVEL_DOCUMENT',
      reason: known
        ? `${LABEL.NO_TRAVEL_DOCUMENT}${td.etdStatus ? ` (ETD application ${td.etdStatus.toLowerCase().replace(/_/g, ' ')})` : ''}`
        : `${LABEL.NO_TRAVEL_DOCUMENT} is recorded`,
      evidence: td.refs,
    });
  }
  return out;
}

export const BarriersToRemovalRule: AssessmentRule = {
  kind: 'BARRIERS_TO_REMOVAL',
  guidance: '004 fn 5, §7.12–7.19',
  assess(facts) {
    const barriers = findBarriers(facts);
    if (barriers.length === 0) {
      return assessment(this.kind, this.guidance, { applies: false, value: 'NONE', reasons: ['No barrier to removal is visible to you: no outstanding claim or application, and a travel document is held.'] });
    }
    return assessment(this.kind, this.guidance, {
      applies: true,
      value: [...new Set(barriers.map((b) => b.code))].join(','),
      reasons: barriers.map((b) => `Barrier: ${b.reason}.`),
      evidence: barriers.flatMap((b) => b.evidence),
      actions: barriers.some((b) => b.code === 'NO_TRAVEL_DOCUMENT') ? ['Progress an Emergency Travel Document application (002 rec. 4).'] : [],
    });
  },
};
