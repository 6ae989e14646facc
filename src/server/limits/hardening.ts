/**
 * Everything the HTTP handler needs to refuse a request before reading anything, built once per
 * gateway from the configuration: the request guard (document limits and cost), the in-flight gate
 * (load shedding), the rate limiter (memory, or Redis when REDIS_URL is set) and the refusal
 * counters.
 */
import type { IncomingMessage } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { loadConfig } from '../../config/load.js';
import type { HardeningConfig } from '../../config/types.js';
import { createRateLimiter, identifyRequest, type PrincipalOf, type RateLimiter, type RequestIdentity } from '../../ratelimit/limiter.js';
import { MemoryRateLimitStore } from '../../ratelimit/memoryStore.js';
import { RedisRateLimitStore } from '../../ratelimit/redisStore.js';
import { readSdlFiles } from '../../schema/build.js';
import { createCostModel, typeSourcesFromSdl, type CostModel } from './costTable.js';
import { RefusalCounters } from './counters.js';
import { InFlightGate } from './loadShedding.js';
import { createRequestGuard, type RequestGuard } from './requestGuard.js';

export interface HttpHardening {
  readonly config: HardeningConfig;
  readonly guard: RequestGuard;
  readonly gate: InFlightGate;
  readonly rateLimiter: RateLimiter;
  readonly counters: RefusalCounters;
  identify(req: IncomingMessage): Promise<RequestIdentity>;
  close(): Promise<void>;
}

export interface HttpHardeningOptions {
  readonly schema: GraphQLSchema;
  readonly config: HardeningConfig;
  readonly logger: Logger;
  /** The verified principal of a request, once authentication is wired in; until then requests are keyed by token hash or address. */
  readonly principalOf?: PrincipalOf | null;
  /** Defaults to the cost model derived from `schema/*.graphql`. */
  readonly costModel?: CostModel;
}

/** The cost model of the repository's schema files. */
export function defaultCostModel(): CostModel {
  return createCostModel(typeSourcesFromSdl(readSdlFiles()));
}

export function createHttpHardening(options: HttpHardeningOptions): HttpHardening {
  const { config, logger } = options;
  const store = config.overload.redisUrl
    ? new RedisRateLimitStore({ url: config.overload.redisUrl, logger })
    : new MemoryRateLimitStore();
  return {
    config,
    guard: createRequestGuard({ schema: options.schema, limits: config.limits, costModel: options.costModel ?? defaultCostModel() }),
    gate: new InFlightGate(config.overload.maxInFlight),
    rateLimiter: createRateLimiter(config.overload, store),
    counters: new RefusalCounters(),
    identify: (req) => identifyRequest(req, options.principalOf ?? null),
    close: () => store.close(),
  };
}

/** The defaults of every hardening variable (as if none were set). */
export function defaultHardeningConfig(): HardeningConfig {
  const loaded = loadConfig({});
  if (!loaded.ok) throw new Error(`default configuration is invalid: ${loaded.problems.map((p) => p.problem).join('; ')}`);
  return loaded.config.hardening;
}
