/**
 * One decision function per kind of datum. Every path that can reach a value — person fields,
 * timeline events, search hits and match reasons, assessments and their reasons, data-quality
 * messages, aliases and fragments — calls the same function, so the same datum gets the same answer
 * everywhere (issue 6 "No side doors").
 */
import type { DataQualityIssue, ForceCode, IdentityFragment, SourceRef } from '../domain/common.js';
import { FORCE_CODES } from '../domain/common.js';
import type { AcroRequest, AcroResult } from '../domain/acro.js';
import type { DataClass } from './classes.js';
import type { PolicyContext } from './context.js';
import type { Datum } from './datum.js';
import { combine, type Decision, type RuleVerdict } from './decision.js';
import { VALUE_RULES } from './valueRules.js';

/** Run every applicable rule over a datum and combine (decision.ts). Pure. */
export function decide(ctx: PolicyContext, datum: Datum): Decision {
  const verdicts: RuleVerdict[] = [];
  for (const rule of VALUE_RULES) {
    if (rule.appliesTo !== 'ALL' && !rule.appliesTo.includes(datum.kind)) continue;
    const verdict = rule.decide(ctx, datum);
    if (verdict) verdicts.push({ rule: rule.name, cites: rule.cites, verdict });
  }
  return combine(verdicts);
}

export function decideAcroResult(ctx: PolicyContext, result: Pick<AcroResult, 'hosol' | 'instigator'>): Decision {
  return decide(ctx, { kind: 'ACRO_RESULT', result: { hosol: result.hosol, instigator: result.instigator } });
}

/** The check itself (reference, status, dates, subject): withheld when nothing in it may be seen. */
export function decideAcroRequest(ctx: PolicyContext, request: Pick<AcroRequest, 'instigator' | 'status' | 'results'>): Decision {
  return decide(ctx, {
    kind: 'ACRO_REQUEST',
    request: { instigator: request.instigator, status: request.status, results: request.results.map((r) => ({ hosol: r.hosol, instigator: request.instigator })) },
  });
}

export interface DecidedItem<T> {
  readonly item: T;
  readonly decision: Decision;
}

/** A request's results with their decisions, in order; callers show only the ALLOWed ones. */
export function decideAcroResults(ctx: PolicyContext, request: Pick<AcroRequest, 'instigator' | 'results'>): readonly DecidedItem<AcroResult>[] {
  // A result's instigator is copied from its request; decide on the request's, so a result can never
  // claim a more permissive instigator than the check that produced it.
  return request.results.map((r) => ({ item: r, decision: decideAcroResult(ctx, { hosol: r.hosol, instigator: request.instigator }) }));
}

export function decideCidRecord(ctx: PolicyContext, record: { readonly class?: 'CID_CASEWORK' | 'CID_NOTES' | 'REPORTING'; readonly ownerUnit: string | null }): Decision {
  return decide(ctx, { kind: 'CID', class: record.class ?? 'CID_CASEWORK', ownerUnit: record.ownerUnit });
}

/** A custody episode; an ALLOW may limit `fields` (West Yorkshire's limited access). */
export function decideCustodyEpisode(ctx: PolicyContext, episode: { readonly force: ForceCode }): Decision {
  return decide(ctx, { kind: 'CUSTODY', force: episode.force });
}

export function decideStatusCheckOutcome(ctx: PolicyContext, episode: { readonly force: ForceCode | null }): Decision {
  return decide(ctx, { kind: 'STATUS_CHECK_OUTCOME', force: episode.force });
}

export function decidePncRecord(ctx: PolicyContext): Decision {
  return decide(ctx, { kind: 'PNC' });
}

export function decideHighHarmFlag(ctx: PolicyContext): Decision {
  return decide(ctx, { kind: 'HIGH_HARM_FLAG' });
}

export function decideHighHarmIntelligence(ctx: PolicyContext): Decision {
  return decide(ctx, { kind: 'HIGH_HARM_INTELLIGENCE' });
}

/** Reading a DVA check, or making one (the same rule: licence, purpose, justification). */
export function decideDvaCheck(ctx: PolicyContext): Decision {
  return decide(ctx, { kind: 'DVA_CHECK' });
}

export function decideAggregate(ctx: PolicyContext): Decision {
  return decide(ctx, { kind: 'AGGREGATE' });
}

export function decideAuditRead(ctx: PolicyContext): Decision {
  return decide(ctx, { kind: 'AUDIT' });
}

/** A value derived from records whose decisions are `sources`. */
export function decideDerived(ctx: PolicyContext, cls: DataClass, sources: readonly Decision[]): Decision {
  return decide(ctx, { kind: 'DERIVED', class: cls, sources });
}

/**
 * The decision for a record known only by its reference. ACRO records cannot be decided without the
 * check (who instigated it, HOSOL), so an unresolved ACRO ref is withheld (fail closed); a CID ref
 * without its owner is decided with an unknown owner (so case owners are refused).
 */
export function decideSourceRef(ctx: PolicyContext, ref: SourceRef): Decision {
  switch (ref.source) {
    case 'cid':
    case 'pathfinder':
      return decideCidRecord(ctx, { class: 'CID_CASEWORK', ownerUnit: null });
    case 'custody': {
      const force = ref.key.split('/')[0];
      if (!(FORCE_CODES as readonly string[]).includes(force ?? '')) {
        return { effect: 'DENY', refusal: { rule: 'DerivedDataRule', cites: 'issue 6 "No side doors"', reason: 'Custody record of an unknown force.', remedy: 'Report the record to the gateway team.' } };
      }
      return decideCustodyEpisode(ctx, { force: force as ForceCode });
    }
    case 'pnc':
      return decidePncRecord(ctx);
    case 'dva':
      return decideDvaCheck(ctx);
    case 'acro':
      return { effect: 'WITHHOLD', rule: 'DerivedDataRule', cites: 'DOMAIN restriction 1', reason: 'ACRO record referred to without its check: cannot tell who may see it.' };
  }
}

function recordDecisions(ctx: PolicyContext, refs: readonly SourceRef[], known: readonly Decision[] | undefined): readonly Decision[] {
  return known && known.length > 0 ? known : refs.map((r) => decideSourceRef(ctx, r));
}

/**
 * A data-quality message: visible if the requester may see data-quality reports and every record it
 * names (`recordDecisions`: the decisions already made on those records; else decided from the refs).
 */
export function decideDataQualityIssue(ctx: PolicyContext, issue: Pick<DataQualityIssue, 'refs'>, recordDecisions_?: readonly Decision[]): Decision {
  return decideDerived(ctx, 'DATA_QUALITY', recordDecisions(ctx, issue.refs, recordDecisions_));
}

/** An identity fragment or alias: identity data, visible only if the record it came from is. */
export function decideIdentityFragment(ctx: PolicyContext, fragment: Pick<IdentityFragment, 'ref'>, recordDecision?: Decision): Decision {
  return decideDerived(ctx, 'IDENTITY', recordDecision ? [recordDecision] : [decideSourceRef(ctx, fragment.ref)]);
}

/** A search hit's match reason (or a link explanation) citing records: visible only if all are. */
export function decideMatchReason(ctx: PolicyContext, refs: readonly SourceRef[], recordDecisions_?: readonly Decision[]): Decision {
  return decideDerived(ctx, 'IDENTITY', recordDecisions(ctx, refs, recordDecisions_));
}

/**
 * An assessment (or one of its reasons) computed from inputs: visible when assessments are granted
 * and every input is. Compute assessments from `visibleOnly(...)` inputs so a withheld record can
 * never shape the result.
 */
export function decideAssessment(ctx: PolicyContext, inputDecisions: readonly Decision[]): Decision {
  return decideDerived(ctx, 'ASSESSMENT', inputDecisions);
}

/** Items whose decision is ALLOW, in order. */
export function visibleOnly<T>(items: readonly DecidedItem<T>[]): T[] {
  return items.filter((x) => x.decision.effect === 'ALLOW').map((x) => x.item);
}
