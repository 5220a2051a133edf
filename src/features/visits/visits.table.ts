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
 * An incoming delegation. Days and times are the office's local ones (Europe/Rome), as the programme is
 * planned; a time left empty means the day is known but not the hour. Which fields the public may see is fixed
 * per field (visits.rules.ts, VISIT_INTERNAL): protocol notes, people's details and interpreting stay inside.
 */
export const visits = pgTable(
  'visits',
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
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    endsAt: time('ends_at'),
    /** The visiting city or organisation; a partner in use by a visit cannot be deleted. */
    counterpartId: uuid('counterpart_id').references(() => counterparts.id, { onDelete: 'restrict' }),
    headName: text('head_name'),
    headTitle: text('head_title'),
    delegationSize: integer('delegation_size'),
    purposeIt: text('purpose_it'),
    purposeEn: text('purpose_en'),
    /** ISO 639 codes of the languages the delegation speaks. */
    languages: text('languages').array().notNull().default([]),
    /** The interpreting language pair as two ISO 639 codes, such as "zh-it". */
    interpretingPair: text('interpreting_pair'),
    interpretingBooked: boolean('interpreting_booked').notNull().default(false),
    interpretingProvider: text('interpreting_provider'),
    protocolNotes: text('protocol_notes'),
    outcomeIt: text('outcome_it'),
    outcomeEn: text('outcome_en'),
    /** The institution's agreements and networks the visit concerns (ids checked on write, read by join). */
    agreementIds: uuid('agreement_ids').array().notNull().default([]),
    networkIds: uuid('network_ids').array().notNull().default([]),
    published: boolean('published').notNull().default(false),
    /** Loaded by `ponte seed examples` to try the screens: never published. */
    example: boolean('example').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_institution_starts_idx').on(t.institutionId, t.startsOn),
    index('visits_counterpart_idx').on(t.counterpartId),
    check('visits_period_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('visits_example_unpublished_ck', sql`not (${t.example} and ${t.published})`),
  ],
);

/**
 * One timed item of a visit's programme: a meeting, a lunch, a guided tour (kind 'tour', with its language,
 * guide and group size). Attendees are the institution's people who take part.
 */
export const visitItems = pgTable(
  'visit_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['activity', 'tour'] })
      .notNull()
      .default('activity'),
    day: date('day', { mode: 'string' }).notNull(),
    startsAt: time('starts_at'),
    endsAt: time('ends_at'),
    place: text('place'),
    activityIt: text('activity_it').notNull(),
    activityEn: text('activity_en'),
    attendees: text('attendees'),
    tourLanguage: text('tour_language'),
    guide: text('guide'),
    groupSize: integer('group_size'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_items_visit_idx').on(t.visitId, t.day, t.startsAt)],
);
