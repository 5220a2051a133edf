import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { institutions } from '../institutions/institutions.table.ts';

/**
 * An international event the institution organises, co-organises or supports (a Mediterranean dialogue, a
 * network's annual meeting hosted in the city, a global citizenship education week): when, where (the venue
 * with its point on the map), its partners and audience; on the agenda and its feeds like a visit.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en'),
    role: text('role', { enum: ['organiser', 'co_organiser', 'supporter'] }).notNull(),
    status: text('status', { enum: ['proposed', 'confirmed', 'held', 'cancelled'] }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    startsAt: time('starts_at'),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    endsAt: time('ends_at'),
    venue: text('venue'),
    city: text('city'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Who organises it with the institution: "Rete EUROCITIES, Università di Firenze". */
    partners: text('partners'),
    audienceIt: text('audience_it'),
    audienceEn: text('audience_en'),
    descriptionIt: text('description_it'),
    descriptionEn: text('description_en'),
    published: boolean('published').notNull().default(false),
    /** Loaded by `ponte seed examples`: never published. */
    example: boolean('example').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_institution_idx').on(t.institutionId, t.startsOn),
    check('events_period_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('events_point_ck', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
    check('events_example_ck', sql`not (${t.example} and ${t.published})`),
  ],
);
