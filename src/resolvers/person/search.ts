/**
 * Query.searchPersons: candidates from the person index (identity-model scoring with name variants,
 * transliterations, swapped names and aliases) and exact identifier hits, ranked, paged by an
 * offset cursor. A hit, and its match reasons, are shown only when the requester may see the record
 * that matched (decideMatchReason; issue 6 "No side doors"); every person shown is recorded as
 * consulted.
 */
import { BadInputError } from '../../domain/errors.js';
import { parseNationality } from '../../domain/nationality.js';
import type { GatewayContext } from '../../context/types.js';
import type { PersonSearchInput } from '../../generated/graphql.js';
import { decideMatchReason } from '../../policy/decide.js';
import type { PersonSearchHitModel, PersonSearchResultModel } from './models.js';
import { requirePolicy } from './view.js';

export const MAX_PAGE_SIZE = 50;
/** How deep a search can page (offset + page size). */
export const MAX_SEARCH_DEPTH = 200;
/** An identifier match outranks any name match. */
export const IDENTIFIER_MATCH_SCORE = 64;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new BadInputError('after', 'not a cursor this search returned');
  return Number(m[1]);
}

/** One hit per record holding the identifier (grouped per person after the policy has seen each record). */
async function identifierHits(ctx: GatewayContext, input: PersonSearchInput): Promise<PersonSearchHitModel[]> {
  if (!input.identifier?.trim()) return [];
  const hits = await ctx.identity.searchByIdentifier(input.identifier, input.identifierKind ?? null);
  return hits.map((h) => ({
    personId: h.personId,
    ref: h.ref,
    score: IDENTIFIER_MATCH_SCORE,
    probability: 1,
    reasons: [h.kind === 'RECORD_KEY' ? `record key ${h.ref.source}:${h.ref.key}` : `identifier ${h.kind} ${h.value} on ${h.ref.source}:${h.ref.key}`],
  }));
}

async function nameHits(ctx: GatewayContext, input: PersonSearchInput, depth: number): Promise<PersonSearchHitModel[]> {
  if (!input.familyName?.trim()) return [];
  const nationality = input.nationality ? parseNationality(input.nationality) : null;
  if (input.nationality && !nationality) throw new BadInputError('nationality', `"${input.nationality}" is not a nationality the gateway knows`);
  const candidates = await ctx.identity.search({
    familyName: input.familyName,
    givenNames: input.givenNames ?? [],
    dateOfBirth: input.dateOfBirth ?? null,
    nationality,
    gender: input.gender ?? null,
    limit: depth,
  });
  return candidates.map((c) => ({ personId: c.personId, ref: c.ref, score: c.matchWeight, probability: c.probability, reasons: c.reasons }));
}

export async function searchPersons(
  ctx: GatewayContext,
  input: PersonSearchInput,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<PersonSearchResultModel> {
  const policy = requirePolicy(ctx);
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new BadInputError('first', `a page holds 1 to ${MAX_PAGE_SIZE} hits`);
  if (!input.familyName?.trim() && !input.identifier?.trim()) throw new BadInputError('query', 'give a family name or an identifier');
  const offset = decodeCursor(after);
  if (offset + size > MAX_SEARCH_DEPTH) throw new BadInputError('after', `searches page to at most ${MAX_SEARCH_DEPTH} hits: narrow the search`);

  const [byId, byName] = await Promise.all([identifierHits(ctx, input), nameHits(ctx, input, offset + size + 1)]);
  // A hit counts only through a record the requester may see (its reasons quote that record); the
  // others are left out and audited, so a search cannot reveal a withheld record (issue 6).
  const seen = [...byId, ...byName].filter((h) => {
    const decision = decideMatchReason(policy, [h.ref]);
    ctx.audit?.record({ coordinate: 'PersonSearchHit', source: h.ref.source, personId: h.personId }, decision);
    return decision.effect === 'ALLOW';
  });
  const merged = new Map<string, PersonSearchHitModel>();
  for (const h of seen) {
    const cur = merged.get(h.personId);
    if (!cur) merged.set(h.personId, h);
    else merged.set(h.personId, { ...(h.score > cur.score ? h : cur), reasons: [...cur.reasons, ...h.reasons.filter((r) => !cur.reasons.includes(r))] });
  }
  const visible = [...merged.values()].sort((a, b) => b.score - a.score || (a.personId < b.personId ? -1 : 1));
  const page = visible.slice(offset, offset + size);
  for (const h of page) ctx.audit?.consulted(h.personId);
  const hasNextPage = visible.length > offset + size;
  return { hits: page, hasNextPage, nextCursor: hasNextPage ? encodeCursor(offset + size) : null };
}
