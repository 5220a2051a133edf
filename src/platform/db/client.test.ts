import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import { APP_ROLE, type Database, openDatabase } from './client.ts';
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
        const ended = await ctx.database.query<{ pid: number }>(
          `select pid, pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'idle'`,
        );
        // The connections are closed once their backends are gone.
        await vi.waitFor(
          async () => {
            const left = await ctx.database.query('select 1 from pg_stat_activity where pid = any($1)', [
              ended.map((r) => r.pid),
            ]);
            expect(left).toEqual([]);
          },
          { timeout: 5000, interval: 20 },
        );
        expect(await database.query('select 3 as n')).toEqual([{ n: 3 }]);
      } finally {
        await database.close();
      }
    },
  );

  it('when a transaction starts several queries at once, then each answers in order, with no driver warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const answers = await ctx.database.transaction(() =>
        Promise.all(
          [1, 2, 3, 4].map((n) =>
            ctx.database.query<{ n: number }>('select $1::int as n, pg_sleep(0.01)', [n]),
          ),
        ),
      );
      expect(answers.map((rows) => rows[0]!.n)).toEqual([1, 2, 3, 4]);
      // A failed one fails alone; the transaction is then aborted, as PostgreSQL says, and rolls back.
      await expect(
        ctx.database.transaction(() =>
          Promise.all([ctx.database.query('select 1/0'), ctx.database.query('select 1')]),
        ),
      ).rejects.toThrow();
      expect(await ctx.database.query<{ n: number }>('select 5 as n')).toEqual([{ n: 5 }]);
      // Process warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('when code queries inside a transaction, then db and query join it and it commits or rolls back as a whole', async () => {
    const { database } = ctx;
    const count = async () =>
      (await database.query<{ n: number }>('select count(*)::int as n from t_unit_of_work'))[0]!.n;
    await database.query('create temporary table t_unit_of_work (n int)');
    try {
      await expect(
        database.transaction(async () => {
          await database.query('insert into t_unit_of_work values (1)');
          await database.db.execute(sql`insert into t_unit_of_work values (2)`);
          expect(await count()).toBe(2);
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await count()).toBe(0);
      // Nested: a savepoint, rolled back alone; the outer transaction commits.
      const kept = await database.transaction(async () => {
        await database.query('insert into t_unit_of_work values (1)');
        await database
          .transaction(async () => {
            await database.query('insert into t_unit_of_work values (2)');
            throw new Error('undo inner');
          })
          .catch(() => {});
        return count();
      });
      expect(kept).toBe(1);
      expect(await count()).toBe(1);
    } finally {
      await database.query('drop table t_unit_of_work');
    }
  });

  it('when work started inside a transaction runs after it ended, then it queries outside it', async () => {
    const { database } = ctx;
    let later: Promise<unknown> | undefined;
    await database.transaction(async () => {
      later = new Promise((r) => setTimeout(r, 1)).then(() => database.query('select 4 as n'));
    });
    expect(await later).toEqual([{ n: 4 }]);
  });

  it('when the root connection is used inside a transaction, then it fails at once instead of waiting forever', async () => {
    const { database } = ctx;
    // The embedded snapshot takes the root connection; inside a transaction it would wait for it forever.
    if (!database.snapshot) return;
    const snapshot = database.snapshot.bind(database);
    await expect(database.transaction(() => snapshot())).rejects.toThrow(/inside a transaction/);
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

  it.each([
    ['the owner', true],
    ['the application role', false],
  ])(
    'when %s bulk loads rows, then every value arrives as it was, and a failure loads none of them',
    async (_, asOwner) => {
      const load = async (database: Database) => {
        const tricky = ['', 'a,b', 'say "hi"', 'two\nlines', '\\.', ' padded ', 'Zürich', '\\N'];
        const rows = tricky.map((t, i) => [i, t, i % 2 ? null : i * 1.5, i % 3 === 0]);
        await database.bulkLoad('t_bulk', ['id', 'label', 'ratio', 'flag'], rows, {
          rebuildIndexes: asOwner,
        });
        const back = await database.query<{ id: number; label: string; ratio: number | null; flag: boolean }>(
          'select id, label, ratio, flag from t_bulk order by id',
        );
        expect(back.map((r) => [r.id, r.label, r.ratio, r.flag])).toEqual(rows);
        // The index set aside for the load is back.
        expect(
          await database.query(`select 1 from pg_indexes where indexname = 't_bulk_label_idx'`),
        ).toHaveLength(1);
        await expect(
          database.bulkLoad(
            't_bulk',
            ['id', 'label'],
            [
              [100, 'new'],
              [0, 'taken'],
            ],
          ),
        ).rejects.toThrow();
        expect(await database.query('select 1 from t_bulk where id = 100')).toEqual([]);
      };
      await ctx.database.asOwner(async (owner) => {
        await owner.query(
          'create table t_bulk (id int primary key, label text, ratio float8, flag bool, note text)',
        );
        await owner.query('create index t_bulk_label_idx on t_bulk (label)');
        // The application role may write here, but only the owner may set the indexes aside.
        await owner.query(`grant select, insert on t_bulk to ${APP_ROLE}`);
      });
      try {
        if (asOwner) await ctx.database.asOwner(load);
        else await load(ctx.database);
      } finally {
        await ctx.database.asOwner((owner) => owner.query('drop table t_bulk'));
      }
    },
  );
});
