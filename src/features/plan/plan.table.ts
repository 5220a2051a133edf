import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Source } from '../agreements/agreements.schemas.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { dossiers } from '../dossiers/dossiers.table.ts';
import { events } from '../events/events.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { meetings } from '../meetings/meetings.table.ts';
import { missions } from '../missions/missions.table.ts';
import { networks } from '../networks/networks.table.ts';
import { projects } from '../projects/projects.table.ts';
import { visits } from '../visits/visits.table.ts';

/**
 * The plan (the DUP's strategic and operational objectives): a strategic objective of a mandate, and the
 * operational objectives under it with their code (1901/0159), budget mission and programme of the national
 * classification of harmonised accounts, the person responsible, and the years its resources are planned for.
 */
export const objectives = pgTable(
  'objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    level: text('level', { enum: ['strategic', 'operational'] }).notNull(),
    /** An operational objective's strategic objective; a strategic one has none. */
    parentId: uuid('parent_id').references((): AnyPgColumn => objectives.id, { onDelete: 'restrict' }),
    /** The DUP's code of an operational objective ("1901/0159"); strategic ones usually have none. */
    code: text('code'),
    mandateFrom: integer('mandate_from').notNull(),
    mandateTo: integer('mandate_to').notNull(),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en'),
    /** The "indirizzo strategico" the objective serves. */
    addressIt: text('address_it'),
    addressEn: text('address_en'),
    /** Missione of the harmonised accounts (D.Lgs. 118/2011): "19". */
    mission: text('mission').notNull(),
    /** Programma: "1901", "1902"; a strategic objective spans its mission. */
    programme: text('programme'),
    responsible: text('responsible'),
    descriptionIt: text('description_it'),
    descriptionEn: text('description_en'),
    /** The years the objective's resources are planned for (the DUP's three-year horizon). */
    firstYear: integer('first_year').notNull(),
    lastYear: integer('last_year').notNull(),
    currency: text('currency').notNull().default('EUR'),
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    published: boolean('published').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('objectives_institution_idx').on(t.institutionId, t.mandateFrom),
    uniqueIndex('objectives_code_uq').on(t.institutionId, t.mandateFrom, t.code),
    check('objectives_years_ck', sql`${t.firstYear} <= ${t.lastYear} and ${t.mandateFrom} <= ${t.mandateTo}`),
  ],
);

/**
 * An objective's money in a year: planned (previsione), committed (impegnato; accertato for income) and paid
 * (pagato; riscosso for income), of income and expenditure, as exact decimals in the objective's currency.
 * A null is "not recorded", which differs from a recorded zero.
 */
export const objectiveYears = pgTable(
  'objective_years',
  {
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    incomePlanned: numeric('income_planned', { precision: 14, scale: 2 }),
    incomeCommitted: numeric('income_committed', { precision: 14, scale: 2 }),
    incomePaid: numeric('income_paid', { precision: 14, scale: 2 }),
    expensePlanned: numeric('expense_planned', { precision: 14, scale: 2 }),
    expenseCommitted: numeric('expense_committed', { precision: 14, scale: 2 }),
    expensePaid: numeric('expense_paid', { precision: 14, scale: 2 }),
  },
  (t) => [primaryKey({ columns: [t.objectiveId, t.year] })],
);

/** What an objective measures itself by: an indicator with, per year, its target and its actual value. */
export const objectiveIndicators = pgTable(
  'objective_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    nameIt: text('name_it').notNull(),
    nameEn: text('name_en'),
    /** What the numbers count: "accordi", "%", "euro". */
    unit: text('unit'),
    /** Per year, the target and the actual value as decimal strings; null is "not recorded". */
    values: jsonb('values')
      .$type<{ year: number; target: string | null; actual: string | null }[]>()
      .notNull()
      .default([]),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objective_indicators_objective_idx').on(t.objectiveId)],
);

/** An activity that serves an objective: one of the institution's agreements, visits, missions, meetings, projects, events, dossiers, or a network. */
export const objectiveLinks = pgTable(
  'objective_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id').references(() => visits.id, { onDelete: 'cascade' }),
    missionId: uuid('mission_id').references(() => missions.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    dossierId: uuid('dossier_id').references(() => dossiers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('objective_links_objective_idx').on(t.objectiveId),
    check(
      'objective_links_one_ck',
      sql`num_nonnulls(${t.agreementId}, ${t.visitId}, ${t.missionId}, ${t.meetingId}, ${t.networkId}, ${t.projectId}, ${t.eventId}, ${t.dossierId}) = 1`,
    ),
    uniqueIndex('objective_links_unique_idx').on(
      t.objectiveId,
      sql`coalesce(${t.agreementId}, ${t.visitId}, ${t.missionId}, ${t.meetingId}, ${t.networkId}, ${t.projectId}, ${t.eventId}, ${t.dossierId})`,
    ),
  ],
);
