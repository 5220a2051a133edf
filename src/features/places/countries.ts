// ISO countries with the names Ponte shows in Italian and English, and lookup of a country written by a
// person ("Stati Uniti", "USA", "United Kingdom", "Inghilterra", "DE", "DEU").
import { createRequire } from 'node:module';
// The library without its locales: its main entry loads all 84 of them (590 KB), and Ponte needs two.
import isoCountries from 'i18n-iso-countries/index.js';
import { CONTINENT_BY_COUNTRY, type Continent } from './data/continents.ts';
import { normalizeName } from './normalize.ts';

const require = createRequire(import.meta.url);
isoCountries.registerLocale(require('i18n-iso-countries/langs/it.json'));
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));

// The library's first name is often the formal one ("Russian Federation"); pages want the common one.
const DISPLAY_IT: Record<string, string> = { PS: 'Palestina', TW: 'Taiwan', US: 'Stati Uniti' };
const DISPLAY_EN: Record<string, string> = {
  CN: 'China',
  CI: "Côte d'Ivoire",
  CZ: 'Czechia',
  GM: 'The Gambia',
  IR: 'Iran',
  MK: 'North Macedonia',
  PS: 'Palestine',
  RU: 'Russia',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  US: 'United States',
  VA: 'Vatican City',
  BO: 'Bolivia',
  VE: 'Venezuela',
  SY: 'Syria',
  LA: 'Laos',
  MD: 'Moldova',
  KP: 'North Korea',
  FM: 'Micronesia',
};
// Names Italian offices use that are not in the library.
const EXTRA_NAMES: Record<string, string[]> = {
  GB: ['Inghilterra', 'Gran Bretagna', 'Scozia', 'Galles', 'England', 'Scotland', 'Wales'],
  NL: ['Olanda', 'Holland'],
  US: ['Stati Uniti', 'USA', 'Stati Uniti d America'],
  KR: ['Corea', 'Korea'],
  RU: ['Russia', 'Federazione Russa'],
  PS: ['Palestina', 'Palestine', 'Territori palestinesi'],
  CZ: ['Cechia'],
  VA: ['Vaticano', 'Santa Sede', 'Holy See'],
};

export interface Country {
  code: string;
  iso3: string | null;
  numeric: string | null;
  nameIt: string;
  nameEn: string;
  continent: Continent;
}

let cache: Country[] | undefined;

export function allCountries(): Country[] {
  if (cache) return cache;
  cache = Object.keys(isoCountries.getAlpha2Codes()).map((code) => ({
    code,
    iso3: isoCountries.alpha2ToAlpha3(code) ?? null,
    numeric: isoCountries.alpha2ToNumeric(code) ?? null,
    nameIt: DISPLAY_IT[code] ?? isoCountries.getName(code, 'it') ?? code,
    nameEn: DISPLAY_EN[code] ?? isoCountries.getName(code, 'en') ?? code,
    continent: CONTINENT_BY_COUNTRY[code] ?? 'EU',
  }));
  if (!cache.some((c) => c.code === 'XK')) {
    cache.push({
      code: 'XK',
      iso3: 'XKX',
      numeric: null,
      nameIt: 'Kosovo',
      nameEn: 'Kosovo',
      continent: 'EU',
    });
  }
  return cache;
}

let byName: Map<string, string> | undefined;

function nameIndex(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const add = (name: string, code: string) => {
    const key = normalizeName(name);
    if (key && !byName!.has(key)) byName!.set(key, code);
  };
  for (const c of allCountries()) {
    add(c.nameIt, c.code);
    add(c.nameEn, c.code);
    for (const lang of ['it', 'en'] as const) {
      const names = isoCountries.getNames(lang, { select: 'all' })[c.code] ?? [];
      for (const n of names) add(n, c.code);
    }
    for (const n of EXTRA_NAMES[c.code] ?? []) add(n, c.code);
  }
  return byName;
}

/** The ISO alpha-2 code for a country written as a code (alpha-2 or alpha-3) or a name in Italian or English. */
export function resolveCountry(input: string): string | undefined {
  const raw = input.trim();
  if (/^[A-Za-z]{2}$/.test(raw)) {
    const code = raw.toUpperCase();
    return allCountries().some((c) => c.code === code) ? code : undefined;
  }
  if (/^[A-Za-z]{3}$/.test(raw)) {
    const code = isoCountries.alpha3ToAlpha2(raw.toUpperCase());
    if (code) return code;
  }
  return nameIndex().get(normalizeName(raw));
}

export function countryByCode(code: string): Country | undefined {
  return allCountries().find((c) => c.code === code);
}
