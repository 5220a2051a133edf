// Factories for the back-office tests: an institution to work in, its agreements, and API tokens. Each call
// writes through the services, as any other write would, and makes uniquely named records.
import type { Services } from '../src/deps.ts';
import { createFollowUpsRepository } from '../src/features/agenda/follow-ups.repository.ts';
import type { AgreementInput } from '../src/features/agreements/agreements.schemas.ts';
import { BLANK_MEETING, type MeetingFields } from '../src/features/meetings/meetings.service.ts';
import {
  BLANK_MISSION,
  BLANK_TRAVELLER,
  type MissionFields,
} from '../src/features/missions/missions.service.ts';
import {
  BLANK_ORGANISATION,
  type OrganisationFields,
} from '../src/features/organisations/organisations.service.ts';
import { BLANK_PERSON, type PersonFields } from '../src/features/people/people.service.ts';
import { BLANK_ITEM, BLANK_VISIT, type VisitFields } from '../src/features/visits/visits.service.ts';
import type { Database } from '../src/platform/db/client.ts';
import { agreementInput, makeInstitution, TEST_ACTOR } from './factories.ts';
import { uniqueSlug } from './support.ts';

/** A partner city the gazetteer knows, by its name in any language and its country's ISO code. */
export const city = (name: string, country: string) => ({ type: 'city' as const, name, country });

/** A partner organisation, named the same in both languages. */
export const organisation = (name: string, country = 'FR') => ({
  type: 'organisation' as const,
  nameIt: name,
  nameEn: name,
  country,
});

/** A new institution with its international relations unit: its slug, the name users act in. */
export async function makeOffice(services: Services): Promise<string> {
  return (await makeInstitution(services)).slug;
}

/**
 * One agreement of an institution, as the test says; by default a published, active, permanent twinning
 * with Frankfurt (factories.ts agreementInput).
 */
export function makeAgreement(
  services: Services,
  institution: string,
  overrides: Partial<AgreementInput> = {},
) {
  return services.agreements.create(institution, agreementInput(overrides), TEST_ACTOR);
}

/** An API token of an institution: the secret to send as a bearer token. */
export async function makeToken(
  services: Services,
  institution: string,
  scope: 'read' | 'write',
  name: string = scope,
) {
  return (await services.accounts.createApiToken({ institution, name, scope, actor: TEST_ACTOR })).token;
}

/**
 * A visit of the institution (15 to 16 March 2027, proposed, not published) with one item in its programme,
 * written as the database owner.
 */
export async function makeVisit(
  services: Services,
  institutionId: string,
  fields: Partial<VisitFields> = {},
) {
  const made = await services.visits.create(institutionId, {
    ...BLANK_VISIT,
    titleIt: `Visita ${uniqueSlug('v')}`,
    startsOn: '2027-03-15',
    endsOn: '2027-03-16',
    ...fields,
  });
  const item = await services.visits.addItem(institutionId, made.id, {
    ...BLANK_ITEM,
    day: made.startsOn,
    activityIt: 'Incontro con il Sindaco',
  });
  return { ...made, item };
}

/**
 * A mission of the institution (to Lyon, 10 to 12 May 2027, held, not published) with the mayor as its one
 * traveller (travel 850.50, lodging 420 euros of public money), written as the database owner.
 */
export async function makeMission(
  services: Services,
  institutionId: string,
  fields: Partial<MissionFields> = {},
) {
  const made = await services.missions.create(institutionId, {
    ...BLANK_MISSION,
    titleIt: `Missione ${uniqueSlug('m')}`,
    status: 'held',
    startsOn: '2027-05-10',
    endsOn: '2027-05-12',
    destinations: [{ name: 'Lione', country: 'FR' }],
    ...fields,
  });
  const traveller = await services.missions.addTraveller(institutionId, made.id, {
    ...BLANK_TRAVELLER,
    name: 'Giulia Sindaco',
    office: 'mayor',
    travelCost: '850.50',
    lodgingCost: '420',
  });
  return { ...made, traveller };
}

/** A meeting of the institution (20 May 2027, 10:00 to 11:00, confirmed, not published), as the database owner. */
export function makeMeeting(services: Services, institutionId: string, fields: Partial<MeetingFields> = {}) {
  return services.meetings.create(institutionId, {
    ...BLANK_MEETING,
    titleIt: `Incontro ${uniqueSlug('i')}`,
    status: 'confirmed',
    startsOn: '2027-05-20',
    startsAt: '10:00',
    endsAt: '11:00',
    host: 'Il Sindaco',
    participants: 'Il Console generale',
    ...fields,
  });
}

/** A follow-up of a record (open, due on 1 June 2027), written as the database owner. */
export async function makeFollowUp(
  database: Database,
  institutionId: string,
  subject: { kind: 'visit' | 'mission' | 'meeting'; id: string },
) {
  const repo = createFollowUpsRepository(database.db, database.query);
  const row = await repo.insert(institutionId, subject.kind, subject.id, {
    action: `Inviare il programma ${uniqueSlug('f')}`,
    owner: 'Ufficio relazioni internazionali',
    dueOn: '2027-06-01',
    doneOn: null,
  });
  return row;
}

/** A consular post of the institution (the Consulate General of Japan in Milan, not published), as the owner. */
export function makeOrganisation(
  services: Services,
  institutionId: string,
  fields: Partial<OrganisationFields> = {},
) {
  return services.organisations.create(institutionId, {
    ...BLANK_ORGANISATION,
    kind: 'consular_post',
    postKind: 'consulate_general',
    nameIt: `Consolato generale ${uniqueSlug('c')}`,
    country: 'JP',
    district: 'Lombardia, Emilia-Romagna',
    city: 'Milano',
    notes: 'Chiedere del cerimoniale',
    ...fields,
  });
}

/** A person of the institution (a consul, public task, seen by the staff), as the database owner. */
export function makePerson(services: Services, institutionId: string, fields: Partial<PersonFields> = {}) {
  return services.people.create(institutionId, {
    ...BLANK_PERSON,
    name: `Persona ${uniqueSlug('p')}`,
    legalBasis: 'public_task',
    email: 'console@example.org',
    phone: '+39 02 1234 5678',
    ...fields,
  });
}

/** A strategic objective of 2019–2024 with its resources planned for 2022–2024, unless `fields` say otherwise. */
/** The form fields of a strategic objective of 2019–2024 with its resources for 2022–2024. */
export const objectiveFields = (fields: Record<string, string> = {}) => ({
  level: 'strategic',
  parentId: '',
  code: '',
  mandateFrom: '2019',
  mandateTo: '2024',
  titleIt: `Obiettivo ${uniqueSlug('o')}`,
  titleEn: '',
  addressIt: '',
  addressEn: '',
  mission: '19',
  programme: '',
  responsible: '',
  descriptionIt: '',
  descriptionEn: '',
  firstYear: '2022',
  lastYear: '2024',
  currency: 'EUR',
  published: '',
  ...fields,
  sources: [],
});

export function makeObjective(
  services: Services,
  institutionId: string,
  fields: Record<string, string> = {},
) {
  return services.plan.create(institutionId, objectiveFields(fields));
}

/** The form fields of a cooperation project idea, unless `fields` say otherwise. */
export const projectFields = (fields: Record<string, string> = {}) => ({
  code: uniqueSlug('P'),
  kind: 'cooperation',
  titleIt: `Progetto ${uniqueSlug('p')}`,
  titleEn: '',
  descriptionIt: '',
  descriptionEn: '',
  funder: '',
  role: 'lead',
  status: 'idea',
  startsOn: '',
  endsOn: '',
  countries: '',
  currency: '',
  totalBudget: '',
  ownShare: '',
  resultsIt: '',
  resultsEn: '',
  published: '',
  ...fields,
  documents: [],
});

/** A cooperation project idea of the institution, unless `fields` say otherwise. */
export function makeProject(services: Services, institutionId: string, fields: Record<string, string> = {}) {
  return services.projects.create(institutionId, projectFields(fields));
}
