/**
 * Who is asking: the principal a verified bearer token names. Roles follow the users in DOMAIN.md
 * "Who uses it"; organisation is the Home Office or the police force the user works for.
 * Nothing here decides access: src/policy/ does, from these facts.
 */
import { FORCE_CODES, type ForceCode } from '../domain/common.js';

/** The roles the gateway knows (issue 6 "Who is asking"). */
export const ROLES = [
  'CC_CASEWORKER', // Criminal Casework caseworker, per hub (004 §6.2)
  'UKVI_CASE_OWNER', // UKVI / other case owners: the cases they own (004 §6.18)
  'EMBEDDED_IO', // immigration officer embedded in a custody suite, per force (001 §4.26)
  'CCU_CALL_HANDLER', // Command and Control Unit, 24/7 status checks (001 §4.7)
  'JOC_IO', // immigration officer in the Nexus Joint Operations Centre
  'JOC_POLICE_OFFICER', // police officer in the Nexus JOC: the only police with CID (001 §4.28)
  'CUSTODY_SERGEANT', // police custody sergeant, per force
  'HIGH_HARM_POLICE', // Nexus High Harm team, police side (004 §6.18)
  'HIGH_HARM_HOME_OFFICE', // Nexus High Harm team, Home Office side
  'REPORTING_CENTRE_OFFICER', // ROM officer at a reporting centre (004 §6.60–6.66)
  'MI_ANALYST', // management information: counts and rates only (002 rec. 2–3)
  'AUDITOR', // who consulted or disclosed what about a person (DPA 2018 Part 3 s62)
] as const;
export type Role = (typeof ROLES)[number];

/** Why a request is made. Every request states one (`x-purpose`); the policy is keyed by it. */
export const PURPOSES = [
  'IMMIGRATION_CASEWORK', // deportation / removal casework on a person
  'STATUS_CHECK', // immigration status check of someone in police custody (001 §4.7–4.12)
  'REPORTING', // reporting-centre events and outcomes (004 §6.60–6.66)
  'POLICING', // police custody and criminal-investigation work
  'HIGH_HARM_REVIEW', // Nexus High Harm triage and review (004 §6.18, 002 §4.54)
  'NATIONALITY_VERIFICATION', // DVA check on reasonable doubt of a claim to be British (001 fn 21)
  'STATISTICS', // management information (aggregates only)
  'AUDIT', // reviewing the access audit trail
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Criminal Casework hubs (004 §6.2): Croydon detained, Liverpool bands 1–2, Leeds bands 3–4. */
export const HUBS = ['CC_CROYDON', 'CC_LIVERPOOL', 'CC_LEEDS'] as const;
export type Hub = (typeof HUBS)[number];

/** The Home Office, or a police force by code. */
export type Organisation = 'HOME_OFFICE' | ForceCode;
export const ORGANISATIONS: readonly Organisation[] = Object.freeze(['HOME_OFFICE', ...FORCE_CODES]);

export interface Principal {
  /** Stable user id (the token's `sub`). Recorded in the audit trail. */
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisation: Organisation;
  /** The force a user works in or with: a police user's own force, or where an IO is embedded. */
  readonly force?: ForceCode;
  /** Criminal Casework hub (CC caseworkers). */
  readonly hub?: Hub;
  /** Owning unit as CID names it (case owners: the unit whose cases they own). */
  readonly unit?: string;
  /** Reporting centre (ROM officers). */
  readonly reportingCentre?: string;
  /** The purposes this user may state. The policy may narrow them further by role. */
  readonly purposes: readonly Purpose[];
  /** Holds an HM Passport Office DVA licence (001 §4.37, fn 22). */
  readonly dvaLicensed?: boolean;
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}
export function isPurpose(v: unknown): v is Purpose {
  return typeof v === 'string' && (PURPOSES as readonly string[]).includes(v);
}
export function isHub(v: unknown): v is Hub {
  return typeof v === 'string' && (HUBS as readonly string[]).includes(v);
}
export function isForceCode(v: unknown): v is ForceCode {
  return typeof v === 'string' && (FORCE_CODES as readonly string[]).includes(v);
}
export function isOrganisation(v: unknown): v is Organisation {
  return v === 'HOME_OFFICE' || isForceCode(v);
}

/** Home Office staff (as opposed to police), for the ACRO rules (001 §4.32). */
export function isHomeOfficeStaff(p: Pick<Principal, 'organisation'>): boolean {
  return p.organisation === 'HOME_OFFICE';
}
