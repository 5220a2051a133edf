// Composition root: database -> repositories -> services. Shared by the server, the CLI and the tests.
import { createAccountsService } from './features/accounts/accounts.service.ts';
import { createAdminService } from './features/admin/admin.service.ts';
import { createAgendaImport } from './features/agenda/agenda.import.ts';
import { createAgendaRepository } from './features/agenda/agenda.repository.ts';
import { createAgendaLinks, createAgendaService } from './features/agenda/agenda.service.ts';
import { createFollowUpsRepository } from './features/agenda/follow-ups.repository.ts';
import { createFollowUps } from './features/agenda/follow-ups.service.ts';
import { createAgreementsAdmin } from './features/agreements/agreements.admin.ts';
import { createAgreementImporter, createStaffImport } from './features/agreements/agreements.import.ts';
import { createAgreementsRepository } from './features/agreements/agreements.repository.ts';
import { createAgreementsService } from './features/agreements/agreements.service.ts';
import { createAttachmentsService } from './features/attachments/attachments.service.ts';
import { createBriefingRepository } from './features/briefing/briefing.repository.ts';
import { createBriefing } from './features/briefing/briefing.service.ts';
import { createCounterpartsRepository } from './features/counterparts/counterparts.repository.ts';
import {
  type CounterpartsService,
  createCounterpartsAdmin,
  createCounterpartsService,
} from './features/counterparts/counterparts.service.ts';
import { createDossiersRepository } from './features/dossiers/dossiers.repository.ts';
import { createDossiersAdmin, createDossiersService } from './features/dossiers/dossiers.service.ts';
import { createEventsRepository } from './features/events/events.repository.ts';
import { createEventsAdmin, createEventsService } from './features/events/events.service.ts';
import { createFeedbackService } from './features/feedback/feedback.service.ts';
import { createGiftsRepository } from './features/gifts/gifts.repository.ts';
import { createGiftsAdmin, createGiftsService } from './features/gifts/gifts.service.ts';
import { createInstitutionsAdmin } from './features/institutions/institutions.admin.ts';
import { createInstitutionsRepository } from './features/institutions/institutions.repository.ts';
import {
  createInstitutionsService,
  type InstitutionsService,
} from './features/institutions/institutions.service.ts';
import { createInvitationsService } from './features/invitations/invitations.service.ts';
import { createMeetingsRepository } from './features/meetings/meetings.repository.ts';
import { createMeetingsAdmin, createMeetingsService } from './features/meetings/meetings.service.ts';
import { createMissionsRepository } from './features/missions/missions.repository.ts';
import { createMissionsAdmin, createMissionsService } from './features/missions/missions.service.ts';
import { createNetworksAdmin } from './features/networks/networks.admin.ts';
import { createNetworksRepository } from './features/networks/networks.repository.ts';
import { createNetworksService } from './features/networks/networks.service.ts';
import { createOrganisationsRepository } from './features/organisations/organisations.repository.ts';
import {
  createOrganisationsAdmin,
  createOrganisationsService,
} from './features/organisations/organisations.service.ts';
import { createDuplicateFinder } from './features/people/people.duplicates.ts';
import { createContactsImport } from './features/people/people.import.ts';
import { createLinksRepository } from './features/people/people.links.repository.ts';
import { createPersonLinks } from './features/people/people.links.ts';
import { createDistributionLists } from './features/people/people.lists.ts';
import { createPeopleRepository } from './features/people/people.repository.ts';
import { createPeopleAdmin, createPeopleService } from './features/people/people.service.ts';
import { createPlacesRepository } from './features/places/places.repository.ts';
import { createPlacesService } from './features/places/places.service.ts';
import { createPlanRepository } from './features/plan/plan.repository.ts';
import { createPlanAdmin, createPlanService } from './features/plan/plan.service.ts';
import { createPortalService } from './features/portal/portal.service.ts';
import { createProjectsRepository } from './features/projects/projects.repository.ts';
import { createProjectsAdmin, createProjectsService } from './features/projects/projects.service.ts';
import { createExamples } from './features/seed/examples.ts';
import { createSeedService } from './features/seed/seed.service.ts';
import { createUnitsRepository } from './features/units/units.repository.ts';
import { createUnitsAdmin, createUnitsService, type UnitsService } from './features/units/units.service.ts';
import { createVisitsRepository } from './features/visits/visits.repository.ts';
import { createVisitsAdmin, createVisitsService } from './features/visits/visits.service.ts';
import { type Database, type DatabaseOptions, openDatabase } from './platform/db/client.ts';

export function createServices(database: Database) {
  const places = createPlacesService({ repo: createPlacesRepository(database) });
  const units = createUnitsService({ repo: createUnitsRepository(database.db) });
  const institutions = createInstitutionsService({ repo: createInstitutionsRepository(database.db), units });
  const agreementsRepo = createAgreementsRepository(database);
  const counterparts = createCounterpartsService({
    repo: createCounterpartsRepository(database.db),
    agreements: agreementsRepo,
    query: database.query,
    institutions,
  });
  const networks = createNetworksService({ repo: createNetworksRepository(database.db), institutions });
  const agreements = createAgreementsService({
    database,
    repo: agreementsRepo,
    places,
    institutions,
    counterparts,
  });
  const importAgreements = createAgreementImporter({ database, agreements, institutions });
  const importAgreementsAs = createStaffImport({ database, importAgreements });
  const feedback = createFeedbackService({ db: database.db, institutions });
  const planning = createPlanning(database, { institutions, counterparts, units });
  const { plan, projects, events, dossiers } = planning;
  const seed = createSeedService({ database, places, institutions, networks, agreements, plan });
  const accounts = createAccountsService({ database, institutions });
  const attachments = createAttachmentsService({ database });
  const agreementsAdmin = createAgreementsAdmin({ database, agreements, attachments, institutions });
  const admin = createAdminService({ database, accounts, agreementsAdmin });
  const invitations = createInvitationsService({ database, accounts });
  // The back-office's use cases of each record type: as the actor's institution, role-checked, audited.
  const counterpartsAdmin = createCounterpartsAdmin({ database, counterparts });
  const unitsAdmin = createUnitsAdmin({ database, units });
  const networksAdmin = createNetworksAdmin({ database, networks, units });
  const institutionsAdmin = createInstitutionsAdmin({ database, institutions });
  const agendaLinks = createAgendaLinks({ repo: createAgendaRepository(database.db) });
  const visits = createVisitsService({
    repo: createVisitsRepository(database.db),
    counterparts,
    links: agendaLinks,
    places,
  });
  const visitsAdmin = createVisitsAdmin({ database, visits });
  const missions = createMissionsService({
    repo: createMissionsRepository(database.db),
    places,
    links: agendaLinks,
    query: database.query,
    institutions,
  });
  const missionsAdmin = createMissionsAdmin({ database, missions });
  const meetingsRepo = createMeetingsRepository(database.db);
  const meetings = createMeetingsService({ repo: meetingsRepo, counterparts, links: agendaLinks });
  const meetingsAdmin = createMeetingsAdmin({ database, meetings });
  const agenda = createAgendaService({ database, institutions });
  const organisations = createOrganisationsService({ repo: createOrganisationsRepository(database.db) });
  const organisationsAdmin = createOrganisationsAdmin({ database, organisations });
  const peopleRepo = createPeopleRepository(database.db);
  const people = createPeopleService({ repo: peopleRepo, organisations });
  const distributionLists = createDistributionLists({ database, organisations, repo: peopleRepo });
  const peopleAdmin = createPeopleAdmin({ database, people });
  const importContacts = createContactsImport({ database, organisations, people });
  const duplicates = createDuplicateFinder({ database, organisations, people });
  const personLinks = createPersonLinks({ database, people });
  const giftsRepo = createGiftsRepository(database.query);
  const gifts = createGiftsService({ repo: giftsRepo, counterparts, institutions });
  const giftsAdmin = createGiftsAdmin({ database, gifts, attachments });
  const importAgenda = createAgendaImport({ database, visits, missions, counterparts });
  const briefing = createBriefing({
    database,
    repo: createBriefingRepository(database.query),
    visits,
    missions,
    meetings,
    counterparts,
    agreements,
    places,
  });
  const agendaRecords = { visits, missions, meetings };
  const activities = { projects, events, dossiers };
  const examples = createExamples({
    database,
    institutions,
    ...agendaRecords,
    organisations,
    people,
    ...activities,
  });
  const followUpsRepo = createFollowUpsRepository(database.db, database.query);
  const followUps = createFollowUps({ database, repo: followUpsRepo });
  const portal = createPortalService({
    institutions,
    agreements,
    networks,
    agenda,
    missions,
    organisations,
    people,
    plan,
    projects,
  });
  return {
    accounts,
    invitations,
    admin,
    agreementsAdmin,
    counterpartsAdmin,
    unitsAdmin,
    networksAdmin,
    institutionsAdmin,
    visitsAdmin,
    visits,
    missionsAdmin,
    missions,
    meetingsAdmin,
    meetings,
    organisations,
    organisationsAdmin,
    people,
    peopleAdmin,
    importContacts,
    duplicates,
    personLinks,
    ...planning,
    distributionLists,
    agenda,
    followUps,
    examples,
    briefing,
    gifts,
    giftsAdmin,
    importAgenda,
    attachments,
    places,
    institutions,
    units,
    counterparts,
    networks,
    agreements,
    importAgreements,
    importAgreementsAs,
    feedback,
    portal,
    seed,
  };
}

export type Services = ReturnType<typeof createServices>;

export interface Deps {
  database: Database;
  services: Services;
  close(): Promise<void>;
}

export async function createDeps(options: DatabaseOptions): Promise<Deps> {
  const database = await openDatabase(options);
  return { database, services: createServices(database), close: () => database.close() };
}

/** The plan's services. An objective links to the same records a person does: the people's query serves both. */
/** Projects, events and candidacies, and the plan whose objectives they serve, with their admin services. */
function createPlanning(
  database: Database,
  deps: { institutions: InstitutionsService; counterparts: CounterpartsService; units: UnitsService },
) {
  const { institutions, counterparts, units } = deps;
  const projects = createProjectsService({
    repo: createProjectsRepository(database.db),
    counterparts,
    institutions,
  });
  const events = createEventsService({ repo: createEventsRepository(database.db) });
  const dossiers = createDossiersService({ repo: createDossiersRepository(database.db), units });
  const activities = { projects, events, dossiers };
  const people = createLinksRepository(database.db);
  const plan = createPlanService({
    repo: createPlanRepository(database.db),
    targets: async (institutionId, ids) => [
      // A person's link targets carry their first day only: a visit or mission counts in the year it begins.
      ...(await people.targets(institutionId, ids)).map((t) => ({ ...t, until: null })),
      ...(await activities.projects.targets(institutionId, ids)).map((t) => ({
        ...t,
        kind: 'project' as const,
      })),
      ...(await activities.events.targets(institutionId, ids)).map((t) => ({ ...t, kind: 'event' as const })),
      ...(await activities.dossiers.targets(institutionId, ids)).map((t) => ({
        ...t,
        kind: 'dossier' as const,
      })),
    ],
    institutions,
  });
  return {
    plan,
    planAdmin: createPlanAdmin({ database, plan }),
    projects,
    projectsAdmin: createProjectsAdmin({ database, projects }),
    events,
    eventsAdmin: createEventsAdmin({ database, events }),
    dossiers,
    dossiersAdmin: createDossiersAdmin({ database, dossiers }),
  };
}
