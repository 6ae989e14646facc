/**
 * One PNC `Subject` element → a PncRecord. Every value PNC holds in a legacy form is read here;
 * what cannot be read (an `00` day of birth, a retired offence code, free-text sentence, a missing
 * attribute) stays on the record as a data-quality issue naming the PNC field and the raw value.
 */
import type { DataQualityIssue, DataQualityKind, Gender, IdentityFragment, PersonName, SourceRef } from '../../src/domain/common.js';
import { parseNationality } from '../../src/domain/nationality.js';
import { offenceCodeFromPnc, type CirculationType, type PncCirculation, type PncConviction, type PncRecord } from '../../src/domain/pnc.js';
import { normaliseNamePart } from '../http/names.js';
import { parsePncDate, parsePncSentence } from './legacyValues.js';
import type { XmlElement } from './parseXml.js';

const CIRCULATION_TYPES: readonly CirculationType[] = ['WANTED', 'ABSCONDER', 'MISSING'];

function text(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'object') {
    const t = (v as XmlElement)['#text'];
    return t == null ? null : String(t);
  }
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** `SURNAME/FORENAMES` → PersonName; null when there is no `/`. */
export function parsePncName(raw: string): PersonName | null {
  const slash = raw.indexOf('/');
  if (slash < 0) return null;
  const family = normaliseNamePart(raw.slice(0, slash));
  const given = normaliseNamePart(raw.slice(slash + 1));
  return { family, given: given ? given.split(' ') : [], original: raw };
}

export function mapPncSubject(el: XmlElement, pncId: string): PncRecord {
  const ref: SourceRef = { source: 'pnc', key: pncId };
  const issues: DataQualityIssue[] = [];
  const issue = (kind: DataQualityKind, field: string, rawValue: string | null, message: string) =>
    issues.push({ kind, refs: [ref], field, rawValue, message });

  const date = (field: string, raw: string | null, what: string): string | null => {
    if (raw == null) {
      issue('MISSING_VALUE', field, null, `PNC holds no ${what}.`);
      return null;
    }
    const d = parsePncDate(raw);
    if (d.ok) return d.iso;
    issue('UNPARSEABLE_VALUE', field, raw, `PNC's ${what} "${raw}" cannot be read: ${d.reason}.`);
    return null;
  };

  const nameRaw = text(el.Name);
  let name: PersonName = { given: [], family: '', original: nameRaw ?? '' };
  if (nameRaw == null) issue('MISSING_VALUE', 'Name', null, 'PNC holds no name on this record.');
  else {
    const parsed = parsePncName(nameRaw);
    if (parsed) name = parsed;
    else {
      name = { given: [], family: normaliseNamePart(nameRaw), original: nameRaw };
      issue('UNPARSEABLE_VALUE', 'Name', nameRaw, `PNC's name "${nameRaw}" is not SURNAME/FORENAMES; read it all as the surname.`);
    }
  }

  const aliases: PersonName[] = [];
  for (const a of (el.Alias as unknown[] | undefined) ?? []) {
    const raw = text(a);
    const parsed = raw ? parsePncName(raw) : null;
    if (parsed) aliases.push(parsed);
    else issue('UNPARSEABLE_VALUE', 'Alias', raw, `PNC alias "${raw ?? ''}" is not SURNAME/FORENAMES; left out.`);
  }

  const sexRaw = text(el.Sex);
  let gender: Gender | null = null;
  if (sexRaw === 'M' || sexRaw === 'F') gender = sexRaw;
  else if (sexRaw != null) issue('UNKNOWN_CODE', 'Sex', sexRaw, `PNC sex code "${sexRaw}" is not M or F.`);

  const natRaw = text(el.Nationality);
  const nationality = parseNationality(natRaw);
  if (natRaw != null && nationality == null) issue('UNKNOWN_CODE', 'Nationality', natRaw, `PNC nationality "${natRaw}" is not a known country.`);

  const convictions: PncConviction[] = ((el.Conviction as XmlElement[] | undefined) ?? []).map((c, i) => {
    const field = (a: string) => `Conviction[${i}].${a}`;
    const pncCode = text(c['@_OffenceCode']) ?? '';
    const offenceCode = pncCode ? offenceCodeFromPnc(pncCode) ?? null : null;
    if (!pncCode) issue('MISSING_VALUE', field('OffenceCode'), null, 'PNC conviction has no offence code.');
    else if (!offenceCode) issue('UNKNOWN_CODE', field('OffenceCode'), pncCode, `PNC offence code "${pncCode}" is not in the gateway's offence list (retired or unknown).`);
    const sentence = text(c['@_Sentence']) ?? '';
    const parsed = parsePncSentence(sentence);
    if (!parsed.readable) issue('UNPARSEABLE_VALUE', field('Sentence'), sentence, `PNC sentence "${sentence}" is not in a known form; custody and length unknown.`);
    return {
      convictedOn: date(field('Date'), text(c['@_Date']), 'conviction date'),
      offenceCode,
      pncOffenceCode: pncCode,
      sentence,
      custodial: parsed.custodial,
      sentenceMonths: parsed.months,
      life: parsed.life,
      court: text(c['@_Court']),
    };
  });

  const circulations: PncCirculation[] = ((el.Circulation as XmlElement[] | undefined) ?? []).map((c, i) => {
    const pncType = text(c['@_Type']) ?? '';
    const type = (CIRCULATION_TYPES as readonly string[]).includes(pncType) ? (pncType as CirculationType) : null;
    if (!type) issue('UNKNOWN_CODE', `Circulation[${i}].Type`, pncType, `PNC circulation type "${pncType}" is not WANTED, ABSCONDER or MISSING.`);
    return { type, pncType, since: date(`Circulation[${i}].Date`, text(c['@_Date']), 'circulation date'), owner: text(c['@_Owner']) ?? '', reference: text(c['@_Ref']) ?? '' };
  });

  return {
    ref,
    pncId,
    croNumber: text(el['@_CRO']),
    name,
    aliases,
    dateOfBirth: date('DOB', text(el.DOB), 'date of birth'),
    gender,
    nationality,
    placeOfBirth: text(el.BirthPlace),
    convictions,
    circulations,
    issues,
  };
}

/** What a PNC record says about who the person is. */
export function pncFragment(r: PncRecord): IdentityFragment {
  return {
    ref: r.ref,
    name: r.name,
    aliases: r.aliases,
    dateOfBirth: r.dateOfBirth,
    gender: r.gender,
    nationality: r.nationality,
    placeOfBirth: r.placeOfBirth,
    identifiers: [{ kind: 'PNC_ID', value: r.pncId }, ...(r.croNumber ? [{ kind: 'CRO' as const, value: r.croNumber }] : [])],
    recordedAt: null,
  };
}
