import { asc, eq } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Executor } from '../../platform/db/client.ts';
import { institutions, units } from '../institutions/institutions.table.ts';
import { memberships, networks } from './networks.table.ts';

export function createNetworksRepository(db: Executor) {
  return {
    async list(tx: Executor = db) {
      return tx.select().from(networks).orderBy(asc(networks.nameEn));
    },
    async bySlug(slug: string, tx: Executor = db) {
      return (await tx.select().from(networks).where(eq(networks.slug, slug)))[0];
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
  };
}

export type NetworksRepository = ReturnType<typeof createNetworksRepository>;
