import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { LookupResult } from './places.service.ts';

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

async function lookup(q: string, country?: string): Promise<LookupResult> {
  const qs = new URLSearchParams({ q, ...(country ? { country } : {}) });
  const res = await app.inject({ method: 'GET', url: `/api/v1/places?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/v1/places', () => {
  it.each([
    ['Francoforte', 'DE', 2925533],
    ['Francoforte sul Meno', undefined, 2925533],
    ['San Pietroburgo', 'RU', 498817],
    ['San Pietroburgo', 'Russia', 498817],
    ['Betlemme', 'Palestina', 284315],
    ['Cracovia', undefined, 3094802],
    ['Krakow', 'PL', 3094802],
    ['Sao Paulo', 'Brasile', 3448439],
    ['Tel Aviv-Giaffa', 'IL', 293397],
  ])('when looking up "%s" (%s), then the one city is matched with confidence 1', async (q, country, id) => {
    const r = await lookup(q, country);
    expect(r.status).toBe('matched');
    expect(r.match).toMatchObject({ geonamesId: id, match: 'exact', confidence: 1 });
  });

  it.each([
    ['Nanchino', 'Nanjing'],
    ['Atene', 'Athens'],
    ['Filadelfia', 'Philadelphia'],
    ['Edimburgo', 'Edinburgh'],
    ['Dresda', 'Dresden'],
    ['Monaco di Baviera', 'Munich'],
    ['Pechino', 'Beijing'],
    ['Città del Messico', 'Mexico City'],
  ])('when an Italian exonym "%s" is given alone, then it resolves to %s', async (q, en) => {
    const r = await lookup(q);
    expect(r.status).toBe('matched');
    expect(r.match!.nameEn).toBe(en);
    expect(r.match!.nameIt).toBe(q);
  });

  it.each([
    ['Valencia', ['ES', 'VE']],
    ['Bethlehem', ['PS', 'ZA', 'US']],
  ])(
    'when "%s" is shared by cities of similar weight, then it is ambiguous with ranked candidates',
    async (q, top) => {
      const r = await lookup(q);
      expect(r.status).toBe('ambiguous');
      expect(r.match).toBeNull();
      expect(r.candidates[0]!.confidence).toBeLessThan(0.9);
      expect(top).toContain(r.candidates[0]!.country.code);
      expect(r.candidates.length).toBeGreaterThan(1);
    },
  );

  it('when "Monaco" is typed, then Munich and the Principality are both offered, and a country settles it', async () => {
    const r = await lookup('Monaco');
    expect(r.status).toBe('ambiguous');
    const offered = r.candidates.map((c) => `${c.nameEn} (${c.country.code})`);
    expect(offered.slice(0, 2).sort()).toEqual(['Monaco (MC)', 'Munich (DE)']);
    expect((await lookup('Monaco', 'DE')).match).toMatchObject({ nameEn: 'Munich', confidence: 1 });
    expect((await lookup('Monaco', 'MC')).match).toMatchObject({ nameEn: 'Monaco', confidence: 1 });
  });

  it('when a curated city shares its name with small homonyms, then the curated city is matched', async () => {
    expect((await lookup('Florence')).match).toMatchObject({ geonamesId: 3176959, nameIt: 'Firenze' });
    const b = await lookup('Birmingham');
    expect(b.match?.country.code).toBe('GB');
    expect(b.candidates.map((c) => c.country.code)).toContain('US');
  });

  it('when the country settles a shared name, then it is matched', async () => {
    expect((await lookup('Birmingham', 'Regno Unito')).match?.geonamesId).toBe(2655603);
    expect((await lookup('Bethlehem', 'PS')).match?.geonamesId).toBe(284315);
  });

  it('when the name is misspelt, then similar names are offered as candidates but none is matched', async () => {
    const r = await lookup('Francofrte');
    expect(r.status).toBe('ambiguous');
    expect(r.candidates[0]).toMatchObject({ geonamesId: 2925533, match: 'similar' });
    expect(r.candidates.every((c) => c.confidence < 0.9)).toBe(true);
  });

  it.each(['El Aaiún', 'El Aaiun', 'El Ayoun'])(
    'when "%s" is another romanisation of a name, then that city is offered first, with its country and population',
    async (q) => {
      const started = Date.now();
      const r = await lookup(q);
      const ms = Date.now() - started;
      expect(r.status).toBe('ambiguous');
      expect(r.candidates[0]).toMatchObject({
        geonamesId: 2462881,
        nameEn: 'Laayoune',
        match: 'similar',
        country: { code: 'EH' },
        population: 196331,
      });
      expect(r.candidates.every((c) => c.confidence < 0.9)).toBe(true);
      expect(ms).toBeLessThan(5000);
    },
  );

  it('when the name is the GeoNames one with its accents, then it is matched', async () => {
    expect((await lookup('Laâyoune')).match).toMatchObject({ geonamesId: 2462881, match: 'exact' });
  });

  it('when a name is Italian for two cities, then both are offered, the larger first, and a country settles it', async () => {
    const r = await lookup('Costanza');
    expect(r.status).toBe('ambiguous');
    expect(r.candidates.slice(0, 2).map((c) => `${c.nameEn} (${c.country.code})`)).toEqual([
      'Constanța (RO)',
      'Konstanz (DE)',
    ]);
    expect((await lookup('Costanza', 'Germania')).match).toMatchObject({
      geonamesId: 2885679,
      nameIt: 'Costanza',
    });
    expect((await lookup('Ragusa', 'Croazia')).match).toMatchObject({
      geonamesId: 3201047,
      nameEn: 'Dubrovnik',
    });
  });

  it('when nothing resembles the name, then not_found', async () => {
    const r = await lookup('Xqzvwk');
    expect(r).toMatchObject({ status: 'not_found', candidates: [] });
  });

  it('when the country is unknown, then 400 names the country field', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/places?q=Roma&country=Atlantide' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', field: 'country' });
  });

  it('when q is missing or blank, then 400 names q', async () => {
    for (const url of ['/api/v1/places', '/api/v1/places?q=%20%20']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.field, url).toBe('q');
    }
  });

  it('when a place is asked by id, then it comes with its Italian and English names and its country', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/places/2925533' });
    expect(res.json()).toMatchObject({
      nameIt: 'Francoforte sul Meno',
      nameEn: 'Frankfurt am Main',
      country: { code: 'DE', nameIt: 'Germania', nameEn: 'Germany' },
      continent: 'EU',
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/places/1' })).statusCode).toBe(404);
  });
});
