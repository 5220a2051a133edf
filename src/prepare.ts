// Brings a database to the state Ponte runs on: migrations applied, gazetteer loaded, both by the owner of the
// tables. Both steps are no-ops when already done, so every start and every `ponte db migrate` can call this.
// A composition step beside deps.ts, not in platform/: the gazetteer is a feature's (platform imports none).
import { ensureGazetteer, gazetteerFingerprint } from './features/places/places.loader.ts';
import type { GazetteerRows } from './features/places/places.repository.ts';
import { type Database, type DatabaseOptions, openDatabase } from './platform/db/client.ts';
import { migrate, migrationsFingerprint } from './platform/db/migrate.ts';
import { makeTemplate, PGLITE_VERSION, templateStamp } from './platform/db/template.ts';

export async function prepareDatabase(
  database: Database,
  log: (msg: string) => void = () => {},
  gazetteerRows?: Promise<GazetteerRows>,
): Promise<{ migrationsApplied: number; gazetteerLoaded: boolean }> {
  return database.asOwner(async (owner) => {
    const { applied } = await migrate(owner);
    if (applied > 0) log(`Applied ${applied} migration(s).`);
    const gazetteerLoaded = await ensureGazetteer(owner, log, gazetteerRows);
    return { migrationsApplied: applied, gazetteerLoaded };
  });
}

/**
 * The template a new embedded database is copied from (platform/db/template.ts): made, when the one in place
 * is not of these migrations and gazetteer, by preparing a database as any start would. Returns whether it made one.
 */
export async function makeDatabaseTemplate(
  log: (msg: string) => void = () => {},
  target?: string,
): Promise<boolean> {
  const stamp = stampNow();
  return makeTemplate(
    stamp,
    async (dataDir) => {
      const database = await openDatabase({ dataDir, template: false });
      try {
        await prepareDatabase(database, log);
      } finally {
        await database.close();
      }
    },
    target,
  );
}

/** What a template made now holds: the PGlite version, the migrations, the gazetteer's sources. */
const stampNow = () => ({
  pglite: PGLITE_VERSION,
  migrations: migrationsFingerprint(),
  gazetteer: gazetteerFingerprint(),
});

/** Whether a new embedded folder begins from a template whose gazetteer is current (none to load at the start). */
export function templateGivesGazetteer(options: DatabaseOptions): boolean {
  if (options.template === false) return false;
  const stamp = templateStamp(options.template || undefined);
  const now = stampNow();
  return stamp?.['migrations'] === now.migrations && stamp['gazetteer'] === now.gazetteer;
}
