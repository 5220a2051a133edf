// Gazetteer queries. Plain rows out; the ranking rules live in the service.
import { type BulkRows, type Rows, rowCount } from '../../platform/db/bulk.ts';
import type { Database } from '../../platform/db/client.ts';

export interface PlaceRow {
  id: number;
  name: string;
  name_it: string | null;
  name_en: string | null;
  country_code: string;
  country_it: string;
  country_en: string;
  continent: string;
  population: number;
  lat: number;
  lon: number;
}

export interface NameHitRow extends PlaceRow {
  matched_name: string;
  kind: number;
  sim: number;
  /** Index of the query in a batch lookup (0 for a single one). */
  qi: number;
}

/** A gazetteer to load: rows of values in the order of the *_COLUMNS below. */
export interface GazetteerRows {
  countries: Rows;
  places: BulkRows;
  names: BulkRows;
  fingerprint: string;
}

export const COUNTRY_COLUMNS = ['code', 'iso3', 'numeric', 'name_it', 'name_en', 'continent'] as const;
export const PLACE_ROW_COLUMNS = [
  'id',
  'name',
  'name_it',
  'name_en',
  'country_code',
  'feature_code',
  'admin_code',
  'population',
  'lat',
  'lon',
] as const;
export const NAME_COLUMNS = ['place_id', 'name', 'norm', 'kind', 'country_code', 'population'] as const;

const PLACE_COLUMNS = `p.id, p.name, p.name_it, p.name_en, p.country_code, c.name_it as country_it,
  c.name_en as country_en, c.continent, p.population, p.lat, p.lon`;

export function createPlacesRepository(database: Database) {
  /**
   * Rows into a table that the records refer to (countries, places): into the empty table at once; into a
   * filled one through a staging table, updating the rows by their key, so references to them stay valid.
   */
  async function upsert(table: string, columns: readonly string[], rows: BulkRows): Promise<void> {
    const [state] = await database.query<{ empty: boolean }>(
      `select not exists (select 1 from ${table}) as empty`,
    );
    if (state?.empty) return database.bulkLoad(table, columns, rows, { rebuildIndexes: true });
    const [key, ...rest] = columns;
    await database.query(`create temporary table ${table}_load (like ${table}) on commit drop`);
    await database.bulkLoad(`${table}_load`, columns, rows);
    await database.query(
      `insert into ${table} (${columns.join(', ')}) select ${columns.join(', ')} from ${table}_load
       on conflict (${key}) do update set ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
  }

  return {
    /** The fingerprint of the gazetteer's sources when it was last loaded; undefined before the first load. */
    async loadedFingerprint(): Promise<string | undefined> {
      const rows = await database.query<{ fingerprint: string }>(
        'select fingerprint from gazetteer_meta where id = 1',
      );
      return rows[0]?.fingerprint;
    },

    /**
     * Loads the gazetteer in one transaction: all of it or, when anything fails, nothing (the next start loads
     * again). Names are derived data and replaced wholesale; their indexes are built once, after the rows.
     */
    async loadGazetteer(rows: GazetteerRows): Promise<void> {
      await database.transaction(async () => {
        await upsert('countries', COUNTRY_COLUMNS, rows.countries);
        await upsert('places', PLACE_ROW_COLUMNS, rows.places);
        await database.query('truncate place_names');
        await database.bulkLoad('place_names', NAME_COLUMNS, rows.names, { rebuildIndexes: true });
        await database.query(
          `insert into gazetteer_meta (id, fingerprint, place_count, loaded_at) values (1, $1, $2, now()::text)
           on conflict (id) do update set fingerprint = excluded.fingerprint, place_count = excluded.place_count,
             loaded_at = excluded.loaded_at`,
          [rows.fingerprint, rowCount(rows.places)],
        );
      });
      // Statistics for the planner, which PGlite does not gather by itself.
      await database.query('analyze places');
      await database.query('analyze place_names');
    },

    /** Places with a name whose normal form equals one of the queries, for many queries at once. */
    async exactMany(norms: string[], countryCodes: (string | null)[]): Promise<NameHitRow[]> {
      return database.query<NameHitRow>(
        `select q.qi::int - 1 as qi, ${PLACE_COLUMNS}, pn.name as matched_name, pn.kind, 1.0::float8 as sim
         from unnest($1::text[], $2::text[]) with ordinality as q(norm, cc, qi)
         join place_names pn on pn.norm = q.norm and (q.cc is null or pn.country_code = q.cc)
         join places p on p.id = pn.place_id
         join countries c on c.code = p.country_code
         order by qi, p.population desc`,
        [norms, countryCodes],
      );
    },

    /** Names trigram-similar to any of the spellings, best first, up to limit per spelling (GIN index, %). */
    async similar(spellings: string[], countryCode: string | null, limit: number): Promise<NameHitRow[]> {
      return database.query<NameHitRow>(
        `select 0 as qi, ${PLACE_COLUMNS}, h.name as matched_name, h.kind, h.sim
         from unnest($1::text[]) as v(q)
         cross join lateral (
           select pn.place_id, pn.name, pn.kind, similarity(pn.norm, v.q)::float8 as sim
           from place_names pn
           where pn.norm % v.q and ($2::text is null or pn.country_code = $2)
           order by sim desc, pn.population desc
           limit $3
         ) h
         join places p on p.id = h.place_id
         join countries c on c.code = p.country_code
         order by h.sim desc, p.population desc`,
        [spellings, countryCode, limit],
      );
    },

    async byId(id: number): Promise<PlaceRow | undefined> {
      const rows = await database.query<PlaceRow>(
        `select ${PLACE_COLUMNS} from places p join countries c on c.code = p.country_code where p.id = $1`,
        [id],
      );
      return rows[0];
    },

    async countries(): Promise<{ code: string; name_it: string; name_en: string; continent: string }[]> {
      return database.query('select code, name_it, name_en, continent from countries order by code');
    },
  };
}

export type PlacesRepository = ReturnType<typeof createPlacesRepository>;
