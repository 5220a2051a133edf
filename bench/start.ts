// `npm run bench:start`: only the server's start time, first (fresh data folder or database each run) and later
// (the data a first start left), median of 3 each, beside the targets. A quicker run than the whole bench.
//
// Engines: "pglite" (a new data folder copied from the template `npm install` made), "pglite-from-nothing" (the
// same without the template: initdb, migrations and the gazetteer at the start) and "postgres". Also the time
// `npm install` spends making the template, once per install.
//
// Environment: BENCH_ENGINES ("pglite,pglite-from-nothing,postgres" by default, or some of them),
// BENCH_DATABASE_URL (the PostgreSQL server, default postgres://postgres@127.0.0.1:5432/postgres; the bench
// creates and drops "ponte_bench_start").
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { makeDatabaseTemplate } from '../src/prepare.ts';
import { against, fmtS, median, printTable } from './lib.ts';
import {
  freshPglite,
  freshPostgres,
  measureStarts,
  START_RUNS,
  START_TARGETS,
  type StartRuns,
} from './server-start.ts';

const engines = (process.env['BENCH_ENGINES'] || 'pglite,pglite-from-nothing,postgres')
  .split(',')
  .map((s) => s.trim());
const NAMES: Record<string, string> = {
  pglite: 'PGlite',
  'pglite-from-nothing': 'PGlite, no template',
  postgres: 'PostgreSQL',
};
const serverUrl = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
const loadAtStart = os.loadavg();
const results: { name: string; runs?: StartRuns; error?: string }[] = [];

// What `npm install` adds to make the template (into a folder of its own, so the installed one stays).
let templateMs: number | undefined;
if (engines.some((e) => e.startsWith('pglite'))) {
  const target = join(mkdtempSync(join(os.tmpdir(), 'ponte-bench-template-')), 'template');
  const started = performance.now();
  await makeDatabaseTemplate(() => {}, target);
  templateMs = performance.now() - started;
  rmSync(dirname(target), { recursive: true, force: true });
  console.log(`Template made in ${fmtS(templateMs / 1000)} (npm install does this once)`);
}

for (const engine of engines) {
  const name = NAMES[engine] ?? engine;
  console.log(`${name}: ${START_RUNS} first starts, then ${START_RUNS} later starts...`);
  const fresh =
    engine === 'postgres'
      ? () => freshPostgres(serverUrl, 'ponte_bench_start')
      : async () => freshPglite(engine !== 'pglite-from-nothing');
  try {
    results.push({ name, runs: await measureStarts(fresh, (msg) => console.log(`  ${msg}`)) });
  } catch (err) {
    results.push({ name, error: (err as Error).message });
    console.log(`  failed: ${(err as Error).message}`);
  }
}

const fmtLoad = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
console.log(
  `\nServer start, ${os.cpus().length} CPU, Node ${process.version}; load average at start ${fmtLoad(loadAtStart)}, ` +
    `at end ${fmtLoad(os.loadavg())} (other work skews the times)`,
);
const cell = (runs: number[] | undefined, targetMs: number) =>
  runs?.length ? against(median(runs) / 1000, targetMs / 1000, fmtS) : 'failed';
const cpu = (runs: number[] | undefined) => (runs?.length ? fmtS(median(runs) / 1000) : '-');
const list = (runs: number[] | undefined) => runs?.map((v) => (v / 1000).toFixed(2)).join(' / ') ?? '-';
printTable(
  ['Start until /readyz 200', 'Target', ...results.map((r) => r.name)],
  [
    [
      'First start, fresh data (median)',
      `≤ ${START_TARGETS.firstMs / 1000} s`,
      ...results.map((r) => cell(r.runs?.first, START_TARGETS.firstMs)),
    ],
    ['First start runs', '', ...results.map((r) => list(r.runs?.first))],
    ['First start, server CPU (median)', '', ...results.map((r) => cpu(r.runs?.firstCpu))],
    [
      'Later start (median)',
      `≤ ${START_TARGETS.laterMs / 1000} s`,
      ...results.map((r) => cell(r.runs?.later, START_TARGETS.laterMs)),
    ],
    ['Later start runs', '', ...results.map((r) => list(r.runs?.later))],
    ['Later start, server CPU (median)', '', ...results.map((r) => cpu(r.runs?.laterCpu))],
    [
      'Template made by npm install (once)',
      '',
      ...results.map((r) => (r.name === NAMES['pglite'] && templateMs ? fmtS(templateMs / 1000) : '-')),
    ],
  ],
);
