import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { meetings } from '../meetings/meetings.table.ts';
import { missions } from '../missions/missions.table.ts';
import { visits } from '../visits/visits.table.ts';

/**
 * The gifts register: a gift given or received on an occasion (a visit, a mission, a meeting), its estimated
 * value as an exact decimal, who received or gave it, and what became of it. A gift received above the modest
 * value of the public employees' code of conduct (DPR 62/2013, art. 4) must have a disposition.
 */
export const gifts = pgTable(
  'gifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['received', 'given'] }).notNull(),
    onDay: date('on_day', { mode: 'string' }).notNull(),
    visitId: uuid('visit_id').references(() => visits.id, { onDelete: 'set null' }),
    missionId: uuid('mission_id').references(() => missions.id, { onDelete: 'set null' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    counterpartId: uuid('counterpart_id').references(() => counterparts.id, { onDelete: 'restrict' }),
    descriptionIt: text('description_it').notNull(),
    descriptionEn: text('description_en'),
    value: numeric('value', { precision: 12, scale: 2 }),
    currency: text('currency').notNull().default('EUR'),
    /** Who received it for the institution, or who gave it. */
    person: text('person'),
    disposition: text('disposition', { enum: ['kept', 'on_display', 'donated', 'returned'] }),
    dispositionOn: date('disposition_on', { mode: 'string' }),
    notes: text('notes'),
    published: boolean('published').notNull().default(false),
    example: boolean('example').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('gifts_institution_day_idx').on(t.institutionId, t.onDay),
    index('gifts_counterpart_idx').on(t.counterpartId),
    check('gifts_one_occasion_ck', sql`num_nonnulls(${t.visitId}, ${t.missionId}, ${t.meetingId}) <= 1`),
    check('gifts_example_unpublished_ck', sql`not (${t.example} and ${t.published})`),
  ],
);
