import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { units } from '../units/units.table.ts';
import {
  AGREEMENT_KINDS,
  type AlternativeDate,
  OUTCOMES,
  PRECISIONS,
  type Source,
  STATUSES,
} from './agreements.schemas.ts';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * A partial date is stored as the first day of its period plus its precision, so "April 1973" is
 * (1973-04-01, 'month') and an unknown date is (null, 'unknown'). Sorting and year filters work on the date.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    counterpartId: uuid('counterpart_id')
      .notNull()
      .references(() => counterparts.id),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    slug: text('slug').notNull(),
    /** The English address of the portal page (/en/partnerships/lyon), made from the partner's English name. */
    slugEn: text('slug_en').notNull(),
    kind: text('kind').notNull(),
    signedOn: date('signed_on', { mode: 'string' }),
    signedPrecision: text('signed_precision').notNull().default('unknown'),
    signedSource: text('signed_source'),
    /** An English label for the date's source, shown on English pages. */
    signedSourceEn: text('signed_source_en'),
    ratifiedOn: date('ratified_on', { mode: 'string' }),
    ratifiedPrecision: text('ratified_precision').notNull().default('unknown'),
    ratifiedSource: text('ratified_source'),
    ratifiedSourceEn: text('ratified_source_en'),
    signedPlace: text('signed_place'),
    term: text('term').notNull().default('permanent'),
    endsOn: date('ends_on', { mode: 'string' }),
    renewal: text('renewal'),
    renewalYears: smallint('renewal_years'),
    sectors: text('sectors').array().notNull().default([]),
    titleIt: text('title_it'),
    titleEn: text('title_en'),
    descriptionIt: text('description_it'),
    descriptionEn: text('description_en'),
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    alternativeDates: jsonb('alternative_dates').$type<AlternativeDate[]>().notNull().default([]),
    published: boolean('published').notNull().default(false),
    /** Recorded from sources not yet checked by the office: the portal says the data is being verified. */
    toVerify: boolean('to_verify').notNull().default(false),
    /** Derived from the status history by the service, in the same transaction, for fast filtering. */
    status: text('status').notNull().default('proposed'),
    statusSince: date('status_since', { mode: 'string' }),
    statusSincePrecision: text('status_since_precision').notNull().default('unknown'),
    /** Denormalised for filtering and free-text search: partner names in every language, country names. */
    countryCode: char('country_code', { length: 2 }),
    continent: char('continent', { length: 2 }),
    searchText: text('search_text').notNull().default(''),
    sortNameIt: text('sort_name_it').notNull().default(''),
    sortNameEn: text('sort_name_en').notNull().default(''),
    /** The date lists sort and filter by: signing, else ratification; unknown sorts last. */
    sortDate: date('sort_date', { mode: 'string' })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(signed_on, ratified_on, '9999-12-31'::date)`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agreements_institution_slug_uq').on(t.institutionId, t.slug),
    uniqueIndex('agreements_institution_slug_en_uq').on(t.institutionId, t.slugEn),
    index('agreements_institution_date_idx').on(t.institutionId, t.sortDate, t.id),
    index('agreements_institution_name_it_idx').on(t.institutionId, t.sortNameIt, t.id),
    index('agreements_institution_name_en_idx').on(t.institutionId, t.sortNameEn, t.id),
    index('agreements_date_idx').on(t.sortDate, t.id),
    index('agreements_country_idx').on(t.countryCode, t.sortDate),
    // Country and continent pages of the national list sort by name or date; without these the planner
    // reads the whole country and sorts (measured by `npm run bench`).
    index('agreements_country_name_it_idx').on(t.countryCode, t.sortNameIt, t.id),
    index('agreements_country_name_en_idx').on(t.countryCode, t.sortNameEn, t.id),
    index('agreements_continent_date_idx').on(t.continent, t.sortDate, t.id),
    index('agreements_counterpart_idx').on(t.counterpartId),
    index('agreements_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('agreements_kind_ck', sql.raw(`kind in (${list(AGREEMENT_KINDS)})`)),
    check('agreements_status_ck', sql.raw(`status in (${list(STATUSES)})`)),
    check('agreements_signed_precision_ck', sql.raw(`signed_precision in (${list(PRECISIONS)})`)),
    check('agreements_ratified_precision_ck', sql.raw(`ratified_precision in (${list(PRECISIONS)})`)),
    check('agreements_term_ck', sql`(term = 'permanent' and ends_on is null) or term = 'fixed'`),
    check('agreements_signed_known_ck', sql`(signed_on is null) = (signed_precision = 'unknown')`),
    check('agreements_ratified_known_ck', sql`(ratified_on is null) = (ratified_precision = 'unknown')`),
  ],
);

/**
 * The dated history behind an agreement's status. A rejected motion is recorded with outcome 'rejected'
 * and leaves the status as it was. `seq` orders events of the same date in the order they were recorded.
 */
export const agreementStatusEvents = pgTable(
  'agreement_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    outcome: text('outcome').notNull().default('approved'),
    occurredOn: date('occurred_on', { mode: 'string' }),
    precision: text('precision').notNull().default('day'),
    reasonIt: text('reason_it'),
    reasonEn: text('reason_en'),
    act: text('act'),
    /** Where the event is documented (the act's page, a news item, the council's register). */
    sources: jsonb('sources').$type<Source[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreement_status_events_agreement_idx').on(t.agreementId, t.occurredOn, t.seq),
    check('agreement_status_events_status_ck', sql.raw(`status in (${list(STATUSES)})`)),
    check('agreement_status_events_outcome_ck', sql.raw(`outcome in (${list(OUTCOMES)})`)),
    check('agreement_status_events_precision_ck', sql.raw(`precision in (${list(PRECISIONS)})`)),
  ],
);
