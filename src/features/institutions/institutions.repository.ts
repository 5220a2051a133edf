import { asc, eq } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { places } from '../places/places.table.ts';
import { institutions } from './institutions.table.ts';

export type InstitutionRow = typeof institutions.$inferSelect;
const withPlace = {
  institution: institutions,
  place: { id: places.id, name: places.name, nameIt: places.nameIt, lat: places.lat, lon: places.lon },
};

export function createInstitutionsRepository(db: Db) {
  return {
    async list() {
      return db
        .select(withPlace)
        .from(institutions)
        .leftJoin(places, eq(places.id, institutions.homePlaceId))
        .orderBy(asc(institutions.slug));
    },
    async bySlug(slug: string) {
      const rows = await db
        .select(withPlace)
        .from(institutions)
        .leftJoin(places, eq(places.id, institutions.homePlaceId))
        .where(eq(institutions.slug, slug));
      return rows[0];
    },
    async insert(values: typeof institutions.$inferInsert) {
      const [row] = await db.insert(institutions).values(values).returning();
      await notifyChange(db, row!.id);
      return row!;
    },
  };
}

export type InstitutionsRepository = ReturnType<typeof createInstitutionsRepository>;
