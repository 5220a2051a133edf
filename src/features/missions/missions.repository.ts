// The SQL of missions and their travellers: the back-office list (filters, sort, pages), one mission, versioned
// writes, and the yearly costs of political office holders for the transparency page. Every write tells the
// caches (notifyChange).
import { and, asc, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db, QueryFn } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/search.ts';
import { type MissionStatus, type Office, POLITICAL } from './missions.rules.ts';
import { missions, missionTravellers } from './missions.table.ts';

export type MissionRow = typeof missions.$inferSelect;
export type TravellerRow = typeof missionTravellers.$inferSelect;
export type MissionValues = Omit<typeof missions.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type TravellerValues = Omit<
  typeof missionTravellers.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

export const MISSION_SORTS = ['-starts', 'starts', 'title', '-updated'] as const;
export type MissionSort = (typeof MISSION_SORTS)[number];

export interface MissionFilter {
  institutionId: string;
  /** Matched in the titles and the destinations' names, case-insensitively. */
  q?: string | undefined;
  status?: MissionStatus | undefined;
  when?: { period: 'upcoming' | 'past'; today: string } | undefined;
}

function conditions(f: MissionFilter): SQL {
  const all: (SQL | undefined)[] = [eq(missions.institutionId, f.institutionId)];
  if (f.q) {
    const p = containing(f.q);
    all.push(
      sql`(${ilike(missions.titleIt, p)} or ${ilike(missions.titleEn, p)} or ${missions.destinations}::text ilike ${p})`,
    );
  }
  if (f.status) all.push(eq(missions.status, f.status));
  if (f.when?.period === 'upcoming') all.push(gte(missions.endsOn, f.when.today));
  if (f.when?.period === 'past') all.push(lt(missions.endsOn, f.when.today));
  return and(...all)!;
}

function ordering(sort: MissionSort, lang: 'it' | 'en'): SQL[] {
  const title =
    lang === 'it'
      ? sql`lower(${missions.titleIt})`
      : sql`lower(coalesce(${missions.titleEn}, ${missions.titleIt}))`;
  switch (sort) {
    case 'starts':
      return [asc(missions.startsOn)];
    case '-starts':
      return [desc(missions.startsOn)];
    case 'title':
      return [asc(title)];
    case '-updated':
      return [desc(missions.updatedAt)];
  }
}

/** One person's costs in one year (amounts as PostgreSQL's numeric writes them). */
export interface CostRow {
  year: number;
  name: string;
  role: string | null;
  office: Office;
  missions: number;
  travel: string;
  lodging: string;
  other: string;
  total: string;
  currency: string;
}

export function createMissionsRepository(db: Db) {
  const touched = (institutionId: string) => notifyChange(db, institutionId);
  return {
    async count(filter: MissionFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(missions)
        .where(conditions(filter));
      return row?.n ?? 0;
    },

    page(
      filter: MissionFilter,
      order: { sort: MissionSort; lang: 'it' | 'en'; limit: number; offset: number },
    ) {
      return db
        .select()
        .from(missions)
        .where(conditions(filter))
        .orderBy(...ordering(order.sort, order.lang), asc(missions.id))
        .limit(order.limit)
        .offset(order.offset);
    },

    async byId(institutionId: string, id: string): Promise<MissionRow | undefined> {
      const [row] = await db
        .select()
        .from(missions)
        .where(and(eq(missions.institutionId, institutionId), eq(missions.id, id)));
      return row;
    },

    async insert(values: MissionValues): Promise<MissionRow> {
      const [row] = await db.insert(missions).values(values).returning();
      await touched(values.institutionId);
      return row!;
    },

    async updateVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<MissionValues>,
    ) {
      const [row] = await db
        .update(missions)
        .set({ ...values, version: sql`${missions.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(eq(missions.institutionId, institutionId), eq(missions.id, id), eq(missions.version, version)),
        )
        .returning();
      if (row) await touched(institutionId);
      return row;
    },

    async deleteVersioned(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(missions)
        .where(
          and(eq(missions.institutionId, institutionId), eq(missions.id, id), eq(missions.version, version)),
        )
        .returning({ id: missions.id });
      if (rows.length > 0) await touched(institutionId);
      return rows.length > 0;
    },

    touch: (institutionId: string) => touched(institutionId),
    ...travellerQueries(db),
  };
}

/** The travellers of missions. */
function travellerQueries(db: Db) {
  return {
    travellers(missionId: string): Promise<TravellerRow[]> {
      return db
        .select()
        .from(missionTravellers)
        .where(eq(missionTravellers.missionId, missionId))
        .orderBy(asc(missionTravellers.createdAt));
    },

    async travellerById(institutionId: string, id: string): Promise<TravellerRow | undefined> {
      const [row] = await db
        .select()
        .from(missionTravellers)
        .where(and(eq(missionTravellers.institutionId, institutionId), eq(missionTravellers.id, id)));
      return row;
    },

    async insertTraveller(values: TravellerValues): Promise<TravellerRow> {
      const [row] = await db.insert(missionTravellers).values(values).returning();
      return row!;
    },

    async updateTravellerVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<TravellerValues>,
    ): Promise<TravellerRow | undefined> {
      const [row] = await db
        .update(missionTravellers)
        .set({ ...values, version: sql`${missionTravellers.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(missionTravellers.institutionId, institutionId),
            eq(missionTravellers.id, id),
            eq(missionTravellers.version, version),
          ),
        )
        .returning();
      return row;
    },

    async deleteTravellerVersioned(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(missionTravellers)
        .where(
          and(
            eq(missionTravellers.institutionId, institutionId),
            eq(missionTravellers.id, id),
            eq(missionTravellers.version, version),
          ),
        )
        .returning({ id: missionTravellers.id });
      return rows.length > 0;
    },
  };
}

/**
 * The costs the law asks to publish (D.Lgs. 33/2013, art. 14): per political office holder and year (of the
 * mission's first day), the missions held and paid with public money (whether or not the mission itself is published: the law asks for the costs), summed per currency. Not
 * the examples, nor cancelled or proposed missions.
 */
export function missionCosts(query: QueryFn, institutionId: string, year?: number): Promise<CostRow[]> {
  return query<CostRow>(
    `select extract(year from m.starts_on)::int as year, t.name, max(t.role) as role, max(t.office) as office,
            count(distinct m.id)::int as missions,
            coalesce(sum(t.travel_cost), 0)::numeric(14,2)::text as travel,
            coalesce(sum(t.lodging_cost), 0)::numeric(14,2)::text as lodging,
            coalesce(sum(t.other_cost), 0)::numeric(14,2)::text as other,
            (coalesce(sum(t.travel_cost), 0) + coalesce(sum(t.lodging_cost), 0) + coalesce(sum(t.other_cost), 0))::numeric(14,2)::text as total,
            t.currency
       from missions m join mission_travellers t on t.mission_id = m.id
      where m.institution_id = $1 and not m.example and m.status = 'held'
        and t.public_money and t.office = any($2::text[])
        and ($3::int is null or extract(year from m.starts_on)::int = $3)
      group by 1, t.name, t.currency
      order by 1 desc, t.name, t.currency`,
    [institutionId, [...POLITICAL], year ?? null],
  );
}

export type MissionsRepository = ReturnType<typeof createMissionsRepository>;
