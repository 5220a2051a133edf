// The public portal's pages through HTTP, on data made for the file: "milano" (named after the demo's so the
// addresses read as before; nothing comes from the demo seed) with the agreements of VARIED_TWINNINGS and
// VARIED_OTHERS plus Riga (a fixed term that lapsed on its second anniversary) and Dakar; "firenze" with one
// twinning; an institution with nothing published. What guards the demo's own content is in seed.milan.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementInput,
  makeInstitution,
  TEST_ACTOR,
  VARIED_OTHERS,
  VARIED_TWINNINGS,
} from '../../../test/factories.ts';
import { city, makeAgreement } from '../../../test/factories-backoffice.ts';
import {
  createTestApp,
  createTestDeps,
  TEST_PUBLIC_URL,
  type TestContext,
  until,
} from '../../../test/support.ts';
import { buildApp } from '../../app.ts';
import { createServices } from '../../deps.ts';
import { openDatabase } from '../../platform/db/client.ts';
import type { App } from '../../platform/http/types.ts';
import { FEEDBACK_LIMIT } from './portal.pages.tsx';

let ctx: TestContext;
let app: App;

/** An institution with no agreement at all. */
const EMPTY = 'senza-accordi';

/** A fixed term that ended on the second anniversary of its signing, active, with no renewal recorded. */
const RIGA = agreementInput({
  slug: 'riga',
  kind: 'collaboration_agreement',
  partner: city('Riga', 'LV'),
  signed: { date: '2018-02-02' },
  term: { type: 'fixed', endsOn: '2020-02-02', renewal: 'by_agreement', renewalYears: 2 },
  statusHistory: [{ status: 'active', date: '2018-02-02' }],
});

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  const milan = await makeInstitution(ctx.services, { slug: 'milano' });
  await ctx.services.institutions.addUnit(
    milan.id,
    { slug: 'affari-europei', nameIt: 'Affari europei', nameEn: 'European affairs' },
    1,
  );
  for (const input of [...VARIED_TWINNINGS, ...VARIED_OTHERS, RIGA]) {
    await ctx.services.agreements.create('milano', input, TEST_ACTOR);
  }
  // The one partner in Africa, so the overview counts a fourth continent.
  await makeAgreement(ctx.services, 'milano', { slug: 'dakar', partner: city('Dakar', 'SN') });
  await makeInstitution(ctx.services, { slug: 'firenze' });
  await makeAgreement(ctx.services, 'firenze');
  await makeInstitution(ctx.services, { slug: EMPTY });
});

/** How many agreements of Milan the setting publishes: all of them. */
const MILAN_TOTAL = VARIED_TWINNINGS.length + VARIED_OTHERS.length + 2;
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const get = async (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

const PAGES: [string, string][] = [
  ['/milano/it/', '/milano/en/'],
  ['/milano/it/partenariati/', '/milano/en/partnerships/'],
  ['/milano/it/partenariati/chicago', '/milano/en/partnerships/chicago'],
  ['/milano/it/mappa/', '/milano/en/map/'],
  ['/milano/it/cronologia/', '/milano/en/timeline/'],
  ['/milano/it/reti/', '/milano/en/networks/'],
  ['/milano/it/dati-aperti/', '/milano/en/open-data/'],
  ['/milano/it/note-legali/', '/milano/en/legal-notes/'],
  ['/milano/it/privacy/', '/milano/en/privacy/'],
  ['/', '/en/'],
];

describe('portal pages', () => {
  it.each(PAGES)(
    'when %s and its English twin are opened, then each is in its language and links to the other',
    async (itUrl, enUrl) => {
      for (const [url, lang, other] of [
        [itUrl, 'it', enUrl],
        [enUrl, 'en', itUrl],
      ] as const) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toMatch(new RegExp(`<html[^>]* lang="${lang}"`));
        // The language switch keeps the page, and hreflang names both versions.
        expect(res.body, url).toContain(`href="${other}"`);
        expect(res.body).toContain(
          `hreflang="${lang === 'it' ? 'en' : 'it'}" href="${TEST_PUBLIC_URL}${other}"`,
        );
        expect(res.body).toContain('data-element="breadcrumb"');
      }
    },
  );

  it('when the partnerships page is opened, then every twinning is listed with St Petersburg suspended since November 2012', async () => {
    const it_ = (await get('/milano/it/partenariati/')).body;
    for (const twinning of VARIED_TWINNINGS) {
      const name = twinning.partner.type === 'city' ? twinning.partner.name : '';
      expect(it_, name).toContain(`>${name}</a>`);
    }
    expect(it_).toContain('Sospeso dal novembre 2012');
    expect(it_).toContain(`${MILAN_TOTAL} partenariati`);
    const en = (await get('/milano/en/partnerships/')).body;
    expect(en).toContain('Suspended since November 2012');
    expect(en).toContain('>Saint Petersburg</a>');
  });

  it('when filters are chosen without JavaScript, then the list and its count follow them', async () => {
    const body = (await get('/milano/it/partenariati/?status=suspended')).body;
    expect(body).toContain('1 partenariato');
    expect(body).toContain('>San Pietroburgo</a>');
    expect(body).not.toContain('>Chicago</a>');
    const grouped = (await get('/milano/en/partnerships/?group=kind&continent=NA')).body;
    expect(grouped).toContain('Collaboration agreements');
    expect(grouped).toContain('>New York</a>');
    expect(grouped).not.toContain('>Shanghai</a>');
  });

  it('when a filter value is not valid, then it is ignored and named in the page language', async () => {
    const res = await get('/milano/it/partenariati/?status=dormiente');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Il filtro «status» non ha un valore valido');
    expect(res.body).toContain(`${MILAN_TOTAL} partenariati`);
  });

  it('when a partnership page is opened, then dates are written at their precision in the page language', async () => {
    expect((await get('/milano/it/partenariati/chicago')).body).toContain('aprile 1973');
    expect((await get('/milano/en/partnerships/chicago')).body).toContain('April 1973');
    expect((await get('/milano/it/partenariati/shanghai')).body).toContain('3 luglio 1979');
    const birmingham = (await get('/milano/it/partenariati/birmingham')).body;
    expect(birmingham).toMatch(/<dd[^>]*>1974/);
    const bethlehem = (await get('/milano/en/partnerships/bethlehem')).body;
    expect(bethlehem).toContain('7 May 2000');
    expect(bethlehem).toContain('22 May 2000');
    const tlv = (await get('/milano/it/partenariati/tel-aviv')).body;
    expect(tlv).toContain('Mozione respinta');
    expect(tlv).toContain('"@type":"Place"');
  });

  it('when a map is shown, then its legend names each kind of point beside the symbol the map draws for it', async () => {
    const symbols = (html: string) =>
      html.match(/<svg class="ponte-legend-symbol"[^>]*aria-hidden="true"/g) ?? [];
    const map = (await get('/milano/it/mappa/')).body;
    expect(symbols(map)).toHaveLength(2);
    expect(map).toMatch(
      /<circle r="4.5" fill="#ffffff" stroke="#a61919"[^>]*\/><\/g><\/svg><\/span> sospeso, scaduto o cessato/,
    );
    const home = (await get('/en/')).body;
    expect(symbols(home)).toHaveLength(2);
    expect(home).toContain('</span> partner of several institutions</li>');
  });

  it('when an address does not exist, then a 404 page in the language of the address', async () => {
    const it_ = await get('/milano/it/partenariati/atlantide');
    expect(it_.statusCode).toBe(404);
    expect(it_.body).toContain('Pagina non trovata');
    const en = await get('/milano/en/nothing-here');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('Page not found');
    expect((await get('/gotham/it/')).statusCode).toBe(404);
    expect((await get('/a/b/c/d/e/f')).statusCode).toBe(404);
  });

  it('when a page is asked again with its ETag, then 304; compressed when the client accepts it', async () => {
    const first = await get('/milano/it/mappa/', { 'accept-encoding': 'br, gzip' });
    expect(first.headers['content-encoding']).toBe('br');
    const etag = String(first.headers.etag);
    const again = await get('/milano/it/mappa/', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('when an agreement is withdrawn, then the cached pages change at once', async () => {
    const before = await get('/milano/it/partenariati/');
    expect(before.body).toContain('>Chicago</a>');
    const [chicago] = (await ctx.services.agreements.list({ institution: 'milano', q: 'Chicago' })).items;
    await ctx.services.agreements.setPublished(chicago!.id, false, chicago!.version);
    // The change notification reaches the cache after the commit: wait for the old ETag to stop matching.
    const after = await until(
      async () => {
        const res = await get('/milano/it/partenariati/', { 'if-none-match': String(before.headers.etag) });
        return res.statusCode !== 304 && res;
      },
      { message: 'the cached list to be dropped' },
    );
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain('>Chicago</a>');
    expect((await get('/milano/it/partenariati/chicago')).statusCode).toBe(404);
    await ctx.services.agreements.setPublished(chicago!.id, true, chicago!.version + 1);
    await until(async () => (await get('/milano/it/partenariati/chicago')).statusCode === 200, {
      message: 'the partnership page to come back',
    });
  });

  // The fast path answers a page already served at the same address before Fastify routes it: only a real
  // socket goes through it (inject does not), so this test listens.
  it('when a page is asked again over the network, then the fast path answers the same bytes and headers, 304 and fresh data after a change', async () => {
    const server = await buildApp({ deps: ctx, config: { publicUrl: TEST_PUBLIC_URL } });
    let routed = 0;
    server.addHook('onRequest', async () => {
      routed++;
    });
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const fetchPage = (path: string, headers: Record<string, string> = {}) =>
        fetch(`${base}${path}`, { headers: { accept: 'text/html', ...headers } });
      const headersOf = (res: Response) =>
        Object.fromEntries(
          ['etag', 'cache-control', 'vary', 'content-type'].map((h) => [h, res.headers.get(h)]),
        );
      const first = await fetchPage('/milano/en/partnerships/?kind=twinning', { 'accept-encoding': 'gzip' });
      const firstBody = await first.text();
      expect(routed).toBe(1);
      const second = await fetchPage('/milano/en/partnerships/?kind=twinning', { 'accept-encoding': 'gzip' });
      expect(second.status).toBe(200);
      expect(routed).toBe(1);
      expect(headersOf(second)).toEqual(headersOf(first));
      expect(second.headers.get('content-encoding')).toBe('gzip');
      expect(await second.text()).toBe(firstBody);
      const brotli = await fetchPage('/milano/en/partnerships/?kind=twinning', { 'accept-encoding': 'br' });
      expect(brotli.headers.get('content-encoding')).toBe('br');
      expect(await brotli.text()).toBe(firstBody);
      const again = await fetchPage('/milano/en/partnerships/?kind=twinning', {
        'if-none-match': String(first.headers.get('etag')),
      });
      expect(again.status).toBe(304);
      expect(routed).toBe(1);
      // Anything else goes through Fastify.
      expect((await fetch(`${base}/api/v1/institutions`)).headers.get('content-type')).toContain('json');
      expect(routed).toBe(2);

      const [lyon] = (await ctx.services.agreements.list({ institution: 'milano', q: 'Lione' })).items;
      expect(firstBody).toContain('>Lyon</a>');
      await ctx.services.agreements.setPublished(lyon!.id, false, lyon!.version);
      // The change notification reaches the cache after the commit: wait for the page to change.
      const after = await until(
        async () => {
          const res = await fetchPage('/milano/en/partnerships/?kind=twinning');
          return res.headers.get('etag') !== first.headers.get('etag') && res;
        },
        { message: 'the cached page to be dropped' },
      );
      expect(await after.text()).not.toContain('>Lyon</a>');
      await ctx.services.agreements.setPublished(lyon!.id, true, lyon!.version + 1);
      await until(
        async () =>
          (await (await fetchPage('/milano/en/partnerships/?kind=twinning')).text()).includes('>Lyon</a>'),
        { message: 'Lyon to be listed again' },
      );
    } finally {
      await server.close();
    }
  });

  // Two Ponte processes on one PostgreSQL database: the write happens in one, the other's cache hears of it
  // through LISTEN/NOTIFY. PGlite serves a single process, so there is no second instance to test there.
  it.skipIf(!process.env['TEST_DATABASE_URL'])(
    'when another instance on the same PostgreSQL database changes an agreement, then this one shows it',
    async () => {
      const database = await openDatabase({ databaseUrl: ctx.databaseUrl, poolSize: 2 });
      const other = { database, services: createServices(database), close: () => database.close() };
      const otherApp = await createTestApp(other);
      try {
        const fetchOther = async () =>
          otherApp.inject({
            method: 'GET',
            url: '/milano/en/partnerships/',
            headers: { accept: 'text/html' },
          });
        expect((await fetchOther()).body).toContain('>Daegu</a>');
        const [daegu] = (await ctx.services.agreements.list({ institution: 'milano', q: 'Daegu' })).items;
        await ctx.services.agreements.setPublished(daegu!.id, false, daegu!.version);
        // The other instance hears of the change through LISTEN/NOTIFY, after the commit.
        await until(async () => !(await fetchOther()).body.includes('>Daegu</a>'), {
          message: 'the other instance to drop Daegu',
        });
        await ctx.services.agreements.setPublished(daegu!.id, true, daegu!.version + 1);
        await until(async () => (await fetchOther()).body.includes('>Daegu</a>'), {
          message: 'the other instance to list Daegu again',
        });
      } finally {
        await otherApp.close();
        await other.close();
      }
    },
  );

  it('when the open data are downloaded, then CSV, JSON and RFC 7946 GeoJSON come with the published agreements', async () => {
    const geo = await get('/milano/data/agreements.geojson');
    expect(geo.headers['content-type']).toContain('application/geo+json');
    const fc = JSON.parse(geo.body);
    expect(fc.type).toBe('FeatureCollection');
    // Every published agreement with a partner on the map: all but the World Bank's.
    expect(fc.features).toHaveLength(MILAN_TOTAL - 1);
    expect(fc.features[0].geometry.type).toBe('Point');
    const csv = await get('/milano/data/agreements.csv');
    expect(csv.headers['content-disposition']).toContain('milano-agreements.csv');
    expect(csv.body.split('\r\n')[0]).toContain('kind');
    const json = JSON.parse((await get('/milano/data/agreements.json')).body);
    expect(json.agreements).toHaveLength(MILAN_TOTAL);
  });

  it('when the sitemap and robots are asked for, then both languages of every page are listed', async () => {
    const sitemap = (await get('/sitemap.xml')).body;
    expect(sitemap).toContain(`<loc>${TEST_PUBLIC_URL}/milano/en/partnerships/chicago</loc>`);
    expect(sitemap).toContain(`hreflang="it" href="${TEST_PUBLIC_URL}/milano/it/partenariati/chicago"`);
    expect((await get('/robots.txt')).body).toContain(`Sitemap: ${TEST_PUBLIC_URL}/sitemap.xml`);
  });

  it('when a fixed term ended with no renewal recorded, then the portal says so instead of "active", and the API flags it', async () => {
    const riga = (await get('/milano/it/partenariati/riga')).body;
    expect(riga).toContain('Termine scaduto il 2 febbraio 2020, rinnovo non registrato');
    // The end date falls on the second anniversary of the signing: the page says so.
    expect(riga).toContain('(2 anni dalla firma)');
    expect((await get('/milano/en/partnerships/riga')).body).toContain('(2 years after signing)');
    const en = (await get('/milano/en/partnerships/?status=expired')).body;
    expect(en).toContain('Term ended on 2 February 2020, renewal not recorded');
    const active = (await get('/milano/en/partnerships/?status=active')).body;
    expect(active).not.toContain('/milano/en/partnerships/riga');
    const api = await app.inject({ method: 'GET', url: '/api/v1/agreements?institution=milano&q=Riga' });
    expect(api.json().items[0]).toMatchObject({ status: 'active', termEndedOn: '2020-02-02' });
    const chicago = await app.inject({
      method: 'GET',
      url: '/api/v1/agreements?institution=milano&q=Chicago',
    });
    expect(chicago.json().items[0].termEndedOn).toBeNull();
  });

  it("when the home page counts Milan's partnerships, then it says what Milan's own overview says, on four continents", async () => {
    const overview = (await get('/milano/it/')).body;
    const total = overview.match(/<strong>(\d+)<\/strong> partenariati pubblicati/)?.[1];
    expect(total).toBeDefined();
    expect((await get('/')).body).toContain(`${total} partenariati`);
    expect(total).toBe(String(MILAN_TOTAL));
    // Europe, America, Asia and Africa (Dakar).
    expect(overview).toContain('<strong>4</strong> continenti');
    expect(overview).toMatch(/America: \d+/);
  });

  it('when the platform footer links privacy and legal notes, then they open in the page language with one heading each', async () => {
    for (const [path, lang, heading] of [
      ['/privacy', 'it', 'Privacy'],
      ['/note-legali', 'it', 'Note legali'],
      ['/en/privacy', 'en', 'Privacy'],
      ['/en/legal-notes', 'en', 'Legal notes'],
      ['/milano/it/note-legali', 'it', 'Note legali'],
    ] as const) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain(`<html lang="${lang}"`);
      expect(res.body.match(/<h1[ >]/g), path).toHaveLength(1);
      expect(res.body, path).toContain(`<h1>${heading}</h1>`);
    }
    const home = (await get('/en/')).body;
    expect(home).toContain('href="/en/legal-notes"');
    expect(home).toContain('href="/en/privacy"');
    const old = await get('/legal-notes');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/en/legal-notes');
  });

  it('when someone rates a page, then the answer is stored and counted', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/milano/it/feedback',
      payload: 'page=%2Fmilano%2Fit%2Fmappa%2F&rating=2&answer_negative=1&comment=Troppo+piccola',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/milano/it/mappa/#feedback-thanks');
    const [count] = await ctx.services.feedback.counts('milano', '/milano/it/mappa/');
    expect(count).toMatchObject({ responses: 1, average: 2, byRating: { 2: 1 } });
    const bad = await app.inject({
      method: 'POST',
      url: '/milano/it/feedback',
      payload: 'page=%2Fmilano%2Fit%2Fmappa%2F&rating=9',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bad.statusCode).toBe(400);
    // A form post answers with a page in the form's language, naming the field: never JSON.
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    expect(bad.body).toContain('Richiesta non valida');
    expect(bad.body).toContain('Campo interessato: rating.');
  });

  it('when one address posts page feedback over and over, then after the limit it is refused and nothing more is stored', async () => {
    const page = '/milano/en/networks/';
    const post = (ip: string) =>
      app.inject({
        method: 'POST',
        url: '/milano/en/feedback',
        remoteAddress: ip,
        payload: `page=${encodeURIComponent(page)}&rating=5&answer_positive=1`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < FEEDBACK_LIMIT.max + 5; i++) statuses.push((await post('192.0.2.7')).statusCode);
    expect(statuses.filter((s) => s === 303)).toHaveLength(FEEDBACK_LIMIT.max);
    expect(statuses.slice(FEEDBACK_LIMIT.max)).toEqual([429, 429, 429, 429, 429]);
    const refused = await post('192.0.2.7');
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.body).toContain('Too many requests');
    expect(refused.body).toContain('lang="en"');
    const [count] = await ctx.services.feedback.counts('milano', page);
    expect(count?.responses).toBe(FEEDBACK_LIMIT.max);
    // Another reader is not affected.
    expect((await post('192.0.2.8')).statusCode).toBe(303);
  });

  it('when the page rated carries a line break or a character beyond ASCII, then 400 names the page and nothing is stored', async () => {
    for (const page of ['/milano/it/reti/\r\nSet-Cookie: x=1', '/milano/it/reti/\n', '/milano/it/reti/🙂']) {
      const res = await app.inject({
        method: 'POST',
        url: '/milano/it/feedback',
        payload: new URLSearchParams({ page, rating: '5' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.statusCode, JSON.stringify(page)).toBe(400);
      expect(res.body).toContain('Campo interessato: page.');
    }
    const counts = await ctx.services.feedback.counts('milano');
    expect(counts.filter((c) => c.page.startsWith('/milano/it/reti/'))).toEqual([]);
  });

  it.each([
    [`/${EMPTY}/it/`, `/${EMPTY}/it/partenariati/`, 'Non è ancora stato pubblicato alcun partenariato.'],
    [`/${EMPTY}/en/`, `/${EMPTY}/en/partnerships/`, 'No partnership has been published yet.'],
  ])(
    'when an institution with nothing published is opened (%s), then it says so, with no empty heading and no "no match" line',
    async (overview, list, nothing) => {
      const o = (await get(overview)).body;
      expect(o).toContain(nothing);
      for (const empty of ['Per tipo', 'Per continente', 'By kind', 'By continent'])
        expect(o).not.toContain(empty);
      const l = (await get(list)).body;
      expect(l).toContain(nothing);
      expect(l).not.toContain('Nessun partenariato corrisponde ai filtri');
      expect(l).not.toContain('No partnership matches the chosen filters');
      expect(l).not.toContain('0 partenariati');
    },
  );

  it("when Florence's overview is opened, then its one twinning is counted by kind and continent", async () => {
    const o = (await get('/firenze/it/')).body;
    expect(o).toContain('Per tipo');
    expect(o).not.toContain('Non è ancora stato pubblicato');
    expect((await get('/firenze/it/partenariati/?kind=brotherhood_pact')).body).toContain(
      'Nessun partenariato corrisponde ai filtri',
    );
  });

  it('when an institution name holds markup, then every page shows it as text', async () => {
    await ctx.services.institutions.create({
      slug: 'xss',
      kind: 'comune',
      nameIt: '<script>alert(1)</script>',
      nameEn: '<img src=x onerror=alert(1)>',
    });
    // The home page lists the new institution once its cached copy is dropped.
    await until(async () => (await get('/')).body.includes('/xss/'), { message: 'the home page to list it' });
    for (const url of ['/xss/it/', '/xss/en/', '/']) {
      const body = (await get(url)).body;
      expect(body, url).not.toContain('<script>alert(1)</script>');
      expect(body, url).not.toContain('<img src=x');
    }
  });
});

describe('static assets', () => {
  it('when a hashed asset is asked for, then it comes with a year of cache; a wrong hash or path is 404', async () => {
    const page = (await get('/milano/it/')).body;
    const css = /href="(\/assets\/bi-[0-9a-f]{10}\/css\/bootstrap-italia\.purged\.css)"/.exec(page)?.[1];
    expect(css).toBeDefined();
    const res = await get(css!, { 'accept-encoding': 'br' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('br');
    expect((await get(css!.replace(/bi-[0-9a-f]{10}/, 'bi-0000000000'))).statusCode).toBe(404);
    expect((await get(css!.replace('css/bootstrap-italia.purged.css', '../package.json'))).statusCode).toBe(
      404,
    );
    expect(
      (await get(css!.replace('css/bootstrap-italia.purged.css', 'js/bootstrap-italia.bundle.min.js')))
        .statusCode,
    ).toBe(404);
    const font = /url\(\.\.\/fonts\/([^)]+\.woff2)\)/.exec((await get(css!)).body)?.[1];
    expect(font).toBeDefined();
    expect((await get(css!.replace('css/bootstrap-italia.purged.css', `fonts/${font}`))).statusCode).toBe(
      200,
    );
  });
});
