// The back-office shell's reads: the dashboard's figures, partnerships without recorded activity, the page
// feedback of the institution, and the names of the records the audit log mentions. Queries only, run through
// Database.query inside the caller's scoped transaction, so row-level security keeps them to one institution.
import type { QueryFn } from '../../platform/db/client.ts';
import { UUID } from '../../platform/field-rules.ts';

/**
 * A partnership in force is dormant when nothing has happened with its partner for this many years: three is
 * the span of a council term's half and of most renewal clauses, long enough not to flag a quiet year.
 */
export const DORMANT_YEARS = 3;

/**
 * Where activity with a partner is recorded: each a select of (counterpart_id, on_date, precision), a dated
 * event in the partner's life with the institution. A new record type with dates (visits, missions,
 * projects) adds its select here and the dashboard counts it. Edits of a record (updated_at) are not activity.
 */
export const ACTIVITY_SOURCES: readonly string[] = [
  // A status event of any of the partner's agreements: signing in force, renewal, suspension, a rejected motion.
  `select a.counterpart_id, e.occurred_on as on_date, e.precision
     from agreement_status_events e join agreements a on a.id = e.agreement_id
    where e.occurred_on is not null`,
  `select counterpart_id, signed_on, signed_precision from agreements where signed_on is not null`,
  `select counterpart_id, ratified_on, ratified_precision from agreements where ratified_on is not null`,
  // A document filed with an agreement (the signed text, a visit's photographs), on the day it was added.
  `select a.counterpart_id, t.created_at::date, 'day'
     from attachments t join agreements a on a.id = t.agreement_id`,
];

export interface DormantRow {
  id: string;
  kind: string;
  name_it: string;
  name_en: string;
  /** The partner's latest recorded activity, null when none is recorded. */
  last_on: string | null;
  last_precision: string | null;
}

/** Active agreements whose partner has no activity recorded within DORMANT_YEARS, the longest quiet first. */
export function dormantAgreements(query: QueryFn, limit = 20): Promise<DormantRow[]> {
  return query<DormantRow>(
    `with activity(counterpart_id, on_date, precision) as (${ACTIVITY_SOURCES.join(' union all ')}),
     latest as (
       select distinct on (counterpart_id) counterpart_id, on_date, precision
         from activity order by counterpart_id, on_date desc)
     select a.id, a.kind, cp.name_it, cp.name_en, l.on_date::text as last_on, l.precision as last_precision
       from agreements a
       join counterparts cp on cp.id = a.counterpart_id
       left join latest l on l.counterpart_id = a.counterpart_id
      where a.status = 'active'
        and (l.on_date is null or l.on_date < current_date - make_interval(years => $1))
      order by l.on_date nulls first, cp.name_it, a.id
      limit ${Math.trunc(limit)}`,
    [DORMANT_YEARS],
  );
}

/** The dashboard's agreement figures: counts per status, terms ending soon or ended, data to verify. */
export async function agreementFigures(query: QueryFn) {
  const byStatus = await query<{ status: string; n: number }>(
    'select status, count(*)::int as n from agreements group by status order by status',
  );
  // The partner's names as written (not the normalised sort keys), for the page's language.
  type Named = { id: string; name_it: string; name_en: string };
  const expiring = await query<Named & { ends_on: string }>(
    `select a.id, cp.name_it, cp.name_en, a.ends_on::text
       from agreements a join counterparts cp on cp.id = a.counterpart_id
      where a.ends_on between current_date and current_date + 90 and a.status = 'active'
      order by a.ends_on limit 20`,
  );
  const ended = await query<Named & { ends_on: string }>(
    `select a.id, cp.name_it, cp.name_en, a.ends_on::text
       from agreements a join counterparts cp on cp.id = a.counterpart_id
      where a.status = 'active' and a.term = 'fixed' and a.ends_on < current_date
      order by a.ends_on limit 50`,
  );
  const toVerify = await query<Named>(
    `select a.id, cp.name_it, cp.name_en
       from agreements a join counterparts cp on cp.id = a.counterpart_id
      where a.to_verify order by a.sort_name_it, a.id limit 200`,
  );
  return { byStatus, expiring, ended, toVerify };
}

/** An agreement in force whose signing has a round anniversary (every fifth year) this year. */
export interface AnniversaryRow {
  id: string;
  kind: string;
  name_it: string;
  name_en: string;
  signed_on: string;
  signed_precision: string;
  years: number;
}

/** This year's round anniversaries (5, 10, 15... years) of the agreements in force, in the order of the year. */
export function anniversaries(query: QueryFn, year: number): Promise<AnniversaryRow[]> {
  return query<AnniversaryRow>(
    `select a.id, a.kind, cp.name_it, cp.name_en, a.signed_on::text, a.signed_precision,
            ($1 - extract(year from a.signed_on))::int as years
       from agreements a join counterparts cp on cp.id = a.counterpart_id
      where a.status = 'active' and a.signed_on is not null and a.signed_precision in ('day', 'month', 'year')
        and ($1 - extract(year from a.signed_on))::int > 0 and ($1 - extract(year from a.signed_on))::int % 5 = 0
      order by a.signed_precision = 'year', extract(month from a.signed_on), extract(day from a.signed_on), cp.name_it
      limit 50`,
    [year],
  );
}

export interface FeedbackPageRow {
  page: string;
  responses: number;
  average: number;
  /** Ratings of 4 or 5 (the form's positive group) and of 1 to 3 (its negative group). */
  positive: number;
  negative: number;
  comments: number;
}

/** The institution's feedback per page, the most answered first. */
export function feedbackPages(query: QueryFn, institutionId: string, limit: number) {
  return query<FeedbackPageRow>(
    `select page, count(*)::int as responses, round(avg(rating), 1)::float8 as average,
            count(*) filter (where rating >= 4)::int as positive,
            count(*) filter (where rating <= 3)::int as negative,
            count(comment)::int as comments
       from page_feedback where institution_id = $1
      group by page order by responses desc, page limit ${Math.trunc(limit)}`,
    [institutionId],
  );
}

export interface FeedbackCommentRow {
  page: string;
  lang: string;
  rating: number;
  answer: number | null;
  comment: string;
  created_at: string;
  total: number;
}

/** A page of the institution's feedback comments, newest first, with how many there are in all. */
export function feedbackComments(query: QueryFn, institutionId: string, limit: number, offset: number) {
  return query<FeedbackCommentRow>(
    `select page, lang, rating, answer, comment, created_at::text, count(*) over ()::int as total
       from page_feedback where institution_id = $1 and comment is not null
      order by created_at desc, id desc limit ${Math.trunc(limit)} offset ${Math.trunc(offset)}`,
    [institutionId],
  );
}

/** How many feedback comments the institution has. */
export async function feedbackCommentCount(query: QueryFn, institutionId: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    'select count(*)::int as n from page_feedback where institution_id = $1 and comment is not null',
    [institutionId],
  );
  return row?.n ?? 0;
}

/** A record's name as the audit log shows it: both languages, and for an agreement its kind. */
export interface NameRow {
  id: string;
  kind: string | null;
  name_it: string;
  name_en: string;
}

/** One query per record type: the names of the records of that type with these ids (the missing are gone). */
const NAME_QUERIES: Record<string, string> = {
  agreement: `select a.id::text, a.kind, cp.name_it, cp.name_en
                from agreements a join counterparts cp on cp.id = a.counterpart_id where a.id = any($1::uuid[])`,
  counterpart: 'select id::text, null as kind, name_it, name_en from counterparts where id = any($1::uuid[])',
  unit: 'select id::text, null as kind, name_it, name_en from units where id = any($1::uuid[])',
  network: 'select id::text, null as kind, name_it, name_en from networks where id = any($1::uuid[])',
  membership: `select m.id::text, null as kind, n.name_it, n.name_en
                 from memberships m join networks n on n.id = m.network_id where m.id = any($1::uuid[])`,
  user: `select id::text, null as kind, coalesce(nullif(name, ''), email) as name_it,
                coalesce(nullif(name, ''), email) as name_en from users where id = any($1::uuid[])`,
  api_token:
    'select id::text, null as kind, name as name_it, name as name_en from api_tokens where id = any($1::uuid[])',
  invitation:
    'select id::text, null as kind, email as name_it, email as name_en from invitations where id = any($1::uuid[])',
  institution: 'select id::text, null as kind, name_it, name_en from institutions where id = any($1::uuid[])',
  visit: `select id::text, null as kind, title_it as name_it, coalesce(title_en, title_it) as name_en
            from visits where id = any($1::uuid[])`,
  gift: `select id::text, null as kind, left(description_it, 80) as name_it,
           left(coalesce(description_en, description_it), 80) as name_en from gifts where id = any($1::uuid[])`,
  meeting: `select id::text, null as kind, title_it as name_it, coalesce(title_en, title_it) as name_en
              from meetings where id = any($1::uuid[])`,
  mission: `select id::text, null as kind, title_it as name_it, coalesce(title_en, title_it) as name_en
              from missions where id = any($1::uuid[])`,
  // An operational objective reads with its DUP code, as the plan lists it: "1901/0159 La Città…".
  objective: `select id::text, null as kind, concat_ws(' ', code, title_it) as name_it,
                concat_ws(' ', code, coalesce(title_en, title_it)) as name_en from objectives where id = any($1::uuid[])`,
  project: `select id::text, null as kind, title_it as name_it, coalesce(title_en, title_it) as name_en
              from projects where id = any($1::uuid[])`,
  event: `select id::text, null as kind, title_it as name_it, coalesce(title_en, title_it) as name_en
            from events where id = any($1::uuid[])`,
  dossier: `select id::text, null as kind, title_it as name_it, coalesce(title_en, title_it) as name_en
              from dossiers where id = any($1::uuid[])`,
  // People are not named here: the log is read by roles that may not see a person's name.
  organisation: `select id::text, null as kind, name_it, coalesce(name_en, name_it) as name_en
                   from organisations where id = any($1::uuid[])`,
};

/** The record types whose names the log can look up. */
export const NAMED_ENTITIES: ReadonlySet<string> = new Set(Object.keys(NAME_QUERIES));

/** The names of the records, per type: one query for each type present. */
export async function recordNames(
  query: QueryFn,
  idsByEntity: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, NameRow[]>> {
  const out = new Map<string, NameRow[]>();
  for (const [entity, ids] of idsByEntity) {
    const sql = NAME_QUERIES[entity];
    const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
    if (!sql || wanted.length === 0) continue;
    out.set(entity, await query<NameRow>(sql, [wanted]));
  }
  return out;
}
