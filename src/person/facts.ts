/**
 * Maps the records of a person the requester may see (PersonRecords) to the facts the assessment
 * rules read (src/assessments/types.ts). Pure: withheld records are never in the input, so an
 * assessment cannot reveal them (issue 6 "No side doors": High Harm computed only from what the
 * requester may see).
 */
import type {
  ArrestFact,
  AssessmentFacts,
  CaseFact,
  ConvictionFact,
  CriminalCaseFact,
  RestrictionFact,
  TravelDocumentFact,
} from '../assessments/types.js';
import type { CidMappaLevel } from '../domain/cid.js';
import type { SourceRef } from '../domain/common.js';
import type { PersonRecords } from './records.js';
import { newestFirst } from './records.js';

/** Criminal Casework units as CID names them (004 §6.2). */
const CC_UNIT = /^CRIMINAL CASEWORK\b/;

function mappa(level: CidMappaLevel | null): AssessmentFacts['mappaLevel'] {
  switch (level) {
    case 'NONE':
      return 0;
    case 'LEVEL_1':
      return 1;
    case 'LEVEL_2':
      return 2;
    case 'LEVEL_3':
      return 3;
    case 'EX':
      return 'EX';
    default:
      return null;
  }
}

/** UK convictions from PNC, then CID criminal cases whose conviction PNC does not show, then ACRO's. */
export function convictionFacts(records: Pick<PersonRecords, 'pnc' | 'cidCases' | 'acro'>): ConvictionFact[] {
  const out: ConvictionFact[] = [];
  const seen = new Set<string>();
  for (const r of records.pnc) {
    for (const c of r.convictions) {
      if (!c.offenceCode) continue; // unknown code: a data-quality issue, not a conviction the rules can weigh
      out.push({ offenceCode: c.offenceCode, convictedOn: c.convictedOn, sentenceMonths: c.sentenceMonths, country: 'GBR', ref: r.ref });
      seen.add(`${c.offenceCode}|${c.convictedOn ?? ''}`);
    }
  }
  for (const k of records.cidCases) {
    const c = k.criminal;
    if (!c?.offenceCode) continue;
    const key = `${c.offenceCode}|${c.convictedOn ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ offenceCode: c.offenceCode, convictedOn: c.convictedOn, sentenceMonths: c.sentenceMonths, country: 'GBR', ref: k.ref });
  }
  for (const a of records.acro) {
    for (const r of a.results) {
      if (!r.offenceCode) continue;
      out.push({ offenceCode: r.offenceCode, convictedOn: r.convictedOn, sentenceMonths: null, country: r.country ?? 'UNK', ref: a.request.ref });
    }
  }
  return out;
}

export function arrestFacts(records: Pick<PersonRecords, 'custody'>): ArrestFact[] {
  return records.custody
    .filter((e) => e.arrestedAt !== null)
    .map((e) => ({ offenceCode: e.offenceCode, arrestedAt: e.arrestedAt!, ref: e.ref }));
}

export function caseFacts(records: Pick<PersonRecords, 'cidCases'>): CaseFact[] {
  return records.cidCases
    .filter((k) => k.type !== null && k.status !== null)
    .map((k) => ({ caseId: k.caseId, type: k.type!, status: k.status!, ref: k.ref }));
}

export function criminalCaseFacts(records: Pick<PersonRecords, 'cidCases'>): CriminalCaseFact[] {
  return records.cidCases
    .filter((k) => k.criminal !== null)
    .map((k) => ({
      ref: k.ref,
      deportationDecisionOn: k.criminal!.deportationDecisionOn,
      noticeServedBefore2008: k.criminal!.noticeServedBefore2008 === true,
      s33Exception: k.criminal!.s33Exception === true,
      releasedOn: k.criminal!.releasedOn,
    }));
}

export function restrictionFacts(records: Pick<PersonRecords, 'restrictions'>): RestrictionFact[] {
  return records.restrictions
    .filter((r) => r.restriction.status !== null)
    .map((r) => ({
      ref: r.case.ref,
      status: r.restriction.status!,
      frequency: r.restriction.frequency,
      bail: r.restriction.bail === true,
      windowMinutes: r.restriction.windowMinutes,
      events: r.events
        .filter((e) => e.dueAt !== null)
        .map((e) => ({ ref: r.case.ref, dueAt: e.dueAt!, result: e.result })),
    }));
}

/**
 * Travel document: a Pathfinder row naming "no travel document" (unresolved) says none is held;
 * otherwise an ETD's status, and a passport number on CID, say what is known.
 */
export function travelDocumentFact(records: Pick<PersonRecords, 'pathfinder' | 'etds' | 'cidPersons'>): TravelDocumentFact {
  const refs: SourceRef[] = [];
  const noDoc = records.pathfinder.filter((r) => r.barriers.includes('NO_TRAVEL_DOCUMENT') && r.barriersResolved !== true);
  const latestEtd = newestFirst(records.etds, (e) => e.etd.submittedOn ?? e.etd.interviewOn ?? e.case.openedOn)[0];
  const passport = records.cidPersons.find((p) => p.passportNumber);
  let validPassportHeld: boolean | null = null;
  if (noDoc.length > 0) {
    validPassportHeld = false;
    refs.push(...noDoc.map((r) => r.ref));
  } else if (passport) {
    validPassportHeld = true;
    refs.push(passport.ref);
  }
  if (latestEtd) refs.push(latestEtd.case.ref);
  return { validPassportHeld, etdStatus: latestEtd?.etd.status ?? null, refs };
}

export function assessmentFacts(records: PersonRecords, today: string, nationality: string | null): AssessmentFacts {
  const criminal = newestFirst(records.cidCases.filter((k) => k.criminal !== null), (k) => k.openedOn);
  const detail = criminal[0]?.criminal ?? null;
  const openCases = records.cidCases.filter((k) => k.status === 'OPEN');
  return {
    today,
    nationality,
    convictions: convictionFacts(records),
    arrests: arrestFacts(records),
    cases: caseFacts(records),
    criminalCases: criminalCaseFacts(records),
    restrictions: restrictionFacts(records),
    travelDocument: travelDocumentFact(records),
    mappaLevel: mappa(detail?.mappaLevel ?? null),
    harmCategory: detail?.harmCategory ?? null,
    detained: records.custody.some((e) => e.inCustody),
    ownedByCriminalCasework: openCases.some((k) => k.owner.unit !== null && CC_UNIT.test(k.owner.unit)),
  };
}
