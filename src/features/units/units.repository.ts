// The SQL of the office's units: lists with filters, sort and pages, one unit with what names it, versioned
// writes. Queries only; every write tells the portal's caches (notifyChange).
import { and, asc, desc, eq, ilike, max, ne, or, type SQL, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing as like } from '../../platform/db/search.ts';
import { units } from './units.table.ts';

export type UnitRow = typeof units.$inferSelect;

/** What the back-office list of units can be sorted by; a leading "-" reverses the order. */
export const UNIT_SORTS = ['position', 'name', '-name', '-updated'] as const;
export type UnitSort = (typeof UNIT_SORTS)[number];

export interface UnitFilter {
  institutionId: string;
  /** Matched as a substring of the names, the slug or the head, case-insensitively. */
  q?: string | undefined;
}

// The records that name a unit: the networks it follows and the agreements it looks after. The outer column
// is written out in full: Drizzle leaves it unqualified in a one-table select, where it would mean m.id.
const membershipCount = sql<number>`(select count(*)::int from memberships m where m.unit_id = "units"."id")`;
const agreementCount = sql<number>`(select count(*)::int from agreements a where a.unit_id = "units"."id")`;

export type UnitUsageRow = UnitRow & { memberships: number; agreements: number };

function unitConditions(f: UnitFilter): SQL {
  const all: (SQL | undefined)[] = [eq(units.institutionId, f.institutionId)];
  if (f.q) {
    const pattern = like(f.q);
    all.push(
      or(
        ilike(units.nameIt, pattern),
        ilike(units.nameEn, pattern),
        ilike(units.slug, pattern),
        ilike(units.head, pattern),
      ),
    );
  }
  return and(...all)!;
}

function unitOrder(sort: UnitSort, lang: 'it' | 'en'): SQL[] {
  const name = sql`lower(${lang === 'it' ? units.nameIt : units.nameEn})`;
  if (sort === 'name') return [asc(name)];
  if (sort === '-name') return [desc(name)];
  if (sort === '-updated') return [desc(units.updatedAt)];
  return [asc(units.position), asc(name)];
}

const unitColumns = {
  id: units.id,
  institutionId: units.institutionId,
  slug: units.slug,
  nameIt: units.nameIt,
  nameEn: units.nameEn,
  remitIt: units.remitIt,
  remitEn: units.remitEn,
  head: units.head,
  email: units.email,
  phone: units.phone,
  sources: units.sources,
  position: units.position,
  version: units.version,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
};

export function createUnitsRepository(db: Db) {
  return {
    async units(institutionId: string) {
      return db
        .select()
        .from(units)
        .where(eq(units.institutionId, institutionId))
        .orderBy(asc(units.position));
    },
    async insertUnit(values: typeof units.$inferInsert) {
      const [row] = await db.insert(units).values(values).returning();
      await notifyChange(db, values.institutionId);
      return row!;
    },

    async countUnits(filter: UnitFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(units)
        .where(unitConditions(filter));
      return row?.n ?? 0;
    },

    /** One page of an institution's units, each with how many memberships and agreements name it. */
    async unitsPage(
      filter: UnitFilter,
      order: { sort: UnitSort; lang: 'it' | 'en'; limit: number; offset: number },
    ): Promise<UnitUsageRow[]> {
      return db
        .select({ ...unitColumns, memberships: membershipCount, agreements: agreementCount })
        .from(units)
        .where(unitConditions(filter))
        .orderBy(...unitOrder(order.sort, order.lang), asc(units.id))
        .limit(order.limit)
        .offset(order.offset);
    },

    async unitById(institutionId: string, id: string): Promise<UnitUsageRow | undefined> {
      const [row] = await db
        .select({ ...unitColumns, memberships: membershipCount, agreements: agreementCount })
        .from(units)
        .where(and(eq(units.institutionId, institutionId), eq(units.id, id)));
      return row;
    },

    /** Another unit of the institution with this slug, if any. */
    async unitWithSlug(institutionId: string, slug: string, exceptId: string | undefined) {
      const [row] = await db
        .select({ id: units.id })
        .from(units)
        .where(
          and(
            eq(units.institutionId, institutionId),
            eq(units.slug, slug),
            exceptId ? ne(units.id, exceptId) : undefined,
          ),
        );
      return row;
    },

    async nextUnitPosition(institutionId: string): Promise<number> {
      const [row] = await db
        .select({ last: max(units.position) })
        .from(units)
        .where(eq(units.institutionId, institutionId));
      return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
    },

    /** Updates the unit if it is still at `version`, moving it to the next; undefined when it was not. */
    async updateUnitVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<
        Pick<
          UnitRow,
          'slug' | 'nameIt' | 'nameEn' | 'remitIt' | 'remitEn' | 'head' | 'email' | 'phone' | 'sources'
        >
      >,
    ): Promise<UnitRow | undefined> {
      const [row] = await db
        .update(units)
        .set({ ...values, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(units.institutionId, institutionId), eq(units.id, id), eq(units.version, version)))
        .returning();
      if (row) await notifyChange(db, institutionId);
      return row;
    },

    async deleteUnitVersioned(institutionId: string, id: string, version: number) {
      const rows = await db
        .delete(units)
        .where(and(eq(units.institutionId, institutionId), eq(units.id, id), eq(units.version, version)))
        .returning({ id: units.id });
      if (rows.length > 0) await notifyChange(db, institutionId);
      return rows.length > 0;
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
