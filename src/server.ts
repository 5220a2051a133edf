// The server once its entry (main.ts) has started the embedded database: open and prepare the database, build
// the app, listen. The only file that listens.
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { createDeps } from './deps.ts';
import { startControlChannel } from './features/backup/backup.control.ts';
import { gazetteerRowsInWorker } from './features/places/places.loader.ts';
import type { DatabaseOptions } from './platform/db/client.ts';
import { createLogger } from './platform/logging.ts';
import { prepareDatabase, templateGivesGazetteer } from './prepare.ts';

export interface ServeOptions {
  config: Config;
  database: DatabaseOptions;
  /** Whether the embedded database's folder had no cluster before this start (a template may be copied in). */
  newFolder: boolean;
  /** performance.now() when the process began its own work, for the "ready" line. */
  started: number;
}

export async function serve({ config, database: options, newFolder, started }: ServeOptions): Promise<void> {
  const log = createLogger(config.logLevel);
  // A new embedded database that the template does not give a current gazetteer will need one: its rows are
  // made on the other core meanwhile (decision 0010).
  const gazetteerRows = newFolder && !templateGivesGazetteer(options) ? gazetteerRowsInWorker() : undefined;
  gazetteerRows?.catch(() => {}); // its failure is reported where it is awaited
  const deps = await createDeps(options);
  // Every query would fail from then on: better a clean exit, for the supervisor to restart the server.
  void options.embedded?.thread.lost.then((err) => {
    log.fatal({ err }, 'The embedded database stopped');
    process.exit(1);
  });
  try {
    // Built first: an embedded database may still be starting in its thread (main.ts), and building the app
    // needs no query. The database is prepared before the app listens.
    const app = await buildApp({ deps, config, logger: log });
    await prepareDatabase(deps.database, (msg) => log.info(msg), gazetteerRows);
    if (config.seedDemo && !(await deps.services.seed.hasInstitutions())) {
      const report = await deps.services.seed.demo();
      log.info(`Demo data loaded: ${report.institutions.join(', ')} with ${report.agreements} agreements.`);
      // Each demo institution gets an admin with a generated password, printed this once and never stored in
      // clear: there is no default password anywhere. Printed to the terminal, not the log.
      const admins = await deps.services.accounts.ensureAdmins();
      if (admins.length > 0) {
        process.stdout.write(
          `\nAdministrators created (write the passwords down: they are not shown again):\n${admins
            .map((a) => `  ${a.institution.padEnd(12)} ${a.email.padEnd(32)} ${a.password}`)
            .join('\n')}\n\n`,
        );
      }
    }
    await app.listen({ port: config.port, host: config.host });
    // Embedded database only: `ponte backup` asks this process for a snapshot, since no other may open DATA_DIR.
    const stopControl = await startControlChannel(deps.database, config.dataDir, {
      info: (msg) => log.info(msg),
      warn: (msg) => log.warn(msg),
    });
    log.info(
      `Ponte is ready at ${config.publicUrl} (${deps.database.engine}, ${Math.round(performance.now() - started)} ms)`,
    );
    const shutdown = async (signal: string) => {
      log.info(`${signal}: closing`);
      await stopControl();
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
}
