// `ponte seed examples`: for each institution asked for, one visit (with a programme, a guided tour and a
// follow-up), one mission (with its travellers' costs) and one meeting, so that a new user can try every screen
// of the agenda. They are examples, not facts: their titles start "Esempio:" / "Example:", the people are
// "Persona di esempio", and they are marked as examples, which are never published (a database check says so)
// nor counted in the public mission costs. Written through the services, audited as the seed.

import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { SEED } from '../accounts/accounts.access.ts';
import { addFollowUpAs } from '../agenda/agenda.service.ts';
import { type AuditRecord, appendAudit } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { BLANK_MEETING, type MeetingsService } from '../meetings/meetings.service.ts';
import { BLANK_MISSION, BLANK_TRAVELLER, type MissionsService } from '../missions/missions.service.ts';
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
          const [has] = await database.query<{ n: number }>(
            `select (select count(*) from visits where institution_id = $1 and example)
                  + (select count(*) from missions where institution_id = $1 and example)
                  + (select count(*) from meetings where institution_id = $1 and example) as n`,
            [inst.id],
          );
          if (Number(has?.n ?? 0) > 0) {
            report.skipped.push(inst.slug);
            continue;
          }
          await appendAudit(database.query, SEED, await loadOne(deps, inst.id));
          report.loaded.push(inst.slug);
        }
      });
      return report;
    },
  };
}
