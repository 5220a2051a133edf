// Server entry: load config, open and prepare the database, build the app, listen. The only file that listens.
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createDeps, databaseOptions } from './deps.ts';
import { prepareDatabase } from './platform/db/prepare.ts';
import { createLogger } from './platform/logging.ts';

const started = performance.now();
const config = loadConfig();
const log = createLogger(config.logLevel);
const deps = await createDeps(databaseOptions(config));
try {
  await prepareDatabase(deps.database, (msg) => log.info(msg));
  if (config.seedDemo && !(await deps.services.seed.hasInstitutions())) {
    const report = await deps.services.seed.demo();
    log.info(`Demo data loaded: ${report.institutions.join(', ')} with ${report.agreements} agreements.`);
  }
  const app = await buildApp({ deps, config, logger: log });
  await app.listen({ port: config.port, host: config.host });
  log.info(
    `Ponte is ready at ${config.publicUrl} (${deps.database.engine}, ${Math.round(performance.now() - started)} ms)`,
  );
  const shutdown = async (signal: string) => {
    log.info(`${signal}: closing`);
    await app.close();
    await deps.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  log.fatal({ err }, 'Ponte could not start');
  await deps.close().catch(() => {});
  process.exit(1);
}
