// A PostgreSQL server that ends Ponte's connections (pg_terminate_backend, a failover, an idle timeout) while
// requests hold them: the real server process, under load, must stay up, answer what it cannot do with a
// retry-safe 503, recover by itself and lose no write it acknowledged.
import { type ChildProcess, spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestDeps, freePort, type TestContext } from '../../../test/support.ts';

const onPostgres = Boolean(process.env['TEST_DATABASE_URL']);

let ctx: TestContext;
let server: ChildProcess | undefined;
let output = '';

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  if (onPostgres) ctx = await createTestDeps();
});
afterAll(async () => {
  server?.kill('SIGKILL');
  await ctx?.close();
});

describe.skipIf(!onPostgres)('connections ended by the PostgreSQL server', () => {
  it('when the server terminates every backend of the app under load, then the process stays up, answers 503 for what failed, recovers, and keeps every acknowledged write', async () => {
    const institution = await makeInstitution(ctx.services);
    const { token } = await ctx.services.accounts.createApiToken({
      institution: institution.slug,
      name: 'load',
      scope: 'write',
      actor: TEST_ACTOR,
    });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: ctx.databaseUrl,
        PORT: String(port),
        PUBLIC_URL: base,
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        DB_POOL_SIZE: '8',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => {
      output += d;
    });
    server.stderr?.on('data', (d) => {
      output += d;
    });
    await until('the server to start', async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined));

    const killer = new pg.Client({ connectionString: ctx.databaseUrl });
    await killer.connect();
    const dbName = new URL(ctx.databaseUrl!).pathname.slice(1);
    const statuses = new Map<number, number>();
    const acknowledged: string[] = [];
    let terminated = 0;
    let running = true;

    // A request the server never answered (it died) counts as status 0.
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const reader = async () => {
      while (running) {
        const res = await fetch(`${base}/api/v1/agreements?institution=${institution.slug}&limit=20`).catch(
          () => undefined,
        );
        await res?.arrayBuffer();
        count(res?.status ?? 0);
      }
    };
    let n = 0;
    const writer = async () => {
      while (running) {
        const name = `Organizzazione di prova ${++n}`;
        const res = await fetch(`${base}/api/v1/agreements`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'collaboration_agreement',
            partner: { type: 'organisation', nameIt: name, nameEn: `Test organisation ${n}` },
          }),
        }).catch(() => undefined);
        const body = ((await res?.json()) ?? {}) as { id?: string };
        count(res?.status ?? 0);
        if (res?.status === 201 && body.id) acknowledged.push(body.id);
      }
    };
    const load = [...Array.from({ length: 24 }, reader), ...Array.from({ length: 12 }, writer)];
    for (let round = 0; round < 8; round++) {
      await new Promise((r) => setTimeout(r, 250));
      const { rows } = await killer.query(
        `select pg_terminate_backend(pid) as done from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid()`,
        [dbName],
      );
      terminated += rows.length;
    }
    running = false;
    await Promise.all(load);
    await killer.end();

    expect(terminated).toBeGreaterThan(0);
    expect(server.exitCode, output).toBeNull();
    expect(server.signalCode).toBeNull();
    // Every answer is a success or a clean "try again"; none is a 500.
    expect(
      [...statuses.keys()].filter((s) => s !== 200 && s !== 201 && s !== 503),
      `${JSON.stringify([...statuses])}\n${output}`,
    ).toEqual([]);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(0);

    const ready = await until('/readyz to recover', async () => {
      const res = await fetch(`${base}/readyz`);
      return res.status === 200 ? res.status : undefined;
    });
    expect(ready).toBe(200);
    const stored = await ctx.database.query<{ id: string }>('select id from agreements where id = any($1)', [
      acknowledged,
    ]);
    expect(stored.length).toBe(acknowledged.length);
    // And the app serves again on new connections.
    const after = await fetch(`${base}/api/v1/agreements?institution=${institution.slug}&limit=1`);
    expect(after.status).toBe(200);
    // A child process's start (compiling TypeScript included) can take long on a busy two-core machine.
  }, 120_000);
});
