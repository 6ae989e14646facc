/**
 * One structured log line per GraphQL request: request id, operation name and type, duration,
 * HTTP status, the sources touched with call counts and time, and the error codes. Built from an
 * allow-list of fields: variables, the query text, error messages and results are never logged.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from '../../context/types.js';
import { classifyError } from '../errorClassification.js';

export interface RequestLoggingOptions {
  /** Logger for the lines; each line carries the request id itself. */
  readonly logger: Logger;
}

export function createRequestLoggingPlugin(options: RequestLoggingOptions): ApolloServerPlugin<GatewayContext> {
  const { logger } = options;
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(rc) {
          const errors = rc.errors ?? [];
          const errorCodes = [...new Set(errors.map((e) => classifyError(e).code))].sort();
          const line = {
            requestId: rc.contextValue.requestId,
            operationName: rc.operationName ?? null,
            operationType: rc.operation?.operation ?? null,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            status: rc.response.http.status ?? 200,
            sources: rc.contextValue.sourceCalls.summary(),
            errorCount: errors.length,
            errorCodes,
          };
          if (errorCodes.includes('INTERNAL_SERVER_ERROR')) logger.error(line, 'graphql request');
          else logger.info(line, 'graphql request');
        },
      };
    },
  };
}
