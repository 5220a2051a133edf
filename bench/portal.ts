// `npm run bench:portal`: Ponte's Milan partnerships page against the same bytes served as a static file by
// nginx, both loaded on loopback at 50 connections; then the weight of a first visit of that page in Chromium.
// A bare node:http server sending the same bytes is loaded too, as a reference for what one Node process can
// do on the machine.
// Not a test: it prints figures beside the targets and never fails on them.
//
// Ponte runs as `npm start` would, on a fresh embedded database in a temporary folder. Each side gets one CPU
// (taskset) and the load generator the other, so neither server can borrow the generator's core. The load
// generator is wrk when installed (the script asks apt-get for it and for nginx when running as root),
// otherwise autocannon.
//
// The servers take turns: each round loads Ponte, nginx and the bare Node server one after the other, and the
// ratio is computed within each round before taking the median. On a shared host the machine's speed drifts by
// a third within minutes; measured one after the other, the servers would be compared across that drift.
//
// Environment: BENCH_DURATION seconds per run (default 6), BENCH_RUNS rounds (default 5, medians are
// reported), BENCH_CONNECTIONS (default 50).
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { fmtInt, median, printTable } from './lib.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = '/milano/it/partenariati/';
const DURATION = Number(process.env['BENCH_DURATION'] || 6);
const RUNS = Number(process.env['BENCH_RUNS'] || 5);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] || 50);
const TARGETS = { ratio: 0.5, p99Ms: 15, firstVisitKb: 150 };
/** The browser the test suite drives too (test/browser.ts, which this script cannot import: it needs Vitest). */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CPUS = os.cpus().length;
/** With two or more cores: servers on the last core, the load generator on the first. */
const SERVER_CPU = CPUS > 1 ? String(CPUS - 1) : undefined;
const LOAD_CPU = CPUS > 1 ? '0' : undefined;

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** nginx and wrk from Debian's packages, when missing and when we may install them. */
function ensureTools(): void {
  const missing = [has('nginx') ? null : 'nginx-light', has('wrk') ? null : 'wrk'].filter(
    Boolean,
  ) as string[];
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.log(`Missing ${missing.join(', ')} and not root: install them with apt-get to compare.`);
    return;
  }
  console.log(`Installing ${missing.join(', ')} with apt-get...`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
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

/** Runs `cmd` pinned to `cpu` when the machine has cores to spare. */
function pinned(cpu: string | undefined, cmd: string, args: string[]): [string, string[]] {
  return cpu && has('taskset') ? ['taskset', ['-c', cpu, cmd, ...args]] : [cmd, args];
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get(url, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** The page as a browser asking for gzip gets it: the exact bytes on the wire, and their encoding. */
function fetchRaw(url: string): Promise<{ body: Buffer; encoding: string | undefined; type: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            body: Buffer.concat(chunks),
            encoding: res.headers['content-encoding'],
            type: String(res.headers['content-type']),
          }),
        );
      })
      .on('error', reject);
  });
}

function withWrk(url: string, seconds: number): LoadResult {
  const [cmd, args] = pinned(LOAD_CPU, 'wrk', [
    '-t1',
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--latency',
    '-H',
    'Accept-Encoding: gzip',
    url,
  ]);
  const out = execFileSync(cmd, args, { encoding: 'utf8' });
  const ms = (label: string) => {
    const m = out.match(new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm'));
    if (!m) throw new Error(`wrk printed no ${label} latency:\n${out}`);
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const errors = Number(out.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0);
  return { rps, p50: ms('50%'), p99: ms('99%'), errors };
}

async function withAutocannon(url: string, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'accept-encoding': 'gzip' },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

/** One measured run against `url`: wrk when installed, otherwise autocannon. */
async function runOnce(url: string, seconds = DURATION): Promise<LoadResult> {
  return has('wrk') ? withWrk(url, seconds) : withAutocannon(url, seconds);
}

/**
 * Loads every server in turn, round after round, so that a change in the machine's speed during the
 * benchmark (a shared host can drift by a third within minutes) falls on all of them alike. Each round gives
 * one figure per server; the ratio is taken within a round, and the medians are reported.
 */
async function interleaved(urls: Map<string, string>): Promise<Map<string, LoadResult[]>> {
  // A short warm-up so the JIT and caches are settled before anything counts.
  for (const url of urls.values()) await runOnce(url, Math.min(3, DURATION));
  const runs = new Map<string, LoadResult[]>([...urls.keys()].map((name) => [name, []]));
  for (let round = 0; round < RUNS; round++) {
    for (const [name, url] of urls) runs.get(name)!.push(await runOnce(url));
  }
  return runs;
}

function summary(runs: LoadResult[]): LoadResult {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((s, r) => s + r.errors, 0),
  };
}

/** The median, lowest and highest of the per-round ratios a / b. */
function ratios(a: LoadResult[], b: LoadResult[]): { median: number; min: number; max: number } {
  const each = a.map((r, i) => r.rps / b[i]!.rps);
  return { median: median(each), min: Math.min(...each), max: Math.max(...each) };
}

async function startPonte(dataDir: string, port: number): Promise<ChildProcess> {
  const [cmd, args] = pinned(SERVER_CPU, process.execPath, ['--import', 'tsx', 'src/main.ts']);
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/readyz`, child, 'Ponte', 300_000);
  return child;
}

async function startNginx(root: string, port: number, work: string): Promise<ChildProcess> {
  const conf = join(work, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${join(work, 'nginx.pid')};
error_log ${join(work, 'nginx-error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; }
  client_body_temp_path ${work};
  proxy_temp_path ${work};
  fastcgi_temp_path ${work};
  uwsgi_temp_path ${work};
  scgi_temp_path ${work};
  server {
    listen 127.0.0.1:${port};
    root ${root};
    gzip_static on;
    location / { index index.html; }
  }
}
`,
  );
  const [cmd, args] = pinned(SERVER_CPU, 'nginx', ['-c', conf, '-p', work]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(`http://127.0.0.1:${port}${PAGE}`, child, 'nginx', 20_000);
  return child;
}

/**
 * A bare node:http server sending the same compressed bytes with the same headers: what one Node process can
 * do on this machine, so that the ratio to nginx can be read against Node's own ceiling.
 */
async function startBareNode(file: string, port: number): Promise<ChildProcess> {
  const script = [
    "const http = require('node:http');",
    "const body = require('node:fs').readFileSync(process.argv[1]);",
    "const headers = ['content-type', 'text/html; charset=utf-8', 'content-encoding', 'gzip', 'vary',",
    "  'accept-encoding', 'etag', '\"bench\"', 'cache-control', 'public, max-age=0, must-revalidate',",
    "  'content-length', String(body.length)];",
    'http.createServer((q, s) => { s.writeHead(200, headers); s.end(body); })',
    "  .listen(Number(process.argv[2]), '127.0.0.1');",
  ].join('\n');
  const [cmd, args] = pinned(SERVER_CPU, process.execPath, ['-e', script, file, String(port)]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(`http://127.0.0.1:${port}${PAGE}`, child, 'bare Node', 20_000);
  return child;
}

/** Bytes on the wire for a first visit (empty cache) of the page in Chromium, by resource type. */
async function firstVisit(url: string): Promise<Map<string, number> | undefined> {
  if (!existsSync(CHROMIUM_PATH)) return undefined;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const typeOf = new Map<string, string>();
    const bytes = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => typeOf.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      const type = typeOf.get(e.requestId) ?? 'Other';
      bytes.set(type, (bytes.get(type) ?? 0) + e.encodedDataLength);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    return bytes;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  ensureTools();
  const work = mkdtempSync(join(os.tmpdir(), 'ponte-bench-portal-'));
  // nginx's worker runs as an unprivileged user: it must be able to read the static copy.
  chmodSync(work, 0o755);
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  };
  process.on('exit', stopAll);
  try {
    console.log(`Starting Ponte on a fresh embedded database (first start loads the gazetteer)...`);
    const ponteDir = join(work, 'data');
    const pontePort = await freePort();
    children.push(await startPonte(ponteDir, pontePort));
    const ponteUrl = `http://127.0.0.1:${pontePort}${PAGE}`;

    // The same bytes for nginx: the page as Ponte sent it compressed, and uncompressed beside it.
    const page = await fetchRaw(ponteUrl);
    const plain = await new Promise<Buffer>((resolve, reject) =>
      http
        .get(ponteUrl, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        })
        .on('error', reject),
    );
    const staticRoot = join(work, 'static');
    mkdirSync(join(staticRoot, PAGE), { recursive: true });
    writeFileSync(join(staticRoot, PAGE, 'index.html'), plain);
    if (page.encoding === 'gzip') writeFileSync(join(staticRoot, PAGE, 'index.html.gz'), page.body);
    console.log(
      `Page ${PAGE}: ${fmtInt(plain.length)} bytes, ${fmtInt(page.body.length)} bytes ${page.encoding ?? 'uncompressed'} on the wire.`,
    );

    const urls = new Map<string, string>([['Ponte', ponteUrl]]);
    if (has('nginx')) {
      const nginxPort = await freePort();
      const nginxWork = join(work, 'nginx');
      mkdirSync(nginxWork);
      children.push(await startNginx(staticRoot, nginxPort, nginxWork));
      urls.set('nginx (same bytes)', `http://127.0.0.1:${nginxPort}${PAGE}`);
    }
    if (page.encoding === 'gzip') {
      const barePort = await freePort();
      children.push(await startBareNode(join(staticRoot, PAGE, 'index.html.gz'), barePort));
      urls.set('bare node:http (same bytes)', `http://127.0.0.1:${barePort}${PAGE}`);
    }

    const generator = has('wrk') ? 'wrk' : 'autocannon';
    console.log(
      `Load: ${generator}, ${CONNECTIONS} connections, ${RUNS} rounds of ${DURATION} s per server, the ` +
        `servers taking turns within each round; ` +
        `${SERVER_CPU ? `servers on CPU ${SERVER_CPU}, load on CPU ${LOAD_CPU}` : 'no CPU pinning'}.`,
    );
    const runs = await interleaved(urls);
    const visit = await firstVisit(ponteUrl);
    stopAll();

    const ponteRuns = runs.get('Ponte')!;
    const nginxRuns = runs.get('nginx (same bytes)');
    const bareRuns = runs.get('bare node:http (same bytes)');
    const ponte = summary(ponteRuns);
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    const range = (r: { median: number; min: number; max: number }) =>
      `${r.median.toFixed(2)} (rounds ${r.min.toFixed(2)}-${r.max.toFixed(2)})`;
    console.log('');
    printTable(
      ['server (median of rounds)', 'requests/s', 'p50', 'p99', 'errors', 'requests/s by round'],
      [...runs].map(([name, each]) => {
        const s = summary(each);
        return [
          name,
          fmtInt(Math.round(s.rps)),
          ms(s.p50),
          ms(s.p99),
          String(s.errors),
          each.map((r) => fmtInt(Math.round(r.rps))).join(' '),
        ];
      }),
    );
    if (!nginxRuns) console.log('nginx is not installed: no ratio.');
    console.log('');
    const ratio = nginxRuns ? ratios(ponteRuns, nginxRuns) : undefined;
    const total = visit ? [...visit.values()].reduce((s, v) => s + v, 0) : Number.NaN;
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    printTable(
      ['measure', 'value', 'target', ''],
      [
        [
          'Ponte / nginx requests/s',
          ratio ? range(ratio) : '-',
          `>= ${TARGETS.ratio}`,
          ratio ? verdict(ratio.median >= TARGETS.ratio) : '',
        ],
        ['Ponte p99', ms(ponte.p99), `<= ${TARGETS.p99Ms} ms`, verdict(ponte.p99 <= TARGETS.p99Ms)],
        ...(bareRuns && nginxRuns
          ? [
              ['Ponte / bare Node requests/s', range(ratios(ponteRuns, bareRuns)), '(reference)', ''],
              ['bare Node / nginx requests/s', range(ratios(bareRuns, nginxRuns)), '(reference)', ''],
            ]
          : []),
        [
          'first visit, compressed',
          visit ? `${(total / 1024).toFixed(1)} KB` : 'no Chromium',
          `<= ${TARGETS.firstVisitKb} KB`,
          visit ? verdict(total / 1024 <= TARGETS.firstVisitKb) : '',
        ],
      ],
    );
    if (visit) {
      console.log('');
      printTable(
        ['first visit by type', 'KB'],
        [...visit.entries()].sort((a, b) => b[1] - a[1]).map(([t, b]) => [t, (b / 1024).toFixed(1)]),
      );
    }
    console.log(
      `\nnode ${process.version}, ${CPUS} CPUs, load average at end ${os.loadavg()[0]!.toFixed(2)}`,
    );
  } finally {
    stopAll();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
