// The SQL of visits and their programmes: the back-office list (filters, sort, pages), one visit with its
// partner, agreements, networks and programme, versioned writes. Every write tells the caches (notifyChange).
import { and, asc, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/search.ts';
import { counterparts } from '../counterparts/counterparts.table.ts';
import type { VisitStatus } from './visits.rules.ts';
import { visitItems, visits } from './visits.table.ts';

export type VisitRow = typeof visits.$inferSelect;
export type VisitItemRow = typeof visitItems.$inferSelect;
export type VisitValues = Omit<typeof visits.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type ItemValues = Omit<typeof visitItems.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** What the back-office list can be sorted by; a leading "-" reverses the order. */
export const VISIT_SORTS = ['-starts', 'starts', 'title', '-updated'] as const;
export type VisitSort = (typeof VISIT_SORTS)[number];

export interface VisitFilter {
  institutionId: string;
  /** Matched in the titles and the partner's names, case-insensitively. */
  q?: string | undefined;
  status?: VisitStatus | undefined;
  /** Visits that end on or after `today` (upcoming), or before it (past). */
  when?: { period: 'upcoming' | 'past'; today: string } | undefined;
}

export type VisitListRow = VisitRow & {
  counterpartIt: string | null;
  counterpartEn: string | null;
  countryCode: string | null;
};

function conditions(f: VisitFilter): SQL {
  const all: (SQL | undefined)[] = [eq(visits.institutionId, f.institutionId)];
  if (f.q) {
    const p = containing(f.q);
    all.push(
      or(
        ilike(visits.titleIt, p),
        ilike(visits.titleEn, p),
        ilike(counterparts.nameIt, p),
        ilike(counterparts.nameEn, p),
      ),
    );
  }
  if (f.status) all.push(eq(visits.status, f.status));
  if (f.when?.period === 'upcoming') all.push(gte(visits.endsOn, f.when.today));
  if (f.when?.period === 'past') all.push(lt(visits.endsOn, f.when.today));
  return and(...all)!;
}

function ordering(sort: VisitSort, lang: 'it' | 'en'): SQL[] {
  const title =
    lang === 'it'
      ? sql`lower(${visits.titleIt})`
      : sql`lower(coalesce(${visits.titleEn}, ${visits.titleIt}))`;
  switch (sort) {
    case 'starts':
      return [asc(visits.startsOn), sql`${visits.startsAt} asc nulls first`];
    case '-starts':
      return [desc(visits.startsOn), sql`${visits.startsAt} desc nulls last`];
    case 'title':
      return [asc(title)];
    case '-updated':
      return [desc(visits.updatedAt)];
  }
}

const listColumns = {
  visit: visits,
  counterpartIt: counterparts.nameIt,
  counterpartEn: counterparts.nameEn,
  countryCode: counterparts.countryCode,
};

const flat = (r: {
  visit: VisitRow;
  counterpartIt: string | null;
  counterpartEn: string | null;
  countryCode: string | null;
}): VisitListRow => ({
  ...r.visit,
  counterpartIt: r.counterpartIt,
  counterpartEn: r.counterpartEn,
  countryCode: r.countryCode,
});

export function createVisitsRepository(db: Db) {
  const touched = (institutionId: string) => notifyChange(db, institutionId);

  return {
    async count(filter: VisitFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(visits)
        .leftJoin(counterparts, eq(counterparts.id, visits.counterpartId))
        .where(conditions(filter));
      return row?.n ?? 0;
    },

    async page(
      filter: VisitFilter,
      order: { sort: VisitSort; lang: 'it' | 'en'; limit: number; offset: number },
    ): Promise<VisitListRow[]> {
      const rows = await db
        .select(listColumns)
        .from(visits)
        .leftJoin(counterparts, eq(counterparts.id, visits.counterpartId))
        .where(conditions(filter))
        .orderBy(...ordering(order.sort, order.lang), asc(visits.id))
        .limit(order.limit)
        .offset(order.offset);
      return rows.map(flat);
    },

    async byId(institutionId: string, id: string): Promise<VisitListRow | undefined> {
      const [row] = await db
        .select(listColumns)
        .from(visits)
        .leftJoin(counterparts, eq(counterparts.id, visits.counterpartId))
        .where(and(eq(visits.institutionId, institutionId), eq(visits.id, id)));
      return row ? flat(row) : undefined;
    },

    async insert(values: VisitValues): Promise<VisitRow> {
      const [row] = await db.insert(visits).values(values).returning();
      await touched(values.institutionId);
      return row!;
    },

    /** Updates the visit if it is still at `version`, moving it to the next; undefined when it was not. */
    async updateVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<VisitValues>,
    ): Promise<VisitRow | undefined> {
      const [row] = await db
        .update(visits)
        .set({ ...values, version: sql`${visits.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(visits.institutionId, institutionId), eq(visits.id, id), eq(visits.version, version)))
        .returning();
      if (row) await touched(institutionId);
      return row;
    },

    /** A programme item changed: the caches of the institution's pages and feeds are stale. */
    touch: (institutionId: string) => touched(institutionId),

    async deleteVersioned(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(visits)
        .where(and(eq(visits.institutionId, institutionId), eq(visits.id, id), eq(visits.version, version)))
        .returning({ id: visits.id });
      if (rows.length > 0) await touched(institutionId);
      return rows.length > 0;
    },

    ...programmeQueries(db),
  };
}

/** The items of visits' programmes. */
function programmeQueries(db: Db) {
  return {
    /** The programme of a visit, by day and time (untimed items first within their day). */
    items(visitId: string): Promise<VisitItemRow[]> {
      return db
        .select()
        .from(visitItems)
        .where(eq(visitItems.visitId, visitId))
        .orderBy(asc(visitItems.day), sql`${visitItems.startsAt} asc nulls first`, asc(visitItems.createdAt));
    },

    async itemById(institutionId: string, id: string): Promise<VisitItemRow | undefined> {
      const [row] = await db
        .select()
        .from(visitItems)
        .where(and(eq(visitItems.institutionId, institutionId), eq(visitItems.id, id)));
      return row;
    },

    async insertItem(values: ItemValues): Promise<VisitItemRow> {
      const [row] = await db.insert(visitItems).values(values).returning();
      return row!;
    },

    async updateItemVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<ItemValues>,
    ): Promise<VisitItemRow | undefined> {
      const [row] = await db
        .update(visitItems)
        .set({ ...values, version: sql`${visitItems.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(visitItems.institutionId, institutionId),
            eq(visitItems.id, id),
            eq(visitItems.version, version),
          ),
        )
        .returning();
      return row;
    },

    async deleteItemVersioned(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(visitItems)
        .where(
          and(
            eq(visitItems.institutionId, institutionId),
            eq(visitItems.id, id),
            eq(visitItems.version, version),
          ),
        )
        .returning({ id: visitItems.id });
      return rows.length > 0;
    },
  };
}

export type VisitsRepository = ReturnType<typeof createVisitsRepository>;
