/**
 * From CID rows to domain records (src/domain/cid.ts). Each mapper reads one record through a
 * FieldReader, so every unreadable date, unknown code or missing value is returned as a
 * data-quality issue on that record, with the CID column it came from.
 */
import type {
  CidAlias,
  CidCase,
  CidCriminalDetail,
  CidEtdApplication,
  CidNote,
  CidPersonOnCase,
  CidReportingEvent,
  CidRestriction,
} from '../../src/domain/cid.js';
import type { SourceRef } from '../../src/domain/common.js';
import { offenceByCode } from '../../src/domain/offences.js';
import {
  CASE_STATUSES,
  CASE_TYPES,
  ETD_STATUSES,
  FNO_BANDS,
  FREQUENCIES,
  GENDERS,
  HARM_CATEGORIES,
  INDICATORS,
  MAPPA_LEVELS,
  REPORTING_RESULTS,
  RESTRICTION_STATUSES,
  cidNationality,
} from './codeLists.js';
import { FieldReader } from './fieldReader.js';
import { OWNERSHIP_UNCLEAR_MESSAGES, readOwnerUnit } from './ownerUnit.js';
import { readPersonName } from './names.js';
import type { AliasRow, CaseRow, EtdRow, EventRow, NoteRow, PersonOnCaseRow, RestrictionRow } from './rows.js';

export function caseRef(caseId: string): SourceRef {
  return { source: 'cid', key: caseId };
}

export function personOnCaseKey(caseId: string, cidPersonId: string): string {
  return `${caseId}/${cidPersonId}`;
}

export function personOnCaseRef(caseId: string, cidPersonId: string): SourceRef {
  return { source: 'cid', key: personOnCaseKey(caseId, cidPersonId) };
}

/** Split `<caseId>/<cidPersonId>`; null when the key is not in that form. */
export function parsePersonOnCaseKey(key: string): { caseId: string; cidPersonId: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1 || key.indexOf('/', slash + 1) !== -1) return null;
  return { caseId: key.slice(0, slash), cidPersonId: key.slice(slash + 1) };
}

function hasCriminalColumns(row: CaseRow): boolean {
  return (
    row.crim_offence_cd != null ||
    row.crim_conviction_dt != null ||
    row.crim_sentence_mths != null ||
    row.crim_release_dt != null ||
    row.crim_deport_decision_dt != null ||
    row.crim_fno_band != null ||
    row.crim_mappa_cd != null
  );
}

function toCriminalDetail(row: CaseRow, r: FieldReader): CidCriminalDetail {
  const offenceRaw = r.text(row.crim_offence_cd);
  let offenceCode: string | null = null;
  if (offenceRaw == null) {
    r.report('MISSING_VALUE', 'cid_case.crim_offence_cd', null, 'This criminal case holds no offence code.');
  } else if (offenceByCode(offenceRaw.toUpperCase())) {
    offenceCode = offenceRaw.toUpperCase();
  } else {
    r.report('UNKNOWN_CODE', 'cid_case.crim_offence_cd', row.crim_offence_cd, `"${offenceRaw}" is not a known offence code.`);
  }
  const sentence = r.integer('cid_case.crim_sentence_mths', row.crim_sentence_mths);
  return {
    offenceCode,
    convictedOn: r.date('cid_case.crim_conviction_dt', row.crim_conviction_dt),
    sentenceMonths: sentence != null && sentence > 0 ? sentence : null,
    releasedOn: r.date('cid_case.crim_release_dt', row.crim_release_dt),
    deportationDecisionOn: r.date('cid_case.crim_deport_decision_dt', row.crim_deport_decision_dt),
    noticeServedBefore2008: r.code('cid_case.crim_pre2008_notice_ind', INDICATORS, row.crim_pre2008_notice_ind, 'Y/N indicator'),
    s33Exception: r.code('cid_case.crim_s33_exception_ind', INDICATORS, row.crim_s33_exception_ind, 'Y/N indicator'),
    band: r.code('cid_case.crim_fno_band', FNO_BANDS, row.crim_fno_band, 'FNO band'),
    mappaLevel: r.code('cid_case.crim_mappa_cd', MAPPA_LEVELS, row.crim_mappa_cd, 'MAPPA level'),
    harmCategory: r.code('cid_case.crim_harm_cat', HARM_CATEGORIES, row.crim_harm_cat, 'harm category'),
    tagged: r.code('cid_case.crim_tagged_ind', INDICATORS, row.crim_tagged_ind, 'Y/N indicator'),
    noFixedAddress: r.code('cid_case.crim_nfa_ind', INDICATORS, row.crim_nfa_ind, 'Y/N indicator'),
    operationZincs: r.code('cid_case.crim_zincs_ind', INDICATORS, row.crim_zincs_ind, 'Y/N indicator'),
  };
}

export function toCase(row: CaseRow, cidPersonIds: readonly string[]): CidCase {
  const ref = caseRef(row.case_id);
  const r = new FieldReader(ref);
  const type = r.code('cid_case.case_type_cd', CASE_TYPES, row.case_type_cd, 'case type');
  const owner = readOwnerUnit(row.owner_unit);
  if (owner.ownershipUnclear) {
    r.report('OWNERSHIP_UNCLEAR', 'cid_case.owner_unit', row.owner_unit, OWNERSHIP_UNCLEAR_MESSAGES[owner.ownershipUnclear]);
  }
  const criminal = type === 'CRIMINAL' || hasCriminalColumns(row) ? toCriminalDetail(row, r) : null;
  return {
    ref,
    caseId: row.case_id,
    type,
    typeCode: r.text(row.case_type_cd),
    status: r.code('cid_case.case_status_cd', CASE_STATUSES, row.case_status_cd, 'case status'),
    statusCode: r.text(row.case_status_cd),
    openedOn: r.date('cid_case.opened_dt', row.opened_dt, true),
    closedOn: r.date('cid_case.closed_dt', row.closed_dt),
    owner,
    caseworker: r.text(row.caseworker_name),
    criminal,
    personKeys: cidPersonIds.map((id) => personOnCaseKey(row.case_id, id)),
    issues: r.issues,
  };
}

export function toPersonOnCase(row: PersonOnCaseRow, aliasRows: readonly AliasRow[]): CidPersonOnCase {
  const ref = personOnCaseRef(row.case_id, row.cid_person_id);
  const r = new FieldReader(ref);
  const name = readPersonName(row.surname, row.forenames);
  if (name.family === '') r.report('MISSING_VALUE', 'cid_person_on_case.surname', row.surname, 'CID holds no surname for this person.');
  const nationalityRaw = r.text(row.nationality_cd);
  let nationality: string | null = null;
  if (nationalityRaw != null) {
    nationality = cidNationality(nationalityRaw);
    if (nationality == null) {
      r.report('UNKNOWN_CODE', 'cid_person_on_case.nationality_cd', row.nationality_cd, `"${nationalityRaw}" is not a nationality CID's code list or free text can be read as.`);
    }
  }
  const aliases: CidAlias[] = [...aliasRows]
    .sort((a, b) => Number(a.alias_seq) - Number(b.alias_seq))
    .map((a) => ({
      name: readPersonName(a.surname, a.forenames),
      dateOfBirth: r.date(`cid_person_alias.dob#${a.alias_seq}`, a.dob),
    }));
  return {
    ref,
    caseId: row.case_id,
    cidPersonId: row.cid_person_id,
    hoRef: r.text(row.ho_ref),
    name,
    aliases,
    dateOfBirth: r.date('cid_person_on_case.dob', row.dob, true),
    gender: r.code('cid_person_on_case.gender_cd', GENDERS, row.gender_cd, 'gender'),
    nationality,
    nationalityRaw,
    placeOfBirth: r.text(row.place_of_birth),
    pncId: r.text(row.pnc_id),
    fingerprintRef: r.text(row.iabs_ref),
    passportNumber: r.text(row.passport_no),
    recordedAt: r.dateTime('cid_person_on_case.created_dtm', row.created_dtm),
    issues: r.issues,
  };
}

export function toNote(row: NoteRow): CidNote {
  const r = new FieldReader(caseRef(row.case_id));
  return {
    noteId: String(row.note_id),
    caseId: row.case_id,
    writtenAt: r.dateTime(`cid_case_note.note_dtm#${row.note_id}`, row.note_dtm),
    author: r.text(row.author),
    text: row.note_text ?? '',
    issues: r.issues,
  };
}

export function toRestriction(row: RestrictionRow): CidRestriction {
  const r = new FieldReader(caseRef(row.case_id));
  const window = r.text(row.window_start);
  const windowStart = window != null && /^([01]\d|2[0-3]):[0-5]\d$/.test(window) ? window : null;
  if (window != null && windowStart == null) {
    r.report('UNPARSEABLE_VALUE', 'cid_rep_restriction.window_start', row.window_start, `"${window}" is not a time of day (HH:MM).`);
  }
  return {
    restrictionId: row.restriction_id,
    caseId: row.case_id,
    reportingCentre: r.text(row.rep_centre),
    frequency: r.code('cid_rep_restriction.freq_cd', FREQUENCIES, row.freq_cd, 'reporting frequency'),
    windowStart,
    windowMinutes: r.integer('cid_rep_restriction.window_mins', row.window_mins),
    bail: r.code('cid_rep_restriction.bail_ind', INDICATORS, row.bail_ind, 'Y/N indicator'),
    status: r.code('cid_rep_restriction.status_cd', RESTRICTION_STATUSES, row.status_cd, 'restriction status'),
    startedOn: r.date('cid_rep_restriction.start_dt', row.start_dt),
    issues: r.issues,
  };
}

/** Events carry their case's ref in issues, which the caller supplies (events hang off restrictions). */
export function toReportingEvent(row: EventRow, caseId: string): CidReportingEvent {
  const r = new FieldReader(caseRef(caseId));
  return {
    eventId: row.event_id,
    restrictionId: row.restriction_id,
    dueAt: r.dateTime(`cid_rep_event.due_dtm#${row.event_id}`, row.due_dtm),
    result: r.code(`cid_rep_event.result_txt#${row.event_id}`, REPORTING_RESULTS, row.result_txt, 'reporting result'),
    issues: r.issues,
  };
}

export function toEtdApplication(row: EtdRow): CidEtdApplication {
  const r = new FieldReader(caseRef(row.case_id));
  const countryRaw = r.text(row.country_cd);
  const country = countryRaw == null ? null : cidNationality(countryRaw);
  if (countryRaw != null && country == null) {
    r.report('UNKNOWN_CODE', 'cid_etd_application.country_cd', row.country_cd, `"${countryRaw}" is not a country CID's code list can be read as.`);
  }
  return {
    etdId: row.etd_id,
    caseId: row.case_id,
    country,
    status: r.code('cid_etd_application.status_cd', ETD_STATUSES, row.status_cd, 'ETD status'),
    submittedOn: r.date('cid_etd_application.submitted_dt', row.submitted_dt),
    interviewOn: r.date('cid_etd_application.interview_dt', row.interview_dt),
    issues: r.issues,
  };
}
