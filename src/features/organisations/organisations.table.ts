import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { institutions } from '../institutions/institutions.table.ts';

/**
 * The organisations the office works with, in one register with a kind: consular posts (with the country they
 * represent, their kind and district), foreign-community associations, NGOs, companies, universities, European
 * and international bodies, partner cities' own offices.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: [
        'consular_post',
        'association',
        'ngo',
        'company',
        'university',
        'eu_body',
        'international_body',
        'partner_office',
        'other',
      ],
    }).notNull(),
    /** A consular post's kind (embassy ... honorary consulate); null for every other kind. */
    postKind: text('post_kind', {
      enum: ['embassy', 'consulate_general', 'consulate', 'vice_consulate', 'honorary_consulate'],
    }),
    nameIt: text('name_it').notNull(),
    nameEn: text('name_en'),
    /** The country a post represents, or an organisation's own (ISO 3166-1 alpha-2). */
    countryCode: text('country_code'),
    /** The communities an association gathers, by their countries (ISO 3166-1 alpha-2). */
    communities: text('communities').array().notNull().default([]),
    /** Languages spoken or used (ISO 639-1). */
    languages: text('languages').array().notNull().default([]),
    /** A consular post's district: the Italian regions it serves. */
    district: text('district').array().notNull().default([]),
    address: text('address'),
    city: text('city'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    openingHoursIt: text('opening_hours_it'),
    openingHoursEn: text('opening_hours_en'),
    activitiesIt: text('activities_it'),
    activitiesEn: text('activities_en'),
    /** Its number in the council's register of associations, where there is one. */
    registerNumber: text('register_number'),
    /** Internal. */
    notes: text('notes'),
    /** On the portal's directories; an association only with its agreement to be listed. */
    published: boolean('published').notNull().default(false),
    example: boolean('example').notNull().default(false),
    /** The names in one folded form (lower case, no accents, any script), for search. */
    searchKey: text('search_key').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_institution_kind_idx').on(t.institutionId, t.kind),
    index('organisations_country_idx').on(t.institutionId, t.countryCode),
    check('organisations_example_unpublished_ck', sql`not (${t.example} and ${t.published})`),
    check('organisations_post_kind_ck', sql`(${t.kind} = 'consular_post') = (${t.postKind} is not null)`),
    check('organisations_point_ck', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
  ],
);
