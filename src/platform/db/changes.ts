// Change notifications: every write says, inside its transaction, which institution's data changed. PostgreSQL
// delivers the NOTIFY only if the transaction commits, to every process listening (page caches of all instances).
import { sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

export const CHANGES_CHANNEL = 'ponte_changes';
/** Payload for changes that concern every institution (networks, the gazetteer). */
export const ALL_INSTITUTIONS = '*';

export async function notifyChange(tx: Executor, institutionId: string = ALL_INSTITUTIONS): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${institutionId})`);
}
