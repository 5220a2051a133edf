// The SQL of candidacy dossiers: a filtered page of them, one dossier with its deadlines and lead unit, the
// open deadlines due soon across the institution's open dossiers, and versioned writes.
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  ilike,
  inArray,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { containing as like } from '../../platform/db/search.ts';
import { units } from '../units/units.table.ts';
import { type DossierValues, OPEN_STATUSES } from './dossiers.rules.ts';
import { dossierDeadlines, dossiers } from './dossiers.table.ts';

export type DossierRow = typeof dossiers.$inferSelect & { unit: string | null };
export type DeadlineRow = typeof dossierDeadlines.$inferSelect;

export interface DossierFilter {
  institutionId: string;
  q?: string | undefined;
  status?: string | undefined;
}

const conditions = (f: DossierFilter): SQL =>
  and(
    eq(dossiers.institutionId, f.institutionId),
    f.q ? or(ilike(dossiers.titleIt, like(f.q)), ilike(dossiers.awardingBody, like(f.q))) : undefined,
    f.status ? eq(dossiers.status, f.status as DossierRow['status']) : undefined,
  )!;

export function createDossiersRepository(db: Db) {
  const mine = (institutionId: string, id: string) =>
    and(eq(dossiers.institutionId, institutionId), eq(dossiers.id, id));
  const withUnit = () =>
    db
      .select({ ...getTableColumns(dossiers), unit: units.slug })
      .from(dossiers)
      .leftJoin(units, eq(units.id, dossiers.unitId));
  return {
    async count(f: DossierFilter) {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(conditions(f));
      return row?.n ?? 0;
    },
    page: (f: DossierFilter, limit: number, offset: number): Promise<DossierRow[]> =>
      withUnit()
        .where(conditions(f))
        .orderBy(desc(dossiers.updatedAt), asc(dossiers.id))
        .limit(limit)
        .offset(offset),
    async byId(institutionId: string, id: string): Promise<DossierRow | undefined> {
      const [row] = await withUnit().where(mine(institutionId, id));
      return row;
    },
    deadlines: (ids: string[]): Promise<DeadlineRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .select()
            .from(dossierDeadlines)
            .where(inArray(dossierDeadlines.dossierId, ids))
            .orderBy(asc(dossierDeadlines.dueOn)),
    /** The open deadlines of open dossiers due by `until` (overdue ones included), soonest first. */
    due: (institutionId: string, until: string) =>
      db
        .select({
          dossierId: dossiers.id,
          dossierTitleIt: dossiers.titleIt,
          dossierTitleEn: dossiers.titleEn,
          id: dossierDeadlines.id,
          labelIt: dossierDeadlines.labelIt,
          labelEn: dossierDeadlines.labelEn,
          dueOn: dossierDeadlines.dueOn,
        })
        .from(dossierDeadlines)
        .innerJoin(dossiers, eq(dossiers.id, dossierDeadlines.dossierId))
        .where(
          and(
            eq(dossierDeadlines.institutionId, institutionId),
            isNull(dossierDeadlines.doneOn),
            lte(dossierDeadlines.dueOn, until),
            inArray(dossiers.status, [...OPEN_STATUSES]),
          ),
        )
        .orderBy(asc(dossierDeadlines.dueOn)),
    async insert(
      institutionId: string,
      values: DossierValues & { unitId: string | null; example?: boolean },
    ) {
      const [row] = await db
        .insert(dossiers)
        .values({ ...values, institutionId })
        .returning({ id: dossiers.id });
      await notifyChange(db, institutionId);
      return row!;
    },
    async update(
      institutionId: string,
      id: string,
      version: number,
      values: Partial<DossierValues & { unitId: string | null }>,
    ) {
      const [row] = await db
        .update(dossiers)
        .set({ ...values, version: sql`${dossiers.version} + 1`, updatedAt: sql`now()` })
        .where(and(mine(institutionId, id), eq(dossiers.version, version)))
        .returning({ id: dossiers.id });
      if (row) await notifyChange(db, institutionId);
      return row;
    },
    async remove(institutionId: string, id: string, version: number) {
      const rows = await db
        .delete(dossiers)
        .where(and(mine(institutionId, id), eq(dossiers.version, version)))
        .returning({ id: dossiers.id });
      return rows.length > 0;
    },
    addDeadline: (values: typeof dossierDeadlines.$inferInsert) => db.insert(dossierDeadlines).values(values),
    async updateDeadline(institutionId: string, dossierId: string, id: string, values: Partial<DeadlineRow>) {
      const rows = await db
        .update(dossierDeadlines)
        .set(values)
        .where(
          and(
            eq(dossierDeadlines.institutionId, institutionId),
            eq(dossierDeadlines.dossierId, dossierId),
            eq(dossierDeadlines.id, id),
          ),
        )
        .returning({ id: dossierDeadlines.id });
      return rows.length > 0;
    },
    async removeDeadline(institutionId: string, dossierId: string, id: string) {
      const rows = await db
        .delete(dossierDeadlines)
        .where(
          and(
            eq(dossierDeadlines.institutionId, institutionId),
            eq(dossierDeadlines.dossierId, dossierId),
            eq(dossierDeadlines.id, id),
          ),
        )
        .returning({ id: dossierDeadlines.id });
      return rows.length > 0;
    },
    /** The institution's dossiers as records an objective can be linked to. */
    targets: (institutionId: string, ids?: string[]) =>
      db
        .select({
          id: dossiers.id,
          labelIt: dossiers.titleIt,
          labelEn: sql<string>`coalesce(${dossiers.titleEn}, ${dossiers.titleIt})`,
          day: dossiers.submittedOn,
          until: sql<string | null>`null`,
        })
        .from(dossiers)
        .where(and(eq(dossiers.institutionId, institutionId), ids ? inArray(dossiers.id, ids) : undefined))
        .orderBy(desc(dossiers.updatedAt)),
  };
}

export type DossiersRepository = ReturnType<typeof createDossiersRepository>;
