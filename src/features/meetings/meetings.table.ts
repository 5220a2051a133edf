import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { institutions } from '../institutions/institutions.table.ts';

/**
 * A meeting of the mayor or a delegate with foreign counterparts (ambassadors, consuls, foreign mayors,
 * organisations), in the city or online. Its day and times are the office's (Europe/Rome).
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en'),
    status: text('status', { enum: ['proposed', 'confirmed', 'held', 'cancelled'] })
      .notNull()
      .default('proposed'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    startsAt: time('starts_at'),
    endsAt: time('ends_at'),
    mode: text('mode', { enum: ['in_person', 'online'] })
      .notNull()
      .default('in_person'),
    place: text('place'),
    counterpartId: uuid('counterpart_id').references(() => counterparts.id, { onDelete: 'restrict' }),
    /** Who met for the institution: the mayor, a deputy mayor, a councillor. */
    host: text('host'),
    /** Who came, with their titles; personal details, internal. */
    participants: text('participants'),
    topicsIt: text('topics_it'),
    topicsEn: text('topics_en'),
    outcomeIt: text('outcome_it'),
    outcomeEn: text('outcome_en'),
    agreementIds: uuid('agreement_ids').array().notNull().default([]),
    networkIds: uuid('network_ids').array().notNull().default([]),
    published: boolean('published').notNull().default(false),
    example: boolean('example').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_institution_starts_idx').on(t.institutionId, t.startsOn),
    index('meetings_counterpart_idx').on(t.counterpartId),
    check('meetings_example_unpublished_ck', sql`not (${t.example} and ${t.published})`),
  ],
);
