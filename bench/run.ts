// `npm run bench`: Ponte at national scale, on the embedded PGlite and on a PostgreSQL server side by side.
// For each engine: a fresh database, migrated and with the gazetteer, filled by bench/generate.ts (8,000
// institutions, 100,000 agreements); then gazetteer lookup latency, filtered agreement-list latency, CSV import
// throughput, and server start time (later, on that data; first, on fresh data: also `npm run bench:start`),
// each printed beside its target. Not a test: nothing fails, it reports.
//
// Environment:
//   BENCH_DATABASE_URL  PostgreSQL server to use (default postgres://postgres@127.0.0.1:5432/postgres); the bench
//                       creates and drops a database "ponte_bench" there. Unreachable: PostgreSQL is skipped.
//   BENCH_ENGINES       "pglite,postgres" (default) or either one alone.
//   BENCH_INSTITUTIONS, BENCH_AGREEMENTS, BENCH_IMPORT_ROWS  smaller sizes for a quick try (targets assume the
//                       defaults: 8000, 100000, 10000).
//   BENCH_EXPLAIN=1     print EXPLAIN ANALYZE of the slowest list query of every filter mix, not only of the
//                       mixes whose p95 misses the target.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { createServices, type Services } from '../src/deps.ts';
import { CLI } from '../src/features/accounts/accounts.access.ts';
import type { AgreementListQuery } from '../src/features/agreements/agreements.schemas.ts';
import { countryByCode, resolveCountry } from '../src/features/places/countries.ts';
import { normalizeName } from '../src/features/places/normalize.ts';
import { readExonyms } from '../src/features/places/places.loader.ts';
import type { LookupQuery } from '../src/features/places/places.service.ts';
import {
  type Database,
  type DatabaseOptions,
  openDatabase,
  type QueryFn,
} from '../src/platform/db/client.ts';
import { raiseWasmTieringBudget } from '../src/platform/db/embedded.ts';
import { prepareDatabase } from '../src/prepare.ts';
import { type GenerateReport, generateDataset } from './generate.ts';
import {
  against,
  fmtInt,
  fmtMs,
  fmtS,
  median,
  printTable,
  Rng,
  type Summary,
  summarize,
  timed,
} from './lib.ts';
import {
  type FreshTarget,
  freshPglite,
  freshPostgres,
  measureStart,
  measureStarts,
  START_RUNS,
  START_TARGETS,
} from './server-start.ts';

const LOAD_AT_START = os.loadavg();
// The embedded database's WebAssembly tuned as the server tunes it (main.ts), so that latencies are the server's.
raiseWasmTieringBudget();
const envInt = (name: string, fallback: number) => Number(process.env[name] || fallback);

const SIZES = {
  institutions: envInt('BENCH_INSTITUTIONS', 8000),
  agreements: envInt('BENCH_AGREEMENTS', 100_000),
  importRows: envInt('BENCH_IMPORT_ROWS', 10_000),
};
/** The targets of the issue: upper bounds. */
const TARGETS = { lookupP95Ms: 20, listP95Ms: 30, importS: 20 };
const LOOKUPS = { warmup: 50, measured: 500 };
const LISTS = { warmup: 40, perCategory: 63 }; // 8 filter mixes x 63 = 504 calls
const IMPORT_RUNS = 3;
/** A first import slower than this leaves out the other runs (the bench should end in minutes). */
const IMPORT_BUDGET_MS = 60_000;
const PG_BENCH_DB = 'ponte_bench';

const log = (msg: string) => console.log(`  ${msg}`);

// ---- Results ----

interface ListCategoryResult {
  summary: Summary;
  /** The slowest call's SQL, for EXPLAIN ANALYZE. */
  slowest: { ms: number; text: string; params: unknown[] } | undefined;
}

interface EngineResult {
  name: string;
  skipped?: string;
  error?: string;
  prepareMs?: number;
  generated?: GenerateReport;
  places?: number;
  lookup?: Summary;
  lookupByMix?: Record<string, Summary>;
  lookupOutcomes?: Record<string, number>;
  list?: Summary;
  listByCategory?: Record<string, ListCategoryResult>;
  importRuns?: number[];
  importError?: string;
  /** Later starts, on the generated data set. */
  startRuns?: number[];
  startError?: string;
  /** First starts, each on a fresh data folder or database. */
  firstStartRuns?: number[];
  firstStartError?: string;
  explains?: string[];
}

// ---- Engines ----

interface Target {
  name: string;
  options: DatabaseOptions;
  /** Environment for `src/main.ts` to open the same database. */
  serverEnv: Record<string, string>;
  /** Called after the bench closed its own handle. */
  cleanup(): Promise<void>;
  /** An empty data folder or database of the same engine, for a first start. */
  fresh(): Promise<FreshTarget>;
}

function pgliteTarget(): Target {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'ponte-bench-'));
  return {
    name: 'PGlite',
    options: { dataDir },
    serverEnv: { DATA_DIR: dataDir, DATABASE_URL: '' },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    fresh: async () => freshPglite(),
  };
}

/** A PostgreSQL database of the bench's own on the server, or a reason to skip. */
async function postgresTarget(): Promise<Target | string> {
  const url = process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => {});
    return `PostgreSQL skipped: cannot connect to ${shown} (${(err as Error).message}). Start the server or set BENCH_DATABASE_URL.`;
  }
  try {
    await admin.query(`drop database if exists ${PG_BENCH_DB} with (force)`);
    await admin.query(`create database ${PG_BENCH_DB}`);
  } finally {
    await admin.end();
  }
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${PG_BENCH_DB}`;
  return {
    name: 'PostgreSQL',
    options: { databaseUrl: benchUrl.toString(), poolSize: 10 },
    serverEnv: { DATABASE_URL: benchUrl.toString() },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${PG_BENCH_DB} with (force)`);
      } finally {
        await client.end();
      }
    },
    fresh: () => freshPostgres(url, `${PG_BENCH_DB}_start`),
  };
}

/** The database with its raw queries recorded, so the slowest list query can be explained afterwards. */
function traced(database: Database): { database: Database; last: () => { text: string; params: unknown[] } } {
  let last = { text: '', params: [] as unknown[] };
  const query = ((text: string, params?: unknown[]) => {
    last = { text, params: params ?? [] };
    return database.query(text, params);
  }) as QueryFn;
  return { database: { ...database, query }, last: () => last };
}

async function benchEngine(target: Target): Promise<EngineResult> {
  const result: EngineResult = { name: target.name };
  console.log(`\n${target.name}`);
  const raw = await openDatabase(target.options);
  const { database, last } = traced(raw);
  let closed = false;
  try {
    result.prepareMs = (await timed(() => prepareDatabase(database, log))).ms;
    log(`Prepared (migrations, gazetteer) in ${fmtS(result.prepareMs / 1000)}.`);
    result.generated = await generateDataset(database, {
      institutions: SIZES.institutions,
      agreements: SIZES.agreements,
      log,
    });
    const [counts] = await database.query<{ places: number }>('select count(*)::int as places from places');
    result.places = counts!.places;
    const services = createServices(database);

    log(`Gazetteer lookups: ${LOOKUPS.warmup} warm-up, ${LOOKUPS.measured} measured...`);
    Object.assign(result, await benchLookups(database, services));

    log(`Agreement lists: ${LISTS.warmup} warm-up, ${LISTS.perCategory * CATEGORIES.length} measured...`);
    Object.assign(result, await benchLists(database, services, result.generated, last));

    log(`Import of ${fmtInt(SIZES.importRows)} CSV rows, up to ${IMPORT_RUNS} runs...`);
    try {
      result.importRuns = await benchImport(database, services);
    } catch (err) {
      result.importError = (err as Error).message;
      log(`Import failed: ${result.importError}`);
    }

    result.explains = await explainSlowLists(database, result.listByCategory!);

    await raw.close();
    closed = true;
    log(`Later server start, on the generated data (${START_RUNS} runs)...`);
    try {
      result.startRuns = [];
      for (let i = 0; i < START_RUNS; i++) result.startRuns.push(await measureStart(target.serverEnv));
    } catch (err) {
      result.startError = (err as Error).message;
      log(`Start failed: ${result.startError}`);
    }
    log(`First server start, on a fresh ${target.name} database each (${START_RUNS} runs)...`);
    try {
      result.firstStartRuns = (await measureStarts(target.fresh, log, false)).first;
    } catch (err) {
      result.firstStartError = (err as Error).message;
      log(`First start failed: ${result.firstStartError}`);
    }
  } catch (err) {
    result.error = (err as Error).stack ?? String(err);
    console.error(result.error);
  } finally {
    if (!closed) await raw.close().catch(() => {});
    await target.cleanup().catch((err) => console.error(`  cleanup: ${(err as Error).message}`));
  }
  return result;
}

// ---- Gazetteer lookups ----

/** Writes a country as people do: ISO code, Italian name or English name (only forms that resolve). */
function countryAsWritten(rng: Rng, code: string): string {
  const c = countryByCode(code);
  const forms = [code, code, c?.nameIt, c?.nameEn].filter(
    (f): f is string => !!f && resolveCountry(f) === code,
  );
  return rng.pick(forms.length ? forms : [code]);
}

/** A one-letter slip: a swapped pair, a dropped letter or a doubled one, inside the word. */
function typo(rng: Rng, name: string): string {
  const i = rng.int(1, name.length - 3);
  const roll = rng.int(0, 2);
  if (roll === 0) return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
  if (roll === 1) return name.slice(0, i) + name.slice(i + 1);
  return name.slice(0, i) + name[i] + name.slice(i);
}

async function lookupMix(database: Database, n: number): Promise<(LookupQuery & { mix: string })[]> {
  const rng = new Rng(101);
  const exonyms = readExonyms();
  const italian = exonyms.filter((e) => normalizeName(e.nameIt) !== normalizeName(e.nameEn));
  const towns = await database.query<{ name: string; country_code: string }>(
    `select name, country_code from places where population between 5000 and 100000 order by id`,
  );
  // Typos of Italian exonyms go the trigram way only if they are not someone's exact name: those are left out.
  const long = exonyms.filter((e) => e.nameIt.length >= 6);
  const slips = new Map<string, string>();
  for (let i = 0; i < n * 2; i++) {
    const e = rng.pick(long);
    slips.set(typo(rng, e.nameIt), e.country);
  }
  const exact = new Set(
    (
      await database.query<{ norm: string }>('select norm from place_names where norm = any($1::text[])', [
        [...slips.keys()].map(normalizeName),
      ])
    ).map((r) => r.norm),
  );
  const typos = [...slips].filter(([name]) => !exact.has(normalizeName(name)));

  const out: (LookupQuery & { mix: string })[] = [];
  for (let i = 0; i < n; i++) {
    const mix = rng.weighted<(typeof LOOKUP_MIXES)[number]>([
      ['English name', 35],
      ['Italian exonym', 30],
      ['typo (trigram)', 20],
      ['small town', 15],
    ]);
    let name: string;
    let country: string;
    if (mix === 'English name') {
      const e = rng.pick(exonyms);
      [name, country] = [e.nameEn, e.country];
    } else if (mix === 'Italian exonym') {
      const e = rng.pick(italian);
      [name, country] = [e.nameIt, e.country];
    } else if (mix === 'typo (trigram)') {
      [name, country] = rng.pick(typos);
    } else {
      const t = rng.pick(towns);
      [name, country] = [t.name, t.country_code];
    }
    const withCountry = rng.chance(0.5);
    out.push({ mix, name, country: withCountry ? countryAsWritten(rng, country) : undefined });
  }
  return out;
}

const LOOKUP_MIXES = ['English name', 'Italian exonym', 'typo (trigram)', 'small town'] as const;

async function benchLookups(database: Database, services: Services) {
  const queries = await lookupMix(database, LOOKUPS.warmup + LOOKUPS.measured);
  for (const q of queries.slice(0, LOOKUPS.warmup)) await services.places.lookup(q);
  const samples: number[] = [];
  const byMix = new Map<string, number[]>();
  const outcomes: Record<string, number> = {};
  for (const q of queries.slice(LOOKUPS.warmup)) {
    const { ms, value } = await timed(() => services.places.lookup(q));
    samples.push(ms);
    byMix.set(q.mix, [...(byMix.get(q.mix) ?? []), ms]);
    outcomes[value.status] = (outcomes[value.status] ?? 0) + 1;
  }
  const lookupByMix = Object.fromEntries([...byMix].map(([mix, ms]) => [mix, summarize(ms)]));
  return { lookup: summarize(samples), lookupByMix, lookupOutcomes: outcomes };
}

// ---- Agreement lists ----

interface ListCase {
  category: string;
  query: AgreementListQuery;
  /** The office's view (drafts included) rather than the public one. */
  office: boolean;
  /** Measure the second page: the first is fetched untimed for its cursor. */
  nextPage?: boolean;
}

const CATEGORIES = [
  'institution + kind',
  'institution + status',
  'continent + signed years',
  'country',
  'sector',
  'free text q',
  'sort by name',
  'next page (cursor)',
] as const;

async function listMix(database: Database, generated: GenerateReport, n: number): Promise<ListCase[]> {
  const rng = new Rng(202);
  const byCount = [...generated.institutions].sort((a, b) => b.agreements - a.agreements);
  // Big cities' registries are browsed most: a third of the calls go to the hundred largest institutions.
  const institution = () => (rng.chance(0.33) ? rng.pick(byCount.slice(0, 100)) : rng.pick(byCount)).slug;
  const countries = (
    await database.query<{ code: string }>(
      'select country_code as code from agreements group by 1 order by count(*) desc, 1 limit 30',
    )
  ).map((r) => r.code.trim());
  // What people type in the search box: the start of a partner's name, in Italian or English.
  const names = (
    await database.query<{ name: string }>(
      `select name from (select sort_name_it as name from agreements union all select sort_name_en from agreements) n
       group by 1 order by count(*) desc, 1 limit 3000`,
    )
  ).map((r) => r.name);
  const typed = () => {
    const name = rng.pick(names);
    return rng.chance(0.4) ? name : name.slice(0, rng.int(4, Math.max(4, Math.min(8, name.length))));
  };
  const sector = () =>
    rng.pick(['culture', 'education', 'tourism', 'economy', 'trade', 'environment', 'energy'] as const);
  const years = () => {
    const from = rng.int(1950, 2015);
    return { signedFrom: from, signedTo: Math.min(2025, from + rng.int(5, 20)) };
  };

  const make = (category: (typeof CATEGORIES)[number]): ListCase => {
    switch (category) {
      case 'institution + kind':
        return {
          category,
          office: rng.chance(0.5),
          query: { institution: institution(), kind: rng.chance(0.6) ? 'twinning' : 'friendship_pact' },
        };
      case 'institution + status':
        return {
          category,
          office: rng.chance(0.5),
          query: {
            institution: institution(),
            status: rng.pick(['active', 'active', 'suspended', 'terminated'] as const),
          },
        };
      case 'continent + signed years':
        return {
          category,
          office: false,
          query: { continent: rng.pick(['EU', 'EU', 'AS', 'NA', 'SA', 'AF', 'OC'] as const), ...years() },
        };
      case 'country':
        return {
          category,
          office: false,
          query: { country: rng.pick(countries), sort: rng.pick(['signed', '-signed'] as const) },
        };
      case 'sector':
        return { category, office: false, query: { sector: sector(), sort: '-signed' } };
      case 'free text q':
        return {
          category,
          office: false,
          query: { q: typed(), ...(rng.chance(0.3) ? { institution: institution() } : {}) },
        };
      case 'sort by name':
        return {
          category,
          office: rng.chance(0.3),
          query: {
            sort: rng.pick(['name', '-name'] as const),
            lang: rng.pick(['it', 'en'] as const),
            ...(rng.chance(0.6) ? { institution: institution() } : { country: rng.pick(countries) }),
          },
        };
      case 'next page (cursor)': {
        // National lists, long enough to have a second page.
        const base = make(rng.pick(['country', 'sector', 'continent + signed years'] as const));
        return { ...base, category, nextPage: true };
      }
    }
  };
  const cases: ListCase[] = [];
  for (let i = 0; i < n; i++) cases.push(make(CATEGORIES[i % CATEGORIES.length]!));
  return rng.shuffle(cases);
}

async function benchLists(
  database: Database,
  services: Services,
  generated: GenerateReport,
  last: () => { text: string; params: unknown[] },
) {
  const cases = await listMix(database, generated, LISTS.warmup + LISTS.perCategory * CATEGORIES.length);
  const run = (c: ListCase, cursor?: string) =>
    services.agreements.list(cursor ? { ...c.query, cursor } : c.query, { includeUnpublished: c.office });
  for (const c of cases.slice(0, LISTS.warmup)) await run(c);

  const all: number[] = [];
  const byCategory = new Map<string, { samples: number[]; slowest?: ListCategoryResult['slowest'] }>();
  for (const c of cases.slice(LISTS.warmup)) {
    let cursor: string | undefined;
    if (c.nextPage) {
      cursor = (await run(c)).nextCursor ?? undefined;
      if (!cursor) continue; // a single page: nothing to page to
    }
    const { ms } = await timed(() => run(c, cursor));
    all.push(ms);
    const entry = byCategory.get(c.category) ?? { samples: [] };
    entry.samples.push(ms);
    if (!entry.slowest || ms > entry.slowest.ms) entry.slowest = { ms, ...last() };
    byCategory.set(c.category, entry);
  }
  const listByCategory: Record<string, ListCategoryResult> = {};
  for (const category of CATEGORIES) {
    const entry = byCategory.get(category);
    if (entry) listByCategory[category] = { summary: summarize(entry.samples), slowest: entry.slowest };
  }
  return { list: summarize(all), listByCategory };
}

/** EXPLAIN ANALYZE of the slowest list query of each mix that misses the target (or of all, BENCH_EXPLAIN=1). */
async function explainSlowLists(database: Database, byCategory: Record<string, ListCategoryResult>) {
  const out: string[] = [];
  for (const [category, { summary, slowest }] of Object.entries(byCategory)) {
    if (!slowest || (summary.p95 <= TARGETS.listP95Ms && !process.env['BENCH_EXPLAIN'])) continue;
    const plan = await database.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${slowest.text}`,
      slowest.params,
    );
    out.push(
      `${category}: slowest call ${fmtMs(slowest.ms)}; params ${JSON.stringify(slowest.params)}\n` +
        plan.map((r) => `    ${r['QUERY PLAN']}`).join('\n'),
    );
  }
  return out;
}

// ---- Import ----

const KIND_AS_WRITTEN = [
  ['Gemellaggio', 50],
  ['gemellaggio', 10],
  ['twinning', 5],
  ['Patto di amicizia', 15],
  ['Accordo di collaborazione', 8],
  ["Protocollo d'intesa", 8],
  ['Patto di fratellanza', 4],
] as const;
/** Sectors as offices write them, in Italian or English: the same sector twice would be refused. */
const SECTORS_AS_WRITTEN: [string, string][] = [
  ['cultura', 'culture'],
  ['turismo', 'tourism'],
  ['istruzione', 'education'],
  ['economia', 'economy'],
  ['commercio', 'trade'],
  ['ambiente', 'environment'],
];
const dd = (n: number) => String(n).padStart(2, '0');

/** A date as offices type it: ISO, DD/MM/YYYY, year only, month only, or left empty. */
function dateAsWritten(rng: Rng, y: number, m: number, d: number): string {
  return rng.weighted([
    [`${y}-${dd(m)}-${dd(d)}`, 30],
    [`${dd(d)}/${dd(m)}/${y}`, 35],
    [`${y}`, 15],
    [`${dd(m)}/${y}`, 5],
    [`${y}-${dd(m)}`, 5],
    ['', 10],
  ]);
}

/** A CSV as a spreadsheet saves it (semicolons, BOM): partners in Italian and English with their countries. */
async function importCsv(services: Services, rows: number): Promise<string> {
  const rng = new Rng(303);
  // Partner names that resolve on their own, checked once beforehand: an ambiguous name would stop the whole
  // (all-or-nothing) import, which is not what is measured here.
  const candidates: LookupQuery[] = [];
  for (const e of readExonyms()) {
    candidates.push({ name: e.nameIt, country: countryAsWritten(rng, e.country) });
    candidates.push({ name: e.nameEn, country: countryAsWritten(rng, e.country) });
  }
  const results = await services.places.lookupMany(candidates);
  const partners = candidates.filter((_, i) => {
    const r = results[i]!;
    return !(r instanceof Error) && r.status === 'matched';
  });

  const header = [
    'kind',
    'partner',
    'country',
    'signed',
    'sectors',
    'status',
    'status_date',
    'title_it',
    'published',
  ];
  const body: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const p = rng.pick(partners);
    const y = rng.int(1950, 2024);
    const m = rng.int(1, 12);
    const d = rng.int(1, 28);
    const status = rng.weighted([
      ['attivo', 80],
      ['active', 5],
      ['', 5],
      ['sospeso', 5],
      ['cessato', 5],
    ] as const);
    const ended = status === 'sospeso' || status === 'cessato';
    const sectors = rng
      .shuffle([...SECTORS_AS_WRITTEN])
      .slice(0, rng.int(0, 3))
      .map(([it, en]) => (rng.chance(0.8) ? it : en));
    body.push([
      rng.weighted(KIND_AS_WRITTEN),
      p.name,
      p.country ?? '',
      dateAsWritten(rng, y, m, d),
      sectors.join('|'),
      status,
      ended ? `${dd(rng.int(1, 28))}/${dd(rng.int(1, 12))}/${Math.min(2025, y + rng.int(1, 30))}` : '',
      rng.chance(0.2) ? `Gemellaggio con ${p.name}` : '',
      rng.pick(['sì', 'sì', 'sì', 'no', 'yes']),
    ]);
  }
  return `\uFEFF${stringify([header, ...body], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

async function benchImport(database: Database, services: Services): Promise<number[]> {
  const dir = mkdtempSync(join(os.tmpdir(), 'ponte-bench-csv-'));
  const file = join(dir, 'agreements.csv');
  const slugs: string[] = [];
  try {
    writeFileSync(file, await importCsv(services, SIZES.importRows));
    const runs: number[] = [];
    for (let run = 1; run <= IMPORT_RUNS; run++) {
      const slug = `bench-import-${run}`;
      await services.institutions.create({
        slug,
        kind: 'regione',
        nameIt: `Regione di prova ${run}`,
        nameEn: `Test region ${run}`,
      });
      slugs.push(slug);
      const { ms, value: report } = await timed(async () =>
        services.importAgreements({
          institution: slug,
          bytes: readFileSync(file),
          format: 'csv',
          actor: CLI,
        }),
      );
      if (!report.written || report.created !== SIZES.importRows) {
        const first = report.problems
          .slice(0, 3)
          .map((p) => `line ${p.line} ${p.field}: ${p.message}`)
          .join('; ');
        throw new Error(
          `the import wrote ${report.created} of ${report.rows} rows (${report.problems.length} problems: ${first})`,
        );
      }
      runs.push(ms);
      log(`run ${run}: ${fmtS(ms / 1000)}`);
      if (ms > IMPORT_BUDGET_MS) break;
    }
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    // Back to the generated data set for the start-time runs (institutions cascade to their agreements).
    if (slugs.length) await database.query('delete from institutions where slug = any($1::text[])', [slugs]);
  }
}

// ---- Report ----

function printReport(results: EngineResult[]): void {
  const cpus = os.cpus();
  console.log('\nPonte benchmark');
  console.log(
    `Machine: ${os.type()} ${os.arch()}, ${cpus.length} CPU (${cpus[0]?.model.trim() ?? '?'}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}; ` +
      `load average at start ${LOAD_AT_START.map((l) => l.toFixed(2)).join(' ')} (other work skews latencies)`,
  );
  for (const r of results) if (r.skipped) console.log(r.skipped);
  const ran = results.filter((r) => !r.skipped);
  if (ran.length === 0) return;

  const cell = (r: EngineResult, f: (r: EngineResult) => string | undefined) =>
    r.error ? 'error' : (f(r) ?? '-');
  const row = (label: string, target: string, f: (r: EngineResult) => string | undefined) => [
    label,
    target,
    ...ran.map((r) => cell(r, f)),
  ];
  const g = (r: EngineResult) => r.generated;
  const opt = <T>(v: T | undefined, f: (v: T) => string) => (v === undefined ? undefined : f(v));
  const importMedian = (r: EngineResult) => (r.importRuns?.length ? median(r.importRuns) : Number.NaN);

  console.log('');
  printTable(
    ['Data set', '', ...ran.map((r) => r.name)],
    [
      row('Institutions', '', (r) => opt(g(r)?.institutions.length, fmtInt)),
      row('Counterparts', '', (r) => opt(g(r)?.counterparts, fmtInt)),
      row('Agreements', '', (r) => opt(g(r)?.agreements, fmtInt)),
      row('Status events', '', (r) => opt(g(r)?.events, fmtInt)),
      row('Gazetteer places', '', (r) => opt(r.places, fmtInt)),
      row('Prepare (migrate + gazetteer)', '', (r) => opt(r.prepareMs, (v) => fmtS(v / 1000))),
      row('Generate + write + analyze', '', (r) => opt(g(r)?.ms, (v) => fmtS(v / 1000))),
    ],
  );

  console.log('');
  const ms = (v: number | undefined, limit?: number) =>
    v === undefined ? undefined : limit === undefined ? fmtMs(v) : against(v, limit, fmtMs);
  printTable(
    ['Measure', 'Target', ...ran.map((r) => r.name)],
    [
      row(`Gazetteer lookup p50 (n=${LOOKUPS.measured})`, '', (r) => ms(r.lookup?.p50)),
      row('Gazetteer lookup p95', `≤ ${TARGETS.lookupP95Ms} ms`, (r) =>
        ms(r.lookup?.p95, TARGETS.lookupP95Ms),
      ),
      row('Gazetteer lookup p99', '', (r) => ms(r.lookup?.p99)),
      null,
      row(`Filtered list p50 (n=${ran[0]?.list?.n ?? '?'})`, '', (r) => ms(r.list?.p50)),
      row('Filtered list p95', `≤ ${TARGETS.listP95Ms} ms`, (r) => ms(r.list?.p95, TARGETS.listP95Ms)),
      row('Filtered list p99', '', (r) => ms(r.list?.p99)),
      null,
      row(`Import ${fmtInt(SIZES.importRows)} CSV rows (median)`, `≤ ${TARGETS.importS} s`, (r) =>
        r.importError ? 'failed' : r.importRuns && against(importMedian(r) / 1000, TARGETS.importS, fmtS),
      ),
      row('Import throughput', '', (r) =>
        r.importRuns?.length
          ? `${fmtInt(Math.round(SIZES.importRows / (importMedian(r) / 1000)))} rows/s`
          : undefined,
      ),
      row('Import runs', '', (r) => r.importRuns?.map((v) => (v / 1000).toFixed(2)).join(' / ')),
      null,
      row('First start until /readyz 200 (median)', `≤ ${START_TARGETS.firstMs / 1000} s`, (r) =>
        r.firstStartError
          ? 'failed'
          : r.firstStartRuns && against(median(r.firstStartRuns) / 1000, START_TARGETS.firstMs / 1000, fmtS),
      ),
      row('First start runs (fresh data each)', '', (r) =>
        r.firstStartRuns?.map((v) => (v / 1000).toFixed(2)).join(' / '),
      ),
      row('Later start until /readyz 200 (median)', `≤ ${START_TARGETS.laterMs / 1000} s`, (r) =>
        r.startError
          ? 'failed'
          : r.startRuns && against(median(r.startRuns) / 1000, START_TARGETS.laterMs / 1000, fmtS),
      ),
      row('Later start runs (generated data)', '', (r) =>
        r.startRuns?.map((v) => (v / 1000).toFixed(2)).join(' / '),
      ),
    ],
  );

  console.log('\nList latency by filter mix (p50 / p95 / max)');
  printTable(
    ['Filter mix', 'n', ...ran.map((r) => r.name)],
    CATEGORIES.map((c) => [
      c,
      String(ran[0]?.listByCategory?.[c]?.summary.n ?? '-'),
      ...ran.map((r) => {
        const s = r.listByCategory?.[c]?.summary;
        return s ? `${fmtMs(s.p50)} / ${fmtMs(s.p95)} / ${fmtMs(s.max)}` : '-';
      }),
    ]),
  );

  console.log('\nLookup latency by mix (p50 / p95 / max)');
  printTable(
    ['Lookup mix', 'n', ...ran.map((r) => r.name)],
    LOOKUP_MIXES.map((m) => [
      m,
      String(ran[0]?.lookupByMix?.[m]?.n ?? '-'),
      ...ran.map((r) => {
        const s = r.lookupByMix?.[m];
        return s ? `${fmtMs(s.p50)} / ${fmtMs(s.p95)} / ${fmtMs(s.max)}` : '-';
      }),
    ]),
  );

  console.log('\nLookup outcomes (matched / ambiguous / not found)');
  for (const r of ran) {
    const o = r.lookupOutcomes ?? {};
    console.log(`  ${r.name}: ${o['matched'] ?? 0} / ${o['ambiguous'] ?? 0} / ${o['not_found'] ?? 0}`);
  }
  for (const r of ran) {
    if (r.error) console.log(`\n${r.name} failed: ${r.error}`);
    if (r.importError) console.log(`\n${r.name} import failed: ${r.importError}`);
    if (r.startError) console.log(`\n${r.name} start failed: ${r.startError}`);
    if (r.firstStartError) console.log(`\n${r.name} first start failed: ${r.firstStartError}`);
    for (const e of r.explains ?? []) console.log(`\n${r.name}, ${e}`);
  }
}

// ---- Main ----

const engines = (process.env['BENCH_ENGINES'] || 'pglite,postgres').split(',').map((s) => s.trim());
console.log(
  `Ponte benchmark: ${fmtInt(SIZES.institutions)} institutions, ${fmtInt(SIZES.agreements)} agreements, ` +
    `engines ${engines.join(', ')}`,
);
const results: EngineResult[] = [];
if (engines.includes('pglite')) results.push(await benchEngine(pgliteTarget()));
if (engines.includes('postgres')) {
  const target = await postgresTarget();
  if (typeof target === 'string') {
    console.log(`\n${target}`);
    results.push({ name: 'PostgreSQL', skipped: target });
  } else results.push(await benchEngine(target));
}
printReport(results);
