/**
 * What every resolver receives. Built fresh per request by src/context/create.ts: the request id,
 * a logger that never logs personal data, one set of DataLoaders per source (never shared across
 * requests) and the record of which sources were touched. Resolvers only call loaders: no SQL, no
 * HTTP, no authorisation logic.
 */
import type { Logger } from 'pino';
import type { AuditCollector } from '../audit/collector.js';
import type { AuditStore } from '../audit/store.js';
import type { IdentityLoaders } from '../identity/loaders.js';
import type { PolicyContext } from '../policy/context.js';
import type { RegisteredSource } from '../sources/registry.js';
import type { Clock } from './clock.js';
import type { SourceCallLog } from './sourceCalls.js';
import type { HealthProbe } from './sourceHealth.js';

/** Per-request loaders, one entry per registered source, keyed by source name. */
export type Loaders = {
  [S in RegisteredSource as S['name']]: ReturnType<S['createLoaders']>;
};

export interface GatewayContext {
  readonly requestId: string;
  readonly logger: Logger;
  /** What time it is for the rules (src/context/clock.ts): the system clock, or the estate's day. */
  readonly clock: Clock;
  readonly loaders: Loaders;
  /** The request's RequestScope: which sources were touched, how often, how long (for the log line). */
  readonly sourceCalls: SourceCallLog;
  /** Probes the sources now (the `sources` query); not a data path. */
  readonly health: HealthProbe;
  /** Per-request loaders over the person index (which person a record is, which records a person has). */
  readonly identity: IdentityLoaders;
  /**
   * Who is asking, for which purpose (src/policy/context.ts). Null only until authentication is
   * wired into context creation: the person view then refuses to answer (fails closed).
   */
  readonly policy: PolicyContext | null;
  /** Records what the response disclosed, denied and withheld (src/audit/collector.ts); null as `policy`. */
  readonly audit: AuditCollector | null;
  /** Reads the audit trail (the `auditTrail` and `accessesBy` queries); null without access control. */
  readonly auditReader: Pick<AuditStore, 'auditTrail' | 'accessesBy'> | null;
}
