// The demo seed's institutions and Milan's data as the public API shows them: the three institutions, Milan's
// units, counterparts, networks and eighteen agreements (fifteen twinnings) with their dates at their precision,
// statuses and second sources; the portal's pages of them; and a second run of the seed adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { Agreement, AgreementPage } from '../agreements/agreements.schemas.ts';
import type { Network } from '../networks/networks.schemas.ts';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestDeps({ seed: true });
  app = await createTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const get = async (url: string) => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
};
async function list(query: string): Promise<AgreementPage> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/agreements?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("the demo's institutions", () => {
  it('when listing institutions, then the three demo institutions come with their home city', async () => {
    const { body } = await get('/api/v1/institutions');
    expect(body.items.map((i: { slug: string }) => i.slug)).toEqual(['cm-firenze', 'firenze', 'milano']);
    expect(body.items.find((i: { slug: string }) => i.slug === 'milano').homePlace.name).toBe('Milano');
  });

  it("when asking for Milan, then its International Relations Area's three units come in order", async () => {
    const { body } = await get('/api/v1/institutions/milano');
    expect(body.units.map((u: { slug: string }) => u.slug)).toEqual([
      'city-relations',
      'european-affairs',
      'international-partnerships',
    ]);
  });

  it("when listing Milan's counterparts, then eighteen, the World Bank an organisation and Lyon a place", async () => {
    const { body } = await get('/api/v1/counterparts?institution=milano');
    expect(body.items).toHaveLength(18);
    const wb = body.items.find((c: { nameEn: string }) => c.nameEn === 'World Bank');
    expect(wb).toMatchObject({ type: 'organisation', place: null, agreements: 1 });
    const lyon = body.items.find((c: { nameEn: string }) => c.nameEn === 'Lyon');
    expect(lyon.place.geonamesId).toBeGreaterThan(0);
  });

  it("when listing Milan's networks, then EUROCITIES and C40 are followed by their units", async () => {
    const { body } = await get('/api/v1/networks?institution=milano');
    const unitOf = (slug: string) =>
      body.items.find((n: { slug: string }) => n.slug === slug).memberships[0].unit as string;
    expect(unitOf('eurocities')).toBe('european-affairs');
    expect(unitOf('c40')).toBe('international-partnerships');
    // Every network and every membership says where it is stated; no claim stands without a source.
    for (const n of body.items as Network[]) {
      expect(n.sources.length, n.slug).toBeGreaterThan(0);
      for (const m of n.memberships) expect(m.sources.length, `${n.slug} membership`).toBeGreaterThan(0);
    }
  });

  it('when the demo seed runs again, then nothing is duplicated', async () => {
    const report = await ctx.services.seed.demo();
    expect(report.institutions).toEqual([]);
    expect((await list('institution=milano&limit=100')).items).toHaveLength(18);
  });
});

describe("Milan's demo agreements", () => {
  it('when listing the twinnings, then the fifteen come with their dates at their precision', async () => {
    const page = await list('institution=milano&kind=twinning&limit=50');
    expect(page.items).toHaveLength(15);
    const bySlug = Object.fromEntries(page.items.map((a) => [a.slug, a]));
    expect(bySlug['san-paolo']!.signed).toEqual({
      date: '1961-07-28',
      precision: 'day',
      source: 'Comune di Milano, pagina del gemellaggio',
      sourceEn: "City of Milan, the twinning's page",
    });
    // English pages have English addresses.
    expect(bySlug['san-paolo']!.slugEn).toBe('sao-paulo');
    expect(bySlug['lione']!.slugEn).toBe('lyon');
    expect(bySlug['chicago']!.ratified).toMatchObject({ date: '1973-04', precision: 'month' });
    expect(bySlug['birmingham']!.signed).toMatchObject({ date: '1974', precision: 'year' });
    expect(bySlug['cracovia']!.signed).toMatchObject({ date: null, precision: 'unknown' });
    expect(bySlug['san-pietroburgo']).toMatchObject({ status: 'suspended', statusSince: '2012-11' });
    expect(bySlug['tel-aviv']).toMatchObject({ status: 'active' });
    expect(page.items[0]!.slug).toBe('san-paolo');
    expect(page.items.at(-1)!.slug).toBe('cracovia');
  });

  it('when filtered by status, continent, country and signed years, then the demo rows come back', async () => {
    expect((await list('institution=milano&status=suspended')).items.map((a) => a.slug)).toEqual([
      'san-pietroburgo',
    ]);
    const asia = (await list('institution=milano&continent=AS&kind=twinning')).items
      .map((a) => a.slug)
      .sort();
    expect(asia).toEqual(['betlemme', 'daegu', 'osaka', 'shanghai', 'tel-aviv']);
    expect((await list('institution=milano&country=us')).items.map((a) => a.slug).sort()).toEqual([
      'chicago',
      'new-york',
    ]);
    const seventies = (await list('institution=milano&signedFrom=1970&signedTo=1979')).items.map(
      (a) => a.slug,
    );
    expect(seventies).toEqual(['francoforte', 'chicago', 'birmingham', 'dakar', 'shanghai']);
    const recent = (await list('institution=milano&signedFrom=2010')).items.map((a) => a.slug);
    expect(recent).toEqual(['daegu', 'new-york', 'riga']);
    expect((await list('institution=milano&q=Krakow')).items.map((a) => a.slug)).toEqual(['cracovia']);
    const byName = (await list('institution=milano&sort=name&lang=en&limit=3')).items.map(
      (a) => a.partner.nameEn,
    );
    expect(byName).toEqual(['Bethlehem', 'Birmingham', 'Chicago']);
    expect((await list('institution=milano&limit=100')).items).toHaveLength(18);
  });

  it("when Tel Aviv's and Bethlehem's records are read, then the rejected motion and the second date are there", async () => {
    const [tlv] = (await list('institution=milano&q=tel%20aviv')).items;
    const a: Agreement = (await app.inject({ method: 'GET', url: `/api/v1/agreements/${tlv!.id}` })).json();
    expect(a.statusHistory.map((e) => [e.status, e.outcome, e.date])).toEqual([
      ['active', 'approved', '1997-10-16'],
      ['suspended', 'rejected', '2025-10-13'],
    ]);
    expect(a.status).toBe('active');
    const [bethlehem] = (await list('institution=milano&q=betlemme')).items;
    const b: Agreement = (
      await app.inject({ method: 'GET', url: `/api/v1/agreements/${bethlehem!.id}` })
    ).json();
    expect(b.signed.date).toBe('2000-05-22');
    expect(b.alternativeDates).toEqual([expect.objectContaining({ field: 'signed', date: '2000-05-07' })]);
    expect(b.sources.length).toBeGreaterThan(0);
    expect(b.alternativeDates[0]).toMatchObject({
      source: 'Sito del Comune di Betlemme',
      sourceEn: "Bethlehem municipality's website",
    });
  });

  it('when any demo agreement is read, then every status event cites a source', async () => {
    const page = await list('institution=milano&limit=100');
    for (const { id, slug } of page.items) {
      const a: Agreement = (await app.inject({ method: 'GET', url: `/api/v1/agreements/${id}` })).json();
      for (const e of a.statusHistory) expect(e.sources.length, `${slug} ${e.status}`).toBeGreaterThan(0);
    }
  });
});

describe("Milan's demo on the portal", () => {
  it('when the networks page is opened, then each network cites its source once, in the page language', async () => {
    const it = (await app.inject({ method: 'GET', url: '/milano/it/reti/' })).body;
    // EUROCITIES and C40: the network and the membership cite the same page, shown once for each network.
    expect(it.split('«Milan International» (aggiornata il 27/11/2023)').length - 1).toBe(2);
    const en = (await app.inject({ method: 'GET', url: '/milano/en/networks/' })).body;
    expect(en.split('Milan International&quot; (updated 27/11/2023)').length - 1).toBe(2);
    expect(en).not.toContain('aggiornata il');
  });

  const page = async (url: string) =>
    (await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })).body;

  it('when the partnerships page is opened, then the fifteen twinnings are listed among eighteen partnerships', async () => {
    const it_ = await page('/milano/it/partenariati/');
    for (const city of [
      'San Paolo',
      'Lione',
      'San Pietroburgo',
      'Francoforte sul Meno',
      'Chicago',
      'Birmingham',
      'Dakar',
      'Shanghai',
      'Osaka',
      'Tel Aviv-Giaffa',
      'Betlemme',
      'Toronto',
      'Cracovia',
      'Melbourne',
      'Daegu',
    ]) {
      expect(it_, city).toContain(`>${city}</a>`);
    }
    expect(it_).toContain('18 partenariati');
    expect(await page('/milano/it/')).toContain('<strong>5</strong> continenti');
    const fc = JSON.parse(await page('/milano/data/agreements.geojson'));
    expect(fc.features).toHaveLength(17);
  });

  it("when the lapsed fixed terms are shown, then Riga's and the other ended term say so", async () => {
    expect(await page('/milano/it/partenariati/riga')).toContain(
      'Termine scaduto il 2 febbraio 2020, rinnovo non registrato',
    );
    expect(await page('/milano/en/partnerships/?status=expired')).toContain(
      'Term ended on 25 November 2018, renewal not recorded',
    );
  });
});
