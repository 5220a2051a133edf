import { and, asc, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/search.ts';
import { countries, places } from '../places/places.table.ts';
import { counterparts } from './counterparts.table.ts';

export type CounterpartRow = typeof counterparts.$inferSelect;

/** What the back-office lists can be sorted by; a leading "-" reverses the order. */
export const COUNTERPART_SORTS = [
  'name',
  '-name',
  'country',
  '-agreements',
  'agreements',
  '-updated',
  'updated',
] as const;
export type CounterpartSort = (typeof COUNTERPART_SORTS)[number];

export interface CounterpartFilter {
  institutionId: string;
  /** Matched as a substring of the Italian or English name, case-insensitively. */
  q?: string | undefined;
  kind?: 'city' | 'organisation' | undefined;
  country?: string | undefined;
}

// Agreements that name the counterpart: its partnerships, and what keeps it from being deleted. The outer
// column is written out in full: Drizzle leaves it unqualified in a one-table select, where it would mean a.id.
const agreementCount = sql<number>`(select count(*)::int from agreements a where a.counterpart_id = "counterparts"."id")`;
// Visits from the counterpart, meetings and gifts with it: they too keep it from being deleted.
const visitCount = sql<number>`((select count(*)::int from visits v where v.counterpart_id = "counterparts"."id")
  + (select count(*)::int from meetings m where m.counterpart_id = "counterparts"."id")
  + (select count(*)::int from gifts g where g.counterpart_id = "counterparts"."id"))`;

const listColumns = {
  id: counterparts.id,
  kind: counterparts.kind,
  nameIt: counterparts.nameIt,
  nameEn: counterparts.nameEn,
  countryCode: counterparts.countryCode,
  countryIt: countries.nameIt,
  countryEn: countries.nameEn,
  placeId: counterparts.placeId,
  placeName: places.name,
  website: counterparts.website,
  agreements: agreementCount,
  visits: visitCount,
  version: counterparts.version,
  createdAt: counterparts.createdAt,
  updatedAt: counterparts.updatedAt,
};

export type CounterpartListRow = {
  id: string;
  kind: 'city' | 'organisation';
  nameIt: string;
  nameEn: string;
  countryCode: string | null;
  countryIt: string | null;
  countryEn: string | null;
  placeId: number | null;
  placeName: string | null;
  website: string | null;
  agreements: number;
  visits: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

function conditions(f: CounterpartFilter): SQL {
  const all: (SQL | undefined)[] = [eq(counterparts.institutionId, f.institutionId)];
  if (f.q)
    all.push(or(ilike(counterparts.nameIt, containing(f.q)), ilike(counterparts.nameEn, containing(f.q))));
  if (f.kind) all.push(eq(counterparts.kind, f.kind));
  if (f.country) all.push(eq(counterparts.countryCode, f.country));
  return and(...all)!;
}

function ordering(sort: CounterpartSort, lang: 'it' | 'en'): SQL[] {
  const name = sql`lower(${lang === 'it' ? counterparts.nameIt : counterparts.nameEn})`;
  const country = lang === 'it' ? countries.nameIt : countries.nameEn;
  switch (sort) {
    case 'name':
      return [asc(name)];
    case '-name':
      return [desc(name)];
    case 'country':
      return [sql`${country} asc nulls last`, asc(name)];
    case 'agreements':
      return [asc(agreementCount), asc(name)];
    case '-agreements':
      return [desc(agreementCount), asc(name)];
    case 'updated':
      return [asc(counterparts.updatedAt)];
    case '-updated':
      return [desc(counterparts.updatedAt)];
  }
}

export function createCounterpartsRepository(db: Db) {
  return {
    async list(institutionId: string): Promise<CounterpartRow[]> {
      return db
        .select()
        .from(counterparts)
        .where(eq(counterparts.institutionId, institutionId))
        .orderBy(asc(counterparts.nameIt));
    },
    async byIds(ids: string[]): Promise<CounterpartRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(counterparts).where(inArray(counterparts.id, ids));
    },
    async byId(institutionId: string, id: string): Promise<CounterpartRow | undefined> {
      const rows = await db
        .select()
        .from(counterparts)
        .where(and(eq(counterparts.institutionId, institutionId), eq(counterparts.id, id)));
      return rows[0];
    },
    async insertMany(values: (typeof counterparts.$inferInsert)[]): Promise<CounterpartRow[]> {
      if (values.length === 0) return [];
      return db.insert(counterparts).values(values).returning();
    },

    async count(filter: CounterpartFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(counterparts)
        .where(conditions(filter));
      return row?.n ?? 0;
    },

    /** One page of a filtered, sorted list, with each counterpart's country and number of agreements. */
    async page(
      filter: CounterpartFilter,
      order: { sort: CounterpartSort; lang: 'it' | 'en'; limit: number; offset: number },
    ): Promise<CounterpartListRow[]> {
      return (await db
        .select(listColumns)
        .from(counterparts)
        .leftJoin(countries, eq(countries.code, counterparts.countryCode))
        .leftJoin(places, eq(places.id, counterparts.placeId))
        .where(conditions(filter))
        .orderBy(...ordering(order.sort, order.lang), asc(counterparts.id))
        .limit(order.limit)
        .offset(order.offset)) as CounterpartListRow[];
    },

    async detail(institutionId: string, id: string): Promise<CounterpartListRow | undefined> {
      const rows = await db
        .select(listColumns)
        .from(counterparts)
        .leftJoin(countries, eq(countries.code, counterparts.countryCode))
        .leftJoin(places, eq(places.id, counterparts.placeId))
        .where(and(eq(counterparts.institutionId, institutionId), eq(counterparts.id, id)));
      return rows[0] as CounterpartListRow | undefined;
    },

    /** The countries an institution's counterparts are in, for a filter. */
    async countries(institutionId: string) {
      return db
        .selectDistinct({ code: countries.code, nameIt: countries.nameIt, nameEn: countries.nameEn })
        .from(counterparts)
        .innerJoin(countries, eq(countries.code, counterparts.countryCode))
        .where(eq(counterparts.institutionId, institutionId))
        .orderBy(asc(countries.nameIt));
    },

    /** Another organisation of the institution with this English name (case aside), if any. */
    async organisationNamed(
      institutionId: string,
      nameEn: string,
      exceptId: string | undefined,
    ): Promise<{ id: string } | undefined> {
      const rows = await db
        .select({ id: counterparts.id })
        .from(counterparts)
        .where(
          and(
            eq(counterparts.institutionId, institutionId),
            eq(counterparts.kind, 'organisation'),
            sql`lower(${counterparts.nameEn}) = lower(${nameEn})`,
            exceptId ? ne(counterparts.id, exceptId) : undefined,
          ),
        );
      return rows[0];
    },

    async insert(values: typeof counterparts.$inferInsert): Promise<CounterpartRow> {
      const [row] = await db.insert(counterparts).values(values).returning();
      await notifyChange(db, values.institutionId);
      return row!;
    },

    /** Updates the row if it is still at `version`, moving it to the next; undefined when it was not. */
    async updateVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<Pick<CounterpartRow, 'nameIt' | 'nameEn' | 'website' | 'countryCode'>>,
    ): Promise<CounterpartRow | undefined> {
      const [row] = await db
        .update(counterparts)
        .set({ ...values, version: sql`${counterparts.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(counterparts.institutionId, institutionId),
            eq(counterparts.id, id),
            eq(counterparts.version, version),
          ),
        )
        .returning();
      if (row) await notifyChange(db, institutionId);
      return row;
    },

    async deleteVersioned(institutionId: string, id: string, version: number) {
      const rows = await db
        .delete(counterparts)
        .where(
          and(
            eq(counterparts.institutionId, institutionId),
            eq(counterparts.id, id),
            eq(counterparts.version, version),
          ),
        )
        .returning({ id: counterparts.id });
      if (rows.length > 0) await notifyChange(db, institutionId);
      return rows.length > 0;
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
