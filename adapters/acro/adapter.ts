/**
 * The ACRO adapter: submit a check, read checks back in batches (one HTTP call per batch of up to
 * `batchSize` references; NotFoundError for an unknown reference), and identity fragments from the
 * subjects ACRO was asked about. A check that ACRO never answers simply stays PENDING (`001 §4.31`):
 * the adapter reports it as it is and never waits for it.
 */
import type { IdentityFragment } from '../../src/domain/common.js';
import type { AcroRequest, AcroSubmission } from '../../src/domain/acro.js';
import { BadInputError, NotFoundError } from '../../src/domain/errors.js';
import { countryByAlpha3 } from '../../src/domain/nationality.js';
import { createHttpClient, malformed } from '../http/client.js';
import { acroFragment, isAcroView, mapAcroRequest } from './mapRequest.js';

export interface AcroAdapterOptions {
  readonly url: string;
  /** @default 5000 */
  readonly timeoutMs?: number;
  /** References per query (ACRO accepts up to 100). @default 100 */
  readonly batchSize?: number;
  /** @default 500 */
  readonly pageSize?: number;
  readonly fetch?: typeof fetch;
}

export interface AcroReceipt {
  readonly reference: string;
  readonly status: 'PENDING';
  readonly requestedAt: string;
}

export interface AcroAdapter {
  submit(submission: AcroSubmission): Promise<AcroReceipt>;
  requestsByRefs(references: readonly string[]): Promise<Array<AcroRequest | Error>>;
  fragmentsByKeys(references: readonly string[]): Promise<Array<IdentityFragment | Error>>;
  scanFragments(): AsyncIterable<IdentityFragment>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function createAcroAdapter(options: AcroAdapterOptions): AcroAdapter {
  const http = createHttpClient({ source: 'acro', baseUrl: options.url, timeoutMs: options.timeoutMs, fetch: options.fetch });
  const batchSize = options.batchSize ?? 100;
  const pageSize = options.pageSize ?? 500;

  async function batch(refs: readonly string[]): Promise<Array<AcroRequest | Error>> {
    const operation = 'request query';
    const { body } = await http.json('/requests/query', { operation, method: 'POST', body: JSON.stringify({ references: refs }) });
    const list = (body as { requests?: unknown }).requests;
    if (!Array.isArray(list) || list.length !== refs.length) throw malformed('acro', operation, 'expected one entry per reference');
    return refs.map((ref, i) => {
      const entry = list[i] as Record<string, unknown> | null;
      if (entry && entry.error === 'NOT_FOUND') return new NotFoundError('acro', 'ACRO request', ref);
      if (!isAcroView(entry) || entry.reference !== ref) return malformed('acro', operation, 'entry is not a request view for the reference asked');
      return mapAcroRequest(entry);
    });
  }

  async function requestsByRefs(refs: readonly string[]): Promise<Array<AcroRequest | Error>> {
    const chunks: string[][] = [];
    for (let i = 0; i < refs.length; i += batchSize) chunks.push(refs.slice(i, i + batchSize));
    return (await Promise.all(chunks.map(batch))).flat();
  }

  return {
    async submit(submission) {
      const { subject } = submission;
      if (!subject.familyName.trim()) throw new BadInputError('subject.familyName', 'must not be empty');
      if (subject.givenNames.length === 0) throw new BadInputError('subject.givenNames', 'at least one given name is needed');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(subject.dateOfBirth)) throw new BadInputError('subject.dateOfBirth', 'must be YYYY-MM-DD');
      const instigator = submission.instigator.kind === 'HOME_OFFICE' ? 'HOME_OFFICE' : submission.instigator.force;
      const operation = 'submit request';
      const { status, body } = await http.json('/requests', {
        operation,
        method: 'POST',
        accept: [202],
        body: JSON.stringify({
          subject: {
            surname: subject.familyName,
            forenames: subject.givenNames.join(' '),
            dateOfBirth: subject.dateOfBirth,
            nationality: subject.nationality ? (countryByAlpha3(subject.nationality)?.alpha2 ?? null) : null,
            pncId: subject.pncId ?? null,
          },
          instigator,
          purpose: submission.purpose,
        }),
      });
      const b = body as Record<string, unknown>;
      if (status !== 202 || typeof b.reference !== 'string' || typeof b.requestedAt !== 'string') throw malformed('acro', operation, 'no reference in the receipt');
      return { reference: b.reference, status: 'PENDING', requestedAt: b.requestedAt };
    },
    requestsByRefs,
    async fragmentsByKeys(refs) {
      return (await requestsByRefs(refs)).map((r) => (r instanceof Error ? r : acroFragment(r)));
    },
    async *scanFragments() {
      for (let page = 1; ; page++) {
        const operation = `request listing page ${page}`;
        const { body } = await http.json(`/requests?page=${page}&pageSize=${pageSize}`, { operation });
        const b = body as { requests?: unknown; totalPages?: unknown };
        if (!Array.isArray(b.requests) || typeof b.totalPages !== 'number') throw malformed('acro', operation, 'expected { requests, totalPages }');
        for (const v of b.requests) {
          if (!isAcroView(v)) throw malformed('acro', operation, 'an entry is not a request view');
          yield acroFragment(mapAcroRequest(v));
        }
        if (page >= b.totalPages) return;
      }
    },
    async ping() {
      const { body } = await http.json('/status', { operation: 'status probe' });
      if ((body as { status?: unknown }).status !== 'OK') throw malformed('acro', 'status probe', 'status is not OK');
    },
    async close() {},
  };
}
