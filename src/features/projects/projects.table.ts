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
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Source } from '../agreements/agreements.schemas.ts';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { institutions } from '../institutions/institutions.table.ts';

/**
 * A project the institution takes part in: decentralised cooperation with local governments of the Global
 * South, or an EU, national or regional project; its funder, the institution's role, where and when it runs,
 * its status, its budget (the total and the institution's share, exact decimals), its results and documents.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** The office's own code, unique in the institution; the IATI identifier ends with it. */
    code: text('code').notNull(),
    kind: text('kind', { enum: ['cooperation', 'eu', 'national', 'regional', 'other'] }).notNull(),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en'),
    descriptionIt: text('description_it'),
    descriptionEn: text('description_en'),
    /** The programme or funder: "Interreg Europe", "AICS", "Regione Toscana". */
    funder: text('funder'),
    role: text('role', { enum: ['lead', 'partner', 'associate'] }).notNull(),
    status: text('status', {
      enum: ['idea', 'submitted', 'approved', 'rejected', 'running', 'closed'],
    }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** ISO 3166-1 alpha-2 codes of the countries where it takes place. */
    countries: text('countries').array().notNull().default([]),
    currency: text('currency').notNull().default('EUR'),
    totalBudget: numeric('total_budget', { precision: 14, scale: 2 }),
    ownShare: numeric('own_share', { precision: 14, scale: 2 }),
    resultsIt: text('results_it'),
    resultsEn: text('results_en'),
    /** Documents and pages about it, http(s) only. */
    documents: jsonb('documents').$type<Source[]>().notNull().default([]),
    published: boolean('published').notNull().default(false),
    /** Loaded by `ponte seed examples`: never published. */
    example: boolean('example').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.institutionId, t.code),
    index('projects_list_idx').on(t.institutionId, t.startsOn),
    check(
      'projects_period_ck',
      sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
    check('projects_example_ck', sql`not (${t.example} and ${t.published})`),
  ],
);

/** A partner of a project: a counterpart of the registry or an organisation named here, with its role and country. */
export const projectPartners = pgTable(
  'project_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** The registry's record, while it exists: the partner's name stays when it goes. */
    counterpartId: uuid('counterpart_id').references(() => counterparts.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    role: text('role', { enum: ['lead', 'partner', 'associate', 'funder'] }).notNull(),
    country: text('country'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('project_partners_project_idx').on(t.projectId)],
);

/** Who pays for a project, by source (the EU, the Region, the institution itself), as exact decimals. */
export const projectFunding = pgTable(
  'project_funding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('project_funding_project_idx').on(t.projectId)],
);

/** The institution's budget for the project in a calendar year. */
export const projectYears = pgTable(
  'project_years',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] })],
);
