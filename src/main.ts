/**
 * `npm start`: reads the configuration (environment and optional `.env`), then boots the gateway
 * on the embedded default or the configured estate (src/server/boot.ts) and shuts it down
 * gracefully on SIGTERM/SIGINT. Configuration problems print one line each and exit 1, no stack.
 */
import { formatProblem, loadConfig, loadDotEnv, type ConfigProblem } from './config/load.js';
import { createLogger } from './logging/logger.js';
import { bootGateway, ConfigProblemsError } from './server/boot.js';

function fail(problems: readonly ConfigProblem[]): never {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.exit(1);
}

async function run(): Promise<void> {
  try {
    loadDotEnv();
  } catch (error) {
    fail([{ variable: '.env', problem: `cannot be read: ${String((error as Error).message).split('\n')[0]}` }]);
  }
  const loaded = loadConfig();
  if (!loaded.ok) fail(loaded.problems);
  const config = loaded.config;
  const logger = createLogger({ level: config.logLevel });

  let gateway;
  try {
    gateway = await bootGateway(config, logger);
  } catch (error) {
    if (error instanceof ConfigProblemsError) fail(error.problems);
    throw error;
  }
  logger.info(
    {
      url: gateway.url,
      graphql: gateway.graphqlUrl,
      playground: config.playground ? `${gateway.url}/` : null,
      introspection: config.introspection,
    },
    'gateway ready',
  );
  const running = gateway;
  let stopping = false;
  // `on`, not `once`: with no listener left, a library's signal-exit handler would re-raise the
  // signal and kill the process in the middle of the graceful shutdown.
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    running.shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ errorClass: error instanceof Error ? error.constructor.name : typeof error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

run().catch((error: unknown) => {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`start-up failed: ${message}\n`);
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') {
    process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  }
  process.exit(1);
});
