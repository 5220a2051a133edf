// What a person took part in: the institution's agreements, visits, missions and meetings, and networks. A
// link is read and written only through a person the reader may see; the record linked must be the
// institution's own (a network: any of the catalogue). Links go with the person (erasure) or the record.
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { text, UUID } from '../../platform/field-rules.ts';
import { type Actor, requireWriter } from '../accounts/accounts.access.ts';
import { staffWork } from '../audit/audit.service.ts';
import { createLinksRepository, type PersonLink } from './people.links.repository.ts';
import { LINK_KINDS, readerLevel } from './people.rules.ts';
import type { PeopleService } from './people.service.ts';

export type { LinkTarget, PersonLink } from './people.links.repository.ts';

export interface LinkFields {
  kind: string;
  recordId: string;
  roleIt?: string | undefined;
  roleEn?: string | undefined;
}

/** What the log keeps of a link: the record, and whether a role was written, never its words (erasure). */
const auditView = (l: PersonLink) => ({
  kind: l.kind,
  recordId: l.id,
  label: l.labelIt,
  labelEn: l.labelEn,
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
