import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Source } from '../agreements/agreements.schemas.ts';
import { institutions } from '../institutions/institutions.table.ts';

/** The office and its units, with what each does and who leads it. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    nameIt: text('name_it').notNull(),
    nameEn: text('name_en').notNull(),
    remitIt: text('remit_it'),
    remitEn: text('remit_en'),
    head: text('head'),
    email: text('email'),
    phone: text('phone'),
    /** Where what the unit does and who leads it come from, as agreements keep theirs. */
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_institution_slug_uq').on(t.institutionId, t.slug)],
);
