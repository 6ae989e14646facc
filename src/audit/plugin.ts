/**
 * Apollo Server plugin that writes the request's one audit event before the response leaves
 * (`willSendResponse`). If the audit store cannot be written the response is replaced by an
 * AUDIT_UNAVAILABLE error (HTTP 503) and no data leaves: fail closed (issue 6 "The audit trail").
 */
import { type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import type { AuditCollector } from './collector.js';
import type { AuditOutcome } from './event.js';
import type { AuditStore } from './store.js';

export interface AuditAwareContext extends BaseContext {
  readonly audit: AuditCollector;
}

export interface AuditPluginOptions {
  readonly store: AuditStore;
  /** Called when a flush failed (log it: the response has already been replaced). */
  readonly onFailure?: (error: Error, requestId: string) => void;
}

export function createAuditPlugin<C extends AuditAwareContext>(options: AuditPluginOptions): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const collector = rc.contextValue.audit;
          if (collector.flushed) return;
          const body = rc.response.body;
          let outcome: AuditOutcome | undefined;
          if (body.kind === 'single') {
            const r = body.singleResult;
            const forbidden = (r.errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN');
            if (r.data === undefined || r.data === null) outcome = r.errors?.length ? (forbidden ? 'DENIED' : 'ERROR') : undefined;
          }
          try {
            await collector.flush(options.store, outcome);
          } catch (e) {
            options.onFailure?.(e as Error, collector.requestId);
            const err = e as { message: string; extensions?: Record<string, unknown> };
            rc.response.body = { kind: 'single', singleResult: { errors: [{ message: err.message, extensions: { code: err.extensions?.code ?? 'AUDIT_UNAVAILABLE' } }] } };
            rc.response.http.status = 503;
          }
        },
      };
    },
  };
}
