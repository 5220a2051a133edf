// `ponte seed examples`: for each institution asked for, one visit (with a programme, a guided tour and a
// follow-up), one mission (with its travellers' costs), one meeting, two organisations of the contacts
// register (a consular post and an association), a cooperation project, an event and a candidacy with a deadline, so that a new user can try every screen. They are examples, not facts: their titles start "Esempio:" / "Example:", the people are
// "Persona di esempio", and they are marked as examples, which are never published (a database check says so)
// nor counted in the public mission costs. Written through the services, audited as the seed.

import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { SEED } from '../accounts/accounts.access.ts';
import { addFollowUpAs } from '../agenda/agenda.service.ts';
import { type AuditRecord, appendAudit } from '../audit/audit.service.ts';
import { BLANK_DOSSIER, type DossiersService } from '../dossiers/dossiers.service.ts';
import { BLANK_EVENT, type EventsService } from '../events/events.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { BLANK_MEETING, type MeetingsService } from '../meetings/meetings.service.ts';
import { BLANK_MISSION, BLANK_TRAVELLER, type MissionsService } from '../missions/missions.service.ts';
import { BLANK_ORGANISATION, type OrganisationsService } from '../organisations/organisations.service.ts';
import { BLANK_PERSON, BLANK_ROLE, type PeopleService, readerLevel } from '../people/people.service.ts';
import type { ProjectsService } from '../projects/projects.service.ts';
import { BLANK_ITEM, BLANK_VISIT, type VisitsService } from '../visits/visits.service.ts';

/** A day some days from today (negative: before). */
const dayFrom = (days: number) => {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export interface ExamplesReport {
  loaded: string[];
  skipped: string[];
}

interface ExampleDeps {
  database: Database;
  institutions: InstitutionsService;
  visits: VisitsService;
  missions: MissionsService;
  meetings: MeetingsService;
  organisations: OrganisationsService;
  people: PeopleService;
  projects: ProjectsService;
  events: EventsService;
  dossiers: DossiersService;
}

/** The contacts register's examples: a consular post and an association, with no person and no real country. */
async function loadContacts(deps: ExampleDeps, institutionId: string): Promise<AuditRecord[]> {
  const post = await deps.organisations.create(
    institutionId,
    {
      ...BLANK_ORGANISATION,
      kind: 'consular_post',
      postKind: 'consulate_general',
      nameIt: 'Esempio: consolato generale di un paese partner',
      nameEn: 'Example: consulate general of a partner country',
      languages: 'en',
      openingHoursIt: 'Esempio: dal lunedì al venerdì, 9–12',
      openingHoursEn: 'Example: Monday to Friday, 9–12',
      notes: 'Un esempio per provare le schermate: non è un fatto.',
    },
    { example: true },
  );
  const association = await deps.organisations.create(
    institutionId,
    {
      ...BLANK_ORGANISATION,
      kind: 'association',
      nameIt: 'Esempio: associazione di una comunità straniera',
      nameEn: 'Example: a foreign-community association',
      activitiesIt: 'Un esempio per provare le schermate: non è un fatto.',
      activitiesEn: 'An example to try the screens: not a fact.',
    },
    { example: true },
  );
  const person = await deps.people.create(
    institutionId,
    {
      ...BLANK_PERSON,
      name: 'Persona di esempio',
      languages: 'en',
      legalBasis: 'public_task',
      notes: 'Un esempio per provare le schermate: non è una persona vera.',
    },
    { example: true },
  );
  const role = await deps.people.addRole(
    institutionId,
    person.id,
    {
      ...BLANK_ROLE,
      organisationId: post.id,
      titleIt: 'Console generale (esempio)',
      titleEn: 'Consul General (example)',
      head: 'yes',
    },
    readerLevel('admin'),
  );
  return [
    ...[post, association].map((o) => ({
      institutionId,
      action: 'create',
      entity: 'organisation',
      entityId: o.id,
      after: o,
    })),
    // As the people's own log: which fields were given, never their values.
    { institutionId, action: 'create', entity: 'person', entityId: person.id, after: { example: true } },
    { institutionId, action: 'add_person_role', entity: 'person', entityId: person.id, after: role },
  ];
}

/** Loads one institution's examples in the caller's transaction; returns the audit records of what it made. */
async function loadOne(deps: ExampleDeps, institutionId: string): Promise<AuditRecord[]> {
  const { database, visits, missions, meetings } = deps;
  const created = (entity: string, id: string, after: unknown): AuditRecord => ({
    institutionId,
    action: 'create',
    entity,
    entityId: id,
    after,
  });
  const arrives = dayFrom(14);
  const visit = await visits.create(
    institutionId,
    {
      ...BLANK_VISIT,
      titleIt: 'Esempio: delegazione di una città partner',
      titleEn: 'Example: a delegation from a partner city',
      status: 'confirmed',
      startsOn: arrives,
      startsAt: '09:30',
      endsOn: dayFrom(15),
      endsAt: '17:00',
      headName: 'Persona di esempio',
      headTitle: 'Vicesindaco (esempio)',
      delegationSize: '8',
      purposeIt: 'Un esempio per provare le schermate: non è un fatto.',
      purposeEn: 'An example to try the screens: not a fact.',
      languages: ['en'],
      interpretingPair: 'en-it',
      protocolNotes: 'Esempio di note di cerimoniale.',
    },
    { example: true },
  );
  const meetingItem = await visits.addItem(institutionId, visit.id, {
    ...BLANK_ITEM,
    day: arrives,
    startsAt: '10:00',
    endsAt: '11:00',
    place: 'Sede dell’ente (esempio)',
    activityIt: 'Incontro di benvenuto (esempio)',
    activityEn: 'Welcome meeting (example)',
    attendees: 'Persona di esempio',
  });
  const tour = await visits.addItem(institutionId, visit.id, {
    ...BLANK_ITEM,
    kind: 'tour',
    day: dayFrom(15),
    startsAt: '10:00',
    endsAt: '11:30',
    place: 'Un museo della città (esempio)',
    activityIt: 'Visita guidata (esempio)',
    activityEn: 'Guided tour (example)',
    tourLanguage: 'en',
    guide: 'Guida di esempio',
    groupSize: '8',
  });
  const followUp = await addFollowUpAs(
    database,
    institutionId,
    { kind: 'visit', id: visit.id },
    {
      action: 'Esempio: inviare il resoconto della visita',
      owner: 'Persona di esempio',
      dueOn: dayFrom(21),
    },
  );

  const mission = await missions.create(
    institutionId,
    {
      ...BLANK_MISSION,
      titleIt: 'Esempio: missione a Bruxelles',
      titleEn: 'Example: mission to Brussels',
      status: 'held',
      startsOn: dayFrom(-40),
      endsOn: dayFrom(-38),
      destinations: [{ name: 'Bruxelles', country: 'BE' }],
      purposeIt: 'Un esempio per provare le schermate: non è un fatto.',
      purposeEn: 'An example to try the screens: not a fact.',
    },
    { example: true },
  );
  const traveller = await missions.addTraveller(institutionId, mission.id, {
    ...BLANK_TRAVELLER,
    name: 'Persona di esempio',
    role: 'Assessore (esempio)',
    office: 'deputy_mayor',
    travelCost: '250',
    lodgingCost: '180',
    paidBy: 'Esempio',
  });

  const meeting = await meetings.create(
    institutionId,
    {
      ...BLANK_MEETING,
      titleIt: 'Esempio: incontro con un consolato',
      titleEn: 'Example: meeting with a consulate',
      status: 'confirmed',
      startsOn: dayFrom(5),
      startsAt: '11:00',
      endsAt: '12:00',
      host: 'Persona di esempio',
      participants: 'Persona di esempio',
      topicsIt: 'Un esempio per provare le schermate: non è un fatto.',
      topicsEn: 'An example to try the screens: not a fact.',
    },
    { example: true },
  );
  return [
    created('visit', visit.id, visit),
    { ...created('visit', visit.id, meetingItem), action: 'add_item' },
    { ...created('visit', visit.id, tour), action: 'add_item' },
    { ...created('visit', visit.id, followUp), action: 'add_follow_up' },
    created('mission', mission.id, mission),
    { ...created('mission', mission.id, traveller), action: 'add_traveller' },
    created('meeting', meeting.id, meeting),
  ];
}

/** The planning's examples: a cooperation project, an event and a candidacy with a deadline, none published. */
async function loadActivities(deps: ExampleDeps, institutionId: string): Promise<AuditRecord[]> {
  const created = (entity: string, id: string, after: unknown): AuditRecord => ({
    institutionId,
    action: 'create',
    entity,
    entityId: id,
    after,
  });
  const note = {
    it: 'Un esempio per provare le schermate: non è un fatto.',
    en: 'An example to try the screens: not a fact.',
  };
  const project = await deps.projects.create(
    institutionId,
    {
      code: 'ESEMPIO-COOP-1',
      kind: 'cooperation',
      titleIt: 'Esempio: progetto di cooperazione decentrata',
      titleEn: 'Example: decentralised cooperation project',
      descriptionIt: note.it,
      descriptionEn: note.en,
      funder: 'Esempio',
      role: 'lead',
      status: 'idea',
      startsOn: '',
      endsOn: '',
      countries: '',
      currency: 'EUR',
      totalBudget: '',
      ownShare: '',
      resultsIt: '',
      resultsEn: '',
      published: '',
      documents: [],
    },
    true,
  );
  const event = await deps.events.create(
    institutionId,
    {
      ...BLANK_EVENT,
      titleIt: 'Esempio: evento internazionale',
      titleEn: 'Example: international event',
      status: 'proposed',
      startsOn: dayFrom(45),
      descriptionIt: note.it,
      descriptionEn: note.en,
    },
    true,
  );
  const dossier = await deps.dossiers.create(
    institutionId,
    {
      ...BLANK_DOSSIER,
      titleIt: 'Esempio: candidatura a un premio',
      titleEn: 'Example: candidacy for a prize',
      kind: 'prize',
      contributors: 'Persona di esempio',
      outcomeIt: note.it,
      outcomeEn: note.en,
    },
    true,
  );
  const withDeadline = await deps.dossiers.putDeadline(institutionId, dossier.id, 1, undefined, {
    labelIt: 'Esempio: invio del dossier',
    labelEn: 'Example: dossier due',
    dueOn: dayFrom(20),
    doneOn: '',
  });
  return [
    created('project', project.id, project),
    created('event', event.id, event),
    created('dossier', dossier.id, withDeadline),
  ];
}

export function createExamples(deps: ExampleDeps) {
  const { database, institutions } = deps;

  return {
    /**
     * Loads the examples into each institution named (every institution when none is), skipping one that has
     * examples already; all of it in one transaction.
     */
    async load(slugs: string[]): Promise<ExamplesReport> {
      const all = await institutions.list();
      const chosen = slugs.length ? slugs.map((s) => all.find((i) => i.slug === s) ?? s) : all;
      const report: ExamplesReport = { loaded: [], skipped: [] };
      await database.transaction(async () => {
        for (const inst of chosen) {
          if (typeof inst === 'string') throw AppError.notFound('Institution', inst);
          const [has] = await database.query<{ agenda: number; contacts: number; activities: number }>(
            `select (select count(*) from visits where institution_id = $1 and example)
                  + (select count(*) from missions where institution_id = $1 and example)
                  + (select count(*) from meetings where institution_id = $1 and example) as agenda,
                    (select count(*) from organisations where institution_id = $1 and example) as contacts,
                    (select count(*) from projects where institution_id = $1 and example)
                  + (select count(*) from events where institution_id = $1 and example)
                  + (select count(*) from dossiers where institution_id = $1 and example) as activities`,
            [inst.id],
          );
          // Each part loads where it is missing: an institution given the agenda's examples before the
          // contacts register existed gets the register's now.
          const records = [
            ...(Number(has?.agenda ?? 0) > 0 ? [] : await loadOne(deps, inst.id)),
            ...(Number(has?.contacts ?? 0) > 0 ? [] : await loadContacts(deps, inst.id)),
            ...(Number(has?.activities ?? 0) > 0 ? [] : await loadActivities(deps, inst.id)),
          ];
          if (records.length === 0) {
            report.skipped.push(inst.slug);
            continue;
          }
          await appendAudit(database.query, SEED, records);
          report.loaded.push(inst.slug);
        }
      });
      return report;
    },
  };
}
