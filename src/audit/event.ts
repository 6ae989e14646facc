/**
 * Audit events: one per request, recording who (user, role, organisation), when, for which purpose
 * and justification, about which persons, what was disclosed (coordinates and sources), what was
 * denied or withheld, and the outcome — what the Data Protection Act 2018 Part 3 s62 logging duty
 * asks. Events form a SHA-256 hash chain over a canonical serialisation, so any edit is detectable.
 */
import { createHash } from 'node:crypto';
import type { Organisation, Purpose, Role } from '../auth/principal.js';
import type { SourceName } from '../domain/common.js';

export interface AuditPrincipal {
  readonly userId: string;
  readonly role: Role;
  readonly organisation: Organisation;
}

export interface DisclosureEntry {
  /** Schema coordinate (`CidCase.notes`) or datum kind when not a field. */
  readonly coordinate: string;
  readonly source: SourceName | null;
  readonly personId: string | null;
  /** How many values of this coordinate/source/person the response carried. */
  readonly count: number;
}

export interface RefusalEntry {
  readonly coordinate: string;
  readonly rule: string;
  readonly source: SourceName | null;
  readonly personId: string | null;
  readonly count: number;
}

export type AuditOutcome = 'OK' | 'PARTIAL' | 'DENIED' | 'ERROR';

/** What a request contributes; the store adds seq, id, prevHash and hash. */
export interface AuditEventDraft {
  readonly requestId: string;
  /** ISO 8601 UTC, when the request was made. */
  readonly at: string;
  readonly principal: AuditPrincipal;
  readonly purpose: Purpose;
  readonly justification: string | null;
  readonly operationName: string | null;
  readonly personIds: readonly string[];
  readonly disclosed: readonly DisclosureEntry[];
  readonly denied: readonly RefusalEntry[];
  readonly withheld: readonly RefusalEntry[];
  readonly outcome: AuditOutcome;
  readonly policyVersion: string;
}

export interface AuditEvent extends AuditEventDraft {
  /** Position in the chain, 1-based, gapless. */
  readonly seq: number;
  readonly id: string;
  /** Hash of the previous event (GENESIS_HASH for the first). */
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hashed content of an event: everything but its own hash. */
export function hashedContent(e: Omit<AuditEvent, 'hash'>): string {
  return canonicalJson({
    seq: e.seq,
    id: e.id,
    requestId: e.requestId,
    at: e.at,
    principal: { userId: e.principal.userId, role: e.principal.role, organisation: e.principal.organisation },
    purpose: e.purpose,
    justification: e.justification,
    operationName: e.operationName,
    personIds: e.personIds,
    disclosed: e.disclosed,
    denied: e.denied,
    withheld: e.withheld,
    outcome: e.outcome,
    policyVersion: e.policyVersion,
    prevHash: e.prevHash,
  });
}

export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  return createHash('sha256').update(hashedContent(e)).digest('hex');
}

export interface ChainBreak {
  readonly seq: number;
  readonly problem: 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQUENCE_GAP' | 'HEAD_MISMATCH';
  readonly message: string;
}

/**
 * Checks events in seq order, continuing from (seq, hash) of the event before them.
 * Returns the first break, or null.
 */
export function checkLinks(events: readonly AuditEvent[], before: { seq: number; hash: string }): { last: { seq: number; hash: string }; break: ChainBreak | null } {
  let prev = before;
  for (const e of events) {
    if (e.seq !== prev.seq + 1) return { last: prev, break: { seq: prev.seq + 1, problem: 'SEQUENCE_GAP', message: `Event ${prev.seq + 1} is missing (next present is ${e.seq}).` } };
    if (e.prevHash !== prev.hash) return { last: prev, break: { seq: e.seq, problem: 'PREV_HASH_MISMATCH', message: `Event ${e.seq} does not point at event ${prev.seq}'s hash.` } };
    const h = eventHash(e);
    if (h !== e.hash) return { last: prev, break: { seq: e.seq, problem: 'HASH_MISMATCH', message: `Event ${e.seq} was altered: its content no longer matches its hash.` } };
    prev = { seq: e.seq, hash: e.hash };
  }
  return { last: prev, break: null };
}
