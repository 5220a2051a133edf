// The SQL of the gifts register: the list (year, direction, flagged), one gift with its occasion and partner,
// versioned writes, the occasions a form offers, and the register of a year for CSV.
import { CHANGES_CHANNEL } from '../../platform/db/changes.ts';
import type { QueryFn } from '../../platform/db/client.ts';

export interface GiftRow {
  id: string;
  direction: 'received' | 'given';
  on_day: string;
  visit_id: string | null;
  mission_id: string | null;
  meeting_id: string | null;
  occasion_it: string | null;
  occasion_en: string | null;
  counterpart_id: string | null;
  counterpart_it: string | null;
  counterpart_en: string | null;
  description_it: string;
  description_en: string | null;
  value: string | null;
  currency: string;
  person: string | null;
  disposition: 'kept' | 'on_display' | 'donated' | 'returned' | null;
  disposition_on: string | null;
  notes: string | null;
  published: boolean;
  example: boolean;
  version: number;
  updated_at: string;
}

export interface GiftValues {
  direction: 'received' | 'given';
  onDay: string;
  visitId: string | null;
  missionId: string | null;
  meetingId: string | null;
  counterpartId: string | null;
  descriptionIt: string;
  descriptionEn: string | null;
  value: string | null;
  currency: string;
  person: string | null;
  disposition: 'kept' | 'on_display' | 'donated' | 'returned' | null;
  dispositionOn: string | null;
  notes: string | null;
  published: boolean;
}

const SELECT = `
  select g.id::text, g.direction, g.on_day::text, g.visit_id::text, g.mission_id::text, g.meeting_id::text,
         coalesce(v.title_it, m.title_it, t.title_it) as occasion_it,
         coalesce(v.title_en, m.title_en, t.title_en) as occasion_en,
         g.counterpart_id::text, cp.name_it as counterpart_it, cp.name_en as counterpart_en,
         g.description_it, g.description_en, g.value::text, g.currency, g.person, g.disposition,
         g.disposition_on::text, g.notes, g.published, g.example, g.version, g.updated_at
    from gifts g
    left join visits v on v.id = g.visit_id
    left join missions m on m.id = g.mission_id
    left join meetings t on t.id = g.meeting_id
    left join counterparts cp on cp.id = g.counterpart_id`;

export interface GiftFilter {
  institutionId: string;
  year?: number | undefined;
  direction?: 'received' | 'given' | undefined;
  /** Only received gifts with a value (the flagged ones are picked by the service). */
  valued?: boolean | undefined;
}

function where(f: GiftFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.institutionId];
  const parts = ['g.institution_id = $1'];
  if (f.year) {
    params.push(f.year);
    parts.push(`extract(year from g.on_day)::int = $${params.length}`);
  }
  if (f.direction) {
    params.push(f.direction);
    parts.push(`g.direction = $${params.length}`);
  }
  if (f.valued) parts.push(`g.direction = 'received' and g.value is not null`);
  return { sql: parts.join(' and '), params };
}

export function createGiftsRepository(query: QueryFn) {
  const notify = (institutionId: string) =>
    query('select pg_notify($1, $2)', [CHANGES_CHANNEL, institutionId]);
  const columns = (v: GiftValues) => [
    v.direction,
    v.onDay,
    v.visitId,
    v.missionId,
    v.meetingId,
    v.counterpartId,
    v.descriptionIt,
    v.descriptionEn,
    v.value,
    v.currency,
    v.person,
    v.disposition,
    v.dispositionOn,
    v.notes,
    v.published,
  ];
  return {
    async count(f: GiftFilter): Promise<number> {
      const w = where(f);
      const [row] = await query<{ n: number }>(
        `select count(*)::int as n from gifts g where ${w.sql}`,
        w.params,
      );
      return row?.n ?? 0;
    },
    page(f: GiftFilter, limit: number, offset: number): Promise<GiftRow[]> {
      const w = where(f);
      return query<GiftRow>(
        `${SELECT} where ${w.sql} order by g.on_day desc, g.created_at desc limit ${limit} offset ${offset}`,
        w.params,
      );
    },
    /** A year's register (or every year), oldest first, for CSV; only the published ones when asked. */
    register(institutionId: string, year: number | undefined, publishedOnly: boolean): Promise<GiftRow[]> {
      const w = where({ institutionId, year });
      return query<GiftRow>(
        `${SELECT} where ${w.sql} ${publishedOnly ? 'and g.published and not g.example' : ''} order by g.on_day, g.created_at`,
        w.params,
      );
    },
    async byId(institutionId: string, id: string): Promise<GiftRow | undefined> {
      const [row] = await query<GiftRow>(`${SELECT} where g.institution_id = $1 and g.id = $2`, [
        institutionId,
        id,
      ]);
      return row;
    },
    async insert(institutionId: string, v: GiftValues, example: boolean): Promise<string> {
      const [row] = await query<{ id: string }>(
        `insert into gifts (institution_id, direction, on_day, visit_id, mission_id, meeting_id, counterpart_id,
                            description_it, description_en, value, currency, person, disposition, disposition_on,
                            notes, published, example)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) returning id::text`,
        [institutionId, ...columns(v), example],
      );
      await notify(institutionId);
      return row!.id;
    },
    async updateVersioned(
      institutionId: string,
      id: string,
      version: number,
      v: GiftValues,
    ): Promise<boolean> {
      const rows = await query(
        `update gifts set direction = $3, on_day = $4, visit_id = $5, mission_id = $6, meeting_id = $7,
                counterpart_id = $8, description_it = $9, description_en = $10, value = $11, currency = $12,
                person = $13, disposition = $14, disposition_on = $15, notes = $16, published = $17,
                version = version + 1, updated_at = now()
          where institution_id = $1 and id = $2 and version = $18 returning id`,
        [institutionId, id, ...columns(v), version],
      );
      if (rows.length) await notify(institutionId);
      return rows.length > 0;
    },
    async deleteVersioned(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await query(
        'delete from gifts where institution_id = $1 and id = $2 and version = $3 returning id',
        [institutionId, id, version],
      );
      if (rows.length) await notify(institutionId);
      return rows.length > 0;
    },
    /** The institution's visits, missions and meetings, the latest first, for the occasion field. */
    occasions(institutionId: string) {
      return query<{
        kind: 'visit' | 'mission' | 'meeting';
        id: string;
        title_it: string;
        title_en: string | null;
        starts_on: string;
      }>(
        `select * from (
           select 'visit' as kind, id::text, title_it, title_en, starts_on::text from visits where institution_id = $1
           union all select 'mission', id::text, title_it, title_en, starts_on::text from missions where institution_id = $1
           union all select 'meeting', id::text, title_it, title_en, starts_on::text from meetings where institution_id = $1
         ) o order by starts_on desc limit 300`,
        [institutionId],
      );
    },
    /** Whether the occasion is the institution's. */
    async occasionExists(institutionId: string, kind: 'visit' | 'mission' | 'meeting', id: string) {
      const table = { visit: 'visits', mission: 'missions', meeting: 'meetings' }[kind];
      return (
        (await query(`select 1 from ${table} where institution_id = $1 and id = $2`, [institutionId, id]))
          .length > 0
      );
    },
  };
}

export type GiftsRepository = ReturnType<typeof createGiftsRepository>;
