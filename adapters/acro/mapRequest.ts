/**
 * ACRO's JSON request view (mocks/acro/handlers.ts `AcroRequestView`) → AcroRequest. Countries
 * arrive as ISO alpha-2 and become alpha-3; UK-equivalent offence codes are checked against the
 * gateway's list; each result keeps who instigated the check and ACRO's HOSOL flag. Nothing is
 * filtered here: who may see a result is the policy layer's decision (`001 §4.32`, `§4.35`).
 */
import type { DataQualityIssue, DataQualityKind, IdentityFragment, SourceRef } from '../../src/domain/common.js';
import type { AcroInstigator, AcroOutcome, AcroPurpose, AcroRequest, AcroResult } from '../../src/domain/acro.js';
import { countryByAlpha2 } from '../../src/domain/nationality.js';
import { offenceByCode } from '../../src/domain/offences.js';
import { personName } from '../http/names.js';

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export function instigatorFrom(code: string): AcroInstigator {
  return code === 'HOME_OFFICE' ? { kind: 'HOME_OFFICE' } : { kind: 'POLICE', force: code };
}

/** Null when the view lacks what every request must have (reference, status, instigator). */
export function isAcroView(v: unknown): v is Json {
  if (!v || typeof v !== 'object') return false;
  const j = v as Json;
  return typeof j.reference === 'string' && (j.status === 'PENDING' || j.status === 'COMPLETE') && typeof j.instigator === 'string' && !!j.subject && typeof j.subject === 'object';
}

export function mapAcroRequest(view: Json): AcroRequest {
  const reference = String(view.reference);
  const ref: SourceRef = { source: 'acro', key: reference };
  const issues: DataQualityIssue[] = [];
  const issue = (kind: DataQualityKind, field: string, rawValue: string | null, message: string) => issues.push({ kind, refs: [ref], field, rawValue, message });

  const country = (field: string, raw: unknown): string | null => {
    const code = str(raw);
    if (code == null) return null;
    const c = countryByAlpha2(code);
    if (!c) issue('UNKNOWN_CODE', field, code, `ACRO country code "${code}" is not a known ISO alpha-2 code.`);
    return c?.alpha3 ?? null;
  };
  const isoDate = (field: string, raw: unknown): string | null => {
    const d = str(raw);
    if (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d))) return d;
    issue(d ? 'UNPARSEABLE_VALUE' : 'MISSING_VALUE', field, d, d ? `ACRO date "${d}" is not YYYY-MM-DD.` : 'ACRO gives no date.');
    return null;
  };

  const instigator = instigatorFrom(String(view.instigator));
  const s = view.subject as Json;
  const surname = str(s.surname) ?? '';
  const forenames = str(s.forenames) ?? '';
  const purpose = view.purpose === 'IMMIGRATION' || view.purpose === 'CRIMINAL_INVESTIGATION' ? (view.purpose as AcroPurpose) : null;
  if (!purpose) issue('UNKNOWN_CODE', 'purpose', str(view.purpose), `ACRO purpose "${String(view.purpose ?? '')}" is not known.`);

  const results: AcroResult[] = (Array.isArray(view.results) ? (view.results as Json[]) : []).map((r, i) => {
    const code = str(r.ukOffenceCode);
    const known = code ? offenceByCode(code) : undefined;
    if (!known) issue('UNKNOWN_CODE', `results[${i}].ukOffenceCode`, code, `ACRO offence code "${code ?? ''}" is not in the gateway's offence list.`);
    if (typeof r.hosol !== 'boolean') issue('MISSING_VALUE', `results[${i}].hosol`, null, 'ACRO result does not say whether the offence is on the HOSOL; treated as not on it.');
    return {
      country: country(`results[${i}].country`, r.country),
      convictedOn: isoDate(`results[${i}].convictionDate`, r.convictionDate),
      offenceCode: known?.code ?? null,
      offenceText: str(r.offenceText) ?? '',
      sentence: str(r.sentence) ?? '',
      hosol: r.hosol === true,
      instigator: instigatorFrom(str(r.instigatedBy) ?? String(view.instigator)),
    };
  });

  return {
    ref,
    reference,
    instigator,
    purpose,
    status: view.status as AcroRequest['status'],
    outcome: view.outcome === 'RESULTS' || view.outcome === 'NO_TRACE' ? (view.outcome as AcroOutcome) : null,
    requestedAt: String(view.requestedAt ?? ''),
    answeredAt: str(view.answeredAt),
    subject: {
      name: personName(forenames, surname, `${surname}, ${forenames}`),
      dateOfBirth: isoDate('subject.dateOfBirth', s.dateOfBirth),
      nationality: country('subject.nationality', s.nationality),
      pncId: str(s.pncId),
    },
    results,
    issues,
  };
}

export function acroFragment(r: AcroRequest): IdentityFragment {
  return {
    ref: r.ref,
    name: r.subject.name,
    aliases: [],
    dateOfBirth: r.subject.dateOfBirth,
    gender: null,
    nationality: r.subject.nationality,
    placeOfBirth: null,
    identifiers: [{ kind: 'ACRO_REF', value: r.reference }, ...(r.subject.pncId ? [{ kind: 'PNC_ID' as const, value: r.subject.pncId }] : [])],
    recordedAt: r.requestedAt || null,
    occasion: r.instigator.kind === 'POLICE' && r.requestedAt ? { kind: 'ACRO_REQUEST', force: r.instigator.force, at: r.requestedAt } : null,
  };
}
