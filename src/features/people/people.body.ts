// A person's and a role's JSON body (the API's and the CLI's) as the service's fields, and the writes that take
// a body: a creation, or a PATCH's changes laid onto the stored record (a field the writer may not see is kept
// by the service whatever is sent).
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import type { PERSONAL_FIELDS, Visibility } from './people.rules.ts';
import type { PersonRecord, PersonRole } from './people.schemas.ts';
import type { PeopleAdmin, PersonFields, RoleFields } from './people.service.ts';

export type PersonBody = {
  name?: string;
  honorific?: Text;
  languages?: string[];
  preferredLanguage?: Text;
  email?: Text;
  phone?: Text;
  address?: Text;
  notes?: Text;
  visibility?: Visibility;
  fieldVisibility?: Partial<Record<(typeof PERSONAL_FIELDS)[number], Visibility>>;
  legalBasis?: string;
  consentOn?: Text;
  consentText?: Text;
  reviewOn?: Text;
};

function personFields(b: PersonBody, stored?: PersonRecord): PersonFields {
  const visibilityOf = (f: (typeof PERSONAL_FIELDS)[number]) =>
    b.fieldVisibility?.[f] ?? (b.fieldVisibility || !stored ? '' : stored.fieldVisibility[f]);
  return {
    name: keep(b.name, stored?.name),
    honorific: keep(b.honorific, stored?.honorific),
    languages: (b.languages ?? stored?.languages ?? []).join(', '),
    preferredLanguage: keep(b.preferredLanguage, stored?.preferredLanguage),
    email: keep(b.email, stored?.email),
    phone: keep(b.phone, stored?.phone),
    address: keep(b.address, stored?.address),
    notes: keep(b.notes, stored?.notes),
    visibility: keep(b.visibility, stored?.visibility),
    emailVisibility: visibilityOf('email'),
    phoneVisibility: visibilityOf('phone'),
    addressVisibility: visibilityOf('address'),
    notesVisibility: visibilityOf('notes'),
    legalBasis: keep(b.legalBasis, stored?.legalBasis),
    consentOn: keep(b.consentOn, stored?.consentOn),
    consentText: keep(b.consentText, stored?.consentText),
    reviewOn: keep(b.reviewOn, stored?.reviewOn),
  };
}

export type RoleBody = {
  organisationId?: string;
  titleIt?: string;
  titleEn?: Text;
  head?: boolean;
  startsOn?: Text;
  endsOn?: Text;
};

function roleFields(b: RoleBody, stored?: PersonRole): RoleFields {
  return {
    organisationId: keep(b.organisationId, stored?.organisation.id),
    titleIt: keep(b.titleIt, stored?.titleIt),
    titleEn: keep(b.titleEn, stored?.titleEn),
    head: (b.head ?? stored?.head) ? 'yes' : '',
    startsOn: keep(b.startsOn, stored?.startsOn),
    endsOn: keep(b.endsOn, stored?.endsOn),
  };
}

/** The writes from bodies, shared by the API's routes and the CLI's commands. */
export function personBodies(admin: PeopleAdmin) {
  return {
    create: (actor: Actor, body: PersonBody) => admin.createPerson(actor, personFields(body)),
    async update(actor: Actor, id: string, version: number, changes: PersonBody) {
      const stored = (await admin.personForm(actor, id)).person;
      return admin.updatePerson(actor, id, version, personFields(changes, stored));
    },
    addRole: (actor: Actor, personId: string, body: RoleBody) =>
      admin.addRole(actor, personId, roleFields(body)),
    async updateRole(actor: Actor, personId: string, id: string, version: number, changes: RoleBody) {
      const stored = (await admin.roleForm(actor, personId, id)).role;
      return admin.updateRole(actor, personId, id, version, roleFields(changes, stored));
    },
  };
}
