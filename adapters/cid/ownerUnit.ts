/**
 * Reading CID's owner unit label. Ownership is unclear when CID says "NO UNIT" or "NOT IN USE",
 * holds nothing, names a unit that no longer exists, or names an unidentified group
 * (004 §6.10, §6.16, Figure 3: 1,653 of 5,119 criminal cases were in that state).
 */
import type { CidOwnerUnit, OwnershipUnclearReason } from '../../src/domain/cid.js';

/**
 * Units CID still names that no longer exist. Local Immigration Teams (labels such as
 * "LIT LIVERPOOL" or "LOCAL IMMIGRATION TEAM - CROYDON") were replaced on 1 April 2013 (004 §6.10);
 * the UK Border Agency was abolished on 31 March 2013 and its labels ("UKBA ...") survive on old cases.
 */
export const OBSOLETE_UNIT_PATTERNS: readonly RegExp[] = [
  /^LIT\b/,
  /\bLOCAL IMMIGRATION TEAM\b/,
  /^UKBA\b/,
  /\bUK BORDER AGENCY\b/,
];

const UNIDENTIFIED = /\bUNIDENTIFIED\b|\bUNKNOWN\b/;

function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toUpperCase();
}

export function readOwnerUnit(label: string | null): CidOwnerUnit {
  const unit = label == null ? '' : normaliseLabel(label);
  let reason: OwnershipUnclearReason | null = null;
  if (unit === '') reason = 'BLANK';
  else if (unit === 'NO UNIT') reason = 'NO_UNIT';
  else if (unit === 'NOT IN USE') reason = 'NOT_IN_USE';
  else if (OBSOLETE_UNIT_PATTERNS.some((p) => p.test(unit))) reason = 'OBSOLETE_UNIT';
  else if (UNIDENTIFIED.test(unit)) reason = 'UNIDENTIFIED_GROUP';
  const namesAUnit = reason === null || reason === 'OBSOLETE_UNIT' || reason === 'UNIDENTIFIED_GROUP';
  return { label, unit: namesAUnit ? unit : null, ownershipUnclear: reason };
}

export const OWNERSHIP_UNCLEAR_MESSAGES: Readonly<Record<OwnershipUnclearReason, string>> = {
  NO_UNIT: 'CID says the case belongs to "NO UNIT": nobody owns it.',
  NOT_IN_USE: 'CID says the owner unit is "NOT IN USE": nobody owns it.',
  BLANK: 'CID holds no owner unit for this case.',
  OBSOLETE_UNIT: 'The owner unit no longer exists (for example a Local Immigration Team, replaced on 1 April 2013).',
  UNIDENTIFIED_GROUP: 'The owner unit is an unidentified group.',
};
