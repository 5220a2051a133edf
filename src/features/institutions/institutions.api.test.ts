import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

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

describe('institutions, counterparts, networks and health', () => {
  it('when listing institutions, then the three demo institutions come with their home city', async () => {
    const { body } = await get('/api/v1/institutions');
    expect(body.items.map((i: { slug: string }) => i.slug)).toEqual(['cm-firenze', 'firenze', 'milano']);
    expect(body.items.find((i: { slug: string }) => i.slug === 'milano').homePlace.name).toBe('Milano');
  });

  it("when asking for Milan, then its International Relations Area's three units come in order", async () => {
    const { status, body } = await get('/api/v1/institutions/milano');
    expect(status).toBe(200);
    expect(body.units.map((u: { slug: string }) => u.slug)).toEqual([
      'city-relations',
      'european-affairs',
      'international-partnerships',
    ]);
    expect((await get('/api/v1/institutions/gotham')).status).toBe(404);
  });

  it("when listing Milan's counterparts, then cities have a place and the World Bank is an organisation", async () => {
    const { body } = await get('/api/v1/counterparts?institution=milano');
    expect(body.items).toHaveLength(18);
    const wb = body.items.find((c: { nameEn: string }) => c.nameEn === 'World Bank');
    expect(wb).toMatchObject({ type: 'organisation', place: null, agreements: 1 });
    const lyon = body.items.find((c: { nameEn: string }) => c.nameEn === 'Lyon');
    expect(lyon.place.geonamesId).toBeGreaterThan(0);
    expect((await get('/api/v1/counterparts')).status).toBe(400);
  });

  it("when listing Milan's networks, then EUROCITIES and C40 are followed by their units", async () => {
    const { body } = await get('/api/v1/networks?institution=milano');
    const unitOf = (slug: string) =>
      body.items.find((n: { slug: string }) => n.slug === slug).memberships[0].unit as string;
    expect(unitOf('eurocities')).toBe('european-affairs');
    expect(unitOf('c40')).toBe('international-partnerships');
    const all = await get('/api/v1/networks');
    expect(all.body.items.length).toBeGreaterThanOrEqual(body.items.length);
  });

  it('when probed, then /healthz and /readyz answer ok with the database reachable and migrations current', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toEqual({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok', migrations: 'ok' } },
    });
  });

  it('when a route does not exist, then a JSON 404', async () => {
    const { status, body } = await get('/api/v1/nothing');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });

  it('when the demo seed runs again, then nothing is duplicated', async () => {
    const report = await ctx.services.seed.demo();
    expect(report.institutions).toEqual([]);
    expect((await get('/api/v1/agreements?institution=milano&limit=100')).body.items).toHaveLength(18);
  });
});
