// Change notifications: every write says, inside its transaction, which institution's data changed. PostgreSQL
// delivers the NOTIFY only if the transaction commits, to every process listening (page caches of all instances).
import { sql } from 'drizzle-orm';
import { type Db, firstInUnitOfWork } from './client.ts';

export const CHANGES_CHANNEL = 'ponte_changes';
/** Payload for changes that concern every institution (networks, the gazetteer). */
export const ALL_INSTITUTIONS = '*';

/**
 * Call it inside the write's transaction (Database.transaction or scoped), which `db` joins. Once per
 * institution and transaction is enough (PostgreSQL folds equal notifications of a transaction into one), so
 * an import of a thousand rows says it once.
 */
export async function notifyChange(db: Db, institutionId: string = ALL_INSTITUTIONS): Promise<void> {
  if (!firstInUnitOfWork(`notify|${institutionId}`)) return;
  await db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${institutionId})`);
}
