/**
 * CID's tables as the adapter reads them (the physical schema the estate renderer writes, and
 * that a real CID extract would be mapped onto). Every column is text or integer so that SQLite
 * and PostgreSQL return the same shapes; dates are CID text (`DD-MON-YYYY`, see legacyFormat.ts).
 * Nothing outside adapters/cid sees these rows.
 */

export const CID_TABLES = {
  case: 'cid_case',
  personOnCase: 'cid_person_on_case',
  alias: 'cid_person_alias',
  note: 'cid_case_note',
  restriction: 'cid_rep_restriction',
  event: 'cid_rep_event',
  etd: 'cid_etd_application',
} as const;

export interface CaseRow {
  case_id: string;
  case_type_cd: string | null;
  case_status_cd: string | null;
  opened_dt: string | null;
  closed_dt: string | null;
  owner_unit: string | null;
  caseworker_name: string | null;
  crim_offence_cd: string | null;
  crim_conviction_dt: string | null;
  crim_sentence_mths: number | string | null;
  crim_release_dt: string | null;
  crim_deport_decision_dt: string | null;
  crim_pre2008_notice_ind: string | null;
  crim_s33_exception_ind: string | null;
  crim_fno_band: number | string | null;
  crim_mappa_cd: string | null;
  crim_harm_cat: string | null;
  crim_tagged_ind: string | null;
  crim_nfa_ind: string | null;
  crim_zincs_ind: string | null;
}

export interface PersonOnCaseRow {
  case_id: string;
  cid_person_id: string;
  ho_ref: string | null;
  surname: string | null;
  forenames: string | null;
  dob: string | null;
  gender_cd: string | null;
  nationality_cd: string | null;
  place_of_birth: string | null;
  pnc_id: string | null;
  iabs_ref: string | null;
  passport_no: string | null;
  created_dtm: string | null;
}

export interface AliasRow {
  case_id: string;
  cid_person_id: string;
  alias_seq: number | string;
  surname: string | null;
  forenames: string | null;
  dob: string | null;
}

export interface NoteRow {
  note_id: number | string;
  case_id: string;
  note_dtm: string | null;
  author: string | null;
  note_text: string | null;
}

export interface RestrictionRow {
  restriction_id: string;
  case_id: string;
  rep_centre: string | null;
  freq_cd: string | null;
  window_start: string | null;
  window_mins: number | string | null;
  bail_ind: string | null;
  status_cd: string | null;
  start_dt: string | null;
}

export interface EventRow {
  event_id: string;
  restriction_id: string;
  due_dtm: string | null;
  result_txt: string | null;
}

export interface EtdRow {
  etd_id: string;
  case_id: string;
  country_cd: string | null;
  status_cd: string | null;
  submitted_dt: string | null;
  interview_dt: string | null;
}
