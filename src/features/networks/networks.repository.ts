import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { ALL_INSTITUTIONS, notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing as like } from '../../platform/db/search.ts';
import type { Source } from '../../platform/http/schema-helpers.ts';
import { institutions } from '../institutions/institutions.table.ts';
import { units } from '../units/units.table.ts';
import { memberships, networks } from './networks.table.ts';

export type NetworkRow = typeof networks.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

/** What the back-office list of networks can be sorted by; a leading "-" reverses the order. */
export const NETWORK_SORTS = ['name', '-name', 'since', '-updated'] as const;
export type NetworkSort = (typeof NETWORK_SORTS)[number];

export interface NetworkFilter {
  /** The institution whose memberships the list shows. */
  institutionId: string;
  /** Matched as a substring of the names, the acronym or the slug, case-insensitively. */
  q?: string | undefined;
  /** Only the networks the institution belongs to (true) or does not (false). */
  member?: boolean | undefined;
}

const membershipColumns = {
  id: memberships.id,
  institutionId: memberships.institutionId,
  networkId: memberships.networkId,
  unitId: memberships.unitId,
  unitNameIt: units.nameIt,
  unitNameEn: units.nameEn,
  sinceOn: memberships.sinceOn,
  sincePrecision: memberships.sincePrecision,
  roleIt: memberships.roleIt,
  roleEn: memberships.roleEn,
  workingGroups: memberships.workingGroups,
  annualFee: memberships.annualFee,
  feeCurrency: memberships.feeCurrency,
  notes: memberships.notes,
  sources: memberships.sources,
  version: memberships.version,
  updatedAt: memberships.updatedAt,
};

export type MembershipDetailRow = {
  id: string;
  institutionId: string;
  networkId: string;
  unitId: string | null;
  unitNameIt: string | null;
  unitNameEn: string | null;
  sinceOn: string | null;
  sincePrecision: string;
  roleIt: string | null;
  roleEn: string | null;
  workingGroups: string[];
  annualFee: string | null;
  feeCurrency: string | null;
  notes: string | null;
  sources: Source[];
  version: number;
  updatedAt: Date;
};

export type DirectoryRow = { network: NetworkRow; membership: MembershipDetailRow | null };

function directoryJoin(db: Db, institutionId: string) {
  return db
    .select({ network: networks, membership: membershipColumns })
    .from(networks)
    .leftJoin(
      memberships,
      and(eq(memberships.networkId, networks.id), eq(memberships.institutionId, institutionId)),
    )
    .leftJoin(units, eq(units.id, memberships.unitId));
}

function directoryConditions(f: NetworkFilter): SQL | undefined {
  const all: (SQL | undefined)[] = [];
  if (f.q) {
    const pattern = like(f.q);
    all.push(
      or(
        ilike(networks.nameIt, pattern),
        ilike(networks.nameEn, pattern),
        ilike(networks.acronym, pattern),
        ilike(networks.slug, pattern),
      ),
    );
  }
  if (f.member === true) all.push(isNotNull(memberships.id));
  if (f.member === false) all.push(isNull(memberships.id));
  return and(...all);
}

function directoryOrder(sort: NetworkSort, lang: 'it' | 'en'): SQL[] {
  const name = sql`lower(${lang === 'it' ? networks.nameIt : networks.nameEn})`;
  if (sort === '-name') return [desc(name)];
  if (sort === 'since') return [sql`${memberships.sinceOn} asc nulls last`, asc(name)];
  if (sort === '-updated') return [desc(networks.updatedAt)];
  return [asc(name)];
}

export function createNetworksRepository(db: Db) {
  return {
    async list() {
      return db.select().from(networks).orderBy(asc(networks.nameEn));
    },
    async bySlug(slug: string) {
      return (await db.select().from(networks).where(eq(networks.slug, slug)))[0];
    },
    async byId(id: string): Promise<NetworkRow | undefined> {
      return (await db.select().from(networks).where(eq(networks.id, id)))[0];
    },
    async insert(values: typeof networks.$inferInsert) {
      const row = (await db.insert(networks).values(values).returning())[0]!;
      await notifyChange(db);
      return row;
    },
    async memberships() {
      return db
        .select({ membership: memberships, institution: institutions.slug, unit: units.slug })
        .from(memberships)
        .innerJoin(institutions, eq(institutions.id, memberships.institutionId))
        .leftJoin(units, eq(units.id, memberships.unitId));
    },
    async insertMembership(values: typeof memberships.$inferInsert) {
      const row = (await db.insert(memberships).values(values).returning())[0]!;
      await notifyChange(db, values.institutionId);
      return row;
    },

    async countDirectory(filter: NetworkFilter): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(networks)
        .leftJoin(
          memberships,
          and(eq(memberships.networkId, networks.id), eq(memberships.institutionId, filter.institutionId)),
        )
        .where(directoryConditions(filter));
      return row?.n ?? 0;
    },

    /** One page of the catalogue, each network with the institution's membership of it (or null). */
    async directory(
      filter: NetworkFilter,
      order: { sort: NetworkSort; lang: 'it' | 'en'; limit: number; offset: number },
    ): Promise<DirectoryRow[]> {
      const rows = await directoryJoin(db, filter.institutionId)
        .where(directoryConditions(filter))
        .orderBy(...directoryOrder(order.sort, order.lang), asc(networks.id))
        .limit(order.limit)
        .offset(order.offset);
      return rows as DirectoryRow[];
    },

    /** One network with the institution's membership of it (or null). */
    async entry(institutionId: string, networkId: string): Promise<DirectoryRow | undefined> {
      const [row] = await directoryJoin(db, institutionId).where(eq(networks.id, networkId));
      return row as DirectoryRow | undefined;
    },

    async membershipById(institutionId: string, id: string): Promise<MembershipDetailRow | undefined> {
      const [row] = await db
        .select(membershipColumns)
        .from(memberships)
        .leftJoin(units, eq(units.id, memberships.unitId))
        .where(and(eq(memberships.institutionId, institutionId), eq(memberships.id, id)));
      return row as MembershipDetailRow | undefined;
    },

    /** Updates the membership if it is still at `version`, moving it to the next; undefined when it was not. */
    async updateMembershipVersioned(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<typeof memberships.$inferInsert>,
    ): Promise<MembershipRow | undefined> {
      const [row] = await db
        .update(memberships)
        .set({ ...values, version: sql`${memberships.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(memberships.institutionId, institutionId),
            eq(memberships.id, id),
            eq(memberships.version, version),
          ),
        )
        .returning();
      if (row) await notifyChange(db, institutionId);
      return row;
    },

    async deleteMembershipVersioned(institutionId: string, id: string, version: number) {
      const rows = await db
        .delete(memberships)
        .where(
          and(
            eq(memberships.institutionId, institutionId),
            eq(memberships.id, id),
            eq(memberships.version, version),
          ),
        )
        .returning({ id: memberships.id });
      if (rows.length > 0) await notifyChange(db, institutionId);
      return rows.length > 0;
    },

    // The catalogue is shared by every institution, so the back-office's restricted role may only read it
    // (migration 0004): these run in a transaction of the application's role, opened after the role checks.
    /** Updates the catalogue network if it is still at `version`; undefined when it was not. */
    async updateVersioned(
      id: string,
      version: number,
      values: CatalogueValues,
    ): Promise<NetworkRow | undefined> {
      const [row] = await db
        .update(networks)
        .set({ ...values, version: sql`${networks.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(networks.id, id), eq(networks.version, version)))
        .returning();
      if (row) await notifyChange(db, ALL_INSTITUTIONS);
      return row;
    },
    /** How many institutions, any of them, are members of the network. */
    async memberCount(id: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(memberships)
        .where(eq(memberships.networkId, id));
      return row?.n ?? 0;
    },
    /** Deletes the catalogue network if it is still at `version`; false when it was not. */
    async deleteVersioned(id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(networks)
        .where(and(eq(networks.id, id), eq(networks.version, version)))
        .returning({ id: networks.id });
      if (rows.length > 0) await notifyChange(db, ALL_INSTITUTIONS);
      return rows.length > 0;
    },
  };
}

export type NetworksRepository = ReturnType<typeof createNetworksRepository>;

export type CatalogueValues = Pick<
  NetworkRow,
  'acronym' | 'nameIt' | 'nameEn' | 'descriptionIt' | 'descriptionEn' | 'website' | 'sources'
>;
