/**
 * PNC's legacy XML wire format, written by the mock and read by adapters/pnc. One document type,
 * `PNCResponse` (or `PNCExport` for the bulk export), holding `Subject` and `NoTrace` elements:
 *
 *   <PNCResponse Status="OK">
 *     <Subject PNCID="2009/0123456K" CRO="123456/09A">
 *       <Name>OKAFOR/CHUKWUEMEKA JOHN</Name>
 *       <Alias DOB="03051985">OKAFOR/EMEKA</Alias>
 *       <DOB>15031985</DOB><Sex>M</Sex><Nationality>NIGERIA</Nationality><BirthPlace>LAGOS</BirthPlace>
 *       <Conviction Date="12062012" OffenceCode="TH68023" Court="LEEDS CROWN COURT" Sentence="18M IMP"/>
 *       <Circulation Type="ABSCONDER" Date="01022019" Owner="HOME OFFICE" Ref="HO/ABS/0001"/>
 *     </Subject>
 *     <NoTrace PNCID="2010/0000001A"/>
 *   </PNCResponse>
 *
 * Dates are DDMMYYYY (`00` day = unknown), names SURNAME/FORENAMES, errors
 * `<PNCResponse Status="ERROR"><Error Code="E400">TEXT</Error></PNCResponse>`.
 */
import type { PncSubjectData } from './data.js';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function attrs(pairs: readonly (readonly [string, string | null])[]): string {
  return pairs.filter(([, v]) => v != null).map(([k, v]) => ` ${k}="${escapeXml(v!)}"`).join('');
}

function element(name: string, text: string | null): string {
  return text == null ? '' : `<${name}>${escapeXml(text)}</${name}>`;
}

export function subjectXml(s: PncSubjectData): string {
  const parts = [
    `<Subject${attrs([['PNCID', s.pncId], ['CRO', s.cro]])}>`,
    element('Name', s.name),
    ...s.aliases.map((a) => `<Alias${attrs([['DOB', a.dob]])}>${escapeXml(a.name)}</Alias>`),
    element('DOB', s.dob),
    element('Sex', s.sex),
    element('Nationality', s.nationality),
    element('BirthPlace', s.birthPlace),
    ...s.convictions.map((c) => `<Conviction${attrs([['Date', c.date], ['OffenceCode', c.offenceCode], ['Court', c.court], ['Sentence', c.sentence]])}/>`),
    ...s.circulations.map((c) => `<Circulation${attrs([['Type', c.type], ['Date', c.date], ['Owner', c.owner], ['Ref', c.ref]])}/>`),
    '</Subject>',
  ];
  return parts.join('');
}

export function noTraceXml(pncId: string): string {
  return `<NoTrace${attrs([['PNCID', pncId]])}/>`;
}

export function responseXml(body: string, extra: readonly (readonly [string, string])[] = []): string {
  return `<?xml version="1.0" encoding="UTF-8"?><PNCResponse${attrs([['Status', 'OK'], ...extra])}>${body}</PNCResponse>`;
}

export function errorXml(code: string, text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><PNCResponse Status="ERROR"><Error Code="${escapeXml(code)}">${escapeXml(text)}</Error></PNCResponse>`;
}

export function exportXml(subjects: readonly PncSubjectData[], page: number, pageSize: number, totalRecords: number): string {
  const totalPages = Math.max(1, Math.ceil(totalRecords / pageSize));
  return `<?xml version="1.0" encoding="UTF-8"?><PNCExport${attrs([['Page', String(page)], ['PageSize', String(pageSize)], ['TotalPages', String(totalPages)], ['TotalRecords', String(totalRecords)]])}>${subjects.map(subjectXml).join('')}</PNCExport>`;
}

/** A PNC batch enquiry body: `<PNCBatchEnquiry><PNCID>…</PNCID>…</PNCBatchEnquiry>`. */
export function batchEnquiryXml(pncIds: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><PNCBatchEnquiry>${pncIds.map((id) => element('PNCID', id)).join('')}</PNCBatchEnquiry>`;
}
