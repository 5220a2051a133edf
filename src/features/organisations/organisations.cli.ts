// The organisations register's commands: list, show, create, update and delete an organisation with the API's
// JSON bodies (see src/cli/records.ts).
import { recordCommands } from '../../cli/records.ts';
import { organisationBodies } from './organisations.body.ts';
import { ORGANISATION_KINDS } from './organisations.rules.ts';
import { OrganisationChanges, OrganisationInput, type OrganisationRecord } from './organisations.schemas.ts';

export const organisationsCli = recordCommands({
  noun: 'organisations',
  one: 'organisation',
  input: OrganisationInput,
  changes: OrganisationChanges,
  filters: { enums: { kind: ORGANISATION_KINDS } },
  list: (s, actor, q) => s.organisationsAdmin.organisations(actor, { ...q, kind: q['kind'] as never }),
  columns: (o: OrganisationRecord) => [o.kind, o.country?.code, o.city, o.nameIt],
  show: async (s, actor, id) => (await s.organisationsAdmin.organisation(actor, id)).organisation,
  create: (s, actor, body) => organisationBodies(s.organisationsAdmin).create(actor, body),
  update: (s, actor, id, version, body) =>
    organisationBodies(s.organisationsAdmin).update(actor, id, version, body),
  remove: (s, actor, id, version) => s.organisationsAdmin.deleteOrganisation(actor, id, version),
});
