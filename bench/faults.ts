// `npm run bench:faults`: Ponte under load while its database fails, on both engines. For each engine, on a
// fresh database with the demo data:
//   (a) a cached portal page and (b) GET /api/v1/agreements with a few filters, loaded by autocannon;
//   (c) a write mix through the JSON API with a write token: PATCHes that carry the version they read (a 409
//       is a conflict, not an error: the answer holds the current record, and the write is retried from it)
//       and creations. Meanwhile the database fails: on PostgreSQL the app's backends are terminated a few
//       times (pg_terminate_backend); on the embedded database the server itself is killed with SIGKILL and
//       started again on the same folder.
// Then every acknowledged (2xx) write is looked for: found must equal acknowledged.
//
// How a write is found: each one appends a unique marker to the agreement's English description, computed
// from the record it read. A stored description is therefore the chain of every committed write it descends
// from, so an acknowledged write that was lost (and written over from an older version) is missing from it,
// while a write whose answer was lost in the crash but which committed is simply there too. A creation is
// found when its agreement exists with its marker.
//
// Not a test: it prints figures beside the targets and never fails on them. Ponte runs as `npm start` would
// (node with tsx, the same entry), set up with the CLI (`seed demo`, `token create`); on a machine with two
// or more cores the server is pinned to the last core, as in bench:portal.
//
// Environment: BENCH_DURATION seconds per phase (default 60), BENCH_CONNECTIONS (default 50),
// BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/ponte_faults: its public schema is dropped and
// made again).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { fmtInt, percentile, printTable } from './lib.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env['BENCH_DURATION'] || 60);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] || 50);
const PG_URL = process.env['BENCH_PG_URL'] || 'postgres://postgres@127.0.0.1:5432/ponte_faults';
const TARGETS = { apiP99Ms: 50 };
const PAGE = '/milano/it/partenariati/';
/** The agreements list as API clients ask for it: each connection cycles through these addresses. */
const API_PATHS = [
  '/api/v1/agreements',
  '/api/v1/agreements?institution=milano',
  '/api/v1/agreements?institution=milano&kind=twinning',
  '/api/v1/agreements?institution=firenze&limit=50',
  '/api/v1/agreements?continent=EU&sort=-signed',
];
/** A description stops growing here (the field takes 20,000 characters); writes go to other agreements. */
const MAX_DESCRIPTION = 18_000;
const CPUS = os.cpus().length;
const SERVER_CPU = CPUS > 1 ? String(CPUS - 1) : undefined;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

interface WriteResult extends Load {
  acknowledged: number;
  found: number;
  conflicts: number;
  /** Connection refused or reset (the server down or killed), 5xx (e.g. 503 on a lost connection), other. */
  refused: number;
  serverErrors: number;
  otherErrors: number;
  faults: string;
}

interface EngineResult {
  engine: string;
  page: Load;
  api: Load;
  writes: WriteResult;
  rssStartMb: number;
  rssEndMb: number;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process in MB, from /proc (Linux); NaN elsewhere or once it has gone. */
function rssMb(pid: number | undefined): number {
  try {
    const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function ponteEnv(engineEnv: Record<string, string>, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    ...engineEnv,
  };
}

/** The CLI as `npm run ponte -- ...` runs it; returns what it printed. */
function cli(env: NodeJS.ProcessEnv, args: string[]): string {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (res.status !== 0) throw new Error(`ponte ${args.join(' ')} failed (${res.status}):\n${res.stderr}`);
  return res.stdout;
}

async function waitReady(port: number, child: ChildProcess, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`Ponte exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get(`http://127.0.0.1:${port}/readyz`, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`Ponte did not get ready within ${timeoutMs / 1000} s`);
}

/** Servers started here, stopped if this script ends early. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the server (taskset execs node, so the child's pid is the server's own, for its RSS). */
async function startPonte(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const args = ['--import', 'tsx', 'src/main.ts'];
  const [cmd, argv] =
    SERVER_CPU && has('taskset')
      ? ['taskset', ['-c', SERVER_CPU, process.execPath, ...args]]
      : [process.execPath, args];
  const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  await waitReady(port, child);
  return child;
}

async function stopPonte(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

async function loadWithAutocannon(
  port: number,
  paths: string[],
  headers: Record<string, string> = {},
): Promise<Load> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { 'accept-encoding': 'gzip', ...headers },
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

// ---- The write mix ----

interface Known {
  version: number;
  description: string;
}

interface Answer {
  status: number;
  body: unknown;
}

/** One JSON request on a keep-alive agent; rejects on connection errors (refused, reset). */
function request(
  agent: http.Agent,
  port: number,
  method: string,
  path: string,
  token: string,
  payload?: unknown,
): Promise<Answer> {
  const data = payload === undefined ? undefined : Buffer.from(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = text;
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(data);
  });
}

interface AgreementBody {
  id: string;
  version: number;
  descriptionEn: string | null;
}

/**
 * Runs the write mix for DURATION seconds with CONNECTIONS concurrent writers, while `fault` breaks the
 * database; then waits for `recovered` and counts the acknowledged writes it finds.
 */
async function writeMix(opts: {
  port: () => number;
  token: string;
  seed: AgreementBody[];
  fault: (deadline: number) => Promise<string>;
  recovered: () => Promise<void>;
}): Promise<WriteResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const known = new Map<string, Known>(
    opts.seed.map((a) => [a.id, { version: a.version, description: a.descriptionEn ?? '' }]),
  );
  const ids = [...known.keys()];
  const patches: { id: string; marker: string }[] = [];
  const creations: { id: string; marker: string }[] = [];
  const latencies: number[] = [];
  let seq = 0;
  let conflicts = 0;
  let refused = 0;
  let serverErrors = 0;
  let otherErrors = 0;
  const run = Date.now().toString(36);
  const started = performance.now();
  const deadline = Date.now() + DURATION * 1000;

  const learn = (a: AgreementBody | undefined) => {
    if (!a?.id || typeof a.version !== 'number') return;
    const mine = known.get(a.id);
    if (!mine) ids.push(a.id);
    if (!mine || a.version >= mine.version) {
      known.set(a.id, { version: a.version, description: a.descriptionEn ?? '' });
    }
  };

  async function attempt(method: string, path: string, payload: unknown): Promise<Answer | undefined> {
    const t0 = performance.now();
    try {
      const answer = await request(agent, opts.port(), method, path, opts.token, payload);
      latencies.push(performance.now() - t0);
      if (answer.status >= 500) serverErrors++;
      else if (answer.status >= 300 && answer.status !== 409) otherErrors++;
      return answer;
    } catch {
      refused++;
      return undefined;
    }
  }

  async function patchOne(): Promise<void> {
    let id = ids[Math.floor(Math.random() * ids.length)]!;
    for (let tries = 0; tries < 5 && (known.get(id)?.description.length ?? 0) > MAX_DESCRIPTION; tries++) {
      id = ids[Math.floor(Math.random() * ids.length)]!;
    }
    // A conflict is retried from the current record the 409 carries, a few times.
    for (let retry = 0; retry < 5 && Date.now() < deadline; retry++) {
      const state = known.get(id)!;
      if (state.description.length > MAX_DESCRIPTION) return;
      const marker = `[w${(++seq).toString(36)}]`;
      const answer = await attempt('PATCH', `/api/v1/agreements/${id}`, {
        descriptionEn: `${state.description} ${marker}`.trim(),
        version: state.version,
      });
      if (!answer) return void (await sleep(100));
      if (answer.status === 200) {
        patches.push({ id, marker });
        return learn(answer.body as AgreementBody);
      }
      if (answer.status !== 409) return void (await sleep(answer.status >= 500 ? 100 : 0));
      conflicts++;
      const current = (answer.body as { error?: { details?: { current?: AgreementBody } } }).error?.details
        ?.current;
      if (current) learn(current);
      else {
        const read = await attempt('GET', `/api/v1/agreements/${id}`, undefined);
        if (read?.status === 200) learn(read.body as AgreementBody);
      }
    }
  }

  async function createOne(): Promise<void> {
    const n = (++seq).toString(36);
    const marker = `[c${n}]`;
    const answer = await attempt('POST', '/api/v1/agreements', {
      slug: `bench-${run}-${n}`,
      kind: 'collaboration_agreement',
      partner: {
        type: 'organisation',
        nameIt: `Rete di prova ${run} ${n}`,
        nameEn: `Test network ${run} ${n}`,
      },
      signed: { date: '2026-11' },
      descriptionEn: marker,
      published: true,
    });
    if (!answer) return void (await sleep(100));
    if (answer.status === 201) {
      const created = answer.body as AgreementBody;
      creations.push({ id: created.id, marker });
      learn(created);
    } else if (answer.status >= 500) await sleep(100);
  }

  const writers = Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < deadline) {
      if (Math.random() < 0.7) await patchOne();
      else await createOne();
    }
  });
  const faults = opts.fault(deadline);
  await Promise.all(writers);
  const elapsed = (performance.now() - started) / 1000;
  const faultReport = await faults;
  await opts.recovered();

  // Every agreement written is read back once (with the token, so never from the public cache).
  const touched = [...new Set([...patches, ...creations].map((w) => w.id))];
  const stored = new Map<string, string | undefined>();
  const queue = [...touched];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let id = queue.pop(); id; id = queue.pop()) {
        for (let tries = 0; ; tries++) {
          try {
            const answer = await request(agent, opts.port(), 'GET', `/api/v1/agreements/${id}`, opts.token);
            if (answer.status >= 500 && tries < 5) throw new Error(String(answer.status));
            stored.set(
              id,
              answer.status === 200 ? ((answer.body as AgreementBody).descriptionEn ?? '') : undefined,
            );
            break;
          } catch (err) {
            if (tries >= 5) throw err;
            await sleep(500);
          }
        }
      }
    }),
  );
  agent.destroy();
  const found = [...patches, ...creations].filter((w) => stored.get(w.id)?.includes(w.marker)).length;
  const requests = latencies.length;
  return {
    rps: requests / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests,
    errors: refused + serverErrors + otherErrors,
    acknowledged: patches.length + creations.length,
    found,
    conflicts,
    refused,
    serverErrors,
    otherErrors,
    faults: faultReport,
  };
}

/** The agreements the token may write (Milan's), as the public list shows them, with their descriptions. */
async function milanAgreements(port: number, token: string): Promise<AgreementBody[]> {
  const agent = new http.Agent({ keepAlive: true });
  const out: AgreementBody[] = [];
  let cursor: string | undefined;
  do {
    const page = await request(
      agent,
      port,
      'GET',
      `/api/v1/agreements?institution=milano&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
    );
    const body = page.body as { items: { id: string }[]; nextCursor: string | null };
    for (const item of body.items) {
      const detail = await request(agent, port, 'GET', `/api/v1/agreements/${item.id}`, token);
      out.push(detail.body as AgreementBody);
    }
    cursor = body.nextCursor ?? undefined;
  } while (cursor);
  agent.destroy();
  return out;
}

// ---- The engines ----

interface Engine {
  name: string;
  env: Record<string, string>;
  /** Makes the database fresh; false (with a message) when the engine cannot be used here. */
  reset(): Promise<boolean>;
  /** Breaks the database during the write phase, until the deadline; returns what it did. */
  fault(server: Server, deadline: number): Promise<string>;
  cleanup(): void;
}

/** The running server: restarted by the embedded engine's fault, so always read through this. */
interface Server {
  child: ChildProcess;
  port: number;
  env: NodeJS.ProcessEnv;
  /** Settles once the server answers again after a restart. */
  ready: Promise<void>;
}

function embedded(): Engine {
  const dir = mkdtempSync(join(os.tmpdir(), 'ponte-bench-faults-'));
  return {
    name: 'embedded (PGlite)',
    env: { DATABASE_URL: '', DATA_DIR: join(dir, 'data') },
    reset: async () => true,
    async fault(server, deadline) {
      // SIGKILL mid-writes, then start again on the same folder (its lock is taken over from the dead pid).
      const kills = DURATION >= 30 ? [1 / 3, 2 / 3] : [1 / 2];
      const start = deadline - DURATION * 1000;
      const downtimes: number[] = [];
      let upSince = Date.now();
      for (const at of kills) {
        // At its moment, but never before the restarted server has taken writes for a few seconds.
        await sleep(Math.max(0, start + at * DURATION * 1000 - Date.now(), upSince + 5000 - Date.now()));
        if (Date.now() >= deadline) break;
        const killedAt = performance.now();
        const exited = new Promise((r) => server.child.once('exit', r));
        server.child.kill('SIGKILL');
        await exited;
        let restarted!: () => void;
        server.ready = new Promise((r) => {
          restarted = r;
        });
        server.child = await startPonte(server.env, server.port);
        restarted();
        upSince = Date.now();
        downtimes.push((performance.now() - killedAt) / 1000);
      }
      return `${downtimes.length} SIGKILL, down ${downtimes.map((s) => `${s.toFixed(1)} s`).join(', ')}`;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgres(): Engine {
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: PG_URL, DATA_DIR: '' },
    async reset() {
      const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
      } catch (err) {
        console.log(`PostgreSQL at ${PG_URL} is not reachable (${(err as Error).message}): skipped.`);
        return false;
      }
      try {
        await client.query('drop schema if exists public cascade');
        await client.query('drop schema if exists drizzle cascade');
        await client.query('create schema public');
      } finally {
        await client.end();
      }
      return true;
    },
    async fault(_server, deadline) {
      // Every app backend (the pool and the LISTEN connection) is terminated a few times during the phase.
      const rounds = 4;
      const start = deadline - DURATION * 1000;
      let terminated = 0;
      let times = 0;
      const database = new URL(PG_URL).pathname.slice(1);
      for (let i = 1; i <= rounds; i++) {
        await sleep(Math.max(0, start + (i / (rounds + 1)) * DURATION * 1000 - Date.now()));
        if (Date.now() >= deadline) break;
        const client = new pg.Client({ connectionString: PG_URL });
        await client.connect();
        try {
          const res = await client.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [database],
          );
          terminated += res.rowCount ?? 0;
          times++;
        } finally {
          await client.end();
        }
      }
      return `${times} times pg_terminate_backend, ${terminated} backends`;
    },
    cleanup: () => {},
  };
}

async function runEngine(engine: Engine): Promise<EngineResult | undefined> {
  console.log(`\n== ${engine.name} ==`);
  if (!(await engine.reset())) return undefined;
  const port = await freePort();
  const env = ponteEnv(engine.env, port);
  console.log('Preparing the database with the CLI: migrations, gazetteer, demo data, a write token...');
  cli(env, ['seed', 'demo']);
  const token = cli(env, [
    'token',
    'create',
    '--institution',
    'milano',
    '--name',
    'bench-faults',
    '--scope',
    'write',
  ]).match(/shown only now\): (\S+)/)?.[1];
  if (!token) throw new Error('token create printed no token');
  const server: Server = { child: await startPonte(env, port), port, env, ready: Promise.resolve() };
  try {
    const rssStartMb = rssMb(server.child.pid);
    // One request each first, so the loads measure what the cache serves.
    await fetch(`http://127.0.0.1:${port}${PAGE}`).then((r) => r.text());
    for (const path of API_PATHS) await fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.text());

    console.log(`(a) ${PAGE}: ${CONNECTIONS} connections, ${DURATION} s...`);
    const page = await loadWithAutocannon(port, [PAGE], { accept: 'text/html' });
    console.log(
      `(b) GET /api/v1/agreements (${API_PATHS.length} queries): ${CONNECTIONS} connections, ${DURATION} s...`,
    );
    const api = await loadWithAutocannon(port, API_PATHS, { accept: 'application/json' });
    console.log(`(c) writes: ${CONNECTIONS} writers, ${DURATION} s, with faults...`);
    const seed = await milanAgreements(port, token);
    const writes = await writeMix({
      port: () => server.port,
      token,
      seed,
      fault: (deadline) => engine.fault(server, deadline),
      recovered: () => server.ready,
    });
    return { engine: engine.name, page, api, writes, rssStartMb, rssEndMb: rssMb(server.child.pid) };
  } finally {
    await stopPonte(server.child);
    engine.cleanup();
  }
}

function report(results: EngineResult[]): void {
  const ms = (v: number) => (Number.isNaN(v) ? '-' : `${v.toFixed(1)} ms`);
  const mb = (v: number) => (Number.isNaN(v) ? '-' : `${Math.round(v)} MB`);
  console.log('');
  printTable(
    ['engine / phase', 'requests/s', 'p50', 'p99', 'requests', 'errors'],
    results.flatMap((r) => [
      [
        `${r.engine}: (a) portal page`,
        fmtInt(Math.round(r.page.rps)),
        ms(r.page.p50),
        ms(r.page.p99),
        fmtInt(r.page.requests),
        fmtInt(r.page.errors),
      ],
      [
        `${r.engine}: (b) GET /api/v1/agreements`,
        fmtInt(Math.round(r.api.rps)),
        ms(r.api.p50),
        ms(r.api.p99),
        fmtInt(r.api.requests),
        fmtInt(r.api.errors),
      ],
      [
        `${r.engine}: (c) writes with faults`,
        fmtInt(Math.round(r.writes.rps)),
        ms(r.writes.p50),
        ms(r.writes.p99),
        fmtInt(r.writes.requests),
        fmtInt(r.writes.errors),
      ],
      null,
    ]),
  );
  console.log('');
  printTable(
    [
      'engine',
      'faults',
      'acknowledged',
      'found',
      '409',
      'refused/reset',
      '5xx',
      'other',
      'RSS start',
      'RSS end',
    ],
    results.map((r) => [
      r.engine,
      r.writes.faults,
      fmtInt(r.writes.acknowledged),
      fmtInt(r.writes.found),
      fmtInt(r.writes.conflicts),
      fmtInt(r.writes.refused),
      fmtInt(r.writes.serverErrors),
      fmtInt(r.writes.otherErrors),
      mb(r.rssStartMb),
      mb(r.rssEndMb),
    ]),
  );
  console.log('');
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const embeddedResult = results.find((r) => r.engine.startsWith('embedded'));
  printTable(
    ['target', 'value', 'target', ''],
    [
      ...(embeddedResult
        ? [
            [
              'GET /api/v1/agreements p99, embedded',
              ms(embeddedResult.api.p99),
              `<= ${TARGETS.apiP99Ms} ms`,
              verdict(embeddedResult.api.p99 <= TARGETS.apiP99Ms),
            ],
          ]
        : []),
      ...results.map((r) => [
        `writes found after recovery, ${r.engine}`,
        `${fmtInt(r.writes.found)} of ${fmtInt(r.writes.acknowledged)}`,
        '= acknowledged',
        verdict(r.writes.found === r.writes.acknowledged),
      ]),
      ...results.map((r) => [
        `read errors (a, b), ${r.engine}`,
        fmtInt(r.page.errors + r.api.errors),
        '0',
        verdict(r.page.errors + r.api.errors === 0),
      ]),
    ],
  );
  console.log(
    `\nErrors in (c) are requests that failed while the database (or the embedded server) was down: connections ` +
      `refused or reset, 503. The RSS at the end of the embedded run is that of the server started after the ` +
      `last SIGKILL.\nnode ${process.version}, ${CPUS} CPUs${SERVER_CPU ? `, server on CPU ${SERVER_CPU}` : ''}, ` +
      `load average at end ${os.loadavg()[0]!.toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  console.log(`bench:faults: ${DURATION} s per phase, ${CONNECTIONS} connections.`);
  const results: EngineResult[] = [];
  for (const engine of [embedded(), postgres()]) {
    const result = await runEngine(engine);
    if (result) results.push(result);
  }
  report(results);
}

await main();
