/**
 * What every policy decision is made for: who is asking, for which stated purpose, with which
 * justification. Built once per request (src/policy/purpose.ts `resolvePurpose`) and carried in the
 * GraphQL context; decisions are pure functions of it and the datum.
 */
import type { Principal, Purpose } from '../auth/principal.js';
import type { DataClass } from './classes.js';
import { classesFor } from './grants.js';

export interface PolicyContext {
  readonly principal: Principal;
  readonly purpose: Purpose;
  /** Why this request is made, when the user gave one (`x-justification`); required by some rules. */
  readonly justification: string | null;
  /** Classes the grants table allows for this role and purpose. */
  readonly granted: ReadonlySet<DataClass>;
}

export function createPolicyContext(principal: Principal, purpose: Purpose, justification: string | null = null): PolicyContext {
  return Object.freeze({ principal, purpose, justification, granted: classesFor(principal.role, purpose) });
}
