import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { meetings } from '../meetings/meetings.table.ts';
import { missions } from '../missions/missions.table.ts';
import { visits } from '../visits/visits.table.ts';

/**
 * A person's private calendar feed of an institution's agenda: a secret address a calendar application polls.
 * Only the secret's SHA-256 is stored; a new address revokes the previous one, and so can the person.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** When a calendar last read it, so that the person can tell whether an address is still in use. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('calendar_feeds_user_idx').on(t.userId, t.institutionId)],
);

/**
 * An action a visit, mission or meeting left to do: what, who follows it, by when, and when it was done. It
 * belongs to exactly one of them and goes with it.
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id').references(() => visits.id, { onDelete: 'cascade' }),
    missionId: uuid('mission_id').references(() => missions.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    owner: text('owner'),
    dueOn: date('due_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('follow_ups_open_idx').on(t.institutionId, t.dueOn).where(sql`${t.doneOn} is null`),
    index('follow_ups_visit_idx').on(t.visitId),
    index('follow_ups_mission_idx').on(t.missionId),
    index('follow_ups_meeting_idx').on(t.meetingId),
    check('follow_ups_one_subject_ck', sql`num_nonnulls(${t.visitId}, ${t.missionId}, ${t.meetingId}) = 1`),
  ],
);
