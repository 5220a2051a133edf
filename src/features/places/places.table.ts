import { sql } from 'drizzle-orm';
import {
  char,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** ISO 3166-1 countries with Italian and English names and their GeoNames continent. */
export const countries = pgTable('countries', {
  code: char('code', { length: 2 }).primaryKey(),
  iso3: char('iso3', { length: 3 }),
  /** ISO numeric code, the id used by world-atlas shapes. */
  numeric: char('numeric', { length: 3 }),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
  continent: char('continent', { length: 2 }).notNull(),
});

/** GeoNames populated places; the id is the GeoNames id, so references survive reloads. */
export const places = pgTable(
  'places',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    nameIt: text('name_it'),
    nameEn: text('name_en'),
    countryCode: char('country_code', { length: 2 })
      .notNull()
      .references(() => countries.code),
    featureCode: text('feature_code').notNull(),
    adminCode: text('admin_code'),
    population: integer('population').notNull().default(0),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
  },
  (t) => [index('places_country_idx').on(t.countryCode)],
);

/**
 * Every name a place answers to, normalised (lower case, no accents) for exact and trigram lookup.
 * kind: 0 = GeoNames name, 1 = ASCII form, 2 = Italian, 3 = English, 4 = other alias.
 */
export const placeNames = pgTable(
  'place_names',
  {
    id: serial('id').primaryKey(),
    placeId: integer('place_id')
      .notNull()
      .references(() => places.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    norm: text('norm').notNull(),
    kind: smallint('kind').notNull(),
    countryCode: char('country_code', { length: 2 }).notNull(),
    population: integer('population').notNull(),
  },
  (t) => [
    index('place_names_norm_idx').on(t.norm),
    index('place_names_norm_trgm_idx').using('gin', sql`${t.norm} gin_trgm_ops`),
    uniqueIndex('place_names_place_norm_uq').on(t.placeId, t.norm),
  ],
);

/** What has been loaded into the gazetteer, so it is loaded once and reloaded only when its sources change. */
export const gazetteerMeta = pgTable('gazetteer_meta', {
  id: smallint('id').primaryKey().default(1),
  fingerprint: text('fingerprint').notNull(),
  placeCount: integer('place_count').notNull(),
  loadedAt: text('loaded_at').notNull(),
});
