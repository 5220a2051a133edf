// The SQL of the plan: objectives with their years, indicators and links, versioned writes. A write to a
// year or an indicator moves the objective to its next version (the service does; a link is added or removed
// whole and needs none), so that two people editing the same
// objective's parts cannot overwrite each other. Every write tells the portal's caches (notifyChange).
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { AMOUNTS, type ObjectiveValues, type YearAmounts } from './plan.rules.ts';
import { objectiveIndicators, objectiveLinks, objectives, objectiveYears } from './plan.table.ts';

export type ObjectiveRow = typeof objectives.$inferSelect;
export type IndicatorRow = typeof objectiveIndicators.$inferSelect;
export type LinkKind =
  | 'agreement'
  | 'visit'
  | 'mission'
  | 'meeting'
  | 'network'
  | 'project'
  | 'event'
  | 'dossier';

/** The link's column of each kind. */
const KEY = {
  agreement: 'agreementId',
  visit: 'visitId',
  mission: 'missionId',
  meeting: 'meetingId',
  network: 'networkId',
  project: 'projectId',
  event: 'eventId',
  dossier: 'dossierId',
} as const;

export interface ObjectiveFilter {
  institutionId: string;
  publishedOnly?: boolean;
}

export function createPlanRepository(db: Db) {
  const mine = (institutionId: string, id: string) =>
    and(eq(objectives.institutionId, institutionId), eq(objectives.id, id));

  return {
    /** The institution's objectives, newest mandate first, each strategic one before its operational ones. */
    async objectives(f: ObjectiveFilter): Promise<ObjectiveRow[]> {
      return db
        .select()
        .from(objectives)
        .where(
          and(
            eq(objectives.institutionId, f.institutionId),
            f.publishedOnly ? eq(objectives.published, true) : undefined,
          ),
        )
        .orderBy(desc(objectives.mandateFrom), asc(objectives.code), asc(objectives.titleIt));
    },

    async objective(institutionId: string, id: string): Promise<ObjectiveRow | undefined> {
      const [row] = await db.select().from(objectives).where(mine(institutionId, id));
      return row;
    },

    async years(ids: string[]): Promise<(YearAmounts & { objectiveId: string; institutionId: string })[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(objectiveYears)
        .where(inArray(objectiveYears.objectiveId, ids))
        .orderBy(asc(objectiveYears.year));
    },

    async indicators(ids: string[]): Promise<IndicatorRow[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(objectiveIndicators)
        .where(inArray(objectiveIndicators.objectiveId, ids))
        .orderBy(asc(objectiveIndicators.position), asc(objectiveIndicators.createdAt));
    },

    async links(institutionId: string, objectiveId: string) {
      const rows = await db
        .select()
        .from(objectiveLinks)
        .where(
          and(eq(objectiveLinks.institutionId, institutionId), eq(objectiveLinks.objectiveId, objectiveId)),
        )
        .orderBy(asc(objectiveLinks.createdAt));
      return rows.map((r) => ({
        linkId: r.id,
        recordId: (r.agreementId ??
          r.visitId ??
          r.missionId ??
          r.meetingId ??
          r.networkId ??
          r.projectId ??
          r.eventId ??
          r.dossierId)!,
      }));
    },

    /** The institution's strategic objectives by name and term: what an operational one can serve. */
    async strategic(institutionId: string) {
      return db
        .select({
          id: objectives.id,
          code: objectives.code,
          titleIt: objectives.titleIt,
          titleEn: objectives.titleEn,
          mandateFrom: objectives.mandateFrom,
          mandateTo: objectives.mandateTo,
        })
        .from(objectives)
        .where(and(eq(objectives.institutionId, institutionId), eq(objectives.level, 'strategic')))
        .orderBy(desc(objectives.mandateFrom), asc(objectives.titleIt));
    },

    async children(institutionId: string, id: string) {
      return db
        .select({ id: objectives.id, code: objectives.code, titleIt: objectives.titleIt })
        .from(objectives)
        .where(and(eq(objectives.institutionId, institutionId), eq(objectives.parentId, id)))
        .orderBy(asc(objectives.code));
    },

    /** Another objective of the institution's mandate with this code, if any. */
    async withCode(institutionId: string, mandateFrom: number, code: string, exceptId?: string) {
      const [row] = await db
        .select({ id: objectives.id })
        .from(objectives)
        .where(
          and(
            eq(objectives.institutionId, institutionId),
            eq(objectives.mandateFrom, mandateFrom),
            eq(objectives.code, code),
            exceptId ? ne(objectives.id, exceptId) : undefined,
          ),
        );
      return row;
    },

    async insert(institutionId: string, values: ObjectiveValues): Promise<ObjectiveRow> {
      const [row] = await db
        .insert(objectives)
        .values({ ...values, institutionId })
        .returning();
      await notifyChange(db, institutionId);
      return row!;
    },

    /** Updates the objective if it is still at `version`, moving it to the next; undefined when it was not. */
    async update(institutionId: string, id: string, version: number, values: Partial<ObjectiveValues>) {
      const [row] = await db
        .update(objectives)
        .set({ ...values, version: sql`${objectives.version} + 1`, updatedAt: sql`now()` })
        .where(and(mine(institutionId, id), eq(objectives.version, version)))
        .returning();
      if (row) await notifyChange(db, institutionId);
      return row;
    },

    async remove(institutionId: string, id: string, version: number): Promise<boolean> {
      const rows = await db
        .delete(objectives)
        .where(and(mine(institutionId, id), eq(objectives.version, version)))
        .returning({ id: objectives.id });
      if (rows.length > 0) await notifyChange(db, institutionId);
      return rows.length > 0;
    },

    ...partQueries(db),
  };
}

/** The SQL of an objective's years, indicators and links. */
function partQueries(db: Db) {
  return {
    /** Writes the years given over the stored ones (the objective's version is moved by the caller). */
    async putYears(institutionId: string, objectiveId: string, years: YearAmounts[]) {
      if (years.length === 0) return;
      const set = Object.fromEntries(AMOUNTS.map((k) => [k, sql.raw(`excluded.${snake(k)}`)]));
      await db
        .insert(objectiveYears)
        .values(years.map((y) => ({ ...y, objectiveId, institutionId })))
        .onConflictDoUpdate({ target: [objectiveYears.objectiveId, objectiveYears.year], set });
    },

    /** Drops the years outside a narrowed horizon. */
    async dropYearsOutside(objectiveId: string, first: number, last: number) {
      await db
        .delete(objectiveYears)
        .where(
          and(
            eq(objectiveYears.objectiveId, objectiveId),
            sql`(${objectiveYears.year} < ${first} or ${objectiveYears.year} > ${last})`,
          ),
        );
    },

    async insertIndicator(values: typeof objectiveIndicators.$inferInsert) {
      const [row] = await db.insert(objectiveIndicators).values(values).returning();
      return row!;
    },

    async updateIndicator(
      institutionId: string,
      objectiveId: string,
      id: string,
      values: Partial<typeof objectiveIndicators.$inferInsert>,
    ) {
      const [row] = await db
        .update(objectiveIndicators)
        .set(values)
        .where(
          and(
            eq(objectiveIndicators.institutionId, institutionId),
            eq(objectiveIndicators.objectiveId, objectiveId),
            eq(objectiveIndicators.id, id),
          ),
        )
        .returning();
      return row;
    },

    async deleteIndicator(institutionId: string, objectiveId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(objectiveIndicators)
        .where(
          and(
            eq(objectiveIndicators.institutionId, institutionId),
            eq(objectiveIndicators.objectiveId, objectiveId),
            eq(objectiveIndicators.id, id),
          ),
        )
        .returning({ id: objectiveIndicators.id });
      return rows.length > 0;
    },

    async insertLink(institutionId: string, objectiveId: string, kind: LinkKind, recordId: string) {
      const [row] = await db
        .insert(objectiveLinks)
        .values({ institutionId, objectiveId, [KEY[kind]]: recordId })
        .onConflictDoNothing()
        .returning({ id: objectiveLinks.id });
      return row;
    },

    async deleteLink(institutionId: string, objectiveId: string, linkId: string): Promise<boolean> {
      const rows = await db
        .delete(objectiveLinks)
        .where(
          and(
            eq(objectiveLinks.institutionId, institutionId),
            eq(objectiveLinks.objectiveId, objectiveId),
            eq(objectiveLinks.id, linkId),
          ),
        )
        .returning({ id: objectiveLinks.id });
      return rows.length > 0;
    },
  };
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export type PlanRepository = ReturnType<typeof createPlanRepository>;
