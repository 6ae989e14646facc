/**
 * The per-request audit collector. Resolvers and the policy record into it what the response
 * disclosed, what was denied and what was withheld, per coordinate, source and person; at the end of
 * the request it is flushed as ONE event (store.ts). If the flush fails, `flush` throws
 * AUDIT_UNAVAILABLE and the server must fail closed (plugin.ts does).
 */
import { GraphQLError } from 'graphql';
import type { SourceName } from '../domain/common.js';
import type { PolicyContext } from '../policy/context.js';
import type { Decision } from '../policy/decision.js';
import { POLICY_VERSION } from '../policy/version.js';
import type { AuditEvent, AuditOutcome, DisclosureEntry, RefusalEntry } from './event.js';
import type { AuditStore } from './store.js';

export interface RecordTarget {
  /** Schema coordinate (`AcroResult.offenceText`) or datum kind (`ACRO_RESULT`). */
  readonly coordinate: string;
  readonly source?: SourceName | null;
  /** The gateway person id the value is about, when known. */
  readonly personId?: string | null;
}

export interface AuditCollector {
  readonly requestId: string;
  /** Set once the request's principal and purpose are known (context creation). */
  setPolicy(policy: PolicyContext): void;
  setOperationName(name: string | null): void;
  /** A person was consulted (looked up, matched), even if nothing about them was disclosed. */
  consulted(personId: string): void;
  disclosed(target: RecordTarget, count?: number): void;
  denied(target: RecordTarget & { readonly rule: string }, count?: number): void;
  withheld(target: RecordTarget & { readonly rule: string }, count?: number): void;
  /** Records a policy decision against a target (ALLOW → disclosed, DENY → denied, WITHHOLD → withheld). */
  record(target: RecordTarget, decision: Decision): void;
  /** Writes the one event for this request. Throws AUDIT_UNAVAILABLE on failure; a second call throws. */
  flush(store: AuditStore, outcome?: AuditOutcome): Promise<AuditEvent | null>;
  readonly flushed: boolean;
  /** True when nothing about any person was touched (no persons, disclosures, denials, withholdings). */
  isEmpty(): boolean;
}

export interface CollectorOptions {
  readonly requestId: string;
  /** Request time; default: now. */
  readonly at?: Date;
}

/** The error the server turns into a fail-closed response. */
export function auditUnavailable(cause: unknown): GraphQLError {
  return new GraphQLError('The access could not be recorded in the audit trail, so no data is returned. Try again; if it persists, contact the gateway team.', {
    extensions: { code: 'AUDIT_UNAVAILABLE', http: { status: 503 } },
    originalError: cause instanceof Error ? cause : new Error(String(cause)),
  });
}

type Key = string;
const keyOf = (t: RecordTarget, rule?: string): Key => JSON.stringify([t.coordinate, t.source ?? null, t.personId ?? null, rule ?? null]);

export function createAuditCollector(options: CollectorOptions): AuditCollector {
  const at = (options.at ?? new Date()).toISOString();
  let policy: PolicyContext | null = null;
  let operationName: string | null = null;
  let flushed = false;
  const persons = new Set<string>();
  const disclosed = new Map<Key, DisclosureEntry>();
  const denied = new Map<Key, RefusalEntry>();
  const withheld = new Map<Key, RefusalEntry>();

  const note = (t: RecordTarget) => {
    if (flushed) throw new Error(`Audit collector for request ${options.requestId} was already flushed.`);
    if (t.personId) persons.add(t.personId);
  };
  const addRefusal = (map: Map<Key, RefusalEntry>, t: RecordTarget & { rule: string }, count: number) => {
    note(t);
    const k = keyOf(t, t.rule);
    const prev = map.get(k);
    map.set(k, { coordinate: t.coordinate, rule: t.rule, source: t.source ?? null, personId: t.personId ?? null, count: (prev?.count ?? 0) + count });
  };

  const collector: AuditCollector = {
    requestId: options.requestId,
    setPolicy(p) {
      policy = p;
    },
    setOperationName(name) {
      operationName = name;
    },
    consulted(personId) {
      note({ coordinate: 'Person', personId });
    },
    disclosed(t, count = 1) {
      note(t);
      const k = keyOf(t);
      const prev = disclosed.get(k);
      disclosed.set(k, { coordinate: t.coordinate, source: t.source ?? null, personId: t.personId ?? null, count: (prev?.count ?? 0) + count });
    },
    denied(t, count = 1) {
      addRefusal(denied, t, count);
    },
    withheld(t, count = 1) {
      addRefusal(withheld, t, count);
    },
    record(t, d) {
      if (d.effect === 'ALLOW') collector.disclosed(t);
      else if (d.effect === 'DENY') collector.denied({ ...t, rule: d.refusal.rule });
      else collector.withheld({ ...t, rule: d.rule });
    },
    isEmpty() {
      return persons.size === 0 && disclosed.size === 0 && denied.size === 0 && withheld.size === 0;
    },
    get flushed() {
      return flushed;
    },
    async flush(store, outcome) {
      if (flushed) throw new Error(`Audit collector for request ${options.requestId} was already flushed.`);
      flushed = true;
      if (!policy) return null; // no principal: nothing was read (authentication failed before any data)
      const sortKey = (e: { coordinate: string; personId: string | null; source: string | null }) => `${e.personId ?? ''}|${e.coordinate}|${e.source ?? ''}`;
      const sorted = <T extends { coordinate: string; personId: string | null; source: string | null }>(m: Map<Key, T>) => [...m.values()].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
      const computed: AuditOutcome = outcome ?? (denied.size > 0 ? (disclosed.size > 0 ? 'PARTIAL' : 'DENIED') : 'OK');
      try {
        return await store.append({
          requestId: options.requestId,
          at,
          principal: { userId: policy.principal.userId, role: policy.principal.role, organisation: policy.principal.organisation },
          purpose: policy.purpose,
          justification: policy.justification,
          operationName,
          personIds: [...persons].sort(),
          disclosed: sorted(disclosed),
          denied: sorted(denied),
          withheld: sorted(withheld),
          outcome: computed,
          policyVersion: POLICY_VERSION,
        });
      } catch (e) {
        throw auditUnavailable(e);
      }
    },
  };
  return collector;
}
