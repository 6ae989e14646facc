/**
 * Request id: returned in the `x-request-id` response header and in every error's
 * `extensions.requestId`, so a caller can quote it and an operator can find the log line.
 * The id itself is chosen per HTTP request (src/server/requestId.ts) and carried in the context.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../../context/types.js';
import { REQUEST_ID_HEADER } from '../requestId.js';

export function createRequestIdPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart(rc) {
      rc.response.http.headers.set(REQUEST_ID_HEADER, rc.contextValue.requestId);
      return {
        async willSendResponse(rc2) {
          rc2.response.http.headers.set(REQUEST_ID_HEADER, rc2.contextValue.requestId);
          const body = rc2.response.body;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          body.singleResult.errors = body.singleResult.errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId: rc2.contextValue.requestId },
          }));
        },
      };
    },
  };
}
