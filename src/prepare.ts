// Brings a database to the state Ponte runs on: migrations applied, gazetteer loaded, both by the owner of the
// tables. Both steps are no-ops when already done, so every start and every `ponte db migrate` can call this.
// A composition step beside deps.ts, not in platform/: the gazetteer is a feature's (platform imports none).
import { ensureGazetteer } from './features/places/places.loader.ts';
import type { Database } from './platform/db/client.ts';
import { migrate } from './platform/db/migrate.ts';

export async function prepareDatabase(
  database: Database,
  log: (msg: string) => void = () => {},
): Promise<{ migrationsApplied: number; gazetteerLoaded: boolean }> {
  return database.asOwner(async (owner) => {
    const { applied } = await migrate(owner);
    if (applied > 0) log(`Applied ${applied} migration(s).`);
    const gazetteerLoaded = await ensureGazetteer(owner, log);
    return { migrationsApplied: applied, gazetteerLoaded };
  });
}
