// The SQL the agenda's record types (visits, missions, meetings) share: the agreements and networks a record
// concerns, and what a form offers to link.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, QueryFn } from '../../platform/db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { memberships, networks } from '../networks/networks.table.ts';

const agreementColumns = {
  id: agreements.id,
  kind: agreements.kind,
  counterpartIt: counterparts.nameIt,
  counterpartEn: counterparts.nameEn,
};
const networkColumns = { id: networks.id, nameIt: networks.nameIt, nameEn: networks.nameEn };

export function createAgendaRepository(db: Db) {
  return {
    /** The agreements among `ids` that are the institution's, with their partner's names. */
    agreements(institutionId: string, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .select(agreementColumns)
        .from(agreements)
        .innerJoin(counterparts, eq(counterparts.id, agreements.counterpartId))
        .where(and(eq(agreements.institutionId, institutionId), inArray(agreements.id, [...ids])))
        .orderBy(asc(counterparts.nameIt));
    },

    /** The networks among `ids` (the catalogue is shared by all institutions). */
    networks(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .select(networkColumns)
        .from(networks)
        .where(inArray(networks.id, [...ids]))
        .orderBy(asc(networks.nameIt));
    },

    /** Every agreement of the institution, and the networks it belongs to. */
    async choices(institutionId: string) {
      const agreementRows = await db
        .select(agreementColumns)
        .from(agreements)
        .innerJoin(counterparts, eq(counterparts.id, agreements.counterpartId))
        .where(eq(agreements.institutionId, institutionId))
        .orderBy(asc(counterparts.nameIt), asc(agreements.kind));
      const networkRows = await db
        .select(networkColumns)
        .from(memberships)
        .innerJoin(networks, eq(networks.id, memberships.networkId))
        .where(eq(memberships.institutionId, institutionId))
        .orderBy(asc(networks.nameIt));
      return { agreements: agreementRows, networks: networkRows };
    },
  };
}

export type AgendaRepository = ReturnType<typeof createAgendaRepository>;

/** One visit, mission, meeting or event as the calendar and the feeds show it (days and times in Europe/Rome). */
export interface EntryRow {
  kind: 'visit' | 'mission' | 'meeting' | 'event';
  id: string;
  title_it: string;
  title_en: string | null;
  status: 'proposed' | 'confirmed' | 'held' | 'cancelled';
  starts_on: string;
  starts_at: string | null;
  ends_on: string;
  ends_at: string | null;
  /** The visiting party, or the counterpart met. */
  party_it: string | null;
  party_en: string | null;
  /** A mission's destinations, a meeting's place. */
  where_it: string | null;
  where_en: string | null;
  /** Purpose or topics. */
  about_it: string | null;
  about_en: string | null;
  /** An event's venue on the map (WGS84), when it is placed; null for the other kinds. */
  latitude: number | null;
  longitude: number | null;
  /** Details only the staff see: a delegation's head and protocol notes, who came to a meeting. */
  internal: string | null;
  published: boolean;
  example: boolean;
  version: number;
  updated_at: string;
}

// The four record types of the agenda (visits, missions, meetings, events) in one list, each overlapping the period [$2, $3]; $4 keeps only what
// the public may see (published, not an example).
const ENTRIES = `
select * from (
  select 'visit' as kind, v.id::text as id, v.title_it, v.title_en, v.status, v.starts_on::text as starts_on,
         to_char(v.starts_at, 'HH24:MI') as starts_at, v.ends_on::text as ends_on,
         to_char(v.ends_at, 'HH24:MI') as ends_at, cp.name_it as party_it, cp.name_en as party_en,
         null::text as where_it, null::text as where_en, v.purpose_it as about_it, v.purpose_en as about_en,
         nullif(concat_ws(' — ', nullif(concat_ws(', ', v.head_name, v.head_title), ''), v.protocol_notes), '')
           as internal,
         null::float8 as latitude, null::float8 as longitude, v.published, v.example, v.version, v.updated_at
    from visits v left join counterparts cp on cp.id = v.counterpart_id
   where v.institution_id = $1 and v.starts_on <= $3 and v.ends_on >= $2
  union all
  select 'mission', m.id::text, m.title_it, m.title_en, m.status, m.starts_on::text,
         to_char(m.starts_at, 'HH24:MI'), m.ends_on::text, to_char(m.ends_at, 'HH24:MI'), null, null,
         (select string_agg(d->>'nameIt', ', ') from jsonb_array_elements(m.destinations) d),
         (select string_agg(d->>'nameEn', ', ') from jsonb_array_elements(m.destinations) d),
         m.purpose_it, m.purpose_en, null, null, null, m.published, m.example, m.version, m.updated_at
    from missions m
   where m.institution_id = $1 and m.starts_on <= $3 and m.ends_on >= $2
  union all
  select 'meeting', g.id::text, g.title_it, g.title_en, g.status, g.starts_on::text,
         to_char(g.starts_at, 'HH24:MI'), g.starts_on::text, to_char(g.ends_at, 'HH24:MI'),
         cp.name_it, cp.name_en, g.place, g.place, g.topics_it, g.topics_en, g.participants, null, null,
         g.published, g.example, g.version, g.updated_at
    from meetings g left join counterparts cp on cp.id = g.counterpart_id
   where g.institution_id = $1 and g.starts_on <= $3 and g.starts_on >= $2
  union all
  select 'event', x.id::text, x.title_it, x.title_en, x.status, x.starts_on::text,
         to_char(x.starts_at, 'HH24:MI'), x.ends_on::text, to_char(x.ends_at, 'HH24:MI'), x.partners, x.partners,
         nullif(concat_ws(', ', x.venue, x.city), ''), nullif(concat_ws(', ', x.venue, x.city), ''),
         x.description_it, x.description_en, null, x.latitude, x.longitude, x.published, x.example, x.version,
         x.updated_at
    from events x
   where x.institution_id = $1 and x.starts_on <= $3 and x.ends_on >= $2
) e
where not $4::boolean or (e.published and not e.example)
order by e.starts_on, e.starts_at nulls first, e.title_it`;

/** The agenda's entries of an institution over a period (days YYYY-MM-DD, both included). */
export function agendaEntries(
  query: QueryFn,
  institutionId: string,
  from: string,
  to: string,
  publicOnly: boolean,
): Promise<EntryRow[]> {
  return query<EntryRow>(ENTRIES, [institutionId, from, to, publicOnly]);
}

/**
 * What an institution's feed depends on, in one cheap query: the latest change and the count of its visits,
 * missions, meetings and partners (a rename changes a party's name), the institution's own (its name), and
 * today (a feed starts a year back).
 */
export async function feedStamp(query: QueryFn, institutionId: string): Promise<string> {
  const [row] = await query<{ stamp: string }>(
    `select concat_ws('|',
       (select concat(max(updated_at), '/', count(*)) from visits where institution_id = $1),
       (select concat(max(updated_at), '/', count(*)) from missions where institution_id = $1),
       (select concat(max(updated_at), '/', count(*)) from meetings where institution_id = $1),
       (select concat(max(updated_at), '/', count(*)) from events where institution_id = $1),
       (select concat(max(updated_at), '/', count(*)) from counterparts where institution_id = $1),
       (select updated_at from institutions where id = $1),
       current_date) as stamp`,
    [institutionId],
  );
  return row?.stamp ?? '';
}

/** The private feeds' SQL: issue (revoking the person's earlier ones), revoke, and find by the secret's hash. */
export function feedQueries(query: QueryFn) {
  return {
    async issue(userId: string, institutionId: string, tokenHash: string): Promise<string> {
      await query(
        'update calendar_feeds set revoked_at = now() where user_id = $1 and institution_id = $2 and revoked_at is null',
        [userId, institutionId],
      );
      const [row] = await query<{ id: string }>(
        'insert into calendar_feeds (user_id, institution_id, token_hash) values ($1, $2, $3) returning id::text',
        [userId, institutionId, tokenHash],
      );
      return row!.id;
    },
    async revoke(userId: string, institutionId: string): Promise<string[]> {
      const rows = await query<{ id: string }>(
        `update calendar_feeds set revoked_at = now()
          where user_id = $1 and institution_id = $2 and revoked_at is null returning id::text`,
        [userId, institutionId],
      );
      return rows.map((r) => r.id);
    },
    async current(userId: string, institutionId: string) {
      const [row] = await query<{ id: string; created_at: string; last_used_at: string | null }>(
        `select id::text, created_at, last_used_at from calendar_feeds
          where user_id = $1 and institution_id = $2 and revoked_at is null order by created_at desc limit 1`,
        [userId, institutionId],
      );
      return row;
    },
    /**
     * The institution a live secret opens, if its holder still works there (a role in it, or a platform
     * administrator); marks it used.
     */
    async open(tokenHash: string) {
      const [row] = await query<{ institution_id: string; name_it: string; name_en: string }>(
        `update calendar_feeds f set last_used_at = now()
           from users u, institutions i
          where f.token_hash = $1 and f.revoked_at is null and u.id = f.user_id and not u.disabled
            and i.id = f.institution_id
            and (u.platform_admin or exists (select 1 from user_roles r
                  where r.user_id = f.user_id and r.institution_id = f.institution_id))
          returning f.institution_id::text, i.name_it, i.name_en`,
        [tokenHash],
      );
      return row;
    },
  };
}
