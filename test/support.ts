// Test support: a fresh database per test file, cloned from the run's template, with the real services and
// the real HTTP app. On PGlite a clone is an in-memory copy; on PostgreSQL a database created from a template.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createServices, type Deps } from '../src/deps.ts';
import { APP_ROLE, openDatabase } from '../src/platform/db/client.ts';
import type { App } from '../src/platform/http/types.ts';
import { pgTemplateName } from './template.ts';

export const TEST_PUBLIC_URL = 'http://ponte.test';

export interface TestContext extends Deps {
  engine: 'pglite' | 'postgres';
  /** The test database's address on a PostgreSQL server, for a second instance on the same data. */
  databaseUrl?: string;
}

/** A database of its own for one test file, optionally with the demo data. Close it in afterAll. */
export async function createTestDeps(opts: { seed?: boolean } = {}): Promise<TestContext> {
  const target = inject('testDb');
  let deps: TestContext;
  if (target.engine === 'pglite') {
    const blob = new Blob([readFileSync(target.template)]);
    const database = await openDatabase({ loadDataDir: blob, role: APP_ROLE });
    deps = { engine: 'pglite', database, services: createServices(database), close: () => database.close() };
  } else {
    const name = `ponte_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`create database ${name} template ${pgTemplateName(target.url)}`);
    await admin.end();
    const url = new URL(target.url);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4, role: APP_ROLE });
    deps = {
      engine: 'postgres',
      databaseUrl: url.toString(),
      database,
      services: createServices(database),
      close: async () => {
        await database.close();
        const drop = new pg.Client({ connectionString: target.url });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  }
  if (opts.seed) await deps.services.seed.demo();
  return deps;
}

export async function createTestApp(deps: Deps): Promise<App> {
  const app = await buildApp({ deps, config: { publicUrl: TEST_PUBLIC_URL } });
  await app.ready();
  return app;
}

let counter = 0;
/** A unique slug for records a test makes, so tests never depend on each other's data. */
export function uniqueSlug(prefix = 't'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${randomBytes(2).toString('hex')}`;
}

/**
 * Waits until `condition` returns a truthy value and returns it; polls every `interval` ms. Fails after
 * `timeout` ms with `message` (and the last error the condition threw), so a test waits for what it needs
 * instead of sleeping a fixed time.
 */
export async function until<T>(
  condition: () => T | Promise<T>,
  opts: { timeout?: number; interval?: number; message?: string } = {},
): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
  const { timeout = 5_000, interval = 10, message = 'the condition' } = opts;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as Exclude<T, false | 0 | '' | null | undefined>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}${cause}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The error `fn` throws (or its promise rejects with); fails the test when nothing is thrown. */
export async function thrown(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof Error) return err;
    throw new Error(`Expected an Error to be thrown, got ${String(err)}`);
  }
  throw new Error('Expected an error to be thrown, but nothing was');
}

/** The error the synchronous `fn` throws; fails the test when nothing is thrown. */
export function thrownSync(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    if (err instanceof Error) return err;
    throw new Error(`Expected an Error to be thrown, got ${String(err)}`);
  }
  throw new Error('Expected an error to be thrown, but nothing was');
}

/** A port nobody listens on now, for a server a test starts as its own process. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}
