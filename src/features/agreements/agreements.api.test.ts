import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementInput,
  makeInstitution,
  makeVariedInstitution,
  TEST_ACTOR,
  VARIED_OTHERS,
  VARIED_TWINNINGS,
} from '../../../test/factories.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { Agreement, AgreementPage } from './agreements.schemas.ts';

let ctx: TestContext;
let app: App;
/** This file's institution, with VARIED_TWINNINGS and VARIED_OTHERS. */
let inst: string;
const ALL = VARIED_TWINNINGS.length + VARIED_OTHERS.length;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  inst = (await makeVariedInstitution(ctx.services)).institution.slug;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

async function list(query: string): Promise<AgreementPage> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/agreements?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/v1/agreements', () => {
  it("when asked for an institution's twinnings, then lists them all with their dates at their precision", async () => {
    const page = await list(`institution=${inst}&kind=twinning&limit=50`);
    expect(page.items).toHaveLength(VARIED_TWINNINGS.length);
    const bySlug = Object.fromEntries(page.items.map((a) => [a.slug, a]));
    expect(bySlug['san-paolo']!.signed).toEqual({
      date: '1961-07-28',
      precision: 'day',
      source: 'Delibera',
      sourceEn: null,
    });
    expect(bySlug['chicago']!.ratified).toMatchObject({ date: '1973-04', precision: 'month' });
    expect(bySlug['birmingham']!.signed).toMatchObject({ date: '1974', precision: 'year' });
    expect(bySlug['cracovia']!.signed).toMatchObject({ date: null, precision: 'unknown' });
    expect(bySlug['san-pietroburgo']).toMatchObject({ status: 'suspended', statusSince: '2012-11' });
    expect(bySlug['tel-aviv']).toMatchObject({ status: 'active' });
    // Sorted by date, the first twinning is São Paulo and Kraków (date unknown) comes last.
    expect(page.items[0]!.slug).toBe('san-paolo');
    expect(page.items.at(-1)!.slug).toBe('cracovia');
  });

  it('when filtered by status, continent, country and sector, then only matching agreements come back', async () => {
    expect((await list(`institution=${inst}&status=suspended`)).items.map((a) => a.slug)).toEqual([
      'san-pietroburgo',
    ]);
    const asia = (await list(`institution=${inst}&continent=AS&kind=twinning`)).items
      .map((a) => a.slug)
      .sort();
    expect(asia).toEqual(['betlemme', 'daegu', 'shanghai', 'tel-aviv']);
    expect((await list(`institution=${inst}&country=us`)).items.map((a) => a.slug).sort()).toEqual([
      'chicago',
      'new-york',
    ]);
    expect((await list(`institution=${inst}&sector=technology`)).items).toEqual([]);
    const other = await makeInstitution(ctx.services);
    await ctx.services.agreements.create(other.slug, agreementInput({ sectors: ['technology'] }), TEST_ACTOR);
    await ctx.services.agreements.create(
      other.slug,
      agreementInput({ partner: { type: 'city', name: 'Lione', country: 'FR' }, sectors: ['culture'] }),
      TEST_ACTOR,
    );
    const tech = (await list(`institution=${other.slug}&sector=technology`)).items;
    expect(tech.map((a) => a.partner.nameIt)).toEqual(['Francoforte sul Meno']);
  });

  it('when given a signed-year range, then agreements signed or ratified in it come back and unknown dates do not', async () => {
    const slugs = (await list(`institution=${inst}&signedFrom=1970&signedTo=1979`)).items.map((a) => a.slug);
    expect(slugs).toEqual(['francoforte', 'chicago', 'birmingham', 'shanghai']);
    const recent = (await list(`institution=${inst}&signedFrom=2010`)).items.map((a) => a.slug);
    expect(recent).toEqual(['daegu', 'new-york']);
  });

  it('when searching a partner by a name in any language, then it is found', async () => {
    for (const q of [
      'Frankfurt',
      'francoforte',
      'Saint Petersburg',
      'Leningrad',
      'Krakow',
      'Cracovia',
      'Sao Paulo',
      'Bethlehem',
      'Germania',
    ]) {
      const items = (await list(`institution=${inst}&q=${encodeURIComponent(q)}`)).items;
      expect(items.length, q).toBeGreaterThan(0);
    }
    expect((await list(`institution=${inst}&q=Krakow`)).items.map((a) => a.slug)).toEqual(['cracovia']);
  });

  it('when paging with the cursor, then every agreement comes exactly once in order', async () => {
    for (const sort of ['signed', '-signed', 'name', '-name']) {
      const all = (await list(`institution=${inst}&sort=${sort}&limit=100`)).items.map((a) => a.slug);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: AgreementPage = await list(
          `institution=${inst}&sort=${sort}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...page.items.map((a) => a.slug));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(all);
      expect(all).toHaveLength(ALL);
    }
    const byName = (await list(`institution=${inst}&sort=name&lang=en&limit=3`)).items.map(
      (a) => a.partner.nameEn,
    );
    expect(byName).toEqual(['Bethlehem', 'Birmingham', 'Chicago']);
  });

  it('when the input is bad, then 400 names the field', async () => {
    for (const [query, field] of [
      ['status=sleeping', 'status'],
      ['limit=0', 'limit'],
      ['signedFrom=abc', 'signedFrom'],
      ['cursor=nonsense', 'cursor'],
      ['signedFrom=2000&signedTo=1990', 'signedTo'],
      ['country=Germany', 'country'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/agreements?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error, query).toMatchObject({ code: 'invalid_input', field });
    }
  });

  it('when the institution does not exist, then 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/agreements?institution=atlantide' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('GET /api/v1/agreements/:id', () => {
  it('when the agreement exists, then it comes with its status history, sources and disagreeing dates', async () => {
    const [tlv] = (await list(`institution=${inst}&q=tel%20aviv`)).items;
    const res = await app.inject({ method: 'GET', url: `/api/v1/agreements/${tlv!.id}` });
    expect(res.statusCode).toBe(200);
    const a: Agreement = res.json();
    expect(a.statusHistory.map((e) => [e.status, e.outcome, e.date])).toEqual([
      ['active', 'approved', '1997-10-16'],
      ['suspended', 'rejected', '2025-10-13'],
    ]);
    expect(a.status).toBe('active');
    const [bethlehem] = (await list(`institution=${inst}&q=betlemme`)).items;
    const b: Agreement = (
      await app.inject({ method: 'GET', url: `/api/v1/agreements/${bethlehem!.id}` })
    ).json();
    expect(b.signed.date).toBe('2000-05-22');
    expect(b.alternativeDates).toEqual([expect.objectContaining({ field: 'signed', date: '2000-05-07' })]);
    expect(b.sources.length).toBeGreaterThan(0);
  });

  it('when the id is unknown or malformed, then 404', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/agreements/${id}` });
      expect(res.statusCode, id).toBe(404);
    }
  });
});
