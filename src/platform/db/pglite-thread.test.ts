import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../paths.ts';
import { PgliteThread } from './pglite-thread.ts';

// The embedded database in its worker thread, through the handle the main thread holds. Its use by Drizzle and
// by every feature is covered by the other tests (they all run on it); here, what crossing threads could break.
describe('PGlite in its thread', () => {
  let db: PgliteThread;
  beforeAll(async () => {
    db = PgliteThread.start({ settings: [], keepText: [1082] });
    await db.exec('create table t (id int primary key, d date, note text)');
  });
  afterAll(() => db.close());

  it('when a statement breaks a constraint, then the error keeps PostgreSQL’s fields and its caller', async () => {
    await db.query('insert into t (id) values (1)');
    const err = await db.query('insert into t (id) values (1)').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: '23505', constraint: 't_pkey', table: 't' });
    expect((err as Error).message).toContain('duplicate key');
    // Its stack leads to the query that failed, not to the thread's message handler.
    expect((err as Error).stack).toContain('pglite-thread.test.ts');
  });

  it('when fn throws, then the transaction rolls back and fn’s own error comes back', async () => {
    class Mine extends Error {}
    const thrown = await db
      .transaction(async (tx) => {
        await tx.query('insert into t (id) values (2)');
        throw new Mine('stop');
      })
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Mine);
    expect((await db.query('select id from t where id = 2')).rows).toEqual([]);
  });

  it('when fn returns, then it commits, and a query outside waits until it has', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    const result = await db.transaction(async (tx) => {
      await tx.query('insert into t (id, d) values (3, $1)', ['1973-04-01']);
      outside = db.query('select d from t where id = 3').then((r) => {
        order.push('outside');
        return r;
      });
      await new Promise((r) => setTimeout(r, 100));
      order.push('fn done');
      return 'done';
    });
    expect(result).toBe('done');
    // The date as PostgreSQL wrote it: the thread's parsers keep dates as text.
    expect(((await outside) as { rows: unknown[] }).rows).toEqual([{ d: '1973-04-01' }]);
    expect(order).toEqual(['fn done', 'outside']);
  });

  it('when a parser would change values, then the query is refused before it crosses', async () => {
    for (const parse of [(v: string) => Number(v), (v: string) => JSON.parse(v), (v: string) => v || null]) {
      await expect(db.query('select 1', [], { parsers: { 23: parse } })).rejects.toThrow(
        /only parsers that keep the text/,
      );
    }
  });

  it('when a channel is listened to, then its notifications arrive, until stopped', async () => {
    const heard: string[] = [];
    const stop = await db.listen('news', (payload) => heard.push(payload));
    await db.query(`select pg_notify('news', 'one')`);
    await stop();
    await db.query(`select pg_notify('news', 'two')`);
    await db.query('select 1');
    expect(heard).toEqual(['one']);
  });

  it('when a blob goes with COPY, then its rows are loaded', async () => {
    await db.query("copy t (id, note) from '/dev/blob' with (format csv)", [], {
      blob: new Blob(['10,ten\n11,eleven\n']),
    });
    expect((await db.query('select note from t where id >= 10 order by id')).rows).toEqual([
      { note: 'ten' },
      { note: 'eleven' },
    ]);
  });
});

describe('PGlite in its thread, when it cannot start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-thread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('then waiting for it, and every query, fail with the reason', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const db = PgliteThread.start({ dataDir: file, settings: [] });
    await expect(db.ready).rejects.toThrow();
    await expect(db.query('select 1')).rejects.toThrow();
  });
});

describe('PGlite in its thread, left open', () => {
  it('when a command ends without closing it, then the process still exits', () => {
    // A CLI command that forgot close() must not hang: the thread holds the process only while a call waits.
    // A call that could not be sent (a function is no parameter) must not hold the process either.
    const script = `
      import { PgliteThread } from './src/platform/db/pglite-thread.ts';
      const db = PgliteThread.start({ settings: [] });
      await db.query('select $1', [() => 1]).catch((err) => console.log('refused', err.name));
      const { rows } = await db.query('select 40 + 2 as n');
      console.log('answer', rows[0].n);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout + run.stderr).toContain('refused DataCloneError');
    expect(run.stdout + run.stderr).toContain('answer 42');
    expect(run.status, run.stderr).toBe(0);
  }, 90_000);
});
