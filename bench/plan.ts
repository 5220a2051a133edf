// `npm run bench:plan`: projects and the plan at the size of a large city's office, on the embedded PGlite as
// `npm start` uses it. The demo's Milan gets 1,000 projects over 2021-2025 (half of them published running
// cooperation projects) with 10,000 partners, two co-funding sources each and a budget for every year they
// run; and five years of objectives (2021-2025), one of which has money for every year, five indicators and
// 40 linked projects, visits and events. Then, through the app: the back-office projects list and the API's,
// plain and filtered; the objective's 2023 report as a page and as a PDF; and the IATI file of the 500
// cooperation projects, the first answer after a change (the public API's cache emptied) and its service
// alone. Each figure beside issue 14's target. Not a test: nothing fails, it reports.
//
// Environment: BENCH_SAMPLES (default 200; the report, the PDF and the IATI file take 30).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/deps.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { raiseWasmTieringBudget } from '../src/platform/db/embedded.ts';
import { prepareDatabase } from '../src/prepare.ts';
import {
  announceChange,
  fmtInt,
  fmtMs,
  getter,
  printTable,
  type Summary,
  sample,
  signedIn,
  summarize,
  timed,
} from './lib.ts';

raiseWasmTieringBudget();
const SAMPLES = Number(process.env['BENCH_SAMPLES'] || 200);
const SLOW_SAMPLES = 30;
const TARGETS = { listP95Ms: 30, reportMs: 1000, pdfMs: 2000, iatiMs: 2000 };
const PROJECTS = 1000;
const log = (msg: string) => console.log(`  ${msg}`);
const COUNTRIES = [
  'SN',
  'BF',
  'ML',
  'MA',
  'TN',
  'ET',
  'MZ',
  'BR',
  'PE',
  'BO',
  'AL',
  'UA',
  'PS',
  'LB',
  'VN',
  'PH',
];
type Query = (text: string, params?: unknown[]) => Promise<unknown[]>;

/**
 * The projects, in a few statements: every second one a published running cooperation project (500), the
 * others of every kind and status; starting over 2021-2025 and running one to three years; ten partners each
 * (one in five from the registry), two co-funding sources, and the institution's budget for every year it runs.
 */
async function fillProjects(query: Query, institutionId: string) {
  await query(
    `insert into projects (institution_id, code, kind, title_it, title_en, description_it, funder, role, status,
                           starts_on, ends_on, countries, total_budget, own_share, results_it, published)
     select $1, 'BENCH-' || lpad(g::text, 4, '0'),
            case when g % 2 = 0 then 'cooperation' else (array['eu','national','regional','other','cooperation'])[1 + g % 5] end,
            'Progetto di prova ' || g || ' per lo sviluppo locale', 'Test project ' || g,
            'Descrizione del progetto ' || g || ': ' || repeat('attività con i partner locali; ', 8),
            (array['AICS','Interreg Europe','Regione Lombardia','Fondazione Cariplo'])[1 + g % 4],
            (array['lead','partner','associate'])[1 + g % 3],
            case when g % 2 = 0 then 'running' else (array['idea','submitted','approved','rejected','closed'])[1 + g % 5] end,
            date '2021-01-01' + (g * 7919 % 1826), date '2021-01-01' + (g * 7919 % 1826) + 365 * (1 + g % 3),
            array[($2::text[])[1 + g % 16], ($2::text[])[1 + (g * 7) % 16]],
            100000 + g * 250, 20000 + g * 50, 'Risultati attesi ' || g, g % 2 = 0
       from generate_series(1, $3::int) g`,
    [institutionId, COUNTRIES, PROJECTS],
  );
  const mine = `(select id, row_number() over (order by code) n, starts_on, ends_on from projects
                  where institution_id = $1 and code like 'BENCH-%')`;
  await query(
    `insert into project_partners (project_id, institution_id, counterpart_id, name, role, country, position)
     select p.id, $1, case when k % 5 = 0 then c.id end, coalesce(case when k % 5 = 0 then c.name_it end,
            'Partner ' || p.n || '-' || k), (array['lead','partner','associate','funder'])[1 + k % 4],
            ($2::text[])[1 + (p.n + k) % 16], k - 1
       from ${mine} p cross join generate_series(1, 10) k
       left join (select id, name_it, row_number() over (order by id) - 1 i, count(*) over () total
                    from counterparts where institution_id = $1) c on c.i = (p.n * 10 + k) % c.total`,
    [institutionId, COUNTRIES],
  );
  await query(
    `insert into project_funding (project_id, institution_id, source, amount, position)
     select p.id, $1, (array['Unione europea','Comune'])[k], 50000 + p.n * 100 * k, k - 1
       from ${mine} p cross join generate_series(1, 2) k`,
    [institutionId],
  );
  await query(
    `insert into project_years (project_id, institution_id, year, amount)
     select p.id, $1, y, 10000 + p.n * 10 + y
       from ${mine} p
       cross join lateral generate_series(extract(year from p.starts_on)::int, extract(year from p.ends_on)::int) y`,
    [institutionId],
  );
}

/**
 * Five years of the plan (mandate 2021-2025): five strategic objectives with four operational ones each, money
 * for every year; the first operational one (BENCH/01) gets five indicators. And 20 visits and 10 events over
 * the five years, to link to it.
 */
async function fillPlan(query: Query, institutionId: string) {
  await query(
    `insert into objectives (institution_id, level, mandate_from, mandate_to, title_it, title_en, address_it, mission,
                             responsible, description_it, first_year, last_year, published)
     select $1, 'strategic', 2021, 2025, 'Obiettivo strategico di prova ' || g, 'Strategic objective ' || g,
            'Milano città internazionale', '19', 'Direzione Relazioni internazionali',
            repeat('Descrizione dell''obiettivo. ', 10), 2021, 2025, true
       from generate_series(1, 5) g`,
    [institutionId],
  );
  await query(
    `insert into objectives (institution_id, level, parent_id, code, mandate_from, mandate_to, title_it, mission,
                             programme, responsible, description_it, first_year, last_year, published)
     select $1, 'operational', s.id, 'BENCH/' || lpad((4 * (s.n - 1) + k)::text, 2, '0'), 2021, 2025,
            'Obiettivo operativo di prova ' || (4 * (s.n - 1) + k), '19', '1901', 'Ufficio cooperazione',
            repeat('Descrizione operativa. ', 10), 2021, 2025, true
       from (select id, row_number() over (order by id) n from objectives
              where institution_id = $1 and title_it like 'Obiettivo strategico di prova %') s
      cross join generate_series(1, 4) k`,
    [institutionId],
  );
  await query(
    `insert into objective_years (objective_id, institution_id, year, income_planned, income_committed, income_paid,
                                  expense_planned, expense_committed, expense_paid)
     select o.id, $1, y, 50000 + y, 40000 + y, 30000 + y, 120000 + y, 100000 + y, 80000 + y
       from objectives o cross join generate_series(2021, 2025) y
      where o.institution_id = $1 and o.mandate_from = 2021 and o.title_it like 'Obiettivo % di prova %'`,
    [institutionId],
  );
  await query(
    `insert into objective_indicators (objective_id, institution_id, name_it, name_en, unit, values, position)
     select o.id, $1, 'Indicatore ' || k, 'Indicator ' || k, (array['accordi','%','euro','persone','eventi'])[k],
            (select jsonb_agg(jsonb_build_object('year', y, 'target', (k * 10 + y - 2020)::text,
                                                 'actual', case when y <= 2024 then (k * 9 + y - 2020)::text end)
                              order by y)
               from generate_series(2021, 2025) y),
            k - 1
       from objectives o cross join generate_series(1, 5) k
      where o.institution_id = $1 and o.code = 'BENCH/01'`,
    [institutionId],
  );
  await query(
    `insert into visits (institution_id, title_it, title_en, status, starts_on, ends_on, head_name, purpose_it, published)
     select $1, 'Visita di prova ' || g, 'Test visit ' || g, 'held', date '2021-02-01' + g * 89, date '2021-02-01' + g * 89 + 2,
            'Capo delegazione ' || g, 'Scopo della visita ' || g, true
       from generate_series(1, 20) g`,
    [institutionId],
  );
  await query(
    `insert into events (institution_id, title_it, title_en, role, status, starts_on, ends_on, venue, city, published)
     select $1, 'Evento di prova ' || g, 'Test event ' || g, 'organiser', 'held', date '2021-03-15' + g * 173,
            date '2021-03-15' + g * 173 + 1, 'Palazzo Marino', 'Milano', true
       from generate_series(1, 10) g`,
    [institutionId],
  );
}

async function main() {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'ponte-bench-plan-'));
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database);
    const services = createServices(database);
    await services.seed.demo();
    const milan = await services.institutions.idOf('milano');
    log(
      `Filling Milan with ${fmtInt(PROJECTS)} projects, their partners, funding and years, and the plan...`,
    );
    const filled = await timed(() =>
      database.asOwner(async (owner) => {
        await fillProjects(owner.query, milan);
        await fillPlan(owner.query, milan);
        // IATI names the publisher by the tax code.
        await owner.query(`update institutions set tax_code = '01199250158' where id = $1`, [milan]);
        // Fresh statistics, as autovacuum would gather on a server after such a load (PGlite has none).
        await owner.query('analyze');
      }),
    );
    const [sizes] = await database.query<{ projects: number; partners: number; years: number; iati: number }>(
      `select (select count(*)::int from projects where institution_id = $1) projects,
              (select count(*)::int from project_partners where institution_id = $1) partners,
              (select count(*)::int from project_years where institution_id = $1) years,
              (select count(*)::int from projects where institution_id = $1 and published and kind = 'cooperation'
                                                    and status in ('approved','running','closed')) iati`,
      [milan],
    );
    log(
      `Filled in ${fmtMs(filled.ms)}: ${fmtInt(sizes!.projects)} projects, ${fmtInt(sizes!.partners)} partners, ` +
        `${fmtInt(sizes!.years)} project years; ${fmtInt(sizes!.iati)} projects for IATI.`,
    );

    log('Linking 40 projects, visits and events to objective BENCH/01 through the service...');
    const [objective] = await database.query<{ id: string }>(
      `select id from objectives where institution_id = $1 and code = 'BENCH/01'`,
      [milan],
    );
    const objectiveId = objective!.id;
    const records = await database.query<{ kind: string; id: string }>(
      `(select 'project' kind, id from projects
         where institution_id = $1 and code like 'BENCH-%' order by code limit 20)
       union all (select 'visit', id from visits
                   where institution_id = $1 and title_it like 'Visita di prova %')
       union all (select 'event', id from events
                   where institution_id = $1 and title_it like 'Evento di prova %')`,
      [milan],
    );
    const links = records.filter((r) => r.kind === 'project').slice(0, 15);
    links.push(...records.filter((r) => r.kind === 'visit').slice(0, 15));
    links.push(...records.filter((r) => r.kind === 'event').slice(0, 10));
    for (const r of links) await services.plan.link(milan, objectiveId, r.kind, r.id);
    // As the report counts them: each activity in every year it runs through.
    const of2023 = (await services.plan.report(milan, objectiveId, '2023')).done.reduce(
      (n, g) => n + g.items.length,
      0,
    );

    const app = await buildApp({
      deps: { database, services, close: async () => {} },
      config: { publicUrl: 'http://bench.invalid' },
    });
    await app.ready();
    const cookie = {
      cookie: await signedIn(services.accounts, {
        email: 'bench@plan.invalid',
        institution: 'milano',
        role: 'editor',
      }),
    };
    const { token } = await services.accounts.createApiToken({
      institution: 'milano',
      name: 'bench',
      scope: 'read',
      actor: { userId: null, label: 'bench' },
    });
    const bearer = { authorization: `Bearer ${token}` };
    const get = getter(app);
    const filtered = '?status=running&kind=cooperation';

    log(`Projects list, back office and API, plain and filtered: ${SAMPLES} samples each...`);
    const pageList = await sample(SAMPLES, () => get('/admin/it/projects', cookie), 20);
    const pageFiltered = await sample(SAMPLES, () => get(`/admin/it/projects${filtered}`, cookie), 20);
    const apiList = await sample(SAMPLES, () => get('/api/v1/projects', bearer), 20);
    const apiFiltered = await sample(SAMPLES, () => get(`/api/v1/projects${filtered}`, bearer), 20);
    const apiPage = JSON.parse((await get(`/api/v1/projects${filtered}`, bearer)).body) as { total: number };

    log(`Year report of the objective (2023), page and PDF: ${SLOW_SAMPLES} samples each...`);
    const reportUrl = `/admin/it/plan/${objectiveId}/report/2023`;
    const report = await sample(SLOW_SAMPLES, () => get(reportUrl, cookie), 3);
    const pdf = await sample(SLOW_SAMPLES, () => get(`${reportUrl}.pdf`, cookie), 3);

    log(
      `IATI file: the first answer after each change (HTTP), and the service alone: ${SLOW_SAMPLES} each...`,
    );
    const iatiUrl = '/api/v1/institutions/milano/projects.iati.xml';
    const xml = (await get(iatiUrl)).body;
    const activities = xml.split('<iati-activity ').length - 1;
    const cold: number[] = [];
    for (let i = 0; i < SLOW_SAMPLES + 3; i++) {
      await announceChange(database.query, milan);
      const ms = (await timed(() => get(iatiUrl))).ms;
      if (i >= 3) cold.push(ms);
    }
    const iatiCold = summarize(cold);
    const iatiService = await sample(
      SLOW_SAMPLES,
      () => services.projects.iati('milano', new Date(), () => null),
      3,
    );
    const iatiCached = await sample(SAMPLES, () => get(iatiUrl), 3);
    await app.close();

    const row = (what: string, s: Summary, target?: number) => [
      what,
      fmtMs(s.p50),
      fmtMs(s.p95),
      fmtMs(s.max),
      // The bound itself, and whether the p95 meets it.
      target === undefined ? '' : `≤ ${fmtMs(target)} ${s.p95 <= target ? '✓' : '✗'}`,
    ];
    console.log(
      `\nProjects and the plan: ${fmtInt(sizes!.projects)} projects, ${fmtInt(sizes!.partners)} partners, five years of ` +
        'objectives (PGlite, in-process, medians and p95)\n',
    );
    printTable(
      ['What', 'median', 'p95', 'max', 'target (p95)'],
      [
        row('Projects list, back office (editor)', pageList, TARGETS.listP95Ms),
        row(`Projects list, back office, ${filtered}`, pageFiltered, TARGETS.listP95Ms),
        row('Projects list, API (token)', apiList, TARGETS.listP95Ms),
        row(`Projects list, API, ${filtered} (${fmtInt(apiPage.total)})`, apiFiltered, TARGETS.listP95Ms),
        null,
        row(
          `Objective's 2023 report, page (${links.length} links, ${of2023} of 2023)`,
          report,
          TARGETS.reportMs,
        ),
        row("Objective's 2023 report, PDF", pdf, TARGETS.pdfMs),
        null,
        row(
          `IATI file, HTTP, first after a change (${fmtInt(activities)} activities)`,
          iatiCold,
          TARGETS.iatiMs,
        ),
        row('IATI file, service alone (projects.iati)', iatiService, TARGETS.iatiMs),
        row('IATI file, HTTP, from the API cache', iatiCached),
      ],
    );
    console.log(
      `\n(Lists: ${SAMPLES} samples after 20 warm-ups; report, PDF and IATI: ${SLOW_SAMPLES} samples after 3. ` +
        'Timings through app.inject, without a socket; "first after a change": a change of Milan announced, which ' +
        'empties the public API cache, then the file built again; "service alone": projects.iati() called directly, ' +
        'without HTTP or cache.)',
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
