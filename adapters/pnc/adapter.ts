/**
 * The PNC adapter: batch lookups by PNC id (one HTTP call per batch of up to `batchSize` ids, the
 * DataLoader contract: one value per key, in key order, NotFoundError for "no trace"), search by
 * surname and date of birth, and the identity fragments identity resolution needs (batch, and a
 * paged full scan of PNC's bulk export, `004 §6.22`). It returns PncRecords, never XML, and knows
 * nothing of GraphQL.
 */
import type { IdentityFragment } from '../../src/domain/common.js';
import { BadInputError, NotFoundError, SourceUnavailableError } from '../../src/domain/errors.js';
import type { PncRecord, PncSearch } from '../../src/domain/pnc.js';
import { createHttpClient, malformed } from '../http/client.js';
import { mapPncSubject, pncFragment } from './mapSubject.js';
import { parsePncXml, type PncDocument } from './parseXml.js';

export interface PncAdapterOptions {
  /** Base URL, e.g. `http://127.0.0.1:4010/pnc`. */
  readonly url: string;
  /** Per-call timeout. @default 5000 */
  readonly timeoutMs?: number;
  /** PNC ids per batch enquiry (PNC accepts up to 250). @default 100 */
  readonly batchSize?: number;
  /** Subjects per bulk-export page. @default 500 */
  readonly pageSize?: number;
  readonly fetch?: typeof fetch;
}

export interface PncAdapter {
  recordsByPncIds(pncIds: readonly string[]): Promise<Array<PncRecord | Error>>;
  search(query: PncSearch): Promise<PncRecord[]>;
  fragmentsByKeys(pncIds: readonly string[]): Promise<Array<IdentityFragment | Error>>;
  scanFragments(): AsyncIterable<IdentityFragment>;
  /** Every record, page by page (the bulk export). */
  scanRecords(): AsyncIterable<PncRecord>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const XML_HEADERS = { accept: 'application/xml', 'content-type': 'application/xml' };

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function toPncDate(iso: string): string {
  return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;
}

function pncIdOf(subject: Record<string, unknown>): string | null {
  const id = subject['@_PNCID'];
  return id == null || String(id).trim() === '' ? null : String(id).trim();
}

export function createPncAdapter(options: PncAdapterOptions): PncAdapter {
  const http = createHttpClient({ source: 'pnc', baseUrl: options.url, timeoutMs: options.timeoutMs, fetch: options.fetch });
  const batchSize = options.batchSize ?? 100;
  const pageSize = options.pageSize ?? 500;

  const statusOk = (doc: PncDocument, operation: string) => {
    if (doc.error) throw new SourceUnavailableError('pnc', `${operation}: PNC error ${doc.error.code}`);
  };

  async function batch(ids: readonly string[]): Promise<Array<PncRecord | Error>> {
    const operation = 'batch enquiry';
    const body = `<?xml version="1.0" encoding="UTF-8"?><PNCBatchEnquiry>${ids.map((id) => `<PNCID>${escapeXml(id)}</PNCID>`).join('')}</PNCBatchEnquiry>`;
    const answer = await http.request('/subjects/batch', { operation, method: 'POST', body, headers: XML_HEADERS });
    const doc = parsePncXml(answer.text, 'PNCResponse', operation);
    statusOk(doc, operation);
    const found = new Map<string, PncRecord>();
    for (const s of doc.subjects) {
      const id = pncIdOf(s);
      if (id) found.set(id, mapPncSubject(s, id));
    }
    const noTrace = new Set(doc.noTraces);
    return ids.map(
      (id) =>
        found.get(id) ??
        (noTrace.has(id) ? new NotFoundError('pnc', 'PNC record', id) : malformed('pnc', operation, 'answer has neither a subject nor a no-trace for a requested id')),
    );
  }

  async function recordsByPncIds(pncIds: readonly string[]): Promise<Array<PncRecord | Error>> {
    const chunks: string[][] = [];
    for (let i = 0; i < pncIds.length; i += batchSize) chunks.push(pncIds.slice(i, i + batchSize));
    const answers = await Promise.all(chunks.map(batch));
    return answers.flat();
  }

  async function* scanRecords(): AsyncIterable<PncRecord> {
    for (let page = 1; ; page++) {
      const operation = `bulk export page ${page}`;
      const answer = await http.request(`/export?page=${page}&pageSize=${pageSize}`, { operation, headers: { accept: 'application/xml' } });
      const doc = parsePncXml(answer.text, 'PNCExport', operation);
      const totalPages = Number(doc.rootAttributes.TotalPages);
      if (!Number.isInteger(totalPages) || totalPages < 1) throw malformed('pnc', operation, 'TotalPages missing');
      for (const s of doc.subjects) {
        const id = pncIdOf(s);
        // A subject without a PNC id cannot be keyed or linked: the export is broken, say so.
        if (!id) throw malformed('pnc', operation, 'a subject has no PNCID');
        yield mapPncSubject(s, id);
      }
      if (page >= totalPages) return;
    }
  }

  return {
    recordsByPncIds,
    async search(query) {
      if (!query.surname.trim()) throw new BadInputError('surname', 'must not be empty');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(query.dateOfBirth)) throw new BadInputError('dateOfBirth', `must be YYYY-MM-DD, got "${query.dateOfBirth}"`);
      const operation = 'name and date-of-birth search';
      const qs = new URLSearchParams({ surname: query.surname.trim().toUpperCase(), dob: toPncDate(query.dateOfBirth) });
      const answer = await http.request(`/search?${qs}`, { operation, headers: { accept: 'application/xml' } });
      const doc = parsePncXml(answer.text, 'PNCResponse', operation);
      statusOk(doc, operation);
      return doc.subjects.map((s) => {
        const id = pncIdOf(s);
        if (!id) throw malformed('pnc', operation, 'a subject has no PNCID');
        return mapPncSubject(s, id);
      });
    },
    async fragmentsByKeys(pncIds) {
      const records = await recordsByPncIds(pncIds);
      return records.map((r) => (r instanceof Error ? r : pncFragment(r)));
    },
    async *scanFragments() {
      for await (const r of scanRecords()) yield pncFragment(r);
    },
    scanRecords,
    async ping() {
      const operation = 'status probe';
      const answer = await http.request('/status', { operation, headers: { accept: 'application/xml' } });
      const doc = parsePncXml(answer.text, 'PNCResponse', operation);
      if (doc.rootAttributes.Status !== 'OK') throw new SourceUnavailableError('pnc', `${operation}: status ${doc.rootAttributes.Status ?? 'missing'}`);
    },
    async close() {
      // Nothing pooled: fetch manages its own connections.
    },
  };
}
