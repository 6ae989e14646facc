/**
 * Error masking. Every error the client receives carries a stable `extensions.code`; errors from a
 * source name it in `extensions.source`; internal errors (anything not thrown on purpose) reach the
 * client as "Internal server error" and are logged, with the request id, as class name and stack
 * frames only (their messages may hold personal data).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../../context/types.js';
import {
  classifyError,
  INTERNAL_ERROR_CODE,
  INTERNAL_ERROR_MESSAGE,
  stackFrames,
  type ErrorClassification,
} from '../errorClassification.js';

export interface ErrorMaskingOptions {
  /** Decides code, source and masking per error; defaults to `classifyError`. */
  readonly classify?: typeof classifyError;
}

function rewrite(formatted: GraphQLFormattedError, c: ErrorClassification): GraphQLFormattedError {
  const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
  const out: GraphQLFormattedError = {
    message: c.internal ? INTERNAL_ERROR_MESSAGE : formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      ...(c.internal ? pick(extensions, 'requestId') : extensions),
      code: c.code,
      ...(c.source ? { source: c.source } : {}),
    },
  };
  return out;
}

function pick(o: Record<string, unknown>, key: string): Record<string, unknown> {
  return key in o ? { [key]: o[key] } : {};
}

export function createErrorMaskingPlugin(options: ErrorMaskingOptions = {}): ApolloServerPlugin<GatewayContext> {
  const classify = options.classify ?? classifyError;
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const originals = rc.errors ?? [];
          const body = rc.response.body;
          if (body.kind !== 'single' || !body.singleResult.errors) return;
          body.singleResult.errors = body.singleResult.errors.map((formatted, i) => {
            const original = originals[i];
            const c: ErrorClassification = original
              ? classify(original)
              : { code: typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : INTERNAL_ERROR_CODE, source: null, internal: false, cause: null };
            if (c.internal) {
              const cause = c.cause;
              rc.contextValue.logger.error(
                {
                  code: c.code,
                  errorClass: cause instanceof Error ? cause.constructor.name : typeof cause,
                  path: formatted.path,
                  frames: stackFrames(cause),
                },
                'internal error masked',
              );
            } else if (original && c.cause !== original.originalError && c.cause instanceof Error && c.source) {
              // A source call failed with a non-gateway error: keep its location for developers.
              rc.contextValue.logger.error(
                { code: c.code, source: c.source, errorClass: c.cause.constructor.name, path: formatted.path, frames: stackFrames(c.cause) },
                'source error',
              );
            }
            return rewrite(formatted, c);
          });
        },
      };
    },
  };
}
