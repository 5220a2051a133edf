// An organisation's JSON body (the API's and the CLI's) as the service's fields, and the writes that take a
// body: a creation, or a PATCH's changes laid onto the stored organisation.
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import type { OrganisationRecord } from './organisations.schemas.ts';
import type { OrganisationFields, OrganisationsAdmin } from './organisations.service.ts';

type Point = { latitude: number; longitude: number } | null;
export type OrganisationBody = {
  [K in keyof OrganisationFields]?: K extends 'communities' | 'languages' | 'district'
    ? string[]
    : K extends 'published'
      ? boolean
      : Text;
} & { point?: Point };

const list = (sent: string[] | undefined, stored: string[] | undefined) => (sent ?? stored ?? []).join(', ');
const pointText = (p: Point | undefined) => (p ? `${p.latitude}, ${p.longitude}` : '');

function organisationFields(b: OrganisationBody, stored?: OrganisationRecord): OrganisationFields {
  return {
    kind: keep(b.kind, stored?.kind),
    postKind: keep(b.postKind, stored?.postKind),
    nameIt: keep(b.nameIt, stored?.nameIt),
    nameEn: keep(b.nameEn, stored?.nameEn),
    country: keep(b.country, stored?.country?.code),
    communities: list(
      b.communities,
      stored?.communities.map((c) => c.code),
    ),
    languages: list(b.languages, stored?.languages),
    district: list(b.district, stored?.district),
    address: keep(b.address, stored?.address),
    city: keep(b.city, stored?.city),
    coordinates: pointText(b.point === undefined ? stored?.point : b.point),
    phone: keep(b.phone, stored?.phone),
    email: keep(b.email, stored?.email),
    website: keep(b.website, stored?.website),
    openingHoursIt: keep(b.openingHoursIt, stored?.openingHoursIt),
    openingHoursEn: keep(b.openingHoursEn, stored?.openingHoursEn),
    activitiesIt: keep(b.activitiesIt, stored?.activitiesIt),
    activitiesEn: keep(b.activitiesEn, stored?.activitiesEn),
    registerNumber: keep(b.registerNumber, stored?.registerNumber),
    notes: keep(b.notes, stored?.notes),
    published: (b.published ?? stored?.published) ? 'yes' : '',
  };
}

/** The writes from bodies, shared by the API's routes and the CLI's commands. */
export function organisationBodies(admin: OrganisationsAdmin) {
  return {
    create: (actor: Actor, body: OrganisationBody) =>
      admin.createOrganisation(actor, organisationFields(body)),
    async update(actor: Actor, id: string, version: number, changes: OrganisationBody) {
      const stored = (await admin.organisationForm(actor, id)).organisation;
      return admin.updateOrganisation(actor, id, version, organisationFields(changes, stored));
    },
  };
}
