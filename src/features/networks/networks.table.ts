import {
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Source } from '../../platform/http/schema-helpers.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { units } from '../units/units.table.ts';

/** City networks (EUROCITIES, C40...): a catalogue shared by all institutions, like the gazetteer. */
export const networks = pgTable('networks', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  acronym: text('acronym'),
  nameIt: text('name_it').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionIt: text('description_it'),
  descriptionEn: text('description_en'),
  website: text('website'),
  sources: jsonb('sources').$type<Source[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An institution's membership of a network: since when, which unit follows it, role, groups and fee. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    sinceOn: date('since_on', { mode: 'string' }),
    sincePrecision: text('since_precision').notNull().default('unknown'),
    roleIt: text('role_it'),
    roleEn: text('role_en'),
    workingGroups: text('working_groups').array().notNull().default([]),
    annualFee: numeric('annual_fee', { precision: 12, scale: 2 }),
    feeCurrency: text('fee_currency'),
    notes: text('notes'),
    /** Where the membership (its date, its role) is documented. */
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('memberships_institution_network_uq').on(t.institutionId, t.networkId)],
);
