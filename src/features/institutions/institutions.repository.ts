import { asc, eq } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Executor } from '../../platform/db/client.ts';
import { places } from '../places/places.table.ts';
import { institutions } from './institutions.table.ts';

export type InstitutionRow = typeof institutions.$inferSelect;
const withPlace = {
  institution: institutions,
  place: { id: places.id, name: places.name, nameIt: places.nameIt, lat: places.lat, lon: places.lon },
};

export function createInstitutionsRepository(db: Executor) {
  return {
    async list(tx: Executor = db) {
      return tx
        .select(withPlace)
        .from(institutions)
        .leftJoin(places, eq(places.id, institutions.homePlaceId))
        .orderBy(asc(institutions.slug));
    },
    async bySlug(slug: string, tx: Executor = db) {
      const rows = await tx
        .select(withPlace)
        .from(institutions)
        .leftJoin(places, eq(places.id, institutions.homePlaceId))
        .where(eq(institutions.slug, slug));
      return rows[0];
    },
    async insert(values: typeof institutions.$inferInsert, tx: Executor = db) {
      const [row] = await tx.insert(institutions).values(values).returning();
      await notifyChange(tx, row!.id);
      return row!;
    },
  };
}

export type InstitutionsRepository = ReturnType<typeof createInstitutionsRepository>;
