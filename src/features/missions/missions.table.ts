import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { institutions } from '../institutions/institutions.table.ts';

/** A destination of a mission: a gazetteer place, its names kept as they were when it was chosen. */
export interface Destination {
  geonamesId: number;
  nameIt: string;
  nameEn: string;
  countryCode: string;
}

/**
 * An outgoing mission of the mayor, deputy mayors, councillors or staff. Days are the office's (Europe/Rome);
 * who travels and what it cost are its travellers (mission_travellers).
 */
export const missions = pgTable(
  'missions',
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
    destinations: jsonb('destinations').$type<Destination[]>().notNull().default([]),
    purposeIt: text('purpose_it'),
    purposeEn: text('purpose_en'),
    /** The meetings held there, as the office reports them. */
    meetingsIt: text('meetings_it'),
    meetingsEn: text('meetings_en'),
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
    index('missions_institution_starts_idx').on(t.institutionId, t.startsOn),
    check('missions_period_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('missions_example_unpublished_ck', sql`not (${t.example} and ${t.published})`),
  ],
);

/**
 * Who travelled on a mission, in which role, and what their journey cost. A political office holder's costs
 * paid with public money are published per person and year (D.Lgs. 33/2013, art. 14).
 */
export const missionTravellers = pgTable(
  'mission_travellers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role'),
    /** mayor, deputy mayor, councillor (political office holders) or staff. */
    office: text('office', { enum: ['mayor', 'deputy_mayor', 'councillor', 'staff', 'other'] }).notNull(),
    travelCost: numeric('travel_cost', { precision: 12, scale: 2 }),
    lodgingCost: numeric('lodging_cost', { precision: 12, scale: 2 }),
    otherCost: numeric('other_cost', { precision: 12, scale: 2 }),
    currency: text('currency').notNull().default('EUR'),
    paidBy: text('paid_by'),
    publicMoney: boolean('public_money').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mission_travellers_mission_idx').on(t.missionId)],
);
