/**
 * Data-quality issues for one person: those the adapters found reading each record (unreadable
 * values, unknown codes, unclear ownership — 004 §6.10, §6.16), plus what only shows when records
 * are put side by side: CID vs the Pathfinder daily import vs the hubs' master spreadsheets
 * (004 §6.43–6.44: duplicated and contradictory), and identity values the sources disagree on.
 * Each issue names the records involved, the first being where to fix it. Pure.
 */
import type { CidCase } from '../domain/cid.js';
import type { DataQualityIssue, SourceRef } from '../domain/common.js';
import { sourceRefString } from '../domain/common.js';
import type { Barrier, PathfinderRow } from '../domain/pathfinder.js';
import type { IdentitySummary } from './identity.js';
import type { PersonRecords } from './records.js';

/** Issues the adapters recorded on the records themselves. */
export function recordIssues(records: PersonRecords): DataQualityIssue[] {
  return [
    ...records.cidCases.flatMap((k) => k.issues),
    ...records.cidPersons.flatMap((p) => p.issues),
    ...records.notes.flatMap((n) => n.note.issues),
    ...records.restrictions.flatMap((r) => [...r.restriction.issues, ...r.events.flatMap((e) => e.issues)]),
    ...records.etds.flatMap((e) => e.etd.issues),
    ...records.custody.flatMap((e) => e.dataQuality),
    ...records.pnc.flatMap((r) => r.issues),
    ...records.acro.flatMap((a) => a.request.issues),
    ...records.pathfinder.flatMap((r) => r.issues),
  ];
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toUpperCase();

/** CID case types whose open case is a barrier Pathfinder can name (004 fn 5). */
const BARRIER_CASE_TYPES: Readonly<Partial<Record<Barrier, readonly string[]>>> = {
  OUTSTANDING_ASYLUM_CLAIM: ['ASYLUM'],
  FURTHER_REPRESENTATIONS: ['FURTHER_REPRESENTATIONS'],
  JUDICIAL_REVIEW: ['JUDICIAL_REVIEW'],
  OUTSTANDING_APPLICATION: ['HUMAN_RIGHTS', 'LEAVE_TO_REMAIN', 'EEA_RESIDENCE', 'STUDENT_VISA', 'VISIT_VISA'],
};

const workbookName = (row: PathfinderRow) => (row.workbook === 'daily' ? 'the Pathfinder daily import' : `the ${row.workbook === 'liverpool' ? 'Liverpool' : 'Leeds'} master spreadsheet`);

function conflict(refs: readonly SourceRef[], field: string, rawValue: string | null, message: string): DataQualityIssue {
  return { kind: 'SOURCE_CONFLICT', refs, field, rawValue, message };
}

/** One Pathfinder row against its CID case (CID is the system of record; the row is where to fix it). */
function rowAgainstCid(row: PathfinderRow, kase: CidCase, openTypes: ReadonlySet<string>): DataQualityIssue[] {
  const out: DataQualityIssue[] = [];
  const where = workbookName(row);
  const cidBand = kase.criminal?.band ?? null;
  if (row.band !== null && cidBand !== null && row.band !== cidBand) {
    out.push(conflict([row.ref, kase.ref], 'band', String(row.band), `${where} gives band ${row.band} for case ${kase.caseId}; CID gives band ${cidBand}.`));
  }
  if (row.allocatedOwner && kase.caseworker && norm(row.allocatedOwner) !== norm(kase.caseworker)) {
    out.push(conflict([row.ref, kase.ref], 'case owner', row.allocatedOwner, `${where} allocates case ${kase.caseId} to "${row.allocatedOwner}"; CID names caseworker "${kase.caseworker}".`));
  }
  if (row.workbook === 'daily' && row.ownerUnit !== null && norm(row.ownerUnit) !== norm(kase.owner.label)) {
    out.push(conflict([row.ref, kase.ref], 'owner unit', row.ownerUnit, `${where} shows owner unit "${row.ownerUnit}" for case ${kase.caseId}; CID now shows "${kase.owner.label ?? ''}".`));
  }
  const openBarrierCases = [...openTypes].filter((t) => Object.values(BARRIER_CASE_TYPES).some((types) => types?.includes(t)));
  if (row.barriersResolved === true && openBarrierCases.length > 0) {
    out.push(conflict([row.ref, kase.ref], 'barriers', row.barriersRaw, `${where} marks the barriers to removal on case ${kase.caseId} resolved, but CID has open ${openBarrierCases.map((t) => t.toLowerCase().replace(/_/g, ' ')).join(', ')} case(s).`));
  } else {
    for (const b of row.barriers) {
      const types = BARRIER_CASE_TYPES[b];
      if (types && !types.some((t) => openTypes.has(t))) {
        out.push(conflict([row.ref, kase.ref], 'barriers', row.barriersRaw, `${where} names the barrier "${b.toLowerCase().replace(/_/g, ' ')}" for case ${kase.caseId}, but CID has no such open case.`));
      }
    }
  }
  return out;
}

/** A master-spreadsheet row against the daily import row of the same case. */
function masterAgainstDaily(master: PathfinderRow, daily: PathfinderRow): DataQualityIssue[] {
  if (master.band !== null && daily.band !== null && master.band !== daily.band) {
    return [conflict([master.ref, daily.ref], 'band', String(master.band), `${workbookName(master)} gives band ${master.band} for case ${master.caseId}; the Pathfinder daily import gives band ${daily.band}.`)];
  }
  return [];
}

/** CID vs Pathfinder vs master spreadsheets, case by case. */
export function pathfinderConflicts(records: Pick<PersonRecords, 'cidCases' | 'pathfinder'>): DataQualityIssue[] {
  const byCase = new Map(records.cidCases.map((k) => [k.caseId.toUpperCase(), k]));
  const openTypes = new Set(records.cidCases.filter((k) => k.status === 'OPEN' && k.type !== null).map((k) => k.type!));
  const out: DataQualityIssue[] = [];
  for (const row of records.pathfinder) {
    const kase = row.caseId ? byCase.get(row.caseId) : undefined;
    if (kase) out.push(...rowAgainstCid(row, kase, openTypes));
    if (row.workbook !== 'daily' && row.caseId) {
      const daily = records.pathfinder.find((d) => d.workbook === 'daily' && d.caseId === row.caseId);
      if (daily) out.push(...masterAgainstDaily(row, daily));
    }
  }
  return out;
}

/** Dates of birth and nationalities the sources disagree on (identity conflicts to resolve at source). */
export function identityConflicts(identity: IdentitySummary): DataQualityIssue[] {
  const out: DataQualityIssue[] = [];
  for (const a of identity.attributes) {
    if (!a.disagreement || (a.attribute !== 'DATE_OF_BIRTH' && a.attribute !== 'NATIONALITY')) continue;
    const label = a.attribute === 'DATE_OF_BIRTH' ? 'date of birth' : 'nationality';
    for (const alt of a.alternatives) {
      out.push({
        kind: 'IDENTITY_CONFLICT',
        refs: [...alt.sources, ...a.sources],
        field: label,
        rawValue: alt.value,
        message: `${alt.sources.length === 1 ? 'One record holds' : `${alt.sources.length} records hold`} ${label} ${alt.value}; ${a.sources.length === 1 ? 'one record holds' : `${a.sources.length} records hold`} ${a.value}.`,
      });
    }
  }
  return out;
}

/** Every issue once (same kind, records, field and value), in a stable order. */
export function dedupeIssues(issues: readonly DataQualityIssue[]): DataQualityIssue[] {
  const seen = new Map<string, DataQualityIssue>();
  for (const i of issues) {
    const key = JSON.stringify([i.kind, i.refs.map(sourceRefString), i.field, i.rawValue]);
    if (!seen.has(key)) seen.set(key, i);
  }
  return [...seen.values()];
}

export function personDataQuality(records: PersonRecords, identity: IdentitySummary): DataQualityIssue[] {
  return dedupeIssues([...recordIssues(records), ...pathfinderConflicts(records), ...identityConflicts(identity)]);
}
