// The SQL of a person's links: the records of each kind an institution may link (named in both languages,
// with their day), a person's links with those names, and the writes.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { meetings } from '../meetings/meetings.table.ts';
import { missions } from '../missions/missions.table.ts';
import { networks } from '../networks/networks.table.ts';
import { visits } from '../visits/visits.table.ts';
import { LINK_KINDS, type LinkKind } from './people.rules.ts';
import { personLinks } from './people.table.ts';

/** A record a person can be linked to, named in both languages, with its day where it has one. */
export interface LinkTarget {
  kind: LinkKind;
  id: string;
  labelIt: string;
  labelEn: string;
  day: string | null;
}

export interface PersonLink extends LinkTarget {
  linkId: string;
  roleIt: string | null;
  roleEn: string | null;
}

/** The link's column of each kind. */
const KEY = {
  agreement: 'agreementId',
  visit: 'visitId',
  mission: 'missionId',
  meeting: 'meetingId',
  network: 'networkId',
} as const;

/** The records of each kind an institution may link, as targets; `ids` narrows them to some. */
function targets(db: Db, institutionId: string, ids?: string[]) {
  const only = (column: AnyPgColumn) => (ids ? inArray(column, ids) : undefined);
  return Promise.all([
    db
      .select({
        id: agreements.id,
        labelIt: sql<string>`coalesce(${agreements.titleIt}, ${counterparts.nameIt})`,
        labelEn: sql<string>`coalesce(${agreements.titleEn}, ${counterparts.nameEn})`,
        day: agreements.signedOn,
      })
      .from(agreements)
      .innerJoin(counterparts, eq(counterparts.id, agreements.counterpartId))
      .where(and(eq(agreements.institutionId, institutionId), only(agreements.id)))
      .orderBy(asc(counterparts.nameIt)),
    ...([visits, missions, meetings] as const).map((t) =>
      db
        .select({
          id: t.id,
          labelIt: t.titleIt,
          labelEn: sql<string>`coalesce(${t.titleEn}, ${t.titleIt})`,
          day: t.startsOn,
        })
        .from(t)
        .where(and(eq(t.institutionId, institutionId), only(t.id)))
        .orderBy(sql`${t.startsOn} desc`),
    ),
    db
      .select({ id: networks.id, labelIt: networks.nameIt, labelEn: networks.nameEn, day: sql<null>`null` })
      .from(networks)
      .where(only(networks.id))
      .orderBy(asc(networks.nameIt)),
  ]).then((lists) => lists.flatMap((rows, i) => rows.map((r) => ({ ...r, kind: LINK_KINDS[i]! }))));
}

export function createLinksRepository(db: Db) {
  return {
    targets: (institutionId: string, ids?: string[]): Promise<LinkTarget[]> =>
      targets(db, institutionId, ids),

    async linksOf(institutionId: string, personId: string): Promise<PersonLink[]> {
      const rows = await db
        .select()
        .from(personLinks)
        .where(and(eq(personLinks.institutionId, institutionId), eq(personLinks.personId, personId)))
        .orderBy(asc(personLinks.createdAt));
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.agreementId ?? r.visitId ?? r.missionId ?? r.meetingId ?? r.networkId!);
      const named = new Map((await targets(db, institutionId, ids)).map((t) => [t.id, t]));
      return rows.flatMap((r, i) => {
        const target = named.get(ids[i]!);
        return target ? [{ ...target, linkId: r.id, roleIt: r.roleIt, roleEn: r.roleEn }] : [];
      });
    },

    async insert(institutionId: string, personId: string, kind: LinkKind, recordId: string, roles: object) {
      const [row] = await db
        .insert(personLinks)
        .values({ institutionId, personId, [KEY[kind]]: recordId, ...roles })
        .onConflictDoNothing()
        .returning({ id: personLinks.id });
      if (row) await notifyChange(db, institutionId);
      return row;
    },

    async delete(institutionId: string, personId: string, id: string): Promise<boolean> {
      const rows = await db
        .delete(personLinks)
        .where(
          and(
            eq(personLinks.institutionId, institutionId),
            eq(personLinks.personId, personId),
            eq(personLinks.id, id),
          ),
        )
        .returning({ id: personLinks.id });
      if (rows.length) await notifyChange(db, institutionId);
      return rows.length > 0;
    },
  };
}
