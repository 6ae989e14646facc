/**
 * The policy table, in one place: which role, acting for which purpose, may see which classes of
 * data. A role × purpose pair that is not listed is not a purpose the role may act for. What depends
 * on the record itself (who instigated an ACRO check, HOSOL, force arrangements, case ownership,
 * licences) is decided per value by the rules in rules/*Rule.ts, on top of this table.
 *
 * Sources for each row: DOMAIN.md "Who uses it" and "Data-sharing restrictions" (cited per row).
 */
import type { Purpose, Role } from '../auth/principal.js';
import type { DataClass } from './classes.js';

export interface Grant {
  readonly role: Role;
  readonly purpose: Purpose;
  readonly classes: readonly DataClass[];
  /** Why, with the paragraph. */
  readonly basis: string;
}

/** Home Office casework on a person: the one person view (004 §6.47–6.48, rec. 3). */
const HO_CASEWORK: readonly DataClass[] = [
  'IDENTITY', 'CID_CASEWORK', 'CID_NOTES', 'STATUS_CHECK_OUTCOME', 'PNC', 'ACRO', 'HIGH_HARM_FLAG',
  'REPORTING', 'ASSESSMENT', 'DATA_QUALITY',
];
/** A Home Office status check (001 §4.7–4.12, §4.27): CID for the status, PNC, ACRO under restriction 1. */
const HO_STATUS_CHECK: readonly DataClass[] = [
  'IDENTITY', 'CID_CASEWORK', 'STATUS_CHECK_OUTCOME', 'PNC', 'ACRO', 'HIGH_HARM_FLAG', 'ASSESSMENT', 'DATA_QUALITY',
];
/** Police work: custody, PNC, the status-check outcome, never CID (001 §4.28). */
const POLICING: readonly DataClass[] = ['IDENTITY', 'CUSTODY', 'STATUS_CHECK_OUTCOME', 'PNC', 'ACRO', 'DATA_QUALITY'];

const g = (role: Role, purpose: Purpose, classes: readonly DataClass[], basis: string): Grant =>
  Object.freeze({ role, purpose, classes: Object.freeze([...classes]), basis });

export const GRANTS: readonly Grant[] = Object.freeze([
  g('CC_CASEWORKER', 'IMMIGRATION_CASEWORK', HO_CASEWORK, 'DOMAIN "Who uses it": one person view for CC caseworkers (004 §6.47–6.48).'),
  g('CC_CASEWORKER', 'REPORTING', ['IDENTITY', 'CID_CASEWORK', 'REPORTING', 'HIGH_HARM_FLAG', 'DATA_QUALITY'], 'CC sets reporting instructions (004 §6.63–6.66).'),
  g('UKVI_CASE_OWNER', 'IMMIGRATION_CASEWORK', HO_CASEWORK, 'Same view for the cases they own; CaseOwnershipRule narrows it (004 §6.18).'),
  g('EMBEDDED_IO', 'STATUS_CHECK', [...HO_STATUS_CHECK, 'CUSTODY'], 'Embedded IOs check status in the suite; custody per force arrangement (001 §4.26–4.27).'),
  g('CCU_CALL_HANDLER', 'STATUS_CHECK', HO_STATUS_CHECK, 'CCU confirms status on CID by telephone, no custody system access (001 §4.7, §4.27).'),
  g('CCU_CALL_HANDLER', 'NATIONALITY_VERIFICATION', ['IDENTITY', 'DVA'], 'CCU runs DVA checks for IOs, licensed users only (001 §4.37, fn 21–22).'),
  g('JOC_IO', 'STATUS_CHECK', [...HO_STATUS_CHECK, 'CUSTODY'], 'JOC immigration officers (London): MPS custody through Nexus officers (001 §4.26).'),
  g('JOC_IO', 'HIGH_HARM_REVIEW', ['IDENTITY', 'CID_CASEWORK', 'STATUS_CHECK_OUTCOME', 'PNC', 'ACRO', 'HIGH_HARM_FLAG', 'ASSESSMENT'], 'JOC supports High Harm referrals but is not the High Harm Team (004 §6.18).'),
  g('JOC_POLICE_OFFICER', 'POLICING', [...POLICING, 'CID_CASEWORK', 'CID_NOTES', 'HIGH_HARM_FLAG'], 'Only JOC police see CID (001 §4.28).'),
  g('JOC_POLICE_OFFICER', 'STATUS_CHECK', ['IDENTITY', 'CID_CASEWORK', 'STATUS_CHECK_OUTCOME', 'PNC'], 'JOC police may confirm status on CID (001 §4.28).'),
  g('CUSTODY_SERGEANT', 'POLICING', POLICING, 'Police receive the status-check outcome, not Home Office casework (001 §4.28).'),
  g('CUSTODY_SERGEANT', 'NATIONALITY_VERIFICATION', ['IDENTITY', 'DVA'], 'Police officers can hold a DVA licence (001 §4.37).'),
  g('HIGH_HARM_POLICE', 'HIGH_HARM_REVIEW', [...POLICING, 'HIGH_HARM_FLAG', 'HIGH_HARM_INTELLIGENCE', 'ASSESSMENT'], 'The High Harm Team sees the intelligence (004 §6.18); police, so no CID (001 §4.28).'),
  g('HIGH_HARM_POLICE', 'POLICING', POLICING, 'Police work as a police officer.'),
  g('HIGH_HARM_HOME_OFFICE', 'HIGH_HARM_REVIEW', ['IDENTITY', 'CID_CASEWORK', 'CID_NOTES', 'STATUS_CHECK_OUTCOME', 'PNC', 'ACRO', 'HIGH_HARM_FLAG', 'HIGH_HARM_INTELLIGENCE', 'ASSESSMENT', 'DATA_QUALITY'], 'The High Harm Team sees the intelligence (004 §6.18).'),
  g('HIGH_HARM_HOME_OFFICE', 'IMMIGRATION_CASEWORK', HO_CASEWORK, 'The High Harm Team owns some cases (004 §6.19).'),
  g('REPORTING_CENTRE_OFFICER', 'REPORTING', ['IDENTITY', 'REPORTING', 'HIGH_HARM_FLAG'], "Reporting centres see today's events and the case owner's instructions (004 §6.60–6.66)."),
  g('MI_ANALYST', 'STATISTICS', ['AGGREGATE'], 'Management information: counts and rates only (restriction 7; 002 rec. 2–3).'),
  g('AUDITOR', 'AUDIT', ['AUDIT'], 'Who consulted or disclosed what, when and why (DPA 2018 Part 3 s62).'),
]);

/** The grant for a role and purpose, or undefined when the role may not act for that purpose. */
export function grantFor(role: Role, purpose: Purpose): Grant | undefined {
  return GRANTS.find((x) => x.role === role && x.purpose === purpose);
}

/** The purposes a role may act for, in table order. */
export function purposesOfRole(role: Role): readonly Purpose[] {
  return GRANTS.filter((x) => x.role === role).map((x) => x.purpose);
}

export function classesFor(role: Role, purpose: Purpose): ReadonlySet<DataClass> {
  return new Set(grantFor(role, purpose)?.classes ?? []);
}
