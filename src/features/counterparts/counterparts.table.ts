import { sql } from 'drizzle-orm';
import { char, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { institutions } from '../institutions/institutions.table.ts';
import { countries, places } from '../places/places.table.ts';

/**
 * Who an institution deals with: a foreign local government (kind 'city', linked to a gazetteer place) or an
 * organisation (the World Bank, a university, a consulate). countryCode is the place's country for cities.
 */
export const counterparts = pgTable(
  'counterparts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['city', 'organisation'] }).notNull(),
    placeId: integer('place_id').references(() => places.id),
    nameIt: text('name_it').notNull(),
    nameEn: text('name_en').notNull(),
    countryCode: char('country_code', { length: 2 }).references(() => countries.code),
    website: text('website'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('counterparts_institution_place_uq')
      .on(t.institutionId, t.placeId)
      .where(sql`${t.placeId} is not null`),
    uniqueIndex('counterparts_institution_org_uq')
      .on(t.institutionId, t.nameEn)
      .where(sql`${t.kind} = 'organisation'`),
    index('counterparts_country_idx').on(t.countryCode),
  ],
);
