/**
 * The embedded default: the synthetic estate, generated into ESTATE_DIR on first start, and the
 * PNC/ACRO/DVA mock services started on loopback for every service whose URL is not configured.
 * Setting PNC_URL, ACRO_URL and DVA_URL means real services: then no mock is started.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Logger } from 'pino';
import { estateExists, generateEstate } from '../../mocks/estate/generate.js';
import { startMockServices, type MockServices } from '../../mocks/server.js';
import type { GatewayConfig } from '../config/types.js';
import { parseSqlUrl } from '../db/connect.js';

function inside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** True when some source reads the estate folder (its default databases, spreadsheets or mock data). */
export function usesEstate(config: GatewayConfig): boolean {
  const dir = config.estate.dir;
  const sqlInEstate = [config.databases.cid, ...Object.values(config.databases.custody)].some((url) => {
    const target = parseSqlUrl(url);
    return target.dialect === 'sqlite' && inside(dir, target.location);
  });
  const servicesMocked = Object.values(config.services).some((u) => u === null);
  return sqlInEstate || inside(dir, config.pathfinderDir) || servicesMocked;
}

/** Generates the estate when a source needs it and ESTATE_DIR holds none. */
export async function ensureEstate(config: GatewayConfig, logger: Logger): Promise<void> {
  const { dir, seed, persons } = config.estate;
  if (!usesEstate(config)) return;
  if (await estateExists(dir)) {
    logger.info({ estateDir: dir }, 'using the synthetic estate');
    return;
  }
  logger.info({ estateDir: dir, seed, persons }, 'no estate yet: generating the synthetic estate (first start only)');
  const started = performance.now();
  await generateEstate({
    outDir: dir,
    seed,
    persons,
    onProgress: (step: string) => logger.info({ step }, 'estate generation'),
  });
  logger.info({ estateDir: dir, seconds: Math.round((performance.now() - started) / 100) / 10 }, 'estate generated');
}

export interface EmbeddedServices {
  /** The URL each source uses: the configured one, or the embedded mock's. */
  readonly urls: { readonly pnc: string; readonly acro: string; readonly dva: string };
  /** The running mock services (their fault controller too); null when none were started. */
  readonly mocks: MockServices | null;
  /** Stops the mock services; null when none were started. */
  readonly close: (() => Promise<void>) | null;
}

export async function startEmbeddedServices(config: GatewayConfig, logger: Logger): Promise<EmbeddedServices> {
  const { pnc, acro, dva } = config.services;
  if (pnc !== null && acro !== null && dva !== null) {
    logger.info('PNC, ACRO and DVA URLs configured: no mock services');
    return { urls: { pnc, acro, dva }, mocks: null, close: null };
  }
  const mocks = await startMockServices({ estateDir: config.estate.dir, port: config.mockServicesPort });
  const urls = { pnc: pnc ?? mocks.pncUrl, acro: acro ?? mocks.acroUrl, dva: dva ?? mocks.dvaUrl };
  logger.info(
    {
      pnc: pnc === null ? `mock ${urls.pnc}` : 'configured',
      acro: acro === null ? `mock ${urls.acro}` : 'configured',
      dva: dva === null ? `mock ${urls.dva}` : 'configured',
    },
    'embedded mock services started on loopback',
  );
  return { urls, mocks, close: () => mocks.close() };
}
