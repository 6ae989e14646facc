/**
 * Apollo Server plugin for the pre-execution layer: once the operation is resolved, every field is
 * checked against the requester's role and purpose (operationCheck.ts); if any is denied, the
 * response is ALL the denials (FORBIDDEN, HTTP 403) and nothing is executed, so no data is fetched.
 * Denials are recorded in the request's audit collector. List it before any plugin that can answer
 * `responseForOperation` itself (e.g. a response cache).
 */
import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import type { AuditCollector } from '../audit/collector.js';
import type { PolicyContext } from './context.js';
import { checkOperation, denialErrors } from './operationCheck.js';

/** What the plugins need from the GraphQL context (src/context/types.ts adds these fields). */
export interface PolicyAwareContext extends BaseContext {
  readonly policy: PolicyContext;
  readonly audit: AuditCollector;
}

export function createFieldPolicyPlugin<C extends PolicyAwareContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          rc.contextValue.audit.setOperationName(rc.operationName ?? null);
        },
        async responseForOperation(rc) {
          const denials = checkOperation(rc.schema, rc.document, rc.operationName, rc.contextValue.policy);
          if (denials.length === 0) return null;
          for (const d of denials) rc.contextValue.audit.denied({ coordinate: d.coordinate, rule: d.refusal.rule });
          return {
            http: { status: 403, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { errors: denialErrors(denials).map((e) => e.toJSON()) } },
          };
        },
      };
    },
  };
}
