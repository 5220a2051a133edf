// The SQL of a briefing pack: the partners a mission's destinations are, and what the institution did before
// with a set of partners and places (visits, missions, meetings) and what is still open from it.
import type { QueryFn } from '../../platform/db/client.ts';

/** An earlier visit, mission or meeting with the same partner (or, for a mission, to the same place). */
export interface PastRow {
  kind: 'visit' | 'mission' | 'meeting';
  id: string;
  title_it: string;
  title_en: string | null;
  status: string;
  starts_on: string;
  ends_on: string;
  outcome_it: string | null;
  outcome_en: string | null;
}

export interface OpenRow {
  action: string;
  owner: string | null;
  due_on: string | null;
  title_it: string;
  title_en: string | null;
}

export interface GiftLine {
  direction: 'received' | 'given';
  on_day: string;
  description_it: string;
  description_en: string | null;
  value: string | null;
  currency: string;
  disposition: string | null;
}

export function createBriefingRepository(query: QueryFn) {
  return {
    /** The gifts exchanged with these partners, or on these occasions, the latest first. */
    gifts(institutionId: string, partnerIds: string[], occasionIds: string[]) {
      return query<GiftLine>(
        `select direction, on_day::text, description_it, description_en, value::text, currency, disposition
           from gifts
          where institution_id = $1 and (counterpart_id = any($2::uuid[])
                or coalesce(visit_id, mission_id, meeting_id) = any($3::uuid[]))
          order by on_day desc limit 30`,
        [institutionId, partnerIds, occasionIds],
      );
    },

    /** The institution's city partners at these gazetteer places. */
    async partnersAt(institutionId: string, placeIds: number[]): Promise<string[]> {
      if (placeIds.length === 0) return [];
      const rows = await query<{ id: string }>(
        'select id::text from counterparts where institution_id = $1 and place_id = any($2::int[])',
        [institutionId, placeIds],
      );
      return rows.map((r) => r.id);
    },

    /** The gazetteer places of these partners (the cities among them). */
    async placesOf(ids: string[]): Promise<number[]> {
      if (ids.length === 0) return [];
      const rows = await query<{ place_id: number }>(
        'select place_id from counterparts where id = any($1::uuid[]) and place_id is not null',
        [ids],
      );
      return rows.map((r) => r.place_id);
    },

    /** What was done with these partners or at these places before `before`, the latest first. */
    past(institutionId: string, partnerIds: string[], placeIds: number[], before: string, except: string) {
      return query<PastRow>(
        `select * from (
           select 'visit' as kind, id::text, title_it, title_en, status, starts_on::text, ends_on::text, outcome_it, outcome_en
             from visits where institution_id = $1 and counterpart_id = any($2::uuid[]) and starts_on < $4 and id <> $5
           union all
           select 'meeting', id::text, title_it, title_en, status, starts_on::text, starts_on::text, outcome_it, outcome_en
             from meetings where institution_id = $1 and counterpart_id = any($2::uuid[]) and starts_on < $4 and id <> $5
           union all
           select 'mission', id::text, title_it, title_en, status, starts_on::text, ends_on::text, outcome_it, outcome_en
             from missions m where institution_id = $1 and starts_on < $4 and id <> $5
              and exists (select 1 from jsonb_array_elements(m.destinations) d where (d->>'geonamesId')::int = any($3::int[]))
         ) p order by starts_on desc limit 30`,
        [institutionId, partnerIds, placeIds, before, except],
      );
    },

    /** The open follow-ups of these records. */
    open(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([] as OpenRow[]);
      return query<OpenRow>(
        `select f.action, f.owner, f.due_on::text, coalesce(v.title_it, m.title_it, g.title_it) as title_it,
                coalesce(v.title_en, m.title_en, g.title_en) as title_en
           from follow_ups f
           left join visits v on v.id = f.visit_id
           left join missions m on m.id = f.mission_id
           left join meetings g on g.id = f.meeting_id
          where f.done_on is null and coalesce(f.visit_id, f.mission_id, f.meeting_id) = any($1::uuid[])
          order by f.due_on asc nulls last`,
        [ids],
      );
    },
  };
}

export type BriefingRepository = ReturnType<typeof createBriefingRepository>;
