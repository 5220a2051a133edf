import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestApp, createTestDeps, type TestContext, uniqueSlug } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestDeps();
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
  it('when listing institutions, then each comes, in slug order, with its home city', async () => {
    const home = await ctx.services.places.lookup({ name: 'Milano', country: 'IT' });
    const b = await ctx.services.institutions.create({
      slug: uniqueSlug('b-inst'),
      kind: 'comune',
      nameIt: 'Comune di prova',
      nameEn: 'Test city',
      homePlaceId: home.match!.geonamesId,
    });
    const a = await makeInstitution(ctx.services, { slug: uniqueSlug('a-inst') });
    const { body } = await get('/api/v1/institutions');
    const slugs: string[] = body.items.map((i: { slug: string }) => i.slug);
    expect(slugs.filter((s) => s === a.slug || s === b.slug)).toEqual([a.slug, b.slug]);
    expect(slugs).toEqual([...slugs].sort());
    expect(body.items.find((i: { slug: string }) => i.slug === b.slug).homePlace.name).toBe('Milano');
  });

  it('when asking for an institution, then its units come in the order it gave them', async () => {
    const inst = await ctx.services.institutions.create({
      slug: uniqueSlug('units'),
      kind: 'comune',
      nameIt: 'Comune con unità',
      nameEn: 'City with units',
    });
    // Not in alphabetical order, so that the order can only be the institution's own.
    for (const [i, slug] of ['zeta-office', 'alpha-office', 'mid-office'].entries()) {
      await ctx.services.institutions.addUnit(inst.id, { slug, nameIt: slug, nameEn: slug }, i);
    }
    const { status, body } = await get(`/api/v1/institutions/${inst.slug}`);
    expect(status).toBe(200);
    expect(body.units.map((u: { slug: string }) => u.slug)).toEqual([
      'zeta-office',
      'alpha-office',
      'mid-office',
    ]);
    expect((await get('/api/v1/institutions/gotham')).status).toBe(404);
  });

  it("when listing an institution's counterparts, then cities have a place and an organisation has none", async () => {
    const inst = await makeInstitution(ctx.services);
    await ctx.services.agreements.create(
      inst.slug,
      agreementInput({ partner: { type: 'city', name: 'Lione', country: 'FR' } }),
      TEST_ACTOR,
    );
    await ctx.services.agreements.create(
      inst.slug,
      agreementInput({
        kind: 'collaboration_agreement',
        partner: { type: 'organisation', nameIt: 'Banca Mondiale', nameEn: 'World Bank' },
      }),
      TEST_ACTOR,
    );
    const { body } = await get(`/api/v1/counterparts?institution=${inst.slug}`);
    expect(body.items).toHaveLength(2);
    const wb = body.items.find((c: { nameEn: string }) => c.nameEn === 'World Bank');
    expect(wb).toMatchObject({ type: 'organisation', place: null, agreements: 1 });
    const lyon = body.items.find((c: { nameEn: string }) => c.nameEn === 'Lyon');
    expect(lyon.place.geonamesId).toBeGreaterThan(0);
    expect((await get('/api/v1/counterparts')).status).toBe(400);
  });

  it("when listing an institution's networks, then each is followed by the unit that follows it", async () => {
    const inst = await makeInstitution(ctx.services);
    await ctx.services.institutions.addUnit(
      inst.id,
      { slug: 'european-affairs', nameIt: 'Affari europei', nameEn: 'European affairs' },
      1,
    );
    const [first, second] = [uniqueSlug('net'), uniqueSlug('net')];
    for (const slug of [first!, second!]) {
      await ctx.services.networks.create({ slug, nameIt: `Rete ${slug}`, nameEn: `Network ${slug}` });
    }
    await ctx.services.networks.join(inst.slug, { network: first!, unit: 'european-affairs' });
    await ctx.services.networks.join(inst.slug, { network: second!, unit: 'relazioni' });
    const { body } = await get(`/api/v1/networks?institution=${inst.slug}`);
    const unitOf = (slug: string) =>
      body.items.find((n: { slug: string }) => n.slug === slug).memberships[0].unit as string;
    expect(unitOf(first!)).toBe('european-affairs');
    expect(unitOf(second!)).toBe('relazioni');
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
});
