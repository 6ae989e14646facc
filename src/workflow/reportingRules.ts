/**
 * The guidance the reporting workflow applies, as pure functions over CID records:
 * absconder action on the first no-show, escalating with each consecutive one (004 §7.22–7.30,
 * reusing src/assessments AbsconderActionDueRule), officer-safety flags for the reporting centre
 * (Nexus High Harm, 001 fn 8, reusing NexusHighHarmRule), and the reporting window as instants.
 */
import { ukLocalToUtc } from '../../adapters/cid/ukTime.js';
import type { CidCase, CidReportingEvent, CidRestriction } from '../domain/cid.js';
import { AbsconderActionDueRule } from '../assessments/rules/AbsconderActionDueRule.js';
import { NexusHighHarmRule } from '../assessments/rules/NexusHighHarmRule.js';
import type { AssessmentFacts, ReportingEventFact } from '../assessments/types.js';
import type { AbsconderAction, ReportingOutcomeKind } from './types.js';

function baseFacts(today: string): AssessmentFacts {
  return {
    today,
    nationality: null,
    convictions: [],
    arrests: [],
    cases: [],
    criminalCases: [],
    restrictions: [],
    travelDocument: { validPassportHeld: null, etdStatus: null, refs: [] },
    mappaLevel: null,
    harmCategory: null,
    detained: false,
    ownedByCriminalCasework: false,
  };
}

function nextDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Absconder action after a no-show on `eventId`: the run of consecutive breaches ending with it.
 * Outcomes the gateway recorded overlay CID's: an EXCUSED absence (which CID can only hold blank)
 * is no breach (004 §7.22), so it is left out of the run.
 */
export function absconderActionAfter(
  restriction: CidRestriction,
  events: readonly CidReportingEvent[],
  eventId: string,
  gatewayOutcomes: ReadonlyMap<string, ReportingOutcomeKind>,
): AbsconderAction | null {
  const event = events.find((e) => e.eventId === eventId);
  if (!event?.dueAt) return null;
  const facts: ReportingEventFact[] = [];
  for (const e of events) {
    if (!e.dueAt) continue;
    const recorded = gatewayOutcomes.get(e.eventId);
    if (recorded === 'EXCUSED') continue;
    const result = recorded === 'NO_SHOW' ? 'NO_SHOW' : recorded ? 'COMPLETED' : e.result;
    facts.push({ ref: { source: 'cid', key: e.eventId }, dueAt: e.dueAt, result });
  }
  const a = AbsconderActionDueRule.assess({
    ...baseFacts(nextDay(event.dueAt.slice(0, 10))),
    restrictions: [{ ref: { source: 'cid', key: restriction.caseId }, status: restriction.status ?? 'OPEN', frequency: restriction.frequency, bail: restriction.bail ?? false, windowMinutes: restriction.windowMinutes, events: facts }],
  });
  if (!a.applies) return null;
  return { consecutiveNoShows: a.evidence.length, escalation: a.value, steps: a.actions, reasons: a.reasons, guidance: a.guidance };
}

/** Nexus High Harm from the case's CID conviction (the reporting centre sees the flag, not the detail, 004 §6.18). */
export function highHarmOf(kase: CidCase): { highHarm: boolean; reasons: string[] } {
  const c = kase.criminal;
  if (!c?.offenceCode) return { highHarm: false, reasons: [] };
  const a = NexusHighHarmRule.assess({
    ...baseFacts('9999-12-31'),
    convictions: [{ offenceCode: c.offenceCode, convictedOn: c.convictedOn, sentenceMonths: c.sentenceMonths, country: 'GBR', ref: kase.ref }],
  });
  return { highHarm: a.applies, reasons: a.applies ? [...a.reasons] : [] };
}

/** Past no-shows on the restriction before `before` (UTC instant). */
export function noShowsBefore(events: readonly CidReportingEvent[], before: string): number {
  return events.filter((e) => e.dueAt != null && e.dueAt < before && e.result === 'NO_SHOW').length;
}

/** The window on the event's UK local day: [start, start + minutes). */
export function windowOf(event: CidReportingEvent, windowStart: string | null, windowMinutes: number | null): { opens: string | null; closes: string | null } {
  if (!event.dueAt || !windowStart) return { opens: null, closes: null };
  // The event's UK local date: CID's due time is local; recover it by shifting with the same rule.
  const localDay = ukLocalDayOf(event.dueAt);
  const [h, m] = windowStart.split(':').map(Number);
  const opens = ukLocalToUtc(Number(localDay.slice(0, 4)), Number(localDay.slice(5, 7)), Number(localDay.slice(8, 10)), h!, m!, 0);
  if (!opens) return { opens: null, closes: null };
  const closes = windowMinutes != null ? new Date(Date.parse(opens) + windowMinutes * 60_000).toISOString().replace('.000Z', 'Z') : null;
  return { opens, closes };
}

/** UK local calendar date of a UTC instant. */
export function ukLocalDayOf(instant: string): string {
  const ms = Date.parse(instant);
  const day = new Date(ms).toISOString().slice(0, 10);
  const asLocal = ukLocalToUtc(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)), 12, 0, 0)!;
  const offset = Date.parse(`${day}T12:00:00Z`) - Date.parse(asLocal); // 0 in GMT, 1 h in BST
  return new Date(ms + offset).toISOString().slice(0, 10);
}
