/**
 * Who owns a person's cases: CID's owner unit and caseworker per case, the case owner Pathfinder and
 * the master spreadsheets allocate it to, and whether ownership is unclear ("NO UNIT", "NOT IN USE",
 * blank, an obsolete or unidentified unit: 004 §6.10, §6.16, Figure 3). Pure.
 */
import type { CidCase, CidCaseStatus, CidCaseType, OwnershipUnclearReason } from '../domain/cid.js';
import type { SourceRef } from '../domain/common.js';
import type { PathfinderRow } from '../domain/pathfinder.js';
import { newestFirst } from './records.js';

export interface CaseOwnership {
  readonly case: SourceRef;
  readonly caseType: CidCaseType | null;
  readonly status: CidCaseStatus | null;
  readonly ownerUnitAsHeld: string | null;
  readonly ownerUnit: string | null;
  readonly ownershipUnclear: OwnershipUnclearReason | null;
  readonly caseworker: string | null;
  readonly allocatedOwners: readonly string[];
}

export interface PersonOwnership {
  readonly cases: readonly CaseOwnership[];
  readonly unclear: boolean;
  readonly owningUnit: string | null;
}

export function ownershipOf(cases: readonly CidCase[], rows: readonly PathfinderRow[]): PersonOwnership {
  const ordered = newestFirst(cases, (k) => k.openedOn);
  const lines = ordered.map((k) => ({
    case: k.ref,
    caseType: k.type,
    status: k.status,
    ownerUnitAsHeld: k.owner.label,
    ownerUnit: k.owner.ownershipUnclear ? null : k.owner.unit,
    ownershipUnclear: k.owner.ownershipUnclear,
    caseworker: k.caseworker,
    allocatedOwners: [...new Set(rows.filter((r) => r.caseId === k.caseId.toUpperCase() && r.allocatedOwner).map((r) => r.allocatedOwner!.trim()))],
  }));
  const open = ordered.filter((k) => k.status === 'OPEN');
  // The case that decides who owns the person: the open criminal case, else any open case, else the latest.
  const deciding = open.find((k) => k.type === 'CRIMINAL') ?? open[0] ?? ordered[0];
  return {
    cases: lines,
    unclear: open.some((k) => k.owner.ownershipUnclear !== null),
    owningUnit: deciding && !deciding.owner.ownershipUnclear ? deciding.owner.unit : null,
  };
}
