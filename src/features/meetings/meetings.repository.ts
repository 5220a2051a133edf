// The SQL of meetings: the back-office list (filters, sort, pages), one meeting with its partner, versioned
// writes. Every write tells the caches (notifyChange).
import { and, asc, desc, eq, gte, ilike, lt, or, type SQL, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/search.ts';
import { counterparts } from '../counterparts/counterparts.table.ts';
import type { MeetingStatus } from './meetings.rules.ts';
import { meetings } from './meetings.table.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingValues = Omit<typeof meetings.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type MeetingListRow = MeetingRow & {
  counterpartIt: string | null;
  counterpartEn: string | null;
  countryCode: string | null;
};

export const MEETING_SORTS = ['-starts', 'starts', 'title', '-updated'] as const;
export type MeetingSort = (typeof MEETING_SORTS)[number];

export interface MeetingFilter {
  institutionId: string;
  q?: string | undefined;
  status?: MeetingStatus | undefined;
  when?: { period: 'upcoming' | 'past'; today: string } | undefined;
}

function conditions(f: MeetingFilter): SQL {
  const all: (SQL | undefined)[] = [eq(meetings.institutionId, f.institutionId)];
  if (f.q) {
    const p = containing(f.q);
    all.push(
      or(
        ilike(meetings.titleIt, p),
        ilike(meetings.titleEn, p),
        ilike(counterparts.nameIt, p),
        ilike(counterparts.nameEn, p),
      ),
    );
  }
  if (f.status) all.push(eq(meetings.status, f.status));
  if (f.when?.period === 'upcoming') all.push(gte(meetings.startsOn, f.when.today));
  if (f.when?.period === 'past') all.push(lt(meetings.startsOn, f.when.today));
  return and(...all)!;
}

function ordering(sort: MeetingSort, lang: 'it' | 'en'): SQL[] {
  const title =
    lang === 'it'
      ? sql`lower(${meetings.titleIt})`
      : sql`lower(coalesce(${meetings.titleEn}, ${meetings.titleIt}))`;
  switch (sort) {
    case 'starts':
      return [asc(meetings.startsOn), sql`${meetings.startsAt} asc nulls first`];
    case '-starts':
      return [desc(meetings.startsOn), sql`${meetings.startsAt} desc nulls last`];
    case 'title':
      return [asc(title)];
    case '-updated':
      return [desc(meetings.updatedAt)];
  }
}

const columns = {
  meeting: meetings,
  counterpartIt: counterparts.nameIt,
  counterpartEn: counterparts.nameEn,
  countryCode: counterparts.countryCode,
};

type Joined = {
  meeting: MeetingRow;
  counterpartIt: string | null;
  counterpartEn: string | null;
  countryCode: string | null;
};
const flat = (r: Joined): MeetingListRow => ({
  ...r.meeting,
  counterpartIt: r.counterpartIt,
  counterpartEn: r.counterpartEn,
  countryCode: r.countryCode,
});

export function createMeetingsRepository(db: Db) {
  const touched = (institutionId: string) => notifyChange(db, institutionId);
  return {
    async count(filter: MeetingFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(meetings)
        .leftJoin(counterparts, eq(counterparts.id, meetings.counterpartId))
        .where(conditions(filter));
      return row?.n ?? 0;
    },

    async page(
      filter: MeetingFilter,
      order: { sort: MeetingSort; lang: 'it' | 'en'; limit: number; offset: number },
    ) {
      const rows = await db
        .select(columns)
        .from(meetings)
        .leftJoin(counterparts, eq(counterparts.id, meetings.counterpartId))
        .where(conditions(filter))
        .orderBy(...ordering(order.sort, order.lang), asc(meetings.id))
        .limit(order.limit)
        .offset(order.offset);
      return rows.map(flat);
    },

    async byId(institutionId: string, id: string): Promise<MeetingListRow | undefined> {
      const [row] = await db
        .select(columns)
        .from(meetings)
        .leftJoin(counterparts, eq(counterparts.id, meetings.counterpartId))
        .where(and(eq(meetings.institutionId, institutionId), eq(meetings.id, id)));
      return row ? flat(row) : undefined;
    },

    async insert(values: MeetingValues): Promise<MeetingRow> {
      const [row] = await db.insert(meetings).values(values).returning();
      await touched(values.institutionId);
      return row!;
    },

    async updateVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<MeetingValues>,
    ) {
      const [row] = await db
        .update(meetings)
        .set({ ...values, version: sql`${meetings.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(eq(meetings.institutionId, institutionId), eq(meetings.id, id), eq(meetings.version, version)),
        )
        .returning();
      if (row) await touched(institutionId);
      return row;
    },

    async deleteVersioned(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(meetings)
        .where(
          and(eq(meetings.institutionId, institutionId), eq(meetings.id, id), eq(meetings.version, version)),
        )
        .returning({ id: meetings.id });
      if (rows.length > 0) await touched(institutionId);
      return rows.length > 0;
    },
  };
}

export type MeetingsRepository = ReturnType<typeof createMeetingsRepository>;
