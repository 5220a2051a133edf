// Applies the committed SQL migrations (migrations/) in order; applying twice is a no-op.
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';
import { committedMigrations, MIGRATIONS_DIR } from './migration-files.ts';

export { committedMigrations, MIGRATIONS_DIR, migrationsFingerprint } from './migration-files.ts';

// Any fixed number: it names the lock that lets one instance migrate while the others wait.
const MIGRATION_LOCK_KEY = 4_207_001;

export async function migrate(database: Database): Promise<{ applied: number }> {
  const before = await appliedMigrations(database);
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    // Several instances may start at once against one server: only one migrates at a time.
    await database.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateNodePg(database.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await database.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  }
  return { applied: (await appliedMigrations(database)) - before };
}

export async function appliedMigrations(database: Database): Promise<number> {
  const exists = await database.query<{ ok: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as ok",
  );
  if (!exists[0]?.ok) return 0;
  const rows = await database.query<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
  );
  return rows[0]?.n ?? 0;
}

export async function migrationsCurrent(database: Database): Promise<boolean> {
  return (await appliedMigrations(database)) >= committedMigrations();
}
