import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { counterparts } from './counterparts.table.ts';

export type CounterpartRow = typeof counterparts.$inferSelect;

export function createCounterpartsRepository(db: Executor) {
  return {
    async list(institutionId: string, tx: Executor = db): Promise<CounterpartRow[]> {
      return tx
        .select()
        .from(counterparts)
        .where(eq(counterparts.institutionId, institutionId))
        .orderBy(asc(counterparts.nameIt));
    },
    async byIds(ids: string[], tx: Executor = db): Promise<CounterpartRow[]> {
      if (ids.length === 0) return [];
      return tx.select().from(counterparts).where(inArray(counterparts.id, ids));
    },
    async byId(institutionId: string, id: string, tx: Executor = db): Promise<CounterpartRow | undefined> {
      const rows = await tx
        .select()
        .from(counterparts)
        .where(and(eq(counterparts.institutionId, institutionId), eq(counterparts.id, id)));
      return rows[0];
    },
    async insertMany(
      values: (typeof counterparts.$inferInsert)[],
      tx: Executor = db,
    ): Promise<CounterpartRow[]> {
      if (values.length === 0) return [];
      return tx.insert(counterparts).values(values).returning();
    },
  };
}

export type CounterpartsRepository = ReturnType<typeof createCounterpartsRepository>;

export interface PublicCounterpartRow {
  id: string;
  kind: 'city' | 'organisation';
  name_it: string;
  name_en: string;
  country_code: string | null;
  country_it: string | null;
  country_en: string | null;
  continent: string | null;
  place_id: number | null;
  place_name: string | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  agreements: number;
}

/** Counterparts of an institution that have at least one published agreement. */
export async function listPublicCounterparts(
  query: <T>(text: string, params?: unknown[]) => Promise<T[]>,
  institutionId: string,
): Promise<PublicCounterpartRow[]> {
  return query<PublicCounterpartRow>(
    `select cp.id, cp.kind, cp.name_it, cp.name_en, cp.country_code, co.name_it as country_it,
       co.name_en as country_en, co.continent, p.id as place_id, p.name as place_name, p.lat, p.lon, p.population,
       count(a.id)::int as agreements
     from counterparts cp
     join agreements a on a.counterpart_id = cp.id and a.published
     left join countries co on co.code = cp.country_code
     left join places p on p.id = cp.place_id
     where cp.institution_id = $1
     group by cp.id, co.code, p.id
     order by cp.name_it`,
    [institutionId],
  );
}
