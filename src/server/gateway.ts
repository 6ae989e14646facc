/**
 * Starts the gateway: Apollo Server 5 with the gateway's plugins behind a node:http server, and
 * the graceful shutdown: refuse new requests (503, `/readyz` not ready) while requests in flight
 * finish within the grace period, then close the listener and every connection, stop Apollo and
 * close every source and any extra resource (the embedded mock services).
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { HardeningConfig } from '../config/types.js';
import type { GatewayContext } from '../context/types.js';
import { attachResilience, SourceResilience } from '../resilience/registry.js';
import type { AccessControl } from './access.js';
import type { Clock } from '../context/clock.js';
import { createHandler, GRAPHQL_PATH, type GatewayHandler } from './httpHandler.js';
import { createHttpHardening, defaultHardeningConfig } from './limits/hardening.js';
import { createErrorMaskingPlugin } from './plugins/errorMaskingPlugin.js';
import { createRequestIdPlugin } from './plugins/requestIdPlugin.js';
import { createRequestLoggingPlugin } from './plugins/requestLoggingPlugin.js';
import type { SourceRuntime } from './sourceRuntime.js';

export interface GatewayOptions {
  readonly schema: GraphQLSchema;
  readonly runtime: SourceRuntime;
  readonly logger: Logger;
  readonly host: string;
  readonly port: number;
  readonly playground: boolean;
  readonly introspection: boolean;
  readonly shutdownGraceMs: number;
  /**
   * Authentication, field policy and audit (src/server/access.ts). Without it no request carries a
   * policy context, so every guarded value is refused (fail closed).
   */
  readonly access?: AccessControl;
  /** What time it is for the rules (src/context/clock.ts); default the system clock. */
  readonly clock?: Clock;
  /** Further Apollo plugins, run after the gateway's own. */
  readonly plugins?: ReadonlyArray<ApolloServerPlugin<GatewayContext>>;
  /**
   * Request limits, source resilience and overload protection (README "Limits and resilience");
   * defaults to every variable's default.
   */
  readonly hardening?: HardeningConfig;
  /** Closed after the sources on shutdown, in order (e.g. the embedded mock services). */
  readonly alsoClose?: ReadonlyArray<{ readonly name: string; close(): Promise<void> }>;
}

export interface RunningGateway {
  /** Base URL, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** The GraphQL endpoint, `<url>/graphql`. */
  readonly graphqlUrl: string;
  readonly server: Server;
  readonly handler: GatewayHandler;
  /** Graceful shutdown; safe to call more than once (later calls wait for the first). */
  shutdown(reason: string): Promise<void>;
}

export function createApollo(options: Pick<GatewayOptions, 'schema' | 'logger' | 'introspection' | 'plugins' | 'access' | 'hardening'>): ApolloServer<GatewayContext> {
  return new ApolloServer<GatewayContext>({
    schema: options.schema,
    introspection: options.introspection,
    // Batches are checked (MAX_BATCH_OPERATIONS and every limit per operation) before Apollo sees them.
    allowBatchedHttpRequests: (options.hardening?.limits.maxBatchOperations ?? 1) > 1,
    includeStacktraceInErrorResponses: false,
    logger: options.logger.child({ component: 'apollo' }),
    plugins: [
      // Nothing leaves this network: no CDN landing page (our own playground is served instead),
      // no usage or schema reporting to Apollo's cloud even if APOLLO_KEY is set, no trace data.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      createErrorMaskingPlugin(),
      createRequestIdPlugin(),
      createRequestLoggingPlugin({ logger: options.logger }),
      ...(options.access?.firstPlugins ?? []),
      ...(options.plugins ?? []),
      // Last, so the audit event is written after every other plugin shaped the response.
      ...(options.access?.lastPlugins ?? []),
    ],
  });
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { logger } = options;
  const hardeningConfig = options.hardening ?? defaultHardeningConfig();
  const apollo = createApollo({ ...options, hardening: hardeningConfig });
  await apollo.start();
  // One resilience policy per source for the process: every RequestScope.track call goes through it.
  const resilience = new SourceResilience(hardeningConfig.resilience, options.runtime.health);
  attachResilience(options.runtime.health, resilience);
  const access = options.access ?? null;
  const hardening = createHttpHardening({
    schema: options.schema,
    config: hardeningConfig,
    logger,
    // Rate limits per verified user (and role) when authentication is wired in.
    principalOf: access
      ? async (req) => {
          const policy = await access.authenticate({ get: (name) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : null) });
          return { userId: policy.principal.userId, role: policy.principal.role };
        }
      : null,
  });
  const handler = createHandler({ apollo, runtime: options.runtime, logger, playground: options.playground, access: options.access ?? null, hardening, ...(options.clock ? { clock: options.clock } : {}) });
  const server = createServer(handler);
  let address: AddressInfo;
  try {
    address = await listen(server, options.host, options.port);
  } catch (error) {
    await apollo.stop();
    await hardening.close();
    resilience.dispose();
    throw error;
  }
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl}:${address.port}`;

  let stopping: Promise<void> | null = null;

  async function shutdown(reason: string): Promise<void> {
    const started = performance.now();
    logger.info({ reason, inFlight: handler.inFlight(), graceMs: options.shutdownGraceMs }, 'shutting down');
    // Draining: refuse new work (503) and report not-ready while in-flight requests finish.
    handler.startDraining();
    server.closeIdleConnections();

    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'timeout'>((resolve) => {
      graceTimer = setTimeout(() => resolve('timeout'), options.shutdownGraceMs);
    });
    const outcome = await Promise.race([handler.idle().then(() => 'idle' as const), graceOver]);
    clearTimeout(graceTimer);
    if (outcome === 'timeout') {
      logger.warn({ inFlight: handler.inFlight() }, 'grace period over: closing connections with requests in flight');
    }
    // Stop accepting connections and drop the remaining ones.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await apollo.stop();
    await hardening.close();
    resilience.dispose();

    const failures = await options.runtime.close();
    for (const f of failures) {
      logger.error({ source: f.source, errorClass: f.error instanceof Error ? f.error.constructor.name : typeof f.error }, 'source did not close cleanly');
    }
    for (const extra of options.alsoClose ?? []) {
      try {
        await extra.close();
      } catch (error) {
        logger.error({ resource: extra.name, errorClass: error instanceof Error ? error.constructor.name : typeof error }, 'did not close cleanly');
      }
    }
    logger.info({ durationMs: Math.round(performance.now() - started) }, 'stopped');
  }

  return {
    url,
    graphqlUrl: `${url}${GRAPHQL_PATH}`,
    server,
    handler,
    shutdown(reason: string) {
      stopping ??= shutdown(reason);
      return stopping;
    },
  };
}
