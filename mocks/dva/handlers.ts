/**
 * The mock HM Passport Office Data Validation Application over `services/dva.json`. A check must
 * state its justification (the reasonable doubt that a claim to be British is true) and the
 * requesting user, or it is refused with 400; every accepted check is recorded and counted
 * (`001 §4.36–4.37`, fn 21–22):
 *
 *   GET  <base>/dva/status             liveness `{ "status": "OK" }`
 *   POST <base>/dva/checks             `{ passportNumber, surname, dateOfBirth, justification, requestedBy }` → 201 check
 *   GET  <base>/dva/checks/:checkId    a check made earlier, 404 when unknown
 *   GET  <base>/dva/stats              `{ "checks": n }`: how many checks were made
 */
import { http, HttpResponse, type PathParams } from 'msw';
import type { DvaData, DvaPassportData } from './data.js';
import { withFaults, type FaultController } from '../faults.js';
import { estateClock } from '../acro/clock.js';

export interface DvaHandlerOptions {
  readonly faults?: FaultController;
  /** The mock's clock (ISO instant). @default the estate's today at 12:00Z, advancing in real time */
  readonly now?: () => string;
}

/** Shortest justification accepted: a reason, not a token. */
export const MIN_JUSTIFICATION_LENGTH = 10;

export interface DvaCheckView {
  readonly checkId: string;
  readonly checkedAt: string;
  readonly requestedBy: string;
  readonly justification: string;
  readonly passportNumber: string;
  readonly surname: string;
  readonly dateOfBirth: string;
  readonly result: 'MATCH' | 'DETAILS_DIFFER' | 'NO_RECORD';
  readonly passport: DvaPassportData | null;
}

function badRequest(message: string): Response {
  return HttpResponse.json({ error: 'BAD_REQUEST', message }, { status: 400 });
}

function norm(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

export function createDvaHandlers(data: DvaData, options: DvaHandlerOptions = {}) {
  const now = options.now ?? estateClock(data.today);
  const byNumber = new Map(data.passports.map((p) => [p.passportNumber, p]));
  const checks = new Map<string, DvaCheckView>();
  const faulty = <I extends { request: Request }>(r: (info: I) => Response | Promise<Response>) => withFaults(options.faults, 'dva', r);

  return [
    http.get('*/dva/status', faulty(() => HttpResponse.json({ status: 'OK' }))),

    http.get('*/dva/stats', faulty(() => HttpResponse.json({ checks: checks.size }))),

    http.post(
      '*/dva/checks',
      faulty(async ({ request }) => {
        let body: Record<string, unknown>;
        try {
          body = (await request.json()) as Record<string, unknown>;
          if (!body || typeof body !== 'object') throw new Error('not an object');
        } catch {
          return badRequest('body must be JSON { passportNumber, surname, dateOfBirth, justification, requestedBy }');
        }
        const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
        const problems: string[] = [];
        if (str('justification').length < MIN_JUSTIFICATION_LENGTH) {
          problems.push(`justification is required: state the reasonable doubt that the claim to be British is true (at least ${MIN_JUSTIFICATION_LENGTH} characters)`);
        }
        if (!str('requestedBy')) problems.push('requestedBy is required: the licensed user making the check');
        if (!str('passportNumber')) problems.push('passportNumber is required');
        if (!str('surname')) problems.push('surname is required');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(str('dateOfBirth'))) problems.push('dateOfBirth is required as YYYY-MM-DD');
        if (problems.length > 0) return badRequest(problems.join('; '));

        const passport = byNumber.get(str('passportNumber').toUpperCase()) ?? null;
        const result = !passport ? 'NO_RECORD' : norm(passport.surname) === norm(str('surname')) && passport.dateOfBirth === str('dateOfBirth') ? 'MATCH' : 'DETAILS_DIFFER';
        const check: DvaCheckView = {
          checkId: `DVA-${String(checks.size + 1).padStart(6, '0')}`,
          checkedAt: now(),
          requestedBy: str('requestedBy'),
          justification: str('justification'),
          passportNumber: str('passportNumber'),
          surname: str('surname'),
          dateOfBirth: str('dateOfBirth'),
          result,
          passport,
        };
        checks.set(check.checkId, check);
        return HttpResponse.json(check, { status: 201 });
      }),
    ),

    http.get(
      '*/dva/checks/:checkId',
      faulty<{ request: Request; params: PathParams }>(({ params }) => {
        const c = checks.get(String(params.checkId));
        return c ? HttpResponse.json(c) : HttpResponse.json({ error: 'NOT_FOUND', message: `no DVA check ${String(params.checkId)}` }, { status: 404 });
      }),
    ),
  ];
}
