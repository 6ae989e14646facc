/**
 * Who may run each workflow operation, as data: the role, the purpose it must be stated for, and
 * the class of data the grants table (src/policy/grants.ts) must give that pair. Record-dependent
 * checks (case ownership, the force an officer works in, custody arrangements) are made by the
 * services with the policy's own decision functions (src/policy/decide.ts).
 */
import type { Purpose, Role } from '../auth/principal.js';
import type { DataClass } from '../policy/classes.js';
import type { PolicyContext } from '../policy/context.js';
import { forbiddenWrite } from './errors.js';

export type WorkflowOperation =
  | 'reportingSchedule'
  | 'recordReportingOutcome'
  | 'caseOwnerInbox'
  | 'setReportingInstructions'
  | 'recordStatusCheck'
  | 'uncheckedInCustody'
  | 'statusCheckRates'
  | 'recordReleaseBeforeIoAttended';

interface Permission {
  readonly roles: readonly Role[];
  readonly purposes: readonly Purpose[];
  readonly needs: DataClass;
  readonly cites: string;
}

export const WORKFLOW_PERMISSIONS: Readonly<Record<WorkflowOperation, Permission>> = Object.freeze({
  reportingSchedule: { roles: ['REPORTING_CENTRE_OFFICER'], purposes: ['REPORTING'], needs: 'REPORTING', cites: '004 §6.60–6.66' },
  recordReportingOutcome: { roles: ['REPORTING_CENTRE_OFFICER'], purposes: ['REPORTING'], needs: 'REPORTING', cites: '004 §6.61' },
  caseOwnerInbox: { roles: ['CC_CASEWORKER', 'UKVI_CASE_OWNER', 'HIGH_HARM_HOME_OFFICE'], purposes: ['REPORTING', 'IMMIGRATION_CASEWORK'], needs: 'REPORTING', cites: '004 §6.61, §7.25–7.30' },
  setReportingInstructions: { roles: ['CC_CASEWORKER', 'UKVI_CASE_OWNER', 'HIGH_HARM_HOME_OFFICE'], purposes: ['REPORTING', 'IMMIGRATION_CASEWORK'], needs: 'REPORTING', cites: '004 §5.5, §6.63–6.66' },
  recordStatusCheck: { roles: ['CCU_CALL_HANDLER', 'EMBEDDED_IO', 'JOC_IO'], purposes: ['STATUS_CHECK'], needs: 'STATUS_CHECK_OUTCOME', cites: '001 §4.7–4.12; 002 rec. 3' },
  uncheckedInCustody: { roles: ['EMBEDDED_IO', 'JOC_IO'], purposes: ['STATUS_CHECK'], needs: 'CUSTODY', cites: '000 rec. 1; 001 §4.26' },
  statusCheckRates: { roles: ['MI_ANALYST'], purposes: ['STATISTICS'], needs: 'AGGREGATE', cites: '001 §4.8–4.11; 002 rec. 2–3' },
  recordReleaseBeforeIoAttended: { roles: ['CUSTODY_SERGEANT', 'EMBEDDED_IO', 'JOC_IO', 'CCU_CALL_HANDLER'], purposes: ['POLICING', 'STATUS_CHECK'], needs: 'STATUS_CHECK_OUTCOME', cites: '002 rec. 2, §4.73' },
});

/** Throws FORBIDDEN naming the rule when role, purpose or grant do not allow the operation. */
export function authorise(policy: PolicyContext | null, operation: WorkflowOperation): PolicyContext {
  if (!policy) throw forbiddenWrite('WorkflowPermissions', 'no authenticated principal and purpose for this request.');
  const p = WORKFLOW_PERMISSIONS[operation];
  if (!p.roles.includes(policy.principal.role)) {
    throw forbiddenWrite('WorkflowPermissions', `${operation} is for ${p.roles.join(', ')} (${p.cites}); you act as ${policy.principal.role}.`);
  }
  if (!p.purposes.includes(policy.purpose)) {
    throw forbiddenWrite('WorkflowPermissions', `${operation} must be stated for purpose ${p.purposes.join(' or ')}; this request states ${policy.purpose}.`);
  }
  if (!policy.granted.has(p.needs)) {
    throw forbiddenWrite('WorkflowPermissions', `${policy.principal.role} acting for ${policy.purpose} has no grant for ${p.needs}.`);
  }
  return policy;
}

/** Criminal Casework hubs as CID names their units (004 §6.2). */
export const HUB_UNITS: Readonly<Record<string, string>> = Object.freeze({
  CC_CROYDON: 'CRIMINAL CASEWORK CROYDON',
  CC_LIVERPOOL: 'CRIMINAL CASEWORK LIVERPOOL',
  CC_LEEDS: 'CRIMINAL CASEWORK LEEDS',
});

/** The CID unit a case owner acts for: their unit, else their CC hub's unit. */
export function unitOf(policy: PolicyContext): string | null {
  const u = policy.principal.unit?.trim().toUpperCase();
  if (u) return u;
  return policy.principal.hub ? (HUB_UNITS[policy.principal.hub] ?? null) : null;
}
