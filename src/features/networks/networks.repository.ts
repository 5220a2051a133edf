import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { ALL_INSTITUTIONS, CHANGES_CHANNEL, notifyChange } from '../../platform/db/changes.ts';
import type { Executor, QueryFn } from '../../platform/db/client.ts';
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

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

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
  version: number;
  updatedAt: Date;
};

export type DirectoryRow = { network: NetworkRow; membership: MembershipDetailRow | null };

function directoryJoin(tx: Executor, institutionId: string) {
  return tx
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

export function createNetworksRepository(db: Executor) {
  return {
    async list(tx: Executor = db) {
      return tx.select().from(networks).orderBy(asc(networks.nameEn));
    },
    async bySlug(slug: string, tx: Executor = db) {
      return (await tx.select().from(networks).where(eq(networks.slug, slug)))[0];
    },
    async byId(id: string, tx: Executor = db): Promise<NetworkRow | undefined> {
      return (await tx.select().from(networks).where(eq(networks.id, id)))[0];
    },
    async insert(values: typeof networks.$inferInsert, tx: Executor = db) {
      const row = (await tx.insert(networks).values(values).returning())[0]!;
      await notifyChange(tx);
      return row;
    },
    async memberships(tx: Executor = db) {
      return tx
        .select({ membership: memberships, institution: institutions.slug, unit: units.slug })
        .from(memberships)
        .innerJoin(institutions, eq(institutions.id, memberships.institutionId))
        .leftJoin(units, eq(units.id, memberships.unitId));
    },
    async insertMembership(values: typeof memberships.$inferInsert, tx: Executor = db) {
      const row = (await tx.insert(memberships).values(values).returning())[0]!;
      await notifyChange(tx, values.institutionId);
      return row;
    },

    async countDirectory(filter: NetworkFilter, tx: Executor = db): Promise<number> {
      const [row] = await tx
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
      tx: Executor = db,
    ): Promise<DirectoryRow[]> {
      const rows = await directoryJoin(tx, filter.institutionId)
        .where(directoryConditions(filter))
        .orderBy(...directoryOrder(order.sort, order.lang), asc(networks.id))
        .limit(order.limit)
        .offset(order.offset);
      return rows as DirectoryRow[];
    },

    /** One network with the institution's membership of it (or null). */
    async entry(
      institutionId: string,
      networkId: string,
      tx: Executor = db,
    ): Promise<DirectoryRow | undefined> {
      const [row] = await directoryJoin(tx, institutionId).where(eq(networks.id, networkId));
      return row as DirectoryRow | undefined;
    },

    async membershipById(
      institutionId: string,
      id: string,
      tx: Executor = db,
    ): Promise<MembershipDetailRow | undefined> {
      const [row] = await tx
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
      tx: Executor = db,
    ): Promise<MembershipRow | undefined> {
      const [row] = await tx
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
      if (row) await notifyChange(tx, institutionId);
      return row;
    },

    async deleteMembershipVersioned(institutionId: string, id: string, version: number, tx: Executor = db) {
      const rows = await tx
        .delete(memberships)
        .where(
          and(
            eq(memberships.institutionId, institutionId),
            eq(memberships.id, id),
            eq(memberships.version, version),
          ),
        )
        .returning({ id: memberships.id });
      if (rows.length > 0) await notifyChange(tx, institutionId);
      return rows.length > 0;
    },
  };
}

export type NetworksRepository = ReturnType<typeof createNetworksRepository>;

/** A catalogue network as plain SQL returns it. */
export interface NetworkSqlRow {
  id: string;
  slug: string;
  acronym: string | null;
  name_it: string;
  name_en: string;
  description_it: string | null;
  description_en: string | null;
  website: string | null;
  version: number;
  updated_at: string;
}

const NETWORK_COLUMNS = `id, slug, acronym, name_it, name_en, description_it, description_en, website, version,
  updated_at::text`;

export interface CatalogueValues {
  acronym: string | null;
  nameIt: string;
  nameEn: string;
  descriptionIt: string | null;
  descriptionEn: string | null;
  website: string | null;
}

// The catalogue is shared by every institution, so the back-office's restricted role may only read it
// (migration 0004). Its writes therefore take the query function of a transaction opened by the owner, in
// which the caller also writes the audit entry; the service decides beforehand who may write.
export const catalogueSql = {
  async byId(query: QueryFn, id: string): Promise<NetworkSqlRow | undefined> {
    const [row] = await query<NetworkSqlRow>(`select ${NETWORK_COLUMNS} from networks where id = $1`, [id]);
    return row;
  },
  async slugTaken(query: QueryFn, slug: string): Promise<boolean> {
    return (await query('select 1 from networks where slug = $1', [slug])).length > 0;
  },
  async insert(query: QueryFn, slug: string, v: CatalogueValues): Promise<NetworkSqlRow> {
    const [row] = await query<NetworkSqlRow>(
      `insert into networks (slug, acronym, name_it, name_en, description_it, description_en, website)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${NETWORK_COLUMNS}`,
      [slug, v.acronym, v.nameIt, v.nameEn, v.descriptionIt, v.descriptionEn, v.website],
    );
    await query('select pg_notify($1, $2)', [CHANGES_CHANNEL, ALL_INSTITUTIONS]);
    return row!;
  },
  /** Updates the network if it is still at `version`; undefined when it was not. */
  async updateVersioned(
    query: QueryFn,
    id: string,
    version: number,
    v: CatalogueValues,
  ): Promise<NetworkSqlRow | undefined> {
    const [row] = await query<NetworkSqlRow>(
      `update networks set acronym = $3, name_it = $4, name_en = $5, description_it = $6, description_en = $7,
         website = $8, version = version + 1, updated_at = now()
       where id = $1 and version = $2 returning ${NETWORK_COLUMNS}`,
      [id, version, v.acronym, v.nameIt, v.nameEn, v.descriptionIt, v.descriptionEn, v.website],
    );
    if (row) await query('select pg_notify($1, $2)', [CHANGES_CHANNEL, ALL_INSTITUTIONS]);
    return row;
  },
  /** How many institutions, any of them, are members of the network. */
  async memberCount(query: QueryFn, id: string): Promise<number> {
    const [row] = await query<{ n: number }>(
      'select count(*)::int as n from memberships where network_id = $1',
      [id],
    );
    return row?.n ?? 0;
  },
  /** Deletes the network if it is still at `version`; false when it was not. */
  async deleteVersioned(query: QueryFn, id: string, version: number): Promise<boolean> {
    const rows = await query('delete from networks where id = $1 and version = $2 returning id', [
      id,
      version,
    ]);
    if (rows.length > 0) await query('select pg_notify($1, $2)', [CHANGES_CHANNEL, ALL_INSTITUTIONS]);
    return rows.length > 0;
  },
};
