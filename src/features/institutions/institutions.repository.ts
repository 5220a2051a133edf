import { and, asc, eq, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { places } from '../places/places.table.ts';
import { institutions } from './institutions.table.ts';

export type InstitutionRow = typeof institutions.$inferSelect;
const withPlace = {
  institution: institutions,
  place: { id: places.id, name: places.name, nameIt: places.nameIt, lat: places.lat, lon: places.lon },
};

/** The columns an admin of the institution sets in the back-office. */
export type SettingsValues = Pick<
  InstitutionRow,
  | 'address'
  | 'taxCode'
  | 'vatNumber'
  | 'pec'
  | 'email'
  | 'phone'
  | 'website'
  | 'accessibilityUrl'
  | 'privacyTextIt'
  | 'privacyTextEn'
  | 'sources'
>;

export function createInstitutionsRepository(db: Db) {
  const oneBy = async (where: ReturnType<typeof eq>) => {
    const rows = await db
      .select(withPlace)
      .from(institutions)
      .leftJoin(places, eq(places.id, institutions.homePlaceId))
      .where(where);
    return rows[0];
  };
  return {
    async list() {
      return db
        .select(withPlace)
        .from(institutions)
        .leftJoin(places, eq(places.id, institutions.homePlaceId))
        .orderBy(asc(institutions.slug));
    },
    bySlug: (slug: string) => oneBy(eq(institutions.slug, slug)),
    byId: (id: string) => oneBy(eq(institutions.id, id)),
    async insert(values: typeof institutions.$inferInsert) {
      const [row] = await db.insert(institutions).values(values).returning();
      await notifyChange(db, row!.id);
      return row!;
    },
    /** Updates the settings if the institution is still at `version`, moving it to the next; false if not. */
    async updateSettingsVersioned(id: string, version: number, values: SettingsValues): Promise<boolean> {
      const rows = await db
        .update(institutions)
        .set({ ...values, version: sql`${institutions.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(institutions.id, id), eq(institutions.version, version)))
        .returning({ id: institutions.id });
      if (rows.length > 0) await notifyChange(db, id);
      return rows.length > 0;
    },
  };
}

export type InstitutionsRepository = ReturnType<typeof createInstitutionsRepository>;
