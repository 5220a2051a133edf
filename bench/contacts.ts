// `npm run bench:contacts`: the contacts register at the size of Milan's (200 consular posts, 600 community
// associations, 5,000 people with their roles), on the embedded PGlite as `npm start` uses it. Then, through the
// app: the public consular-corps page cold (after a change, which drops the page cache, so the data are read
// and the page drawn again) and cached; a name search of the people (the API, as a viewer); and importing a
// 1,000-row consular list (Latin-1, semicolons) through the CLI's service. Each figure beside the issue's
// target. Not a test: nothing fails, it reports.
//
// Environment: BENCH_SAMPLES (default 200).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/deps.ts';
import { cliActor } from '../src/features/accounts/accounts.access.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { raiseWasmTieringBudget } from '../src/platform/db/embedded.ts';
import { prepareDatabase } from '../src/prepare.ts';
import { against, announceChange, fmtInt, fmtMs, getter, printTable, Rng, summarize, timed } from './lib.ts';

raiseWasmTieringBudget();
const SAMPLES = Number(process.env['BENCH_SAMPLES'] || 200);
const TARGETS = { coldP95Ms: 50, cachedP95Ms: 5, searchP95Ms: 20, importMs: 5000 };
const log = (msg: string) => console.log(`  ${msg}`);
const COUNTRIES = [
  'JP',
  'CN',
  'US',
  'FR',
  'DE',
  'BR',
  'PE',
  'PH',
  'EG',
  'MA',
  'IN',
  'RU',
  'UA',
  'RO',
  'AL',
  'SN',
];

/** The register, written in a few statements: posts, associations, people and their roles. */
async function fill(query: (text: string, params?: unknown[]) => Promise<unknown[]>, institutionId: string) {
  await query(
    `insert into organisations (institution_id, kind, post_kind, name_it, country_code, district, address, city,
                                latitude, longitude, phone, email, website, opening_hours_it, published, search_key)
     select $1, 'consular_post', (array['consulate_general','consulate','honorary_consulate'])[1 + g % 3],
            'Consolato ' || g, ($2::text[])[1 + g % 16], array['Lombardia'], 'Via di prova ' || g, 'Milano',
            45.40 + (g % 100) * 0.002, 9.10 + (g % 97) * 0.002, '+39 02 ' || (1000000 + g), 'post' || g || '@example.org',
            'https://example.org/' || g, 'Lun–Ven 9–12', true, 'consolato ' || g
       from generate_series(1, 200) g`,
    [institutionId, COUNTRIES],
  );
  await query(
    `insert into organisations (institution_id, kind, name_it, communities, languages, city, published, search_key)
     select $1, 'association', 'Associazione ' || g, array[($2::text[])[1 + g % 16]], array['it'], 'Milano', g % 3 <> 0,
            'associazione ' || g
       from generate_series(1, 600) g`,
    [institutionId, COUNTRIES],
  );
  await query(
    `insert into people (institution_id, name, languages, email, visibility, legal_basis, review_on, search_key)
     select $1, 'Persona ' || g || ' Müller-Rossi', array['en'], 'p' || g || '@example.org',
            (array['public','staff','editors'])[1 + g % 3], 'public_task', date '2028-01-01',
            'persona ' || g || ' muller rossi'
       from generate_series(1, 5000) g`,
    [institutionId],
  );
  await query(
    `insert into person_roles (institution_id, person_id, organisation_id, title_it, head, starts_on)
     select p.institution_id, p.id, o.id, 'Console', row_number() over () % 5 = 1, date '2022-01-01'
       from (select id, institution_id, row_number() over (order by id) n from people where institution_id = $1) p
       join (select id, row_number() over (order by id) n from organisations where institution_id = $1) o
         on o.n = 1 + p.n % 800`,
    [institutionId],
  );
}

/** A consular list as an office saves it: Latin-1, semicolons, Italian headers. */
function consularList(rows: number): Uint8Array {
  const lines = ['Paese;Sede;Nome;Indirizzo;Città;Telefono;Circoscrizione;Capo sede;Qualifica'];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `${COUNTRIES[i % 16]};Consolato onorario;Consolato importato ${i};Via Verdi ${i};Città ${i % 40};+39 02 ${2000000 + i};Lombardia;Console ${i};Console onorario`,
    );
  }
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

async function main() {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'ponte-bench-contacts-'));
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database);
    const services = createServices(database);
    await services.seed.demo();
    const milan = await services.institutions.idOf('milano');
    log('Filling Milan with 200 consular posts, 600 associations and 5,000 people...');
    const filled = await timed(() => database.asOwner((owner) => fill(owner.query, milan)));
    log(`Filled in ${fmtMs(filled.ms)}.`);
    const app = await buildApp({
      deps: { database, services, close: async () => {} },
      config: { publicUrl: 'http://bench.invalid' },
    });
    await app.ready();
    const { token } = await services.accounts.createApiToken({
      institution: 'milano',
      name: 'bench',
      scope: 'read',
      actor: { userId: null, label: 'bench' },
    });
    const rng = new Rng(20261202);
    const get = getter(app);
    const page = '/milano/it/corpo-consolare/';
    // As a browser asks: compressed (the cache keeps the compressed body; an identity answer is unpacked).
    const browser = { 'accept-encoding': 'gzip, deflate, br' };
    log('Consular corps page, cold: a change announced, then the page read and drawn again...');
    const cold: number[] = [];
    for (let i = 0; i < Math.min(SAMPLES, 100) + 5; i++) {
      await announceChange(database.query, milan);
      const ms = (await timed(() => get(page, browser))).ms;
      if (i >= 5) cold.push(ms);
    }
    const coldPage = summarize(cold);
    log('Consular corps page, cached...');
    const cached: number[] = [];
    for (let i = 0; i < SAMPLES; i++) cached.push((await timed(() => get(page, browser))).ms);
    const cachedPage = summarize(cached);
    log('Name search of the people, as a viewer (the API)...');
    const search: number[] = [];
    const headers = { authorization: `Bearer ${token}` };
    for (let i = 0; i < SAMPLES + 10; i++) {
      const q = encodeURIComponent(`muller ${rng.int(1, 4999)}`);
      const ms = (await timed(() => get(`/api/v1/people?q=${q}`, headers))).ms;
      if (i >= 10) search.push(ms);
    }
    const searchStats = summarize(search);
    log('Importing a 1,000-row consular list (Latin-1, semicolons, heads of post)...');
    const report = await timed(() =>
      services.importContacts({
        actor: cliActor({ id: milan, slug: 'milano' }),
        bytes: consularList(1000),
        kind: 'consular_post',
        dryRun: false,
      }),
    );
    if (report.value.problems.length) throw new Error(JSON.stringify(report.value.problems.slice(0, 3)));
    await app.close();
    console.log(
      '\nThe contacts register: 200 posts, 600 associations, 5,000 people (PGlite, in-process, medians and p95)\n',
    );
    printTable(
      ['What', 'median', 'p95', 'target'],
      [
        [
          'Consular corps page, cold',
          fmtMs(coldPage.p50),
          fmtMs(coldPage.p95),
          against(coldPage.p95, TARGETS.coldP95Ms, fmtMs),
        ],
        [
          'Consular corps page, cached',
          fmtMs(cachedPage.p50),
          fmtMs(cachedPage.p95),
          against(cachedPage.p95, TARGETS.cachedP95Ms, fmtMs),
        ],
        [
          'Name search (API, viewer)',
          fmtMs(searchStats.p50),
          fmtMs(searchStats.p95),
          against(searchStats.p95, TARGETS.searchP95Ms, fmtMs),
        ],
        [
          `Import of 1,000 rows (${fmtInt(report.value.organisations)} posts, ${fmtInt(report.value.people)} people)`,
          fmtMs(report.ms),
          '',
          against(report.ms, TARGETS.importMs, fmtMs),
        ],
      ],
    );
    console.log(
      '\n(Timings through app.inject, without a socket; the import through its service, as the CLI runs it.)',
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
await main();
