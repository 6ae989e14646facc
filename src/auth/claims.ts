/**
 * The JWT claims that carry a principal, and their validation. A token whose claims are not a
 * coherent principal (unknown role, a police role in the Home Office, a caseworker without a hub)
 * is refused as BAD_CLAIMS: the policy never sees a half-valid principal.
 *
 * Claims: `sub` user id, `name`, `role`, `org` (HOME_OFFICE or force code), `force`, `hub`, `unit`,
 * `reporting_centre`, `purposes` (array), `dva_licensed` (boolean).
 */
import type { JWTPayload } from 'jose';
import { unauthenticated } from './errors.js';
import {
  isForceCode,
  isHub,
  isOrganisation,
  isPurpose,
  isRole,
  type Principal,
  type Purpose,
  type Role,
} from './principal.js';

/** Roles held by police officers; every other role is Home Office staff. */
export const POLICE_ROLES: readonly Role[] = Object.freeze(['JOC_POLICE_OFFICER', 'CUSTODY_SERGEANT', 'HIGH_HARM_POLICE']);

/** What each role must carry besides the common claims. */
const REQUIRED: Readonly<Partial<Record<Role, readonly ('force' | 'hub' | 'unit' | 'reportingCentre')[]>>> = Object.freeze({
  CC_CASEWORKER: ['hub'],
  UKVI_CASE_OWNER: ['unit'],
  EMBEDDED_IO: ['force'],
  CUSTODY_SERGEANT: ['force'],
  JOC_POLICE_OFFICER: ['force'],
  HIGH_HARM_POLICE: ['force'],
  REPORTING_CENTRE_OFFICER: ['reportingCentre'],
});

export interface PrincipalClaims extends JWTPayload {
  sub: string;
  name: string;
  role: Role;
  org: string;
  force?: string;
  hub?: string;
  unit?: string;
  reporting_centre?: string;
  purposes: Purpose[];
  dva_licensed?: boolean;
}

export function claimsFromPrincipal(p: Principal): PrincipalClaims {
  return {
    sub: p.userId,
    name: p.displayName,
    role: p.role,
    org: p.organisation,
    ...(p.force ? { force: p.force } : {}),
    ...(p.hub ? { hub: p.hub } : {}),
    ...(p.unit ? { unit: p.unit } : {}),
    ...(p.reportingCentre ? { reporting_centre: p.reportingCentre } : {}),
    purposes: [...p.purposes],
    ...(p.dvaLicensed ? { dva_licensed: true } : {}),
  };
}

function optionalString(payload: JWTPayload, claim: string): string | undefined {
  const v = payload[claim];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.trim() === '') throw unauthenticated('BAD_CLAIMS', `Claim "${claim}" must be a non-empty string.`);
  return v;
}

/** A principal from verified claims, or UNAUTHENTICATED/BAD_CLAIMS naming the first problem. */
export function principalFromClaims(payload: JWTPayload): Principal {
  const bad = (detail: string) => unauthenticated('BAD_CLAIMS', detail);
  const userId = optionalString(payload, 'sub');
  if (!userId) throw bad('Claim "sub" (user id) is missing.');
  const displayName = optionalString(payload, 'name') ?? userId;
  const role = payload.role;
  if (!isRole(role)) throw bad(`Claim "role" is not a known role.`);
  const org = payload.org;
  if (!isOrganisation(org)) throw bad('Claim "org" must be HOME_OFFICE or a force code.');
  const isPolice = POLICE_ROLES.includes(role);
  if (isPolice !== (org !== 'HOME_OFFICE')) {
    throw bad(`Role "${role}" belongs to ${isPolice ? 'a police force' : 'the Home Office'}, but "org" is "${org}".`);
  }
  const force = optionalString(payload, 'force');
  if (force !== undefined && !isForceCode(force)) throw bad('Claim "force" is not a known force code.');
  if (isPolice && force !== undefined && force !== org) throw bad(`A police officer's "force" must equal "org".`);
  const hub = optionalString(payload, 'hub');
  if (hub !== undefined && !isHub(hub)) throw bad('Claim "hub" is not a Criminal Casework hub.');
  const unit = optionalString(payload, 'unit');
  const reportingCentre = optionalString(payload, 'reporting_centre');
  const purposes = payload.purposes;
  if (!Array.isArray(purposes) || purposes.length === 0 || !purposes.every(isPurpose)) {
    throw bad('Claim "purposes" must be a non-empty array of known purposes.');
  }
  const dva = payload.dva_licensed;
  if (dva !== undefined && typeof dva !== 'boolean') throw bad('Claim "dva_licensed" must be a boolean.');
  const effectiveForce = force ?? (isPolice && isForceCode(org) ? org : undefined);
  const principal: Principal = Object.freeze({
    userId,
    displayName,
    role,
    organisation: org,
    ...(effectiveForce ? { force: effectiveForce } : {}),
    ...(hub ? { hub } : {}),
    ...(unit ? { unit } : {}),
    ...(reportingCentre ? { reportingCentre } : {}),
    purposes: Object.freeze([...new Set(purposes as Purpose[])]),
    dvaLicensed: dva === true,
  });
  for (const need of REQUIRED[role] ?? []) {
    if (principal[need] === undefined) throw bad(`Role "${role}" needs claim "${need === 'reportingCentre' ? 'reporting_centre' : need}".`);
  }
  return principal;
}
