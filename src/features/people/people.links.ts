// What a person took part in: the institution's agreements, visits, missions and meetings, and networks. A
// link is read and written only through a person the reader may see; the record linked must be the
// institution's own (a network: any of the catalogue). Links go with the person (erasure) or the record.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Database, Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { text } from '../../platform/field-rules.ts';
import { type Actor, requireWriter } from '../accounts/accounts.access.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { staffWork } from '../audit/audit.service.ts';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { meetings } from '../meetings/meetings.table.ts';
import { missions } from '../missions/missions.table.ts';
import { networks } from '../networks/networks.table.ts';
import { visits } from '../visits/visits.table.ts';
import { LINK_KINDS, type LinkKind, readerLevel } from './people.rules.ts';
import type { PeopleService } from './people.service.ts';
import { personLinks } from './people.table.ts';

export { LINK_KINDS, type LinkKind };

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

export interface LinkFields {
  kind: string;
  recordId: string;
  roleIt?: string | undefined;
  roleEn?: string | undefined;
}

/** The link's column of each kind. */
const KEY = {
  agreement: 'agreementId',
  visit: 'visitId',
  mission: 'missionId',
  meeting: 'meetingId',
  network: 'networkId',
} as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** What the log keeps of a link: the record, and whether a role was written, never its words (erasure). */
const auditView = (l: PersonLink) => ({
  kind: l.kind,
  recordId: l.id,
  label: l.labelIt,
  given: [l.roleIt ? 'roleIt' : '', l.roleEn ? 'roleEn' : ''].filter(Boolean),
});

/** The back-office's and the API's use cases, as the actor's institution, each write audited on the person. */
export function createPersonLinks(deps: { database: Database; people: PeopleService }) {
  const { database, people } = deps;
  const repo = createLinksRepository(database.db);
  const { asStaff, audit } = staffWork(database);
  const level = (actor: Actor) => readerLevel(actor.role);
  const logged = (actor: Actor, action: string, id: string, before?: unknown, after?: unknown) =>
    audit(actor, { action, entity: 'person', entityId: id, before, after });

  return {
    /** The person's links; not found when the reader may not see the person. */
    links: (actor: Actor, personId: string) =>
      asStaff(actor, async (institutionId) => {
        await people.row(institutionId, personId, level(actor));
        return repo.linksOf(institutionId, personId);
      }),

    /** Everything a person of the institution could be linked to, for the form's choice. */
    choices: (actor: Actor) => asStaff(actor, (institutionId) => repo.targets(institutionId)),

    add(actor: Actor, personId: string, f: LinkFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        await people.row(institutionId, personId, level(actor));
        const kind = LINK_KINDS.find((k) => k === f.kind.trim());
        if (!kind) throw AppError.invalid('kind', `Choose one of ${LINK_KINDS.join(', ')}`);
        const recordId = f.recordId.trim();
        const [target] = UUID.test(recordId) ? await repo.targets(institutionId, [recordId]) : [];
        if (!target || target.kind !== kind)
          throw AppError.invalid('recordId', `Choose one of your institution’s ${kind}s`, {
            reason: 'unknown',
          });
        const roles = { roleIt: text('roleIt', f.roleIt, 200), roleEn: text('roleEn', f.roleEn, 200) };
        const made = await repo.insert(institutionId, personId, kind, recordId, roles);
        if (!made)
          throw new AppError('conflict', 'The person is already linked to this record', {
            field: 'recordId',
            details: { reason: 'linked' },
          });
        const link = { ...target, linkId: made.id, ...roles };
        await logged(actor, 'add_person_link', personId, undefined, auditView(link));
        return link;
      });
    },

    remove(actor: Actor, personId: string, linkId: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        await people.row(institutionId, personId, level(actor));
        const before = (await repo.linksOf(institutionId, personId)).find((l) => l.linkId === linkId);
        if (!before || !(await repo.delete(institutionId, personId, linkId)))
          throw AppError.notFound('Link', linkId);
        await logged(actor, 'remove_person_link', personId, auditView(before), undefined);
      });
    },
  };
}

export type PersonLinks = ReturnType<typeof createPersonLinks>;
