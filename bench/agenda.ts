// `npm run bench:agenda`: the agenda of one institution after ten years of activity, on the embedded PGlite
// as `npm start` uses it. The demo's Milan gets 5,000 visits, missions and meetings over 2017-2026 (visits with
// three programme items, missions with two travellers), 1,000 follow-ups and 1,000 gifts; then, through the
// app as a browser or a calendar would ask: the month view, the public and private ICS feeds, a briefing pack,
// and the public agenda page (first render, then from the page cache). Each figure beside the target.
// Not a test: nothing fails, it reports.
//
// Environment: BENCH_RECORDS (default 5000), BENCH_SAMPLES (default 200).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { createServices } from '../src/deps.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { raiseWasmTieringBudget } from '../src/platform/db/embedded.ts';
import { prepareDatabase } from '../src/prepare.ts';
import {
  against,
  fmtInt,
  fmtMs,
  getter,
  printTable,
  Rng,
  sample,
  signedIn,
  summarize,
  timed,
} from './lib.ts';

raiseWasmTieringBudget();
const RECORDS = Number(process.env['BENCH_RECORDS'] || 5000);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] || 200);
const TARGETS = { monthP95Ms: 50, icsP95Ms: 50, briefingMs: 2000, cachedPageP95Ms: 5 };
const log = (msg: string) => console.log(`  ${msg}`);

/** Ten years of activity for one institution, written in a few statements. */
async function fill(query: (text: string, params?: unknown[]) => Promise<unknown[]>, institutionId: string) {
  const visits = Math.round(RECORDS * 0.4);
  const missions = Math.round(RECORDS * 0.2);
  const meetings = RECORDS - visits - missions;
  // Days spread over ten years; partners, statuses and publication varied by the row's number.
  await query(
    `insert into visits (institution_id, title_it, title_en, status, starts_on, ends_on, starts_at, counterpart_id,
                         head_name, purpose_it, outcome_it, languages, published)
     select $1, 'Visita ' || g, 'Visit ' || g, (array['proposed','confirmed','held','cancelled'])[1 + g % 4],
            date '2017-01-01' + (g * 7919 % 3650), date '2017-01-01' + (g * 7919 % 3650) + (g % 3), time '09:30',
            (select id from counterparts where institution_id = $1 order by id offset (g % greatest(1,
              (select count(*) from counterparts where institution_id = $1))::int) limit 1),
            'Capo delegazione ' || g, 'Scopo della visita ' || g, 'Esito ' || g, array['en','zh'], g % 2 = 0
       from generate_series(1, $2::int) g`,
    [institutionId, visits],
  );
  await query(
    `insert into visit_items (institution_id, visit_id, day, starts_at, ends_at, place, activity_it, attendees)
     select v.institution_id, v.id, v.starts_on, time '10:00' + (n || ' hours')::interval, time '11:00' + (n || ' hours')::interval,
            'Palazzo Marino', 'Attività ' || n, 'Il Sindaco'
       from visits v cross join generate_series(1, 3) n where v.institution_id = $1`,
    [institutionId],
  );
  await query(
    `insert into missions (institution_id, title_it, status, starts_on, ends_on, destinations, purpose_it, published)
     select $1, 'Missione ' || g, (array['confirmed','held'])[1 + g % 2], date '2017-01-01' + (g * 104729 % 3650),
            date '2017-01-01' + (g * 104729 % 3650) + 2,
            '[{"geonamesId": 1796236, "nameIt": "Shanghai", "nameEn": "Shanghai", "countryCode": "CN"}]'::jsonb,
            'Scopo ' || g, g % 2 = 0
       from generate_series(1, $2::int) g`,
    [institutionId, missions],
  );
  await query(
    `insert into mission_travellers (institution_id, mission_id, name, office, travel_cost, lodging_cost)
     select m.institution_id, m.id, (array['Sindaco di prova','Assessore di prova'])[n], (array['mayor','deputy_mayor'])[n],
            500 + n * 10, 300
       from missions m cross join generate_series(1, 2) n where m.institution_id = $1`,
    [institutionId],
  );
  await query(
    `insert into meetings (institution_id, title_it, status, starts_on, starts_at, ends_at, counterpart_id, topics_it, published)
     select $1, 'Incontro ' || g, 'held', date '2017-01-01' + (g * 6151 % 3650), time '11:00', time '12:00',
            (select id from counterparts where institution_id = $1 order by id offset (g % greatest(1,
              (select count(*) from counterparts where institution_id = $1))::int) limit 1),
            'Temi ' || g, g % 3 = 0
       from generate_series(1, $2::int) g`,
    [institutionId, meetings],
  );
  await query(
    `insert into follow_ups (institution_id, visit_id, action, due_on)
     select institution_id, id, 'Azione di seguito', starts_on + 30 from visits where institution_id = $1 limit 1000`,
    [institutionId],
  );
  await query(
    `insert into gifts (institution_id, direction, on_day, visit_id, description_it, value, disposition)
     select institution_id, 'received', starts_on, id, 'Dono', 80, 'kept' from visits where institution_id = $1 limit 1000`,
    [institutionId],
  );
}

async function main() {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'ponte-bench-agenda-'));
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database);
    const services = createServices(database);
    await services.seed.demo();
    const milan = await services.institutions.idOf('milano');
    log(`Filling Milan with ${fmtInt(RECORDS)} visits, missions and meetings over ten years...`);
    const filled = await timed(() => database.asOwner((owner) => fill(owner.query, milan)));
    log(`Filled in ${fmtMs(filled.ms)}.`);
    const app = await buildApp({
      deps: { database, services, close: async () => {} },
      config: { publicUrl: 'http://bench.invalid' },
    });

    const cookie = await signedIn(services.accounts, {
      email: 'bench@agenda.invalid',
      institution: 'milano',
      role: 'admin',
    });
    const rng = new Rng(20261202);
    const get = getter(app);
    const month = () =>
      `/admin/it/agenda?month=${2017 + rng.int(0, 9)}-${String(rng.int(1, 12)).padStart(2, '0')}`;

    log(`Month view: ${SAMPLES} random months of the ten years...`);
    const monthView = await sample(SAMPLES, () => get(month(), { cookie }));

    log('Private feed (everything, internal details, past year and future; never cached)...');
    const feedPage = await app.inject({
      method: 'POST',
      url: '/admin/it/agenda/feed',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent((await get('/admin/it/agenda', { cookie })).body.match(/name="_csrf" value="([^"]+)"/)![1]!)}`,
    });
    const feedUrl = feedPage.body
      .match(/value="http:\/\/bench\.invalid(\/feeds\/agenda\/[^"]+)"/)![1]!
      .replace(/&amp;/g, '&');
    const privateFeed = await sample(SAMPLES, () => get(feedUrl));

    log('Feeds again after each change (a visit edited, then the feed read)...');
    const touch = () =>
      database.asOwner((owner) =>
        owner.query(
          'update visits set updated_at = now() where id = (select id from visits where institution_id = $1 limit 1)',
          [milan],
        ),
      );
    const privateAfter: number[] = [];
    const publicAfter: number[] = [];
    for (let i = 0; i < 20; i++) {
      await touch();
      privateAfter.push((await timed(() => get(feedUrl))).ms);
      publicAfter.push((await timed(() => services.agenda.publicFeed('milano', 'it'))).ms);
    }
    const privateChanged = summarize(privateAfter);
    const publicChanged = summarize(publicAfter);
    log(
      'Public feed through the service with the data unchanged (another instance, or the API cache emptied)...',
    );
    const publicSteady: number[] = [];
    for (let i = 0; i < SAMPLES; i++)
      publicSteady.push((await timed(() => services.agenda.publicFeed('milano', 'it'))).ms);
    const publicFeed = summarize(publicSteady);
    const publicCached = await sample(SAMPLES, () => get('/api/v1/agenda.ics?institution=milano&lang=it'));

    log('Briefing pack of a visit from a partner with ten years of history...');
    const [visit] = await database.query<{ id: string }>(
      'select id from visits where institution_id = $1 and counterpart_id is not null order by starts_on desc limit 1',
      [milan],
    );
    const briefing = await sample(20, () => get(`/admin/it/visits/${visit!.id}/briefing.pdf`, { cookie }));

    log('Public agenda page: first render, then from the page cache...');
    const first = await timed(() => get('/milano/it/agenda-internazionale/'));
    const cachedPage = await sample(SAMPLES, () => get('/milano/it/agenda-internazionale/'));
    await app.close();

    console.log(
      `\nThe agenda of one institution, ${fmtInt(RECORDS)} records over ten years (PGlite, in-process, medians and p95)\n`,
    );
    printTable(
      ['What', 'median', 'p95', 'target'],
      [
        [
          'Month view (page)',
          fmtMs(monthView.p50),
          fmtMs(monthView.p95),
          against(monthView.p95, TARGETS.monthP95Ms, fmtMs),
        ],
        [
          'Private ICS feed, polled',
          fmtMs(privateFeed.p50),
          fmtMs(privateFeed.p95),
          against(privateFeed.p95, TARGETS.icsP95Ms, fmtMs),
        ],
        ['Private ICS feed, first after a change', fmtMs(privateChanged.p50), fmtMs(privateChanged.p95), ''],
        [
          'Public ICS feed, service, unchanged',
          fmtMs(publicFeed.p50),
          fmtMs(publicFeed.p95),
          against(publicFeed.p95, TARGETS.icsP95Ms, fmtMs),
        ],
        ['Public ICS feed, first after a change', fmtMs(publicChanged.p50), fmtMs(publicChanged.p95), ''],
        [
          'Public ICS feed, API page cache',
          fmtMs(publicCached.p50),
          fmtMs(publicCached.p95),
          against(publicCached.p95, TARGETS.icsP95Ms, fmtMs),
        ],
        [
          'Briefing pack (PDF)',
          fmtMs(briefing.p50),
          fmtMs(briefing.max),
          against(briefing.max, TARGETS.briefingMs, fmtMs),
        ],
        ['Public agenda page, first', fmtMs(first.ms), '', ''],
        [
          'Public agenda page, cached',
          fmtMs(cachedPage.p50),
          fmtMs(cachedPage.p95),
          against(cachedPage.p95, TARGETS.cachedPageP95Ms, fmtMs),
        ],
      ],
    );
    console.log(
      '\n(Briefing: the slowest of 20 against its target. Timings through app.inject, without a socket.)',
    );
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
