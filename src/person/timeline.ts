/**
 * The merged timeline of one person: every dated event in every source the requester may see, in
 * time order, each citing the record it comes from (004 §6.47: one place instead of case screens
 * and spreadsheets; 001 Figure 1 is such a life). Pure.
 */
import type { DataClass } from '../policy/classes.js';
import type { SourceRef } from '../domain/common.js';
import { offenceByCode } from '../domain/offences.js';
import type { PersonRecords } from './records.js';

export type TimelineKind =
  | 'ARREST'
  | 'CUSTODY_RELEASE'
  | 'STATUS_CHECK'
  | 'CONVICTION'
  | 'CIRCULATION'
  | 'CASE_OPENED'
  | 'DECISION'
  | 'SENTENCE_RELEASE'
  | 'RESTRICTION_STARTED'
  | 'REPORTING_EVENT'
  | 'CASE_NOTE'
  | 'ACRO_CHECK'
  | 'ETD_STEP'
  | 'DIARY_EVENT';

export interface TimelineEvent {
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly dateOnly: boolean;
  readonly kind: TimelineKind;
  readonly summary: string;
  readonly record: SourceRef;
  readonly dataClass: DataClass;
}

export interface TimelineFilter {
  readonly kinds?: readonly TimelineKind[] | null;
  /** Inclusive. */
  readonly from?: string | null;
  /** Exclusive. */
  readonly to?: string | null;
}

const words = (code: string) => code.toLowerCase().replace(/_/g, ' ');
const offence = (code: string | null) => (code ? (offenceByCode(code)?.description ?? code) : 'an offence the source codes in a way the gateway does not know');

function dayEvent(day: string | null, e: Omit<TimelineEvent, 'at' | 'dateOnly'>): TimelineEvent | null {
  return day ? { ...e, at: `${day}T00:00:00Z`, dateOnly: true } : null;
}

function instantEvent(at: string | null, e: Omit<TimelineEvent, 'at' | 'dateOnly'>): TimelineEvent | null {
  return at ? { ...e, at, dateOnly: false } : null;
}

/** Every event, oldest first (ties: by kind order, then record), `now` separating due from past reporting events. */
export function timelineEvents(records: PersonRecords, now: string): TimelineEvent[] {
  const out: Array<TimelineEvent | null> = [];
  for (const e of records.custody) {
    out.push(instantEvent(e.arrestedAt, { kind: 'ARREST', summary: `Arrested (${e.force}${e.suite ? `, ${e.suite}` : ''}) for ${offence(e.offenceCode)}.`, record: e.ref, dataClass: 'CUSTODY' }));
    out.push(instantEvent(e.releasedAt, { kind: 'CUSTODY_RELEASE', summary: `Released from ${e.force} custody${e.releasedBeforeIoAttended ? ' before an immigration officer attended' : ''}.`, record: e.ref, dataClass: 'CUSTODY' }));
    const sc = e.statusCheck;
    if (sc.requested) {
      const how = sc.route ? ` via ${sc.route === 'EMBEDDED_IO' ? 'the embedded immigration officer' : sc.route === 'LOCAL_IO' ? 'the local immigration office' : 'CCU'}` : '';
      out.push(instantEvent(sc.requestedAt ?? e.arrestedAt, { kind: 'STATUS_CHECK', summary: `Immigration status check requested${how}: ${sc.result ? words(sc.result) : 'no result recorded'}.`, record: e.ref, dataClass: 'STATUS_CHECK_OUTCOME' }));
    }
  }
  for (const r of records.pnc) {
    for (const c of r.convictions) {
      out.push(dayEvent(c.convictedOn, { kind: 'CONVICTION', summary: `Convicted of ${offence(c.offenceCode)}${c.court ? ` at ${c.court}` : ''}: ${c.sentence}.`, record: r.ref, dataClass: 'PNC' }));
    }
    for (const c of r.circulations) {
      out.push(dayEvent(c.since, { kind: 'CIRCULATION', summary: `Circulated on PNC as ${c.type ? words(c.type) : c.pncType} by ${c.owner === 'HOME_OFFICE' ? 'the Home Office' : c.owner}.`, record: r.ref, dataClass: 'PNC' }));
    }
  }
  for (const k of records.cidCases) {
    const type = k.type ? words(k.type) : (k.typeCode ?? 'unknown type');
    out.push(dayEvent(k.openedOn, { kind: 'CASE_OPENED', summary: `CID ${type} case ${k.caseId} opened${k.owner.label ? ` (owner: ${k.owner.label})` : ''}.`, record: k.ref, dataClass: 'CID_CASEWORK' }));
    if (k.closedOn) {
      out.push(dayEvent(k.closedOn, { kind: 'DECISION', summary: `CID ${type} case ${k.caseId} ${k.status ? words(k.status) : 'closed'}.`, record: k.ref, dataClass: 'CID_CASEWORK' }));
    }
    const c = k.criminal;
    if (c) {
      out.push(dayEvent(c.deportationDecisionOn, { kind: 'DECISION', summary: `Decision to deport on case ${k.caseId}.`, record: k.ref, dataClass: 'CID_CASEWORK' }));
      out.push(dayEvent(c.releasedOn, { kind: 'SENTENCE_RELEASE', summary: `Released from the custodial part of the sentence (case ${k.caseId}).`, record: k.ref, dataClass: 'CID_CASEWORK' }));
    }
  }
  for (const r of records.restrictions) {
    const x = r.restriction;
    out.push(dayEvent(x.startedOn, { kind: 'RESTRICTION_STARTED', summary: `Reporting restriction${x.frequency ? ` (${words(x.frequency)})` : ''}${x.reportingCentre ? ` at ${x.reportingCentre}` : ''} on case ${r.case.caseId}.`, record: r.case.ref, dataClass: 'REPORTING' }));
    for (const e of r.events) {
      if (!e.dueAt) continue;
      const result = e.result === 'COMPLETED' ? 'reported' : e.result === 'NO_SHOW' ? 'no show' : e.dueAt <= now ? 'not recorded (blank)' : 'due';
      out.push(instantEvent(e.dueAt, { kind: 'REPORTING_EVENT', summary: `Reporting event: ${result}.`, record: r.case.ref, dataClass: 'REPORTING' }));
    }
  }
  for (const n of records.notes) {
    out.push(instantEvent(n.note.writtenAt, { kind: 'CASE_NOTE', summary: `Case note on ${n.case.caseId}${n.note.author ? ` by ${n.note.author}` : ''}.`, record: n.case.ref, dataClass: 'CID_NOTES' }));
  }
  for (const a of records.acro) {
    const q = a.request;
    const who = q.instigator.kind === 'HOME_OFFICE' ? 'the Home Office' : `police (${q.instigator.force})`;
    out.push(instantEvent(q.requestedAt, { kind: 'ACRO_CHECK', summary: `ACRO check ${q.reference} requested by ${who}.`, record: q.ref, dataClass: 'ACRO' }));
    if (q.answeredAt) {
      const outcome = q.outcome === 'NO_TRACE' ? 'no trace' : `${a.results.length} result${a.results.length === 1 ? '' : 's'} you may see`;
      out.push(instantEvent(q.answeredAt, { kind: 'ACRO_CHECK', summary: `ACRO check ${q.reference} answered: ${outcome}.`, record: q.ref, dataClass: 'ACRO' }));
    }
  }
  for (const t of records.etds) {
    const country = t.etd.country ? ` (${t.etd.country})` : '';
    out.push(dayEvent(t.etd.submittedOn, { kind: 'ETD_STEP', summary: `Emergency travel document application submitted${country}.`, record: t.case.ref, dataClass: 'CID_CASEWORK' }));
    out.push(dayEvent(t.etd.interviewOn, { kind: 'ETD_STEP', summary: `ETD interview${country}${t.etd.status ? `; status ${words(t.etd.status)}` : ''}.`, record: t.case.ref, dataClass: 'CID_CASEWORK' }));
  }
  for (const row of records.pathfinder) {
    for (const d of row.diary) {
      out.push(dayEvent(d.on?.date ?? null, { kind: 'DIARY_EVENT', summary: `Diary (${row.workbook}): ${d.action ?? 'event'}.`, record: row.ref, dataClass: 'CID_CASEWORK' }));
    }
  }
  const events = out.filter((e): e is TimelineEvent => e !== null);
  const order = (e: TimelineEvent) => `${e.at}|${e.record.source}:${e.record.key}|${e.kind}|${e.summary}`;
  return events.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

export function filterTimeline(events: readonly TimelineEvent[], filter: TimelineFilter): TimelineEvent[] {
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const from = filter.from ? Date.parse(filter.from) : null;
  const to = filter.to ? Date.parse(filter.to) : null;
  return events.filter((e) => {
    if (kinds && !kinds.has(e.kind)) return false;
    const t = Date.parse(e.at);
    if (from !== null && t < from) return false;
    if (to !== null && t >= to) return false;
    return true;
  });
}
