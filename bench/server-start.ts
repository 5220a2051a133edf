// Server start time: wall time from spawning `npm start`'s script (scripts/start.mjs, which runs the bundled
// src/main.ts) until GET /readyz answers 200. A first start begins
// with a fresh data folder (or database), so it includes the migrations, the gazetteer and the demo data; a
// later one opens what a first start left. Used by `npm run bench` and `npm run bench:start`.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The targets of the issue: upper bounds. */
export const START_TARGETS = { firstMs: 8000, laterMs: 1500 };
export const START_RUNS = 3;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** CPU time (user and system) of a process so far, from /proc on Linux; undefined elsewhere. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    // Fields 14 and 15 after the command name (which may hold spaces, hence from the last ")").
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** The server's own CPU time until it was ready, in the last measureStart: unlike wall time, barely skewed by other work. */
export let lastCpuMs: number | undefined;

/** Wall time from spawning scripts/start.mjs until GET /readyz answers 200, polled every 25 ms. */
export async function measureStart(serverEnv: Record<string, string>, timeoutMs = 300_000): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...serverEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr!.on('data', (b: Buffer) => {
    output += b.toString();
  });
  try {
    const deadline = started + timeoutMs;
    while (performance.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`the server exited with ${child.exitCode}: ${output.slice(-800)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) {
          const ms = performance.now() - started;
          lastCpuMs = cpuMsOf(child.pid);
          return ms;
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`not ready after ${timeoutMs / 1000} s: ${output.slice(-800)}`);
  } finally {
    await stop(child);
  }
}

/** Where a server starts from: an empty data folder or database, removed by cleanup. */
export interface FreshTarget {
  serverEnv: Record<string, string>;
  cleanup(): Promise<void>;
}

/**
 * An empty data folder. `template` false: the server builds the database from nothing (initdb, migrations, the
 * gazetteer) instead of copying the one `npm install` prepared (src/platform/db/template.ts).
 */
export function freshPglite(template = true): FreshTarget {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'ponte-start-'));
  return {
    serverEnv: { DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_TEMPLATE: String(template) },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** An empty database on the server of adminUrl (named `name`), dropped by cleanup. */
export async function freshPostgres(adminUrl: string, name: string): Promise<FreshTarget> {
  const run = async (text: string) => {
    const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    await admin.connect();
    try {
      await admin.query(text);
    } finally {
      await admin.end();
    }
  };
  await run(`drop database if exists ${name} with (force)`);
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    serverEnv: { DATABASE_URL: url.toString() },
    cleanup: () => run(`drop database if exists ${name}`),
  };
}

export interface StartRuns {
  first: number[];
  later: number[];
  /** The server's CPU time of each run, where known. */
  firstCpu: number[];
  laterCpu: number[];
}

/**
 * START_RUNS first starts, each on a fresh target, then (unless later is false) START_RUNS later starts on what
 * the last one left. progress is told every run.
 */
export async function measureStarts(
  fresh: () => Promise<FreshTarget>,
  progress: (msg: string) => void = () => {},
  later = true,
): Promise<StartRuns> {
  const runs: StartRuns = { first: [], later: [], firstCpu: [], laterCpu: [] };
  for (let i = 0; i < START_RUNS; i++) {
    const target = await fresh();
    try {
      runs.first.push(await measureStart(target.serverEnv));
      if (lastCpuMs !== undefined) runs.firstCpu.push(lastCpuMs);
      progress(
        `first start ${i + 1}: ${(runs.first.at(-1)! / 1000).toFixed(2)} s (CPU ${((lastCpuMs ?? Number.NaN) / 1000).toFixed(2)} s)`,
      );
      if (!later || i < START_RUNS - 1) continue;
      for (let j = 0; j < START_RUNS; j++) {
        runs.later.push(await measureStart(target.serverEnv));
        if (lastCpuMs !== undefined) runs.laterCpu.push(lastCpuMs);
        progress(
          `later start ${j + 1}: ${(runs.later.at(-1)! / 1000).toFixed(2)} s (CPU ${((lastCpuMs ?? Number.NaN) / 1000).toFixed(2)} s)`,
        );
      }
    } finally {
      await target.cleanup();
    }
  }
  return runs;
}
