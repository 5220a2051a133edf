// The SQL of events: a filtered page of them, one event, and versioned writes; each write tells the portal's
// caches and the agenda's feeds (notifyChange).
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing as like } from '../../platform/db/search.ts';
import type { EventValues } from './events.rules.ts';
import { events } from './events.table.ts';

export type EventRow = typeof events.$inferSelect;

export interface EventFilter {
  institutionId: string;
  q?: string | undefined;
  status?: string | undefined;
  when?: 'upcoming' | 'past' | undefined;
}

function conditions(f: EventFilter): SQL {
  return and(
    eq(events.institutionId, f.institutionId),
    f.q
      ? or(ilike(events.titleIt, like(f.q)), ilike(events.titleEn, like(f.q)), ilike(events.venue, like(f.q)))
      : undefined,
    f.status ? eq(events.status, f.status as EventRow['status']) : undefined,
    f.when === 'upcoming' ? sql`${events.endsOn} >= current_date` : undefined,
    f.when === 'past' ? sql`${events.endsOn} < current_date` : undefined,
  )!;
}

export function createEventsRepository(db: Db) {
  const mine = (institutionId: string, id: string) =>
    and(eq(events.institutionId, institutionId), eq(events.id, id));
  return {
    async count(f: EventFilter): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(events).where(conditions(f));
      return row?.n ?? 0;
    },
    page: (f: EventFilter, limit: number, offset: number) =>
      db
        .select()
        .from(events)
        .where(conditions(f))
        .orderBy(f.when === 'upcoming' ? asc(events.startsOn) : desc(events.startsOn), asc(events.id))
        .limit(limit)
        .offset(offset),
    async byId(institutionId: string, id: string): Promise<EventRow | undefined> {
      const [row] = await db.select().from(events).where(mine(institutionId, id));
      return row;
    },
    async insert(institutionId: string, values: EventValues & { example?: boolean }): Promise<EventRow> {
      const [row] = await db
        .insert(events)
        .values({ ...values, institutionId })
        .returning();
      await notifyChange(db, institutionId);
      return row!;
    },
    async update(institutionId: string, id: string, version: number, values: EventValues) {
      const [row] = await db
        .update(events)
        .set({ ...values, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
        .where(and(mine(institutionId, id), eq(events.version, version)))
        .returning();
      if (row) await notifyChange(db, institutionId);
      return row;
    },
    async remove(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(events)
        .where(and(mine(institutionId, id), eq(events.version, version)))
        .returning({ id: events.id });
      if (rows.length > 0) await notifyChange(db, institutionId);
      return rows.length > 0;
    },
    /** The institution's events as records an objective can be linked to. */
    targets: (institutionId: string, ids?: string[]) =>
      db
        .select({
          id: events.id,
          labelIt: events.titleIt,
          labelEn: sql<string>`coalesce(${events.titleEn}, ${events.titleIt})`,
          day: events.startsOn,
          until: events.endsOn,
        })
        .from(events)
        .where(and(eq(events.institutionId, institutionId), ids ? inArray(events.id, ids) : undefined))
        .orderBy(desc(events.startsOn)),
  };
}

export type EventsRepository = ReturnType<typeof createEventsRepository>;
