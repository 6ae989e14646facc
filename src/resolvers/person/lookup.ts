/**
 * Query.person and Query.personBySourceKey: find the person in the person index (one batched index
 * query per request, whatever the number of lookups) and record the consultation in the audit trail.
 */
import { BadInputError, GatewayError } from '../../domain/errors.js';
import type { SourceName } from '../../domain/common.js';
import type { GatewayContext } from '../../context/types.js';
import type { PersonModel } from './models.js';
import { personView, requirePolicy } from './view.js';

/** A source key as the index stores it (PNC ids and ACRO references upper case; others as given, trimmed). */
export function normaliseSourceKey(source: SourceName, key: string): string {
  const k = key.trim();
  return source === 'pnc' || source === 'acro' || source === 'cid' ? k.toUpperCase() : k;
}

export async function personById(ctx: GatewayContext, id: string): Promise<PersonModel | null> {
  requirePolicy(ctx);
  const view = personView(ctx, id.trim());
  if (!(await view.exists())) return null;
  ctx.audit?.consulted(view.personId);
  return { personId: view.personId };
}

export async function personBySourceKey(ctx: GatewayContext, source: SourceName, rawKey: string): Promise<PersonModel | null> {
  requirePolicy(ctx);
  const key = normaliseSourceKey(source, rawKey);
  if (key === '') throw new BadInputError('key', 'give the record key in its source');
  let personId: string;
  if (source === 'cid' && !key.includes('/')) {
    // A CID case id: the person on it, when there is exactly one (004 §3.12: a case may hold several).
    const ids = await ctx.identity.personIdsByCaseId.load(key);
    if (ids.length === 0) return null;
    if (ids.length > 1) throw new BadInputError('key', `CID case ${key} holds ${ids.length} persons: give "<caseId>/<cidPersonId>"`);
    personId = ids[0]!;
  } else {
    try {
      personId = await ctx.identity.personIdByRef.load({ source, key });
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
  return personById(ctx, personId);
}
