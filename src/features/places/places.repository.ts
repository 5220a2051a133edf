// Gazetteer queries. Plain rows out; the ranking rules live in the service.
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

const PLACE_COLUMNS = `p.id, p.name, p.name_it, p.name_en, p.country_code, c.name_it as country_it,
  c.name_en as country_en, c.continent, p.population, p.lat, p.lon`;

export function createPlacesRepository(database: Database) {
  return {
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
