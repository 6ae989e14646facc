/**
 * The whole start-up sequence shared by `npm start` (src/main.ts) and the test harness
 * (test/support/gateway.ts): synthetic estate if missing → start-up checks → embedded mock
 * services → sources → schema → gateway. Problems with the configuration are thrown as one
 * ConfigProblemsError listing each, for the caller to print one line apiece.
 */
import type { Logger } from 'pino';
import { checkStartup } from '../config/check.js';
import type { ConfigProblem } from '../config/load.js';
import type { GatewayConfig, SourcesConfig } from '../config/types.js';
import { attachIdentity, openIdentity } from '../context/identity.js';
import { applyValueGuards } from '../policy/guardSchema.js';
import { buildGatewaySchema } from '../schema/build.js';
import { openAccessControl } from './access.js';
import { AuthConfigError } from '../auth/keys.js';
import type { CustodyAdapter } from '../../adapters/custody/adapter.js';
import { attachWorkflow } from '../workflow/runtime.js';
import { openWorkflowService } from '../workflow/service.js';
import { ensureEstate, startEmbeddedServices, type EmbeddedServices } from './embedded.js';
import { clockStartingOn, systemClock, type Clock } from '../context/clock.js';
import { startGateway, type RunningGateway } from './gateway.js';
import { openSources } from './sourceRuntime.js';

export class ConfigProblemsError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.variable}: ${p.problem}`).join('; '));
    this.name = 'ConfigProblemsError';
  }
}

export function toSourcesConfig(config: GatewayConfig, services: EmbeddedServices['urls']): SourcesConfig {
  return {
    estateDir: config.estate.dir,
    cid: { databaseUrl: config.databases.cid },
    custody: { databaseUrls: config.databases.custody },
    pathfinder: { dir: config.pathfinderDir },
    pnc: { url: services.pnc },
    acro: { url: services.acro },
    dva: { url: services.dva },
  };
}

export interface BootedGateway extends RunningGateway {
  readonly sources: SourcesConfig;
  /** The embedded PNC/ACRO/DVA mocks, when started (tests reach their fault controller here). */
  readonly mocks: EmbeddedServices['mocks'];
}

/** GATEWAY_TODAY when set (e.g. the synthetic estate's own day), else the system clock. */
function clockFor(config: GatewayConfig, logger: Logger): Clock {
  if (!config.today) return systemClock;
  logger.info({ today: config.today }, 'rules treat GATEWAY_TODAY as today');
  return clockStartingOn(config.today);
}

export async function bootGateway(config: GatewayConfig, logger: Logger): Promise<BootedGateway> {
  await ensureEstate(config, logger);
  const problems = await checkStartup(config);
  if (problems.length > 0) throw new ConfigProblemsError(problems);

  let embedded: EmbeddedServices | null = null;
  try {
    embedded = await startEmbeddedServices(config, logger);
    const sources = toSourcesConfig(config, embedded.urls);
    const runtime = openSources(sources);
    // The person index (identity resolution), built from the sources on the first start (person view, issue 5).
    const identity = await openIdentity({ storeUrl: config.gatewayDatabaseUrl, runtime, logger }).catch((error: unknown) => {
      logger.error({ errorClass: error instanceof Error ? error.constructor.name : typeof error }, 'person index unavailable: person queries will fail');
      return null;
    });
    if (identity) attachIdentity(runtime, identity);
    // The write paths (issue 7): the outbox completes any write accepted before a restart first.
    const clock = clockFor(config, logger);
    const custody = (runtime.sources.find((s) => s.definition.name === 'custody')?.adapter ?? null) as CustodyAdapter | null;
    const workflow = await openWorkflowService({ storeUrl: config.gatewayDatabaseUrl, cidUrl: config.databases.cid, custody, now: () => clock.now() });
    if (workflow.recovered.applied + workflow.recovered.rejected + workflow.recovered.pending > 0) {
      logger.info({ recovered: workflow.recovered }, 'completed writes accepted before the last stop');
    }
    attachWorkflow(runtime, workflow.service);
    // Who may see what: tokens, purposes, field policy before execution, value guards during it,
    // and the audit trail written before each response leaves (issue 6).
    const access = await openAccessControl({ storeUrl: config.gatewayDatabaseUrl, logger }).catch((error: unknown) => {
      if (error instanceof AuthConfigError) throw new ConfigProblemsError([{ variable: error.variable, problem: `${error.problem}; example: ${error.variable}=${error.example}` }]);
      throw error;
    });
    const schema = applyValueGuards(buildGatewaySchema());
    const closeMocks = embedded.close;
    const gateway = await startGateway({
      schema,
      runtime,
      logger,
      host: config.host,
      port: config.port,
      playground: config.playground,
      introspection: config.introspection,
      shutdownGraceMs: config.shutdownGraceMs,
      hardening: config.hardening,
      access,
      clock,
      alsoClose: [
        { name: 'audit store', close: () => access.close() },
        { name: 'workflow store', close: () => workflow.service.close() },
        ...(identity ? [{ name: 'person index', close: () => identity.store.close() }] : []),
        ...(closeMocks ? [{ name: 'mock services', close: closeMocks }] : []),
      ],
    });
    return { ...gateway, sources, mocks: embedded.mocks };
  } catch (error) {
    await embedded?.close?.().catch(() => undefined);
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new ConfigProblemsError([{ variable: 'PORT', problem: `${config.host}:${config.port} is already in use` }]);
    }
    throw error;
  }
}
