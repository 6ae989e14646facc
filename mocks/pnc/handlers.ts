/**
 * The mock Police National Computer: msw handlers answering PNC's legacy XML (mocks/pnc/xml.ts)
 * from `services/pnc.json`. URLs are written as `<any origin>/pnc/...` patterns so the same handlers serve `setupServer`
 * in tests and the loopback server (mocks/server.ts):
 *
 *   GET  <base>/pnc/status                           liveness: `<PNCResponse Status="OK" Records="n"/>`
 *   GET  <base>/pnc/subjects/:pncId                  one subject (PNC id URL-encoded) or `<NoTrace>`
 *   POST <base>/pnc/subjects/batch                   `<PNCBatchEnquiry><PNCID>…` → subjects / NoTrace in request order
 *   GET  <base>/pnc/search?surname=&dob=DDMMYYYY     exact surname (name or alias) and date of birth
 *   GET  <base>/pnc/export?page=1&pageSize=500       paged bulk export for the person index (`004 §6.22`)
 *
 * PNC answers "no trace" in band (HTTP 200), as legacy services do; a bad enquiry is HTTP 400 with
 * `<PNCResponse Status="ERROR">`.
 */
import { http, HttpResponse, type PathParams } from 'msw';
import { XMLParser } from 'fast-xml-parser';
import type { PncData, PncSubjectData } from './data.js';
import { errorXml, exportXml, noTraceXml, responseXml, subjectXml } from './xml.js';
import { withFaults, type FaultController } from '../faults.js';

export interface PncHandlerOptions {
  readonly faults?: FaultController;
  /** Most PNC ids one batch enquiry may carry. @default 250 */
  readonly maxBatch?: number;
  /** Largest export page. @default 1000 */
  readonly maxPageSize?: number;
  /** Most subjects a search answers. @default 50 */
  readonly maxSearchResults?: number;
}

const XML_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8' };

function xml(body: string, status = 200): Response {
  return new HttpResponse(body, { status, headers: XML_HEADERS });
}

function surnameOf(pncName: string): string {
  return pncName.split('/')[0]!.trim().toUpperCase();
}

const enquiryParser = new XMLParser({ isArray: (name) => name === 'PNCID', parseTagValue: false, trimValues: true });

export function createPncHandlers(data: PncData, options: PncHandlerOptions = {}) {
  const maxBatch = options.maxBatch ?? 250;
  const maxPageSize = options.maxPageSize ?? 1000;
  const maxSearch = options.maxSearchResults ?? 50;
  const byId = new Map<string, PncSubjectData>(data.subjects.map((s) => [s.pncId, s]));
  const faulty = <I extends { request: Request }>(r: (info: I) => Response | Promise<Response>) => withFaults(options.faults, 'pnc', r);

  return [
    http.get('*/pnc/status', faulty(() => xml(responseXml('', [['Records', String(data.subjects.length)]])))),

    http.post(
      '*/pnc/subjects/batch',
      faulty(async ({ request }) => {
        let ids: string[];
        try {
          const doc = enquiryParser.parse(await request.text(), true) as { PNCBatchEnquiry?: { PNCID?: unknown[] } | '' };
          if (doc.PNCBatchEnquiry === undefined) throw new Error('no PNCBatchEnquiry');
          const raw = doc.PNCBatchEnquiry === '' ? [] : (doc.PNCBatchEnquiry.PNCID ?? []);
          ids = raw.map((v) => String(v));
        } catch {
          return xml(errorXml('E400', 'MALFORMED ENQUIRY: EXPECTED <PNCBatchEnquiry><PNCID>...</PNCID></PNCBatchEnquiry>'), 400);
        }
        if (ids.length === 0) return xml(errorXml('E400', 'EMPTY ENQUIRY: AT LEAST ONE PNCID REQUIRED'), 400);
        if (ids.length > maxBatch) return xml(errorXml('E413', `BATCH TOO LARGE: ${ids.length} IDS, MAXIMUM ${maxBatch}`), 400);
        const body = ids.map((id) => {
          const s = byId.get(id);
          return s ? subjectXml(s) : noTraceXml(id);
        });
        return xml(responseXml(body.join('')));
      }),
    ),

    http.get(
      '*/pnc/subjects/:pncId',
      faulty<{ request: Request; params: PathParams }>(({ params }) => {
        const id = String(params.pncId);
        const s = byId.get(id);
        return xml(responseXml(s ? subjectXml(s) : noTraceXml(id)));
      }),
    ),

    http.get(
      '*/pnc/search',
      faulty(({ request }) => {
        const url = new URL(request.url);
        const surname = (url.searchParams.get('surname') ?? '').trim().toUpperCase();
        const dob = (url.searchParams.get('dob') ?? '').trim();
        if (!surname || !/^\d{8}$/.test(dob)) {
          return xml(errorXml('E400', 'SEARCH NEEDS SURNAME AND DOB (DDMMYYYY), E.G. ?surname=SMITH&dob=25121970'), 400);
        }
        const matches = data.subjects.filter(
          (s) => (s.dob === dob && surnameOf(s.name) === surname) || s.aliases.some((a) => surnameOf(a.name) === surname && (a.dob ?? s.dob) === dob),
        );
        const shown = matches.slice(0, maxSearch);
        return xml(responseXml(shown.map(subjectXml).join(''), [['Matches', String(matches.length)], ['Truncated', matches.length > shown.length ? 'Y' : 'N']]));
      }),
    ),

    http.get(
      '*/pnc/export',
      faulty(({ request }) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get('page') ?? '1');
        const pageSize = Number(url.searchParams.get('pageSize') ?? '500');
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
          return xml(errorXml('E400', `EXPORT NEEDS page >= 1 AND 1 <= pageSize <= ${maxPageSize}`), 400);
        }
        const start = (page - 1) * pageSize;
        return xml(exportXml(data.subjects.slice(start, start + pageSize), page, pageSize, data.subjects.length));
      }),
    ),
  ];
}
