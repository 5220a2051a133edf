import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Source } from '../agreements/agreements.schemas.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { units } from '../units/units.table.ts';

/**
 * A candidacy dossier: what the city applies for (to host an organisation or an event, a prize, a
 * recognition), to which awarding body, under which call; who leads it and who contributes; its status with
 * its dates and outcome, and its documents.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en'),
    kind: text('kind', { enum: ['host_organisation', 'host_event', 'prize', 'recognition'] }).notNull(),
    awardingBody: text('awarding_body'),
    callTitle: text('call_title'),
    /** The call's page, http(s) only. */
    callUrl: text('call_url'),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    contributors: text('contributors'),
    status: text('status', {
      enum: ['preparing', 'submitted', 'shortlisted', 'won', 'lost', 'withdrawn'],
    }).notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    outcomeIt: text('outcome_it'),
    outcomeEn: text('outcome_en'),
    documents: jsonb('documents').$type<Source[]>().notNull().default([]),
    /** Loaded by `ponte seed examples`. */
    example: boolean('example').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossiers_institution_idx').on(t.institutionId, t.status)],
);

/** A deadline of a dossier's call (expression of interest, full application, hearing), with when it was met. */
export const dossierDeadlines = pgTable(
  'dossier_deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    labelIt: text('label_it').notNull(),
    labelEn: text('label_en'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [
    index('dossier_deadlines_due_idx').on(t.institutionId, t.dueOn).where(sql`${t.doneOn} is null`),
    index('dossier_deadlines_dossier_idx').on(t.dossierId),
    check('dossier_deadlines_label_ck', sql`length(${t.labelIt}) > 0`),
  ],
);
