// The seed's one query of its own; what it writes goes through the services of the features it fills.
import type { Database } from '../../platform/db/client.ts';

export function createSeedRepository(database: Database) {
  return {
    /** Whether any institution exists: one indexed probe, not the full list. */
    async hasInstitutions(): Promise<boolean> {
      const [row] = await database.query<{ found: boolean }>(
        'select exists (select 1 from institutions) as found',
      );
      return row?.found === true;
    },
  };
}
