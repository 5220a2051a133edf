// The one place where record types are registered: each one's folder exports its JSON routes (mounted under
// /api/v1) and its back-office pages, and app.ts registers every module of this list. A new record type adds
// its folder and one line here (docs/ADDING-A-RECORD-TYPE.md).
import type { Services } from '../deps.ts';
import type { App, Site } from '../platform/http/types.ts';
import { agendaApi } from './agenda/agenda.api.ts';
import { agendaPages } from './agenda/agenda.pages.tsx';
import { followUpsApi } from './agenda/follow-ups.api.ts';
import { followUpsPages } from './agenda/follow-ups.pages.tsx';
import { agreementsAdminApi } from './agreements/agreements.admin-api.ts';
import { agreementsApi } from './agreements/agreements.api.ts';
import { agreementsPages } from './agreements/agreements.pages.tsx';
import { briefingApi, briefingPages } from './briefing/briefing.routes.tsx';
import { counterpartsApi } from './counterparts/counterparts.api.ts';
import { counterpartsPages } from './counterparts/counterparts.pages.tsx';
import { dossiersApi } from './dossiers/dossiers.api.ts';
import { dossiersPages } from './dossiers/dossiers.pages.tsx';
import { eventsApi } from './events/events.api.ts';
import { eventsPages } from './events/events.pages.tsx';
import { giftsApi } from './gifts/gifts.api.ts';
import { giftsPages } from './gifts/gifts.pages.tsx';
import { institutionsApi } from './institutions/institutions.api.ts';
import { institutionsPages } from './institutions/institutions.pages.tsx';
import { meetingsApi } from './meetings/meetings.api.ts';
import { meetingsPages } from './meetings/meetings.pages.tsx';
import { missionsApi } from './missions/missions.api.ts';
import { missionsPages } from './missions/missions.pages.tsx';
import { networksApi } from './networks/networks.api.ts';
import { networksPages } from './networks/networks.pages.tsx';
import { organisationsApi } from './organisations/organisations.api.ts';
import { organisationsPages } from './organisations/organisations.pages.tsx';
import { peopleApi } from './people/people.api.ts';
import { contactsImportPages } from './people/people.import.pages.tsx';
import { personLinksApi } from './people/people.links.api.ts';
import { listsApi, listsPages } from './people/people.lists.routes.tsx';
import { mergePages } from './people/people.merge.pages.tsx';
import { peoplePages } from './people/people.pages.tsx';
import { planApi } from './plan/plan.api.ts';
import { planPages } from './plan/plan.pages.tsx';
import { projectsApi } from './projects/projects.api.ts';
import { projectsPages } from './projects/projects.pages.tsx';
import { unitsApi } from './units/units.api.ts';
import { unitsPages } from './units/units.pages.tsx';
import { visitsApi } from './visits/visits.api.ts';
import { visitsPages } from './visits/visits.pages.tsx';

/** A Fastify plugin of a record type, built from the services. */
export type RecordPlugin = (services: Services, site: Site) => (app: App) => Promise<void>;

export interface RecordType {
  name: string;
  /** JSON routes (read and write), mounted under /api/v1. */
  api?: RecordPlugin;
  /** Back-office pages under /admin/{it,en}/. */
  pages?: RecordPlugin;
}

/** Two plugins as one: the agreements' public reads and their writes live in two files. */
const both =
  (first: RecordPlugin, second: RecordPlugin): RecordPlugin =>
  (services, site) =>
  async (app) => {
    await app.register(first(services, site));
    await app.register(second(services, site));
  };

export const RECORD_TYPES: readonly RecordType[] = [
  { name: 'institutions', api: institutionsApi, pages: institutionsPages },
  { name: 'counterparts', api: counterpartsApi, pages: counterpartsPages },
  { name: 'agreements', api: both(agreementsApi, agreementsAdminApi), pages: agreementsPages },
  { name: 'units', api: unitsApi, pages: unitsPages },
  { name: 'networks', api: networksApi, pages: networksPages },
  { name: 'agenda', api: agendaApi, pages: agendaPages },
  { name: 'visits', api: visitsApi, pages: visitsPages },
  { name: 'missions', api: missionsApi, pages: missionsPages },
  { name: 'meetings', api: meetingsApi, pages: meetingsPages },
  { name: 'organisations', api: organisationsApi, pages: organisationsPages },
  { name: 'people', api: peopleApi, pages: peoplePages },
  { name: 'distribution-lists', api: listsApi, pages: listsPages },
  { name: 'contacts-import', pages: contactsImportPages },
  { name: 'contacts-merges', pages: mergePages },
  { name: 'person-links', api: personLinksApi },
  { name: 'follow-ups', api: followUpsApi, pages: followUpsPages },
  { name: 'gifts', api: giftsApi, pages: giftsPages },
  { name: 'briefing', api: briefingApi, pages: briefingPages },
  { name: 'plan', api: planApi, pages: planPages },
  { name: 'projects', api: projectsApi, pages: projectsPages },
  { name: 'events', api: eventsApi, pages: eventsPages },
  { name: 'dossiers', api: dossiersApi, pages: dossiersPages },
];
