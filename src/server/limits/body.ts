/**
 * Reads a GraphQL POST body safely: JSON content type only, at most `maxBytes` (checked against
 * `content-length` before reading, and while reading), strict UTF-8, valid JSON. Every failure is a
 * Refusal with a 4xx status and a clear message; nothing here throws.
 */
import type { IncomingMessage } from 'node:http';
import { limitRefusal, type Refusal } from './refusal.js';

export type BodyResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly refusal: Refusal };

const JSON_TYPES = ['application/json', 'application/graphql-response+json'];

/** Null when the content type is JSON (any `charset=utf-8` parameter), else the refusal. */
export function checkContentType(header: string | undefined): Refusal | null {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (!JSON_TYPES.includes(type)) {
    return {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      status: 415,
      message: `POST /graphql takes a JSON body (content-type: application/json), not ${type === '' ? 'a body without a content type' : `"${type}"`}.`,
    };
  }
  const charset = params.find((p) => p.startsWith('charset='));
  if (charset && charset !== 'charset=utf-8' && charset !== 'charset="utf-8"') {
    return { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, message: `The body must be UTF-8, not ${charset.slice('charset='.length)}.` };
  }
  return null;
}

export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return { ok: false, refusal: limitRefusal('BODY_TOO_LARGE', 'Request body size in bytes', maxBytes, declared, 413) };
  }
  const typeProblem = checkContentType(req.headers['content-type']);
  if (typeProblem) return { ok: false, refusal: typeProblem };

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > maxBytes) {
      return { ok: false, refusal: limitRefusal('BODY_TOO_LARGE', 'Request body size in bytes (at least)', maxBytes, size, 413) };
    }
    chunks.push(buf);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, size));
  } catch {
    return { ok: false, refusal: { code: 'INVALID_UTF8', status: 400, message: 'The request body is not valid UTF-8.' } };
  }
  if (text.trim() === '') {
    return { ok: false, refusal: { code: 'BAD_REQUEST', status: 400, message: 'The request body is empty; send {"query": "..."}.' } };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message.replace(/"[^"]*"/g, '…').slice(0, 120)}` : '';
    return { ok: false, refusal: { code: 'MALFORMED_JSON', status: 400, message: `The request body is not valid JSON${detail}.` } };
  }
}
