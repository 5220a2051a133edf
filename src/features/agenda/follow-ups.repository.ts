// The SQL of follow-ups: those of one visit, mission or meeting; the institution's open ones by due date (for
// the dashboard); versioned writes. Every write tells the caches (notifyChange).
import { and, asc, eq, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db, QueryFn } from '../../platform/db/client.ts';
import { followUps } from './agenda.table.ts';

export type FollowUpRow = typeof followUps.$inferSelect;
export type FollowUpValues = Pick<FollowUpRow, 'action' | 'owner' | 'dueOn' | 'doneOn'>;
export const SUBJECT_KINDS = ['visit', 'mission', 'meeting'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

const column = {
  visit: followUps.visitId,
  mission: followUps.missionId,
  meeting: followUps.meetingId,
} as const;

/** An open follow-up with what it belongs to, for the dashboard. */
export interface OpenFollowUp {
  id: string;
  kind: SubjectKind;
  subject_id: string;
  subject_it: string;
  subject_en: string | null;
  action: string;
  owner: string | null;
  due_on: string | null;
  version: number;
}

export function createFollowUpsRepository(db: Db, query: QueryFn) {
  return {
    of(kind: SubjectKind, subjectId: string): Promise<FollowUpRow[]> {
      return db
        .select()
        .from(followUps)
        .where(eq(column[kind], subjectId))
        .orderBy(
          sql`${followUps.doneOn} is not null`,
          sql`${followUps.dueOn} asc nulls last`,
          asc(followUps.createdAt),
        );
    },

    async byId(institutionId: string, id: string): Promise<FollowUpRow | undefined> {
      const [row] = await db
        .select()
        .from(followUps)
        .where(and(eq(followUps.institutionId, institutionId), eq(followUps.id, id)));
      return row;
    },

    /** The open follow-ups due by `until` (or with no date), the most urgent first. */
    open(institutionId: string, until: string, limit: number): Promise<OpenFollowUp[]> {
      return query<OpenFollowUp>(
        `select f.id::text, case when f.visit_id is not null then 'visit' when f.mission_id is not null then 'mission'
                else 'meeting' end as kind,
                coalesce(f.visit_id, f.mission_id, f.meeting_id)::text as subject_id,
                coalesce(v.title_it, m.title_it, g.title_it) as subject_it,
                coalesce(v.title_en, m.title_en, g.title_en) as subject_en,
                f.action, f.owner, f.due_on::text, f.version
           from follow_ups f
           left join visits v on v.id = f.visit_id
           left join missions m on m.id = f.mission_id
           left join meetings g on g.id = f.meeting_id
          where f.institution_id = $1 and f.done_on is null and (f.due_on is null or f.due_on <= $2)
          order by f.due_on asc nulls last, f.created_at
          limit $3`,
        [institutionId, until, limit],
      );
    },

    async insert(institutionId: string, kind: SubjectKind, subjectId: string, values: FollowUpValues) {
      const [row] = await db
        .insert(followUps)
        .values({ institutionId, [`${kind}Id`]: subjectId, ...values })
        .returning();
      await notifyChange(db, institutionId);
      return row!;
    },

    async updateVersioned(institutionId: string, id: string, version: number, values: FollowUpValues) {
      const [row] = await db
        .update(followUps)
        .set({ ...values, version: sql`${followUps.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(followUps.institutionId, institutionId),
            eq(followUps.id, id),
            eq(followUps.version, version),
          ),
        )
        .returning();
      if (row) await notifyChange(db, institutionId);
      return row;
    },

    async deleteVersioned(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(followUps)
        .where(
          and(
            eq(followUps.institutionId, institutionId),
            eq(followUps.id, id),
            eq(followUps.version, version),
          ),
        )
        .returning({ id: followUps.id });
      if (rows.length > 0) await notifyChange(db, institutionId);
      return rows.length > 0;
    },

    /** Whether the institution has the visit, mission or meeting (under the caller's row-level security). */
    async subjectExists(institutionId: string, kind: SubjectKind, id: string): Promise<boolean> {
      const table = { visit: 'visits', mission: 'missions', meeting: 'meetings' }[kind];
      const rows = await query(`select 1 from ${table} where institution_id = $1 and id = $2`, [
        institutionId,
        id,
      ]);
      return rows.length > 0;
    },
  };
}

export type FollowUpsRepository = ReturnType<typeof createFollowUpsRepository>;
