import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Source } from '../agreements/agreements.schemas.ts';
import { places } from '../places/places.table.ts';

/** The tenant: a municipality, metropolitan city or region with an international-relations office. */
export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  kind: text('kind').notNull(),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
  officeNameIt: text('office_name_it'),
  officeNameEn: text('office_name_en'),
  descriptionIt: text('description_it'),
  descriptionEn: text('description_en'),
  homePlaceId: integer('home_place_id').references(() => places.id),
  address: text('address'),
  taxCode: text('tax_code'),
  vatNumber: text('vat_number'),
  pec: text('pec'),
  email: text('email'),
  phone: text('phone'),
  website: text('website'),
  accessibilityUrl: text('accessibility_url'),
  /** The institution's own privacy notice for the portal; the portal's generic one when empty. */
  privacyTextIt: text('privacy_text_it'),
  privacyTextEn: text('privacy_text_en'),
  /** Where the institution's contacts and descriptions come from, as agreements keep theirs. */
  sources: jsonb('sources').$type<Source[]>().notNull().default([]),
  languages: text('languages').array().notNull().default(['it', 'en']),
  /** A rule of the institution: one twinning per country; a further city there is offered a friendship pact. */
  oneTwinningPerCountry: boolean('one_twinning_per_country').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
