// The SQL of the organisations register: the back-office list (filters, sort, pages), one organisation,
// versioned writes. Every write tells the caches (notifyChange).
import { and, asc, desc, eq, like, type SQL, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/search.ts';
import type { OrganisationKind } from './organisations.rules.ts';
import { organisations } from './organisations.table.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationValues = Omit<
  typeof organisations.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

/** Rows a statement of insertMany: about 30 parameters each, well inside PostgreSQL's 65,535. */
const BATCH = 500;

export const ORGANISATION_SORTS = ['name', '-updated', 'country'] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];

export interface OrganisationFilter {
  institutionId: string;
  /** Folded words (see normalizeName), each to be found in the names. */
  words?: string[] | undefined;
  kind?: OrganisationKind | undefined;
  countryCode?: string | undefined;
}

function conditions(f: OrganisationFilter): SQL {
  const all: (SQL | undefined)[] = [eq(organisations.institutionId, f.institutionId)];
  for (const word of f.words ?? []) all.push(like(organisations.searchKey, containing(word)));
  if (f.kind) all.push(eq(organisations.kind, f.kind));
  if (f.countryCode) all.push(eq(organisations.countryCode, f.countryCode));
  return and(...all)!;
}

function ordering(sort: OrganisationSort, lang: 'it' | 'en'): SQL[] {
  const name =
    lang === 'it'
      ? sql`lower(${organisations.nameIt})`
      : sql`lower(coalesce(${organisations.nameEn}, ${organisations.nameIt}))`;
  switch (sort) {
    case 'name':
      return [asc(name)];
    case 'country':
      return [sql`${organisations.countryCode} asc nulls last`, asc(name)];
    case '-updated':
      return [desc(organisations.updatedAt)];
  }
}

export function createOrganisationsRepository(db: Db) {
  const touched = (institutionId: string) => notifyChange(db, institutionId);
  const own = (institutionId: string, id: string) =>
    and(eq(organisations.institutionId, institutionId), eq(organisations.id, id));
  return {
    async count(filter: OrganisationFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(organisations)
        .where(conditions(filter));
      return row?.n ?? 0;
    },

    page(
      filter: OrganisationFilter,
      order: { sort: OrganisationSort; lang: 'it' | 'en'; limit: number; offset: number },
    ): Promise<OrganisationRow[]> {
      return db
        .select()
        .from(organisations)
        .where(conditions(filter))
        .orderBy(...ordering(order.sort, order.lang), asc(organisations.id))
        .limit(order.limit)
        .offset(order.offset);
    },

    async byId(institutionId: string, id: string): Promise<OrganisationRow | undefined> {
      const [row] = await db.select().from(organisations).where(own(institutionId, id));
      return row;
    },

    /** The published organisations of a kind, by name: the portal's directories. */
    published(institutionId: string, kind: OrganisationKind): Promise<OrganisationRow[]> {
      return db
        .select()
        .from(organisations)
        .where(
          and(
            eq(organisations.institutionId, institutionId),
            eq(organisations.kind, kind),
            eq(organisations.published, true),
          ),
        )
        .orderBy(asc(organisations.searchKey), asc(organisations.id));
    },

    /** The organisations of a country, or gathering its community, by name. */
    ofCountry(institutionId: string, code: string): Promise<OrganisationRow[]> {
      return db
        .select()
        .from(organisations)
        .where(
          and(
            eq(organisations.institutionId, institutionId),
            sql`(${organisations.countryCode} = ${code} or ${code} = any(${organisations.communities}))`,
          ),
        )
        .orderBy(asc(organisations.searchKey));
    },

    /** What tells two organisations apart, for an import's check of likely duplicates. */
    identities(institutionId: string) {
      return db
        .select({
          id: organisations.id,
          nameIt: organisations.nameIt,
          nameEn: organisations.nameEn,
          kind: organisations.kind,
          postKind: organisations.postKind,
          countryCode: organisations.countryCode,
          city: organisations.city,
        })
        .from(organisations)
        .where(eq(organisations.institutionId, institutionId))
        .orderBy(asc(organisations.createdAt), asc(organisations.id));
    },

    /** Every organisation's id, names and kind, for the choices of a form. */
    choices(institutionId: string) {
      return db
        .select({
          id: organisations.id,
          nameIt: organisations.nameIt,
          nameEn: organisations.nameEn,
          kind: organisations.kind,
        })
        .from(organisations)
        .where(eq(organisations.institutionId, institutionId))
        .orderBy(asc(organisations.searchKey));
    },

    /** The countries the institution's organisations are of, for the list's filter. */
    async countries(institutionId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ code: organisations.countryCode })
        .from(organisations)
        .where(
          and(eq(organisations.institutionId, institutionId), sql`${organisations.countryCode} is not null`),
        );
      return rows.map((r) => r.code!).sort();
    },

    async insert(values: OrganisationValues): Promise<OrganisationRow> {
      const [row] = await db.insert(organisations).values(values).returning();
      await touched(values.institutionId);
      return row!;
    },

    /** Many rows of one institution at once (an import), a few hundred a statement. */
    async insertMany(institutionId: string, rows: (OrganisationValues & { id: string })[]): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH)
        await db.insert(organisations).values(rows.slice(i, i + BATCH));
      if (rows.length) await touched(institutionId);
    },

    async updateVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<OrganisationValues>,
    ) {
      const [row] = await db
        .update(organisations)
        .set({ ...values, version: sql`${organisations.version} + 1`, updatedAt: sql`now()` })
        .where(and(own(institutionId, id), eq(organisations.version, version)))
        .returning();
      if (row) await touched(institutionId);
      return row;
    },

    async deleteVersioned(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(organisations)
        .where(and(own(institutionId, id), eq(organisations.version, version)))
        .returning({ id: organisations.id });
      if (rows.length > 0) await touched(institutionId);
      return rows.length > 0;
    },
  };
}

export type OrganisationsRepository = ReturnType<typeof createOrganisationsRepository>;
