// The SQL of projects: a filtered, sorted page of them, one project, its partners, funding and years read for
// any number of projects in one query each, versioned writes. A write to a part moves the project to its next
// version (the service does), so two people editing one project cannot overwrite each other.
import { and, asc, desc, eq, getTableColumns, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { todayIso } from '../../platform/dates.ts';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing as like } from '../../platform/db/search.ts';
import type { ProjectValues } from './projects.rules.ts';
import { projectFunding, projectPartners, projects, projectYears } from './projects.table.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type PartnerRow = typeof projectPartners.$inferSelect;
export type FundingRow = typeof projectFunding.$inferSelect;

export const PROJECT_SORTS = ['-starts', 'starts', 'title', '-updated'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectFilter {
  institutionId: string;
  q?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  country?: string | undefined;
  publishedOnly?: boolean;
}

/** A project's partners, funding and years as its record carries them. */
export interface ProjectParts {
  partners: Pick<PartnerRow, 'id' | 'counterpartId' | 'name' | 'role' | 'country'>[];
  funding: Pick<FundingRow, 'id' | 'source' | 'amount'>[];
  years: { year: number; amount: string }[];
}

// node-postgres parses a json column, PGlite may hand it over as text.
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

function conditions(f: ProjectFilter): SQL {
  return and(
    eq(projects.institutionId, f.institutionId),
    f.q
      ? or(
          ilike(projects.titleIt, like(f.q)),
          ilike(projects.titleEn, like(f.q)),
          ilike(projects.code, like(f.q)),
          ilike(projects.funder, like(f.q)),
        )
      : undefined,
    f.status ? eq(projects.status, f.status as ProjectRow['status']) : undefined,
    f.kind ? eq(projects.kind, f.kind as ProjectRow['kind']) : undefined,
    f.country ? sql`${f.country} = any(${projects.countries})` : undefined,
    f.publishedOnly ? eq(projects.published, true) : undefined,
  )!;
}

function order(sort: ProjectSort): SQL[] {
  if (sort === 'title') return [asc(sql`lower(${projects.titleIt})`)];
  if (sort === 'starts') return [sql`${projects.startsOn} asc nulls last`];
  if (sort === '-updated') return [desc(projects.updatedAt)];
  return [sql`${projects.startsOn} desc nulls last`];
}

export function createProjectsRepository(db: Db) {
  const mine = (institutionId: string, id: string) =>
    and(eq(projects.institutionId, institutionId), eq(projects.id, id));

  return {
    async count(f: ProjectFilter): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(conditions(f));
      return row?.n ?? 0;
    },

    async page(f: ProjectFilter, o: { sort: ProjectSort; limit?: number; offset?: number }) {
      const q = db
        .select()
        .from(projects)
        .where(conditions(f))
        .orderBy(...order(o.sort), asc(projects.id));
      return o.limit === undefined ? q : q.limit(o.limit).offset(o.offset ?? 0);
    },

    async byId(institutionId: string, id: string): Promise<ProjectRow | undefined> {
      const [row] = await db.select().from(projects).where(mine(institutionId, id));
      return row;
    },

    async withCode(institutionId: string, code: string, exceptId?: string) {
      const [row] = await db
        .select({ id: projects.id })
        .from(projects)
        .where(
          and(
            eq(projects.institutionId, institutionId),
            eq(projects.code, code),
            exceptId ? ne(projects.id, exceptId) : undefined,
          ),
        );
      return row;
    },

    /** The partners, funding and years of some projects, in three queries. */
    async parts(ids: string[]) {
      if (ids.length === 0) return { partners: [], funding: [], years: [] };
      const [partners, funding, years] = await Promise.all([
        db
          .select()
          .from(projectPartners)
          .where(inArray(projectPartners.projectId, ids))
          .orderBy(asc(projectPartners.position)),
        db
          .select()
          .from(projectFunding)
          .where(inArray(projectFunding.projectId, ids))
          .orderBy(asc(projectFunding.position)),
        db
          .select()
          .from(projectYears)
          .where(inArray(projectYears.projectId, ids))
          .orderBy(asc(projectYears.year)),
      ]);
      return { partners, funding, years };
    },

    async insert(institutionId: string, values: ProjectValues & { example?: boolean }): Promise<ProjectRow> {
      const [row] = await db
        .insert(projects)
        .values({ ...values, institutionId })
        .returning();
      await notifyChange(db, institutionId);
      return row!;
    },

    /** Updates the project if it is still at `version`, moving it to the next; undefined when it was not. */
    async update(institutionId: string, id: string, version: number, values: Partial<ProjectValues>) {
      const [row] = await db
        .update(projects)
        .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
        .where(and(mine(institutionId, id), eq(projects.version, version)))
        .returning();
      if (row) await notifyChange(db, institutionId);
      return row;
    },

    async remove(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(projects)
        .where(and(mine(institutionId, id), eq(projects.version, version)))
        .returning({ id: projects.id });
      if (rows.length > 0) await notifyChange(db, institutionId);
      return rows.length > 0;
    },

    ...listQueries(db),
    ...partQueries(db),

    /** The institution's projects as records to link to (an objective's activities), named in both languages. */
    async targets(institutionId: string, ids?: string[], today = todayIso()) {
      return db
        .select({
          id: projects.id,
          labelIt: projects.titleIt,
          labelEn: sql<string>`coalesce(${projects.titleEn}, ${projects.titleIt})`,
          day: projects.startsOn,
          // A running project without an end is still going: it runs to today (the office's, in Rome), or to
          // its start when that is still to come.
          until: sql<
            string | null
          >`coalesce(${projects.endsOn}::text, case when ${projects.status} = 'running'
            then greatest(${projects.startsOn}, ${today}::date)::text end)`,
        })
        .from(projects)
        .where(and(eq(projects.institutionId, institutionId), ids ? inArray(projects.id, ids) : undefined))
        .orderBy(sql`${projects.startsOn} desc nulls last`);
    },
  };
}

/** The SQL of the lists: a page with each project's number of partners, or with its parts as JSON. */
function listQueries(db: Db) {
  return {
    /**
     * One page of the list as the back-office shows it, with each project's number of partners and the count of
     * all the rows matched, in one scan: the list needs neither the partners themselves nor a second query.
     */
    async listPage(f: ProjectFilter, o: { sort: ProjectSort; limit: number; offset: number }) {
      return db
        .select({
          ...getTableColumns(projects),
          partnerCount: sql<number>`(select count(*)::int from project_partners pp where pp.project_id = "projects"."id")`,
          total: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(projects)
        .where(conditions(f))
        .orderBy(...order(o.sort), asc(projects.id))
        .limit(o.limit)
        .offset(o.offset);
    },

    /**
     * One page of projects with each one's partners, funding and years as JSON, and the count of all matched:
     * the API's list in one query (three more round trips cost it about a third of its time). Amounts stay text.
     */
    async fullPage(f: ProjectFilter, o: { sort: ProjectSort; limit: number; offset: number }) {
      return db
        .select({
          ...getTableColumns(projects),
          total: sql<number>`count(*) over ()`.mapWith(Number),
          partners: sql<ProjectParts['partners']>`(select coalesce(json_agg(json_build_object(
            'id', pp.id, 'counterpartId', pp.counterpart_id, 'name', pp.name, 'role', pp.role, 'country', pp.country)
            order by pp.position), '[]') from project_partners pp where pp.project_id = "projects"."id")`.mapWith(
            json,
          ),
          funding: sql<ProjectParts['funding']>`(select coalesce(json_agg(json_build_object(
            'id', pf.id, 'source', pf.source, 'amount', pf.amount::text) order by pf.position), '[]')
            from project_funding pf where pf.project_id = "projects"."id")`.mapWith(json),
          years: sql<ProjectParts['years']>`(select coalesce(json_agg(json_build_object(
            'year', py.year, 'amount', py.amount::text) order by py.year), '[]')
            from project_years py where py.project_id = "projects"."id")`.mapWith(json),
        })
        .from(projects)
        .where(conditions(f))
        .orderBy(...order(o.sort), asc(projects.id))
        .limit(o.limit)
        .offset(o.offset);
    },
  };
}

/** The SQL of a project's partners, funding and years (the project's version is moved by the caller). */
function partQueries(db: Db) {
  return {
    async addPartner(values: typeof projectPartners.$inferInsert) {
      const [{ n = 0 } = {}] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(projectPartners)
        .where(eq(projectPartners.projectId, values.projectId));
      await db.insert(projectPartners).values({ ...values, position: n });
    },

    async addFunding(values: typeof projectFunding.$inferInsert) {
      const [{ n = 0 } = {}] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(projectFunding)
        .where(eq(projectFunding.projectId, values.projectId));
      await db.insert(projectFunding).values({ ...values, position: n });
    },

    /** Deletes a partner or a funding source of the project; false when it is not one of them. */
    async removePart(kind: 'partner' | 'funding', institutionId: string, projectId: string, id: string) {
      const t = kind === 'partner' ? projectPartners : projectFunding;
      const rows = await db
        .delete(t)
        .where(and(eq(t.institutionId, institutionId), eq(t.projectId, projectId), eq(t.id, id)))
        .returning({ id: t.id });
      return rows.length > 0;
    },

    /** Writes the years with an amount over the stored ones and drops those sent as null. */
    async putYears(
      institutionId: string,
      projectId: string,
      years: { year: number; amount: string | null }[],
    ) {
      const kept = years.filter((y): y is { year: number; amount: string } => y.amount !== null);
      const dropped = years.filter((y) => y.amount === null).map((y) => y.year);
      if (dropped.length > 0)
        await db
          .delete(projectYears)
          .where(and(eq(projectYears.projectId, projectId), inArray(projectYears.year, dropped)));
      if (kept.length > 0)
        await db
          .insert(projectYears)
          .values(kept.map((y) => ({ ...y, projectId, institutionId })))
          .onConflictDoUpdate({
            target: [projectYears.projectId, projectYears.year],
            set: { amount: sql`excluded.amount` },
          });
    },
  };
}

export type ProjectsRepository = ReturnType<typeof createProjectsRepository>;
