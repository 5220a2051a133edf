import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import { openDatabase } from './client.ts';
import { appliedMigrations, committedMigrations, migrate, migrationsCurrent } from './migrate.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestDeps();
});
afterAll(async () => {
  await ctx?.close();
});

describe('database client', () => {
  it.skipIf(!process.env['TEST_DATABASE_URL'])(
    'when the server closes idle pooled connections, then the process carries on and the next query works',
    async () => {
      const database = await openDatabase({ databaseUrl: ctx.databaseUrl, poolSize: 2 });
      try {
        await Promise.all([database.query('select 1'), database.query('select 2')]);
        await ctx.database.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'idle'`,
        );
        await new Promise((r) => setTimeout(r, 200));
        expect(await database.query('select 3 as n')).toEqual([{ n: 3 }]);
      } finally {
        await database.close();
      }
    },
  );

  it('when code queries the root handle inside a transaction, then it fails at once instead of waiting forever', async () => {
    const { database } = ctx;
    await expect(
      database.db.transaction(async () => {
        await database.query('select 1');
      }),
    ).rejects.toThrow(/inside a transaction/);
    // Drizzle wraps the guard's error in its own "Failed query" error.
    const err = await database.db
      .transaction(async () => {
        await database.db.execute(sql`select 1`);
      })
      .catch((e: Error) => e);
    expect(String((err as Error).cause)).toMatch(/inside a transaction/);
    // The transaction's own handle works, and so does the root handle afterwards.
    const rows = await database.db.transaction((tx) => tx.execute(sql`select 2 as n`));
    expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({ n: 2 });
    expect(await database.query('select 3 as n')).toEqual([{ n: 3 }]);
  });

  it('when migrations run again, then nothing is applied and they count as current', async () => {
    expect(await ctx.database.asOwner((owner) => migrate(owner))).toEqual({ applied: 0 });
    expect(await appliedMigrations(ctx.database)).toBe(committedMigrations());
    expect(await migrationsCurrent(ctx.database)).toBe(true);
  });

  it('when a second process opens the same embedded data folder, then it is refused with a clear message', async () => {
    if (ctx.engine !== 'pglite') return;
    const dir = mkdtempSync(join(tmpdir(), 'ponte-lock-'));
    const first = await openDatabase({ dataDir: dir });
    try {
      // Simulate another live process holding the lock: our parent is alive and is not us.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dir, 'ponte.lock'), String(process.ppid));
      await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ code: 'unavailable' });
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
    // A fresh embedded database applies every migration: slow on a loaded machine.
  }, 120_000);
});
