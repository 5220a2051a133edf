// Agreement queries. Reads that join five tables and page by keyset are plain SQL; writes go through Drizzle.

import { and, eq, getTableColumns, inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import type { CounterpartAgreementRow } from '../counterparts/counterparts.schemas.ts';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { placeNames } from '../places/places.table.ts';
import type {
  Agreement,
  AgreementKind,
  AlternativeDate,
  Precision,
  Sector,
  Source,
  Status,
  StatusEvent,
} from './agreements.schemas.ts';
import { agreementStatusEvents, agreements } from './agreements.table.ts';

export type AgreementInsert = typeof agreements.$inferInsert;
export type EventInsert = typeof agreementStatusEvents.$inferInsert;

// The table keeps these as text under check constraints; the select narrows them to the schemas' unions.
const EVENT_COLUMNS = {
  ...getTableColumns(agreementStatusEvents),
  status: sql<Status>`${agreementStatusEvents.status}`,
  outcome: sql<StatusEvent['outcome']>`${agreementStatusEvents.outcome}`,
  precision: sql<Precision>`${agreementStatusEvents.precision}`,
};

/** One status event as read: the table's row with its constrained text columns typed as the schemas' unions. */
export type EventRow = Omit<typeof agreementStatusEvents.$inferSelect, 'status' | 'outcome' | 'precision'> & {
  status: Status;
  outcome: StatusEvent['outcome'];
  precision: Precision;
};

/** A row of the tuned list query below (SUMMARY_COLUMNS), typed once here with the schemas' unions. */
export interface SummaryRow {
  id: string;
  institution: string;
  slug: string;
  slug_en: string;
  kind: AgreementKind;
  status: Status;
  status_since: string | null;
  status_since_precision: Precision;
  term_ended_on: string | null;
  signed_on: string | null;
  signed_precision: Precision;
  signed_source: string | null;
  signed_source_en: string | null;
  ratified_on: string | null;
  ratified_precision: Precision;
  ratified_source: string | null;
  ratified_source_en: string | null;
  sectors: Sector[];
  published: boolean;
  to_verify: boolean;
  version: number;
  updated_at: Date | string;
  sort_date: string;
  sort_name_it: string;
  sort_name_en: string;
  cp_id: string;
  cp_kind: 'city' | 'organisation';
  cp_name_it: string;
  cp_name_en: string;
  cp_website: string | null;
  co_code: string | null;
  co_name_it: string | null;
  co_name_en: string | null;
  co_continent: string | null;
  p_id: number | null;
  p_name: string | null;
  p_lat: number | null;
  p_lon: number | null;
  p_population: number | null;
}

export interface DetailRow extends SummaryRow {
  title_it: string | null;
  title_en: string | null;
  signed_place: string | null;
  term: Agreement['term']['type'];
  ends_on: string | null;
  renewal: Agreement['term']['renewal'];
  renewal_years: number | null;
  unit: string | null;
  description_it: string | null;
  description_en: string | null;
  sources: Source[] | null;
  alternative_dates: AlternativeDate[] | null;
  created_at: Date | string;
}

const SUMMARY_COLUMNS = `a.id, i.slug as institution, a.slug, a.slug_en, a.kind, a.status, a.status_since, a.status_since_precision, a.signed_on,
  a.signed_precision, a.signed_source, a.signed_source_en, a.ratified_on, a.ratified_precision, a.ratified_source,
  a.ratified_source_en, a.sectors,
  a.published, a.to_verify, a.version, a.updated_at, a.sort_date, a.sort_name_it, a.sort_name_en,
  cp.id as cp_id, cp.kind as cp_kind, cp.name_it as cp_name_it, cp.name_en as cp_name_en, cp.website as cp_website,
  co.code as co_code, co.name_it as co_name_it, co.name_en as co_name_en, co.continent as co_continent,
  p.id as p_id, p.name as p_name, p.lat as p_lat, p.lon as p_lon, p.population as p_population,
  case when a.status = 'active' and a.term = 'fixed' and a.ends_on < current_date
    then to_char(a.ends_on, 'YYYY-MM-DD') end as term_ended_on`;

const FROM = `from agreements a
  join institutions i on i.id = a.institution_id
  join counterparts cp on cp.id = a.counterpart_id
  left join countries co on co.code = a.country_code
  left join places p on p.id = cp.place_id`;

export interface ListFilter {
  institutionId?: string | undefined;
  publishedOnly: boolean;
  kind?: string | undefined;
  status?: string | undefined;
  continent?: string | undefined;
  country?: string | undefined;
  sector?: string | undefined;
  fromDate?: string | undefined;
  toDate?: string | undefined;
  /** Normalised search text, matched as a substring of the denormalised names. */
  text?: string | undefined;
}

export interface ListOrder {
  column: 'sort_date' | 'sort_name_it' | 'sort_name_en' | 'updated_at';
  descending: boolean;
  after?: { value: string; id: string } | undefined;
  limit: number;
}

/** The tuned list and detail reads: plain SQL joining five tables, paged by keyset. */
function listQueries(database: Database) {
  return {
    async list(filter: ListFilter, order: ListOrder): Promise<SummaryRow[]> {
      const where: string[] = [];
      const params: unknown[] = [];
      const p = (v: unknown) => {
        params.push(v);
        return `$${params.length}`;
      };
      if (filter.publishedOnly) where.push('a.published');
      if (filter.institutionId) where.push(`a.institution_id = ${p(filter.institutionId)}`);
      if (filter.kind) where.push(`a.kind = ${p(filter.kind)}`);
      if (filter.status) where.push(`a.status = ${p(filter.status)}`);
      if (filter.continent) where.push(`a.continent = ${p(filter.continent)}`);
      if (filter.country) where.push(`a.country_code = ${p(filter.country)}`);
      if (filter.sector) where.push(`a.sectors @> array[${p(filter.sector)}]::text[]`);
      if (filter.fromDate) where.push(`a.sort_date >= ${p(filter.fromDate)}::date`);
      if (filter.toDate) where.push(`a.sort_date <= ${p(filter.toDate)}::date`);
      if (filter.fromDate || filter.toDate) where.push(`a.sort_date <> '9999-12-31'::date`);
      if (filter.text) where.push(`a.search_text like ${p(`%${filter.text}%`)}`);
      const col = `a.${order.column}`;
      const cmp = order.descending ? '<' : '>';
      if (order.after) {
        const cast =
          order.column === 'sort_date' ? '::date' : order.column === 'updated_at' ? '::timestamptz' : '';
        where.push(`(${col}, a.id) ${cmp} (${p(order.after.value)}${cast}, ${p(order.after.id)}::uuid)`);
      }
      const dir = order.descending ? 'desc' : 'asc';
      return database.query<SummaryRow>(
        `select ${SUMMARY_COLUMNS} ${FROM}
         ${where.length ? `where ${where.join(' and ')}` : ''}
         order by ${col} ${dir}, a.id ${dir}
         limit ${p(order.limit)}`,
        params,
      );
    },

    async detail(id: string): Promise<DetailRow | undefined> {
      const rows = await database.query<DetailRow>(
        `select ${SUMMARY_COLUMNS}, a.title_it, a.title_en, a.signed_place, a.term, a.ends_on, a.renewal,
           a.renewal_years, u.slug as unit, a.description_it, a.description_en, a.sources, a.alternative_dates,
           a.created_at
         ${FROM} left join units u on u.id = a.unit_id
         where a.id = $1`,
        [id],
      );
      return rows[0];
    },

    async details(institutionId: string, publishedOnly: boolean): Promise<DetailRow[]> {
      return database.query<DetailRow>(
        `select ${SUMMARY_COLUMNS}, a.title_it, a.title_en, a.signed_place, a.term, a.ends_on, a.renewal,
           a.renewal_years, u.slug as unit, a.description_it, a.description_en, a.sources, a.alternative_dates,
           a.created_at
         ${FROM} left join units u on u.id = a.unit_id
         where a.institution_id = $1 ${publishedOnly ? 'and a.published' : ''}
         order by a.sort_date, a.sort_name_it, a.id`,
        [institutionId],
      );
    },
  };
}

/** The smaller reads, through Drizzle. */
function lookupQueries(database: Database) {
  const db = database.db;
  return {
    async events(agreementIds: string[]): Promise<EventRow[]> {
      if (agreementIds.length === 0) return [];
      return db
        .select(EVENT_COLUMNS)
        .from(agreementStatusEvents)
        .where(inArray(agreementStatusEvents.agreementId, agreementIds))
        .orderBy(agreementStatusEvents.seq);
    },

    /**
     * The institution's twinnings in force (not expired or terminated) in a country, when it keeps the rule of
     * one twinning per country; none when it does not.
     */
    async twinningsUnderRule(institutionId: string, country: string): Promise<string[]> {
      const rows = await db
        .select({ name: counterparts.nameIt })
        .from(agreements)
        .innerJoin(institutions, eq(institutions.id, agreements.institutionId))
        .innerJoin(counterparts, eq(counterparts.id, agreements.counterpartId))
        .where(
          and(
            eq(agreements.institutionId, institutionId),
            eq(institutions.oneTwinningPerCountry, true),
            eq(agreements.kind, 'twinning'),
            eq(agreements.countryCode, country),
            notInArray(agreements.status, ['expired', 'terminated']),
          ),
        )
        .orderBy(counterparts.nameIt);
      return rows.map((r) => r.name);
    },

    /** The institution's addresses in use, Italian and English. */
    async takenSlugs(institutionId: string): Promise<{ it: Set<string>; en: Set<string> }> {
      const rows = await db
        .select({ slug: agreements.slug, slugEn: agreements.slugEn })
        .from(agreements)
        .where(eq(agreements.institutionId, institutionId));
      return { it: new Set(rows.map((r) => r.slug)), en: new Set(rows.map((r) => r.slugEn)) };
    },

    /** Every name of the given places, for the denormalised search text. */
    async placeNames(placeIds: number[]): Promise<Map<number, string[]>> {
      const out = new Map<number, string[]>();
      if (placeIds.length === 0) return out;
      const rows = await db
        .select({ placeId: placeNames.placeId, norm: placeNames.norm })
        .from(placeNames)
        .where(inArray(placeNames.placeId, placeIds));
      for (const r of rows) {
        const list = out.get(r.placeId) ?? [];
        list.push(r.norm);
        out.set(r.placeId, list);
      }
      return out;
    },

    /** What a write checks first: the version, the institution and the status it is in. */
    async versionOf(
      id: string,
    ): Promise<{ version: number; institutionId: string; status: Status } | undefined> {
      const rows = await db
        .select({
          version: agreements.version,
          institutionId: agreements.institutionId,
          status: sql<Status>`${agreements.status}`,
        })
        .from(agreements)
        .where(eq(agreements.id, id));
      return rows[0];
    },

    /** The agreements that name a counterpart, for the counterpart's page. */
    async ofCounterpart(id: string): Promise<CounterpartAgreementRow[]> {
      return db
        .select({
          id: agreements.id,
          kind: agreements.kind,
          status: agreements.status,
          published: agreements.published,
          signed_on: agreements.signedOn,
          signed_precision: agreements.signedPrecision,
        })
        .from(agreements)
        .where(eq(agreements.counterpartId, id))
        .orderBy(agreements.sortDate, agreements.id);
    },
  };
}

function writeQueries(database: Database) {
  const db = database.db;
  return {
    async insertMany(values: AgreementInsert[]): Promise<{ id: string; slug: string }[]> {
      if (values.length === 0) return [];
      return db.insert(agreements).values(values).returning({ id: agreements.id, slug: agreements.slug });
    },

    async insertEvents(values: EventInsert[]): Promise<void> {
      if (values.length > 0) await db.insert(agreementStatusEvents).values(values);
    },

    /** Updates only when the row is still at the expected version; returns false otherwise. */
    async updateVersioned(id: string, version: number, values: Partial<AgreementInsert>): Promise<boolean> {
      const rows = await db
        .update(agreements)
        .set({ ...values, version: sql`${agreements.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(agreements.id, id), eq(agreements.version, version)))
        .returning({ id: agreements.id });
      return rows.length === 1;
    },

    async deleteVersioned(id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(agreements)
        .where(and(eq(agreements.id, id), eq(agreements.version, version)))
        .returning({ id: agreements.id });
      return rows.length === 1;
    },

    /**
     * Keeps the agreements' copies of the partner's names and country in step after an edit: the names they
     * sort by, the search text (new names added, so the former ones still find the agreement) and the country.
     */
    async followCounterpart(
      id: string,
      values: { sortNameIt: string; sortNameEn: string; searchAdd: string[]; countryCode: string | null },
    ): Promise<void> {
      await db.execute(
        sql`update agreements a set sort_name_it = ${values.sortNameIt}, sort_name_en = ${values.sortNameEn},
              search_text = case when ${values.searchAdd.join(' | ')} = '' then a.search_text
                                 else a.search_text || ' | ' || ${values.searchAdd.join(' | ')} end,
              country_code = ${values.countryCode},
              continent = (select c.continent from countries c where c.code = ${values.countryCode})
            where a.counterpart_id = ${id}`,
      );
    },

    /** Refreshes the planner's statistics after a large load. */
    async analyze(): Promise<void> {
      await database.query('analyze agreements');
    },
  };
}

export function createAgreementsRepository(database: Database) {
  return { ...listQueries(database), ...lookupQueries(database), ...writeQueries(database) };
}

export type AgreementsRepository = ReturnType<typeof createAgreementsRepository>;
