/**
 * The mock ACRO Criminal Records Office: an asynchronous request/poll JSON service over
 * `services/acro.json` (`001 §4.31`). A request is submitted, answered 202 with a reference and
 * status PENDING, and polled until ACRO answers — after a delay, or never:
 *
 *   GET  <base>/acro/status                          liveness `{ "status": "OK", "requests": n }`
 *   POST <base>/acro/requests                        submit `{ subject, instigator, purpose }` → 202 `{ reference, status: "PENDING" }`
 *   GET  <base>/acro/requests/:reference             one request (reference URL-encoded), 404 when unknown
 *   POST <base>/acro/requests/query                  `{ "references": [...] }` → `{ "requests": [...] }` in the same order
 *   GET  <base>/acro/requests?page=1&pageSize=500    paged listing of every request (for the person index)
 *
 * A request is PENDING until its answer time by the mock's clock (pre-seeded requests carry
 * absolute answer times around the estate's today; the clock is configurable), then COMPLETE with
 * RESULTS or NO_TRACE; a request with no answer time stays PENDING for ever. Results are shown only
 * once COMPLETE; each names who instigated the check and whether the offence is on the HOSOL.
 */
import { http, HttpResponse, type PathParams } from 'msw';
import type { AcroData, AcroRequestData, AcroResultData, AcroSubjectData } from './data.js';
import { INSTIGATING_ORGANISATIONS } from './data.js';
import { withFaults, type FaultController } from '../faults.js';
import { estateClock } from './clock.js';

export interface AcroHandlerOptions {
  readonly faults?: FaultController;
  /**
   * The mock's clock, ISO instant. @default the estate's today at 12:00Z plus the real time
   * elapsed since the handlers were created.
   */
  readonly now?: () => string;
  /** How long after submission a new request is answered. @default 120000 (two minutes) */
  readonly answerDelayMs?: number;
  /** Every Nth submitted request is never answered (0 = none). @default 0 */
  readonly neverAnswerEvery?: number;
  /** Most references one query may carry. @default 100 */
  readonly maxBatch?: number;
}

export type AcroRequestView = {
  readonly reference: string;
  readonly status: 'PENDING' | 'COMPLETE';
  readonly outcome: 'RESULTS' | 'NO_TRACE' | null;
  readonly instigator: string;
  readonly instigatingOrganisation: string;
  readonly purpose: string;
  readonly requestedAt: string;
  readonly answeredAt: string | null;
  readonly subject: AcroSubjectData;
  readonly results: readonly (AcroResultData & { readonly instigatedBy: string })[];
};

const PURPOSES = ['IMMIGRATION', 'CRIMINAL_INVESTIGATION'];

function badRequest(message: string): Response {
  return HttpResponse.json({ error: 'BAD_REQUEST', message }, { status: 400 });
}

function subjectKey(s: Pick<AcroSubjectData, 'surname' | 'dateOfBirth'>): string {
  return `${s.surname.trim().toUpperCase()}|${s.dateOfBirth}`;
}

/** Problems with a submitted request body, or the parsed submission. */
function parseSubmission(body: unknown): { problems: string[]; value?: { subject: AcroSubjectData; instigator: string; purpose: string } } {
  const problems: string[] = [];
  if (!body || typeof body !== 'object') return { problems: ['body must be a JSON object { subject, instigator, purpose }'] };
  const b = body as Record<string, unknown>;
  const s = (b.subject ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const surname = str(s.surname);
  const forenames = str(s.forenames);
  const dob = str(s.dateOfBirth);
  if (!surname) problems.push('subject.surname is required');
  if (!forenames) problems.push('subject.forenames is required');
  if (!dob || !/^\d{4}-\d{2}-\d{2}$/.test(dob)) problems.push('subject.dateOfBirth is required as YYYY-MM-DD');
  const instigator = str(b.instigator);
  if (!instigator || !(instigator in INSTIGATING_ORGANISATIONS)) problems.push(`instigator must be one of ${Object.keys(INSTIGATING_ORGANISATIONS).join(', ')}`);
  const purpose = str(b.purpose);
  if (!purpose || !PURPOSES.includes(purpose)) problems.push(`purpose must be one of ${PURPOSES.join(', ')}`);
  if (problems.length > 0) return { problems };
  return {
    problems,
    value: {
      subject: { surname: surname!, forenames: forenames!, dateOfBirth: dob!, nationality: str(s.nationality), pncId: str(s.pncId) },
      instigator: instigator!,
      purpose: purpose!,
    },
  };
}

export function createAcroHandlers(data: AcroData, options: AcroHandlerOptions = {}) {
  const now = options.now ?? estateClock(data.today);
  const answerDelayMs = options.answerDelayMs ?? 120_000;
  const neverEvery = options.neverAnswerEvery ?? 0;
  const maxBatch = options.maxBatch ?? 100;
  const requests: AcroRequestData[] = [...data.requests];
  const byRef = new Map(requests.map((r) => [r.reference, r]));
  let submitted = 0;
  const faulty = <I extends { request: Request }>(r: (info: I) => Response | Promise<Response>) => withFaults(options.faults, 'acro', r);

  const view = (r: AcroRequestData): AcroRequestView => {
    const complete = r.answerAt != null && r.answer != null && Date.parse(r.answerAt) <= Date.parse(now());
    return {
      reference: r.reference,
      status: complete ? 'COMPLETE' : 'PENDING',
      outcome: complete ? r.answer : null,
      instigator: r.instigator,
      instigatingOrganisation: r.instigatingOrganisation,
      purpose: r.purpose,
      requestedAt: r.requestedAt,
      answeredAt: complete ? r.answerAt : null,
      subject: r.subject,
      results: complete && r.answer === 'RESULTS' ? r.results.map((x) => ({ ...x, instigatedBy: r.instigator })) : [],
    };
  };

  /** What ACRO finds for a new request: the results earlier answered checks found for that subject. */
  const knownResults = (subject: AcroSubjectData): AcroResultData[] => {
    const key = subjectKey(subject);
    const seen = new Set<string>();
    const out: AcroResultData[] = [];
    for (const r of requests) {
      if (r.answer !== 'RESULTS' || subjectKey(r.subject) !== key) continue;
      for (const x of r.results) {
        const k = JSON.stringify(x);
        if (!seen.has(k)) (seen.add(k), out.push(x));
      }
    }
    return out;
  };

  return [
    http.get('*/acro/status', faulty(() => HttpResponse.json({ status: 'OK', requests: requests.length }))),

    http.post(
      '*/acro/requests/query',
      faulty(async ({ request }) => {
        let body: unknown;
        try {
          body = await request.json();
        } catch {
          return badRequest('body must be JSON { "references": ["..."] }');
        }
        const refs = (body as { references?: unknown }).references;
        if (!Array.isArray(refs) || refs.length === 0 || !refs.every((r) => typeof r === 'string')) {
          return badRequest('references must be a non-empty array of strings');
        }
        if (refs.length > maxBatch) return badRequest(`too many references: ${refs.length}, maximum ${maxBatch}`);
        return HttpResponse.json({
          requests: (refs as string[]).map((ref) => {
            const r = byRef.get(ref);
            return r ? view(r) : { reference: ref, error: 'NOT_FOUND' };
          }),
        });
      }),
    ),

    http.post(
      '*/acro/requests',
      faulty(async ({ request }) => {
        let body: unknown;
        try {
          body = await request.json();
        } catch {
          return badRequest('body must be JSON { subject, instigator, purpose }');
        }
        const { problems, value } = parseSubmission(body);
        if (!value) return badRequest(problems.join('; '));
        submitted++;
        const requestedAt = now();
        const reference = `ACRO/${requestedAt.slice(2, 4)}/9${String(submitted).padStart(5, '0')}`;
        const results = knownResults(value.subject);
        const never = neverEvery > 0 && submitted % neverEvery === 0;
        const created: AcroRequestData = {
          reference,
          instigator: value.instigator as AcroRequestData['instigator'],
          instigatingOrganisation: INSTIGATING_ORGANISATIONS[value.instigator]!,
          purpose: value.purpose as AcroRequestData['purpose'],
          requestedAt,
          answerAt: never ? null : new Date(Date.parse(requestedAt) + answerDelayMs).toISOString(),
          answer: never ? null : results.length > 0 ? 'RESULTS' : 'NO_TRACE',
          subject: value.subject,
          results,
        };
        requests.push(created);
        byRef.set(reference, created);
        return HttpResponse.json(
          { reference, status: 'PENDING', requestedAt },
          { status: 202, headers: { Location: `requests/${encodeURIComponent(reference)}` } },
        );
      }),
    ),

    http.get(
      '*/acro/requests/:reference',
      faulty<{ request: Request; params: PathParams }>(({ params }) => {
        const ref = String(params.reference);
        const r = byRef.get(ref);
        return r ? HttpResponse.json(view(r)) : HttpResponse.json({ error: 'NOT_FOUND', message: `no ACRO request ${ref}` }, { status: 404 });
      }),
    ),

    http.get(
      '*/acro/requests',
      faulty(({ request }) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get('page') ?? '1');
        const pageSize = Number(url.searchParams.get('pageSize') ?? '500');
        if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
          return badRequest('page must be >= 1 and pageSize between 1 and 1000');
        }
        const start = (page - 1) * pageSize;
        return HttpResponse.json({
          page,
          pageSize,
          total: requests.length,
          totalPages: Math.max(1, Math.ceil(requests.length / pageSize)),
          requests: requests.slice(start, start + pageSize).map(view),
        });
      }),
    ),
  ];
}
