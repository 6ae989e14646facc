/**
 * The DVA adapter: passport checks. Every check carries the justification and the requesting user
 * (`001 §4.36–4.37`, fn 21–22); the adapter refuses to send one without them, and maps HMPO's 400
 * to a BadInputError quoting the service. Checks made earlier are read back by check id.
 */
import type { DvaCheck, DvaCheckInput, DvaPassport, PassportStatus } from '../../src/domain/dva.js';
import { BadInputError, NotFoundError } from '../../src/domain/errors.js';
import { createHttpClient, malformed } from '../http/client.js';
import { personName } from '../http/names.js';

export interface DvaAdapterOptions {
  readonly url: string;
  /** @default 5000 */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

export interface DvaAdapter {
  checkPassport(input: DvaCheckInput): Promise<DvaCheck>;
  checksByIds(checkIds: readonly string[]): Promise<Array<DvaCheck | Error>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const STATUSES: readonly PassportStatus[] = ['VALID', 'LOST', 'STOLEN', 'CANCELLED'];
const RESULTS = ['MATCH', 'DETAILS_DIFFER', 'NO_RECORD'] as const;

type Json = Record<string, unknown>;

function mapPassport(p: Json): DvaPassport {
  const surname = String(p.surname ?? '');
  const forenames = String(p.forenames ?? '');
  return {
    passportNumber: String(p.passportNumber ?? ''),
    name: personName(forenames, surname, `${surname}, ${forenames}`),
    dateOfBirth: typeof p.dateOfBirth === 'string' ? p.dateOfBirth : null,
    status: p.status as PassportStatus,
    issuedOn: typeof p.issuedOn === 'string' ? p.issuedOn : null,
    expiresOn: typeof p.expiresOn === 'string' ? p.expiresOn : null,
  };
}

export function mapDvaCheck(body: unknown, operation: string): DvaCheck {
  const b = body as Json | null;
  if (!b || typeof b.checkId !== 'string' || !(RESULTS as readonly unknown[]).includes(b.result)) throw malformed('dva', operation, 'not a check');
  const passport = b.passport && typeof b.passport === 'object' ? (b.passport as Json) : null;
  if (passport && !STATUSES.includes(passport.status as PassportStatus)) throw malformed('dva', operation, 'unknown passport status');
  return {
    ref: { source: 'dva', key: b.checkId },
    checkId: b.checkId,
    checkedAt: String(b.checkedAt ?? ''),
    requestedBy: String(b.requestedBy ?? ''),
    justification: String(b.justification ?? ''),
    passportNumber: String(b.passportNumber ?? ''),
    result: b.result as DvaCheck['result'],
    passport: passport ? mapPassport(passport) : null,
  };
}

export function createDvaAdapter(options: DvaAdapterOptions): DvaAdapter {
  const http = createHttpClient({ source: 'dva', baseUrl: options.url, timeoutMs: options.timeoutMs, fetch: options.fetch });
  return {
    async checkPassport(input) {
      if (!input.justification?.trim()) throw new BadInputError('justification', 'a DVA check must state why there is reasonable doubt that the claim to be British is true');
      if (!input.requestedBy?.trim()) throw new BadInputError('requestedBy', 'a DVA check must name the licensed user making it');
      if (!input.passportNumber?.trim()) throw new BadInputError('passportNumber', 'must not be empty');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dateOfBirth)) throw new BadInputError('dateOfBirth', 'must be YYYY-MM-DD');
      const operation = 'passport check';
      const { status, body } = await http.json('/checks', { operation, method: 'POST', accept: [201, 400], body: JSON.stringify(input) });
      if (status === 400) throw new BadInputError('dvaCheck', String((body as Json).message ?? 'refused by DVA'));
      return mapDvaCheck(body, operation);
    },
    async checksByIds(ids) {
      // DVA has no batch read: one call per id, in parallel; a failed call fails the batch.
      return Promise.all(
        ids.map(async (id): Promise<DvaCheck | Error> => {
          const operation = 'check read';
          const { status, body } = await http.json(`/checks/${encodeURIComponent(id)}`, { operation, accept: [200, 404] });
          return status === 404 ? new NotFoundError('dva', 'DVA check', id) : mapDvaCheck(body, operation);
        }),
      );
    },
    async ping() {
      const { body } = await http.json('/status', { operation: 'status probe' });
      if ((body as Json).status !== 'OK') throw malformed('dva', 'status probe', 'status is not OK');
    },
    async close() {},
  };
}
