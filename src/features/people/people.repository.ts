// The SQL of people and their roles: the list a reader may see (visibility levels, words of the name, an
// organisation, a language), one person, their roles with the organisations' names, an organisation's holders
// over time, reviews come due, and versioned writes. Every write tells the caches (notifyChange).
import { and, arrayContains, asc, desc, eq, exists, inArray, like, lte, type SQL, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/search.ts';
import { organisations } from '../organisations/organisations.table.ts';
import type { Visibility } from './people.rules.ts';
import { people, personRoles } from './people.table.ts';

type OrganisationRow = typeof organisations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type PersonValues = Omit<typeof people.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type RoleRow = typeof personRoles.$inferSelect;
export type RoleValues = Omit<typeof personRoles.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type RoleListRow = RoleRow & { orgNameIt: string; orgNameEn: string | null; orgKind: string };

export interface PersonFilter {
  institutionId: string;
  visible: Visibility[];
  words?: string[] | undefined;
  organisationId?: string | undefined;
  language?: string | undefined;
}

/** Rows a statement of insertMany, well inside PostgreSQL's 65,535 parameters. */
const BATCH = 500;

function conditions(db: Db, f: PersonFilter): SQL {
  const all: (SQL | undefined)[] = [
    eq(people.institutionId, f.institutionId),
    inArray(people.visibility, f.visible),
  ];
  for (const word of f.words ?? []) all.push(like(people.searchKey, containing(word)));
  if (f.language) all.push(arrayContains(people.languages, [f.language]));
  if (f.organisationId) {
    all.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(personRoles)
          .where(and(eq(personRoles.personId, people.id), eq(personRoles.organisationId, f.organisationId))),
      ),
    );
  }
  return and(...all)!;
}

const roleColumns = {
  role: personRoles,
  orgNameIt: organisations.nameIt,
  orgNameEn: organisations.nameEn,
  orgKind: organisations.kind,
};
const flatRole = (r: {
  role: RoleRow;
  orgNameIt: string;
  orgNameEn: string | null;
  orgKind: string;
}): RoleListRow => ({
  ...r.role,
  orgNameIt: r.orgNameIt,
  orgNameEn: r.orgNameEn,
  orgKind: r.orgKind,
});

/** A person's roles: one, versioned writes, and moving them all when two records are merged into one. */
function roleQueries(db: Db, touched: (institutionId: string) => Promise<void>) {
  const ownRole = (institutionId: string, personId: string, id: string) =>
    and(
      eq(personRoles.institutionId, institutionId),
      eq(personRoles.personId, personId),
      eq(personRoles.id, id),
    );
  return {
    /** Moves an organisation's roles to another (a merge of two records of the same organisation). */
    async moveOrganisationRoles(institutionId: string, from: string, to: string): Promise<number> {
      const rows = await db
        .update(personRoles)
        .set({ organisationId: to, version: sql`${personRoles.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(personRoles.institutionId, institutionId), eq(personRoles.organisationId, from)))
        .returning({ id: personRoles.id });
      await touched(institutionId);
      return rows.length;
    },

    /** Moves a person's roles to another person (a merge of the same person recorded twice). */
    async movePersonRoles(institutionId: string, from: string, to: string): Promise<number> {
      const rows = await db
        .update(personRoles)
        .set({ personId: to, version: sql`${personRoles.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(personRoles.institutionId, institutionId), eq(personRoles.personId, from)))
        .returning({ id: personRoles.id });
      await touched(institutionId);
      return rows.length;
    },
    /** Moves a person's links to another person (a merge), but for those the other already has. */
    async movePersonLinks(institutionId: string, from: string, to: string): Promise<number> {
      const rows = await db.execute(sql`
        update person_links l set person_id = ${to}
         where l.institution_id = ${institutionId} and l.person_id = ${from}
           and not exists (select 1 from person_links o
                            where o.person_id = ${to}
                              and coalesce(o.agreement_id, o.visit_id, o.mission_id, o.meeting_id, o.network_id)
                                = coalesce(l.agreement_id, l.visit_id, l.mission_id, l.meeting_id, l.network_id))
        returning l.id`);
      await touched(institutionId);
      // PGlite and node-postgres both answer with the rows' list.
      return (rows as unknown as { rows?: unknown[] }).rows?.length ?? 0;
    },
    async role(institutionId: string, personId: string, id: string): Promise<RoleListRow | undefined> {
      const [row] = await db
        .select(roleColumns)
        .from(personRoles)
        .innerJoin(organisations, eq(organisations.id, personRoles.organisationId))
        .where(ownRole(institutionId, personId, id));
      return row ? flatRole(row) : undefined;
    },

    async insertRole(values: RoleValues): Promise<RoleRow> {
      const [row] = await db.insert(personRoles).values(values).returning();
      await touched(values.institutionId);
      return row!;
    },

    async updateRole(
      institutionId: string,
      personId: string,
      id: string,
      version: number,
      values: Partial<RoleValues>,
    ) {
      const [row] = await db
        .update(personRoles)
        .set({ ...values, version: sql`${personRoles.version} + 1`, updatedAt: sql`now()` })
        .where(and(ownRole(institutionId, personId, id), eq(personRoles.version, version)))
        .returning();
      if (row) await touched(institutionId);
      return row;
    },

    async deleteRole(institutionId: string, personId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(personRoles)
        .where(and(ownRole(institutionId, personId, id), eq(personRoles.version, version)))
        .returning({ id: personRoles.id });
      if (rows.length > 0) await touched(institutionId);
      return rows.length > 0;
    },
  };
}

/** Roles read with their organisations or their people: a person's roles, a post's holders, public heads. */
function roleReads(db: Db) {
  return {
    /** The roles of these people, the current ones first, then the latest. */
    async rolesOf(personIds: string[]): Promise<RoleListRow[]> {
      if (personIds.length === 0) return [];
      // Two lookups by key rather than a join: without fresh statistics (PGlite has no autovacuum) the
      // planner walked every organisation of the institution to find twenty people's roles (bench:contacts).
      const roles = await db
        .select()
        .from(personRoles)
        .where(inArray(personRoles.personId, personIds))
        .orderBy(sql`${personRoles.endsOn} desc nulls first`, desc(personRoles.startsOn));
      if (roles.length === 0) return [];
      const orgs = await db
        .select({
          id: organisations.id,
          nameIt: organisations.nameIt,
          nameEn: organisations.nameEn,
          kind: organisations.kind,
        })
        .from(organisations)
        .where(inArray(organisations.id, [...new Set(roles.map((r) => r.organisationId))]));
      const byId = new Map(orgs.map((o) => [o.id, o]));
      return roles.flatMap((role) => {
        const o = byId.get(role.organisationId);
        return o ? [flatRole({ role, orgNameIt: o.nameIt, orgNameEn: o.nameEn, orgKind: o.kind })] : [];
      });
    },

    /** Who held roles in an organisation, the latest first, with each person's name and visibility. */
    holders(institutionId: string, organisationId: string) {
      return db
        .select({
          role: personRoles,
          name: people.name,
          honorific: people.honorific,
          visibility: people.visibility,
        })
        .from(personRoles)
        .innerJoin(people, eq(people.id, personRoles.personId))
        .where(
          and(eq(personRoles.institutionId, institutionId), eq(personRoles.organisationId, organisationId)),
        )
        .orderBy(sql`${personRoles.endsOn} desc nulls first`, sql`${personRoles.startsOn} desc nulls last`);
    },

    /** The current heads of these organisations who may be shown to everyone: the portal's directories. */
    publicHeads(institutionId: string, kind: OrganisationRow['kind'], today: string) {
      return db
        .select({
          organisationId: personRoles.organisationId,
          name: people.name,
          honorific: people.honorific,
          titleIt: personRoles.titleIt,
          titleEn: personRoles.titleEn,
        })
        .from(personRoles)
        .innerJoin(people, eq(people.id, personRoles.personId))
        .innerJoin(organisations, eq(organisations.id, personRoles.organisationId))
        .where(
          and(
            eq(personRoles.institutionId, institutionId),
            eq(organisations.kind, kind),
            eq(personRoles.head, true),
            eq(people.visibility, 'public'),
            eq(people.example, false),
            sql`(${personRoles.startsOn} is null or ${personRoles.startsOn} <= ${today})`,
            sql`(${personRoles.endsOn} is null or ${personRoles.endsOn} >= ${today})`,
          ),
        )
        .orderBy(sql`${personRoles.startsOn} desc nulls last`);
    },
  };
}

export function createPeopleRepository(db: Db) {
  const touched = (institutionId: string) => notifyChange(db, institutionId);
  const own = (institutionId: string, id: string) =>
    and(eq(people.institutionId, institutionId), eq(people.id, id));
  return {
    async count(filter: PersonFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(people)
        .where(conditions(db, filter));
      return row?.n ?? 0;
    },

    /** Every person's name and visibility, the oldest first (no personal field). */
    names(institutionId: string) {
      return db
        .select({ id: people.id, name: people.name, visibility: people.visibility })
        .from(people)
        .where(eq(people.institutionId, institutionId))
        .orderBy(asc(people.createdAt), asc(people.id));
    },

    /** A page and the number of people the filter finds, in one scan. */
    async pageCounted(filter: PersonFilter, limit: number, offset: number) {
      const found = await db
        .select({ person: people, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(people)
        .where(conditions(db, filter))
        .orderBy(asc(people.searchKey), asc(people.id))
        .limit(limit)
        .offset(offset);
      return { rows: found.map((f) => f.person), total: found[0]?.total ?? 0 };
    },

    page(filter: PersonFilter, limit: number, offset: number): Promise<PersonRow[]> {
      return db
        .select()
        .from(people)
        .where(conditions(db, filter))
        .orderBy(asc(people.searchKey), asc(people.id))
        .limit(limit)
        .offset(offset);
    },

    async byId(institutionId: string, id: string): Promise<PersonRow | undefined> {
      const [row] = await db.select().from(people).where(own(institutionId, id));
      return row;
    },

    /** People whose review day has come, the oldest first. */
    dueReviews(institutionId: string, visible: Visibility[], today: string, limit: number) {
      return db
        .select({ id: people.id, name: people.name, reviewOn: people.reviewOn, version: people.version })
        .from(people)
        .where(
          and(
            eq(people.institutionId, institutionId),
            inArray(people.visibility, visible),
            lte(people.reviewOn, today),
          ),
        )
        .orderBy(asc(people.reviewOn), asc(people.id))
        .limit(limit);
    },

    /** People and their roles of one institution at once (an import), a few hundred a statement. */
    async insertMany(
      institutionId: string,
      persons: (PersonValues & { id: string })[],
      roles: RoleValues[],
    ): Promise<void> {
      for (let i = 0; i < persons.length; i += BATCH)
        await db.insert(people).values(persons.slice(i, i + BATCH));
      for (let i = 0; i < roles.length; i += BATCH)
        await db.insert(personRoles).values(roles.slice(i, i + BATCH));
      if (persons.length || roles.length) await touched(institutionId);
    },

    async insert(values: PersonValues): Promise<PersonRow> {
      const [row] = await db.insert(people).values(values).returning();
      await touched(values.institutionId);
      return row!;
    },

    async updateVersioned(institutionId: string, id: string, version: number, values: Partial<PersonValues>) {
      const [row] = await db
        .update(people)
        .set({ ...values, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
        .where(and(own(institutionId, id), eq(people.version, version)))
        .returning();
      if (row) await touched(institutionId);
      return row;
    },

    /** Deletes the person and their roles (by cascade): an erasure, or a record made by mistake. */
    async delete(institutionId: string, id: string): Promise<boolean> {
      const rows = await db.delete(people).where(own(institutionId, id)).returning({ id: people.id });
      if (rows.length > 0) await touched(institutionId);
      return rows.length > 0;
    },

    ...roleQueries(db, touched),
    ...roleReads(db),
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
