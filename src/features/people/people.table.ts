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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agreements } from '../agreements/agreements.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { meetings } from '../meetings/meetings.table.ts';
import { missions } from '../missions/missions.table.ts';
import { networks } from '../networks/networks.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { visits } from '../visits/visits.table.ts';

/**
 * The people the office deals with (consuls, presidents of associations, officials), with the lawful basis of
 * keeping them, a review date, and a visibility for the person and for each personal field.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** As the person writes it, in any script. */
    name: text('name').notNull(),
    /** How to address them: "S.E.", "Dott.ssa". */
    honorific: text('honorific'),
    languages: text('languages').array().notNull().default([]),
    preferredLanguage: text('preferred_language'),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    notes: text('notes'),
    visibility: text('visibility', { enum: ['public', 'staff', 'editors', 'admins'] })
      .notNull()
      .default('staff'),
    /** Per personal field (email, phone, address, notes): its visibility, never looser than the person's. */
    fieldVisibility: jsonb('field_visibility').$type<Record<string, string>>().notNull().default({}),
    legalBasis: text('legal_basis', { enum: ['public_task', 'consent', 'legitimate_interest'] }).notNull(),
    consentOn: date('consent_on', { mode: 'string' }),
    consentText: text('consent_text'),
    reviewOn: date('review_on', { mode: 'string' }).notNull(),
    example: boolean('example').notNull().default(false),
    /** The name in one folded form (lower case, no accents, any script), for search. */
    searchKey: text('search_key').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_institution_idx').on(t.institutionId, t.visibility),
    index('people_review_idx').on(t.institutionId, t.reviewOn),
    check(
      'people_consent_ck',
      sql`${t.legalBasis} <> 'consent' or (${t.consentOn} is not null and ${t.consentText} is not null)`,
    ),
  ],
);

/** A person's role in an organisation over time: consuls rotate, and the post keeps who held it. */
export const personRoles = pgTable(
  'person_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'restrict' }),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en'),
    /** The head of the organisation (of a consular post: the head of post). */
    head: boolean('head').notNull().default(false),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_roles_person_idx').on(t.personId),
    index('person_roles_organisation_idx').on(t.organisationId, t.startsOn),
    check(
      'person_roles_period_ck',
      sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`,
    ),
  ],
);

/**
 * What a person took part in: an agreement (signed it, negotiated it), a visit, a mission, a meeting, a network.
 * One foreign key per kind of record, exactly one set, so the link goes when the record goes.
 */
export const personLinks = pgTable(
  'person_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'cascade' }),
    visitId: uuid('visit_id').references(() => visits.id, { onDelete: 'cascade' }),
    missionId: uuid('mission_id').references(() => missions.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    /** What they did there: "Firmatario", "Capo delegazione". */
    roleIt: text('role_it'),
    roleEn: text('role_en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_links_person_idx').on(t.personId),
    check(
      'person_links_one_ck',
      sql`num_nonnulls(${t.agreementId}, ${t.visitId}, ${t.missionId}, ${t.meetingId}, ${t.networkId}) = 1`,
    ),
    uniqueIndex('person_links_unique_idx').on(
      t.personId,
      sql`coalesce(${t.agreementId}, ${t.visitId}, ${t.missionId}, ${t.meetingId}, ${t.networkId})`,
    ),
  ],
);
