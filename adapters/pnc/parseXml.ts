/**
 * Parse PNC's XML answers (format in mocks/pnc/xml.ts) into plain element objects. A document that
 * is not well-formed XML, or not the expected root, is a malformed response for the whole call;
 * what is wrong inside one Subject is the mapper's business (a data-quality issue on that record).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { malformed } from '../http/client.js';

/** Attributes are `@_Name`; text of an element with attributes is `#text`. */
export type XmlElement = Record<string, unknown>;

export interface PncDocument {
  readonly rootAttributes: Readonly<Record<string, string>>;
  readonly subjects: readonly XmlElement[];
  readonly noTraces: readonly string[];
  readonly error: { readonly code: string; readonly text: string } | null;
}

const ARRAYS = new Set(['Subject', 'NoTrace', 'Alias', 'Conviction', 'Circulation']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

export function parsePncXml(text: string, root: 'PNCResponse' | 'PNCExport', operation: string): PncDocument {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw malformed('pnc', operation, `XML not well formed at line ${valid.err.line}: ${valid.err.msg}`);
  const doc = parser.parse(text) as Record<string, unknown>;
  const body = doc[root];
  if (body === undefined) throw malformed('pnc', operation, `expected <${root}>`);
  const el: XmlElement = body && typeof body === 'object' ? (body as XmlElement) : {};
  const rootAttributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(el)) if (k.startsWith('@_')) rootAttributes[k.slice(2)] = String(v);
  const err = el.Error as XmlElement | string | undefined;
  return {
    rootAttributes,
    subjects: (el.Subject as XmlElement[] | undefined) ?? [],
    noTraces: ((el.NoTrace as XmlElement[] | undefined) ?? []).map((n) => String(n['@_PNCID'] ?? '')),
    error: err === undefined ? null : typeof err === 'string' ? { code: '', text: err } : { code: String(err['@_Code'] ?? ''), text: String(err['#text'] ?? '') },
  };
}
