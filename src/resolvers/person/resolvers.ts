/**
 * Resolvers for schema/person.graphql: the Person Centric View (issue 5). Each Person field reads
 * only the parts it needs through the request's PersonView (src/resolvers/person/view.ts), which
 * reads sources through the per-request DataLoaders, decides every record with the policy and
 * records it in the audit trail; composition (identity, timeline, assessments, data quality) is in
 * src/person/ and sees only what the requester may see.
 */
import { assessAll, type Assessment, type AssessmentKind } from '../../assessments/index.js';
import type { DataQualityIssue, SourceRef } from '../../domain/common.js';
import type { Resolvers } from '../../generated/graphql.js';
import { personDataQuality } from '../../person/dataQuality.js';
import { assessmentFacts } from '../../person/facts.js';
import { aliasesOf, bestIdentity, identifiersOf, type IdentitySummary } from '../../person/identity.js';
import { ownershipOf } from '../../person/ownership.js';
import { newestFirst } from '../../person/records.js';
import { filterTimeline, timelineEvents, type TimelineKind } from '../../person/timeline.js';
import {
  decideAssessment,
  decideDataQualityIssue,
  decideHighHarmFlag,
  decideMatchReason,
  decideSourceRef,
  decideStatusCheckOutcome,
  visibleOnly,
} from '../../policy/decide.js';
import { decisionError, type Decision } from '../../policy/decision.js';
import type { GatewayContext } from '../../context/types.js';
import type { WaterfallRow } from '../../identity/score.js';
import { personById, personBySourceKey } from './lookup.js';
import type { LinkedRecordModel, PersonModel } from './models.js';
import { searchPersons } from './search.js';
import { PersonView, personView } from './view.js';

const view = (p: PersonModel, ctx: GatewayContext) => personView(ctx, p.personId);


async function identityOf(v: PersonView): Promise<IdentitySummary> {
  return bestIdentity(await v.fragments());
}

/**
 * A list of derived values, each with its decision: the allowed ones; WITHHOLD left out; when
 * nothing is allowed and something was denied, the field is refused with that denial.
 */
function allowedOrRefuse<T>(v: PersonView, coordinate: string, items: readonly { item: T; decision: Decision }[]): T[] {
  const out: T[] = [];
  let denial: Extract<Decision, { effect: 'DENY' }> | null = null;
  for (const { item, decision } of items) {
    v.audit(coordinate, null, decision);
    if (decision.effect === 'ALLOW') out.push(item);
    else if (decision.effect === 'DENY') denial ??= decision;
  }
  if (out.length === 0 && denial) throw decisionError(denial, coordinate);
  return out;
}

/** Every assessment, computed only from what the requester may see, each decided (High Harm also as the flag). */
async function assessmentsOf(v: PersonView, asOf: string | null | undefined, today: string): Promise<Assessment[]> {
  const [records, identity] = await Promise.all([v.records(), identityOf(v)]);
  const all = assessAll(assessmentFacts(records, asOf ?? today, identity.nationality));
  const failed = v.failedSources();
  const caveat = failed.length > 0 ? [`Not considered: ${failed.join(', ')} could not be read in this request, so records there are missing from this assessment.`] : [];
  return all.map((a) => ({ ...a, reasons: [...a.reasons, ...caveat] }));
}

async function decidedAssessments(v: PersonView, asOf: string | null | undefined, kinds: readonly AssessmentKind[] | null | undefined, today: string) {
  const all = await assessmentsOf(v, asOf, today);
  const wanted = kinds && kinds.length > 0 ? all.filter((a) => kinds.includes(a.kind)) : all;
  return wanted.map((a) => {
    const inputs = a.evidence.map((ref) => v.decisionFor(ref) ?? decideSourceRef(v.policy, ref));
    let decision = decideAssessment(v.policy, inputs);
    if (a.kind === 'NEXUS_HIGH_HARM' && decision.effect === 'ALLOW') decision = decideHighHarmFlag(v.policy);
    return { item: a, decision };
  });
}

async function linkedRecords(v: PersonView, ctx: GatewayContext): Promise<LinkedRecordModel[]> {
  const rows = (await v.rows()) ?? [];
  // Whether an ACRO check may be seen depends on the check itself (who instigated it, HOSOL).
  if (rows.some((r) => r.source === 'acro')) await v.acro().catch(() => undefined);
  const decisions = rows.some((r) => r.rule === 'HUMAN') ? await ctx.identity.decisions() : [];
  const out: LinkedRecordModel[] = [];
  for (const row of rows) {
    const ref: SourceRef = { source: row.source as SourceRef['source'], key: row.recordKey };
    const known = v.decisionFor(ref);
    const decision = decideMatchReason(v.policy, [ref], known ? [known] : undefined);
    v.audit('Person.linkedRecords', ref.source, decision);
    if (decision.effect !== 'ALLOW') continue;
    const confirmed = row.rule === 'HUMAN' ? [...decisions].reverse().find((d) => (d.kind === 'CONFIRM_LINK' || d.kind === 'MERGE') && d.refs.includes(row.ref)) ?? null : null;
    out.push({ row, decision: confirmed });
  }
  return out;
}

export const personResolvers: Resolvers = {
  Query: {
    person: (_p, { id }, ctx) => personById(ctx, id),
    personBySourceKey: (_p, { source, key }, ctx) => personBySourceKey(ctx, source, key),
    searchPersons: (_p, { query, first, after }, ctx) => searchPersons(ctx, query, first, after),
  },
  PersonSearchResult: {
    hits: (r) => [...r.hits],
  },
  PersonSearchHit: {
    person: (h) => ({ personId: h.personId }),
    matchedRecord: (h) => h.ref,
    reasons: (h) => [...h.reasons],
  },
  Person: {
    id: (p) => p.personId,
    identity: (p, _a, ctx) => identityOf(view(p, ctx)),
    aliases: async (p, _a, ctx) => {
      const v = view(p, ctx);
      const fragments = await v.fragments();
      return aliasesOf(fragments, bestIdentity(fragments).name);
    },
    identifiers: async (p, _a, ctx) => identifiersOf(await view(p, ctx).fragments()),
    linkedRecords: (p, _a, ctx) => linkedRecords(view(p, ctx), ctx),
    immigrationStatus: async (p, _a, ctx) => {
      const v = view(p, ctx);
      const [episodes, cases] = await Promise.all([v.custody().then(visibleOnly).catch(() => []), v.visibleCases().catch(() => [])]);
      const checked = newestFirst(
        episodes.filter((e) => e.statusCheck.requested && e.statusCheck.result !== null).filter((e) => {
          const d = decideStatusCheckOutcome(v.policy, e);
          v.audit('Person.immigrationStatus', 'custody', d);
          return d.effect === 'ALLOW';
        }),
        (e) => e.statusCheck.requestedAt ?? e.arrestedAt,
      );
      const openCaseTypes = [...new Set(cases.filter((k) => k.status === 'OPEN' && k.type !== null).map((k) => k.type!))];
      const latest = checked[0];
      if (!latest && openCaseTypes.length === 0) return null;
      return {
        latestStatusCheck: latest?.statusCheck.result ?? null,
        latestStatusCheckAt: latest ? (latest.statusCheck.requestedAt ?? latest.arrestedAt) : null,
        latestStatusCheckRecord: latest?.ref ?? null,
        openCaseTypes,
      };
    },
    cidCases: async (p, _a, ctx) => {
      const decided = await view(p, ctx).cidCases();
      return PersonView.listWithRefusals(newestFirst(decided, (d) => d.item.openedOn), 'Person.cidCases');
    },
    caseNotes: async (p, _a, ctx) => {
      const notes = await view(p, ctx).notes();
      return PersonView.listWithRefusals(newestFirst(notes, (n) => n.item.note.writtenAt), 'Person.caseNotes');
    },
    custodyEpisodes: async (p, _a, ctx) => {
      const episodes = await view(p, ctx).custody();
      return PersonView.listWithRefusals(newestFirst(episodes, (e) => e.item.arrestedAt), 'Person.custodyEpisodes');
    },
    pncRecords: async (p, _a, ctx) => PersonView.listWithRefusals(await view(p, ctx).pnc(), 'Person.pncRecords'),
    convictions: async (p, _a, ctx) => {
      const decided = await view(p, ctx).pnc();
      const denied = decided.find((d) => d.decision.effect === 'DENY');
      if (denied && denied.decision.effect === 'DENY') throw decisionError(denied.decision, 'Person.convictions');
      const all = visibleOnly(decided).flatMap((r) => r.convictions.map((conviction) => ({ conviction, record: r.ref })));
      return newestFirst(all, (c) => c.conviction.convictedOn);
    },
    circulations: async (p, _a, ctx) => {
      const decided = await view(p, ctx).pnc();
      const denied = decided.find((d) => d.decision.effect === 'DENY');
      if (denied && denied.decision.effect === 'DENY') throw decisionError(denied.decision, 'Person.circulations');
      const all = visibleOnly(decided).flatMap((r) => r.circulations.map((circulation) => ({ circulation, record: r.ref })));
      return newestFirst(all, (c) => c.circulation.since);
    },
    acroRequests: async (p, _a, ctx) => {
      const decided = await view(p, ctx).acro();
      // Each check carries only the results the requester may see (police-instigated below HOSOL are left out).
      const shaped = decided.map(({ item, decision }) => ({ item: { ...item.request, results: item.results }, decision }));
      return PersonView.listWithRefusals(newestFirst(shaped, (r) => r.item.requestedAt), 'Person.acroRequests');
    },
    pathfinderRows: async (p, _a, ctx) => PersonView.listWithRefusals(await view(p, ctx).pathfinder(), 'Person.pathfinderRows'),
    reporting: async (p, _a, ctx) => {
      const decided = await view(p, ctx).restrictions();
      const restrictions = allowedOrRefuse(view(p, ctx), 'Person.reporting', decided);
      const ordered = newestFirst(restrictions, (r) => r.restriction.startedOn);
      return { personId: p.personId, restrictions: ordered.map((r) => r.restriction), required: ordered.some((r) => r.restriction.status === 'OPEN') };
    },
    travelDocuments: async (p, _a, ctx) => {
      const etds = await view(p, ctx).etds();
      return newestFirst(etds, (e) => e.etd.submittedOn ?? e.etd.interviewOn).map((e) => e.etd);
    },
    ownership: async (p, _a, ctx) => {
      const v = view(p, ctx);
      const decided = await v.cidCases();
      const denied = decided.find((d) => d.decision.effect === 'DENY');
      const cases = visibleOnly(decided);
      if (cases.length === 0 && denied && denied.decision.effect === 'DENY') throw decisionError(denied.decision, 'Person.ownership');
      const rows = await v.pathfinder().then(visibleOnly).catch(() => []);
      return ownershipOf(cases, rows);
    },
    timeline: async (p, { kinds, from, to }, ctx) => {
      const records = await view(p, ctx).records();
      return filterTimeline(timelineEvents(records, ctx.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z')), { kinds: (kinds ?? null) as readonly TimelineKind[] | null, from: from ?? null, to: to ?? null });
    },
    assessments: async (p, { kinds, asOf }, ctx) => {
      const v = view(p, ctx);
      return allowedOrRefuse(v, 'Person.assessments', await decidedAssessments(v, asOf, kinds, ctx.clock.today()));
    },
    dataQuality: async (p, _a, ctx) => {
      const v = view(p, ctx);
      const [records, identity] = await Promise.all([v.records(), identityOf(v)]);
      const issues = personDataQuality(records, identity);
      const decided = issues.map((issue: DataQualityIssue) => {
        const known = issue.refs.map((r) => v.decisionFor(r) ?? decideSourceRef(v.policy, r));
        return { item: issue, decision: decideDataQualityIssue(v.policy, issue, known) };
      });
      return allowedOrRefuse(v, 'Person.dataQuality', decided);
    },
    sources: (p, _a, ctx) => view(p, ctx).status(),
  },
  DataQualityIssue: {
    records: (i) => [...i.refs],
  },
  PersonIdentity: {
    attributes: (i) => [...i.attributes],
  },
  IdentityAttribute: {
    sources: (a) => [...a.sources],
    alternatives: (a) => [...a.alternatives],
  },
  IdentityAlternative: {
    sources: (a) => [...a.sources],
  },
  PersonAlias: {
    sources: (a) => [...a.sources],
  },
  PersonIdentifier: {
    sources: (a) => [...a.sources],
  },
  LinkedRecord: {
    record: (l) => ({ source: l.row.source as SourceRef['source'], key: l.row.recordKey }),
    rule: (l) => l.row.rule,
    score: (l) => l.row.matchWeight,
    probability: (l) => (l.row.evidence ? (JSON.parse(l.row.evidence) as { probability: number }).probability : null),
    evidence: (l) => (l.row.evidence ? [...(JSON.parse(l.row.evidence) as { rows: readonly WaterfallRow[] }).rows] : []),
    confirmedBy: (l) => l.decision?.decidedBy ?? null,
    confirmedAt: (l) => l.decision?.decidedAt ?? null,
    confirmationReason: (l) => l.decision?.reason ?? null,
  },
  LinkEvidenceRow: {
    weight: (r) => r.partialWeight,
  },
  ImmigrationStatus: {
    openCaseTypes: (s) => [...s.openCaseTypes],
  },
  PersonCaseNote: {
    case: (n) => n.case.ref,
    caseType: (n) => n.case.type,
  },
  PersonReporting: {
    restrictions: (r) => [...r.restrictions],
    compliance: async (r, _a, ctx) => reportingAssessment(ctx, r.personId, 'REPORTING_COMPLIANCE'),
    absconderAction: async (r, _a, ctx) => reportingAssessment(ctx, r.personId, 'ABSCONDER_ACTION_DUE'),
    recommendedFrequency: async (r, _a, ctx) => reportingAssessment(ctx, r.personId, 'RECOMMENDED_REPORTING_FREQUENCY'),
  },
  PersonOwnership: {
    cases: (o) => [...o.cases],
  },
  CaseOwnership: {
    allocatedOwners: (c) => [...c.allocatedOwners],
  },
  Assessment: {
    reasons: (a) => [...a.reasons],
    evidence: (a) => [...a.evidence],
    actions: (a) => [...a.actions],
  },
  PersonSourceStatus: {
    missing: (s) => [...s.missing],
  },
};


async function reportingAssessment(ctx: GatewayContext, personId: string, kind: AssessmentKind): Promise<Assessment | null> {
  const v = personView(ctx, personId);
  const [one] = await decidedAssessments(v, null, [kind], ctx.clock.today());
  if (!one) return null;
  v.audit(`PersonReporting.${kind}`, null, one.decision);
  if (one.decision.effect === 'DENY') throw decisionError(one.decision, `PersonReporting.${kind}`);
  return one.decision.effect === 'ALLOW' ? one.item : null;
}

