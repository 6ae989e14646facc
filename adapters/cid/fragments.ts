/**
 * The identity fragment a CID person-on-case record yields: the name, aliases and date of birth as
 * copied onto that case, and every identifier CID holds there (HO reference, CID person id, case
 * id, PNC id, IABS fingerprint reference, passport number).
 */
import type { CidPersonOnCase } from '../../src/domain/cid.js';
import type { Identifier, IdentityFragment } from '../../src/domain/common.js';

/** Every identifier CID holds on this person-on-case record, in a fixed order. */
export function personIdentifiers(p: CidPersonOnCase): Identifier[] {
  const identifiers: Identifier[] = [
    { kind: 'CID_CASE', value: p.caseId },
    { kind: 'CID_PERSON', value: p.cidPersonId },
  ];
  if (p.hoRef) identifiers.push({ kind: 'HO_REF', value: p.hoRef });
  if (p.pncId) identifiers.push({ kind: 'PNC_ID', value: p.pncId });
  if (p.fingerprintRef) identifiers.push({ kind: 'FINGERPRINT', value: p.fingerprintRef });
  if (p.passportNumber) identifiers.push({ kind: 'PASSPORT', value: p.passportNumber });
  return identifiers;
}

export function toIdentityFragment(p: CidPersonOnCase): IdentityFragment {
  return {
    ref: p.ref,
    name: p.name,
    aliases: p.aliases.map((a) => a.name),
    dateOfBirth: p.dateOfBirth,
    gender: p.gender,
    nationality: p.nationality,
    placeOfBirth: p.placeOfBirth,
    identifiers: personIdentifiers(p),
    recordedAt: p.recordedAt,
  };
}
