// The back-office pages of missions under /admin/{it,en}/missions: the list, a mission's page, the forms to
// record and edit a mission, to add and edit a traveller with their costs, and deleting either. Thin handlers
// on the shared record-page flow (admin.forms.tsx) and the missions' admin service.

import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import { titleIn } from '../../views/backoffice/agenda.tsx';
import type { Values } from '../../views/backoffice/forms.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import {
  type Ctx,
  type FormFlow,
  formPage,
  oneOf,
  type Rendered,
  recordPages,
  textsOf,
  typed,
} from '../admin/admin.forms.tsx';
import { field } from '../admin/admin.kit.tsx';
import { destinationLines, MISSION_STATUSES } from './missions.rules.ts';
import type { MissionRecord, Traveller } from './missions.schemas.ts';
import { MISSION_SORTS, type MissionFields } from './missions.service.ts';
import { missionsStrings } from './missions.strings.ts';
import {
  MISSION_FIELDS,
  MissionListView,
  MissionView,
  missionSpecs,
  missionValues,
  TRAVELLER_FIELDS,
  travellerSpecs,
  travellerValues,
} from './views/missions.tsx';

const LISTS = ['agreementIds', 'networkIds'] as const;

/** The form's values as the service's fields: destinations from their lines, the checked links one per line. */
const missionFields = (values: Values): MissionFields => ({
  ...textsOf(values, MISSION_FIELDS),
  destinations: destinationLines('destinations', values['destinations'] ?? ''),
  agreementIds: (values['agreementIds'] ?? '').split('\n').filter(Boolean),
  networkIds: (values['networkIds'] ?? '').split('\n').filter(Boolean),
});

export function missionsPages(services: Services) {
  const admin = services.missionsAdmin;
  const pages = recordPages();

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'missions',
      (q) => ({
        q: typed(q, 'q', 200),
        status: oneOf(MISSION_STATUSES, field(q, 'status'), ''),
        when: oneOf(['upcoming', 'past'] as const, field(q, 'when'), ''),
        sort: oneOf(MISSION_SORTS, field(q, 'sort'), '-starts'),
      }),
      async (c, filters, page) => ({
        title: missionsStrings(c.lang).title,
        body: (
          <MissionListView
            lang={c.lang}
            data={
              await admin.missions(c.actor, {
                q: filters.q,
                status: filters.status || undefined,
                when: filters.when || undefined,
                sort: filters.sort || undefined,
                page,
                lang: c.lang,
              })
            }
            filters={filters}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const missionRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.mission(c.actor, id);
      const followUps = await services.followUps.of(c.actor, 'mission', id);
      return {
        title: `${titleIn(data.mission, c.lang)} — ${missionsStrings(c.lang).title}`,
        body: (
          <MissionView
            lang={c.lang}
            session={c.session}
            canWrite={admin.canWrite(c.actor)}
            data={{ ...data, followUps }}
          />
        ),
      };
    };

    const missionForm =
      (id?: string) =>
      (c: Ctx): FormFlow => {
        const t = backofficeStrings(c.lang);
        const own = missionsStrings(c.lang);
        const list = `/admin/${c.lang}/missions`;
        const record = id ? `${list}/${id}` : undefined;
        return {
          fields: MISSION_FIELDS,
          lists: LISTS,
          path: id ? `missions/${id}/edit` : 'missions/new',
          back: list,
          versioned: id !== undefined,
          stored: (current) => missionValues(current as MissionRecord, c.lang),
          render: async (state) => {
            const { mission, choices } = await admin.missionForm(c.actor, id);
            return formPage(c, state, {
              title: mission ? own.editTitle(titleIn(mission, c.lang)) : own.add,
              lead: own.addLead,
              action: record ? `${record}/edit` : `${list}/new`,
              ...(mission ? { version: mission.version } : {}),
              specs: missionSpecs(c.lang, choices),
              values: mission ? missionValues(mission, c.lang) : { status: 'proposed' },
              submit: mission ? t.save : t.create,
              back: record ? { href: record, label: t.backToRecord } : { href: list, label: t.backToList },
            });
          },
          save: async (values, version) => {
            if (!id) {
              const created = await admin.createMission(c.actor, missionFields(values));
              return `${list}/${created.id}?created=1`;
            }
            await admin.updateMission(c.actor, id, version, missionFields(values));
            return `${record}?saved=1`;
          },
        };
      };

    pages.formRoutes(app, 'missions/new', missionForm());
    pages.recordRoute(app, 'missions', missionRender);
    pages.recordFormRoutes(app, 'missions', 'edit', (id) => missionForm(id));
    pages.deleteRoute(app, 'missions', {
      run: async (c, id, version) => {
        await admin.deleteMission(c.actor, id, version);
        return `/admin/${c.lang}/missions?deleted=1`;
      },
      page: missionRender,
    });

    pages.recordFormRoutes(app, 'missions', 'travellers/new', (id) => travellerForm(admin, id));
    pages.childRoutes(app, 'missions', 'travellers', {
      form: (missionId, travellerId) => travellerForm(admin, missionId, travellerId),
      run: async (c, missionId, travellerId, version) => {
        await admin.removeTraveller(c.actor, missionId, travellerId, version);
        return `/admin/${c.lang}/missions/${missionId}?saved=1`;
      },
      page: missionRender,
    });
  };
}

/** The form of a mission's traveller: adding one, or editing one at its version. */
const travellerForm =
  (admin: Services['missionsAdmin'], missionId: string, travellerId?: string) =>
  (c: Ctx): FormFlow => {
    const t = backofficeStrings(c.lang);
    const own = missionsStrings(c.lang);
    const record = `/admin/${c.lang}/missions/${missionId}`;
    return {
      fields: TRAVELLER_FIELDS,
      path: travellerId
        ? `missions/${missionId}/travellers/${travellerId}/edit`
        : `missions/${missionId}/travellers/new`,
      back: record,
      versioned: travellerId !== undefined,
      stored: (current) => travellerValues(current as Traveller),
      render: async (state) => {
        const { mission, traveller } = await admin.travellerForm(c.actor, missionId, travellerId);
        const title = titleIn(mission, c.lang);
        return formPage(c, state, {
          title: traveller ? own.editTraveller(title) : own.addTraveller,
          lead: own.addTravellerLead(title),
          action: traveller ? `${record}/travellers/${traveller.id}/edit` : `${record}/travellers/new`,
          ...(traveller ? { version: traveller.version } : {}),
          specs: travellerSpecs(c.lang),
          values: traveller
            ? travellerValues(traveller)
            : { office: 'mayor', currency: 'EUR', publicMoney: 'yes' },
          submit: traveller ? t.save : t.create,
          back: { href: record, label: t.backToRecord },
        });
      },
      save: async (values, version) => {
        const fields = textsOf(values, TRAVELLER_FIELDS);
        if (travellerId) await admin.updateTraveller(c.actor, missionId, travellerId, version, fields);
        else await admin.addTraveller(c.actor, missionId, fields);
        return `${record}?saved=1`;
      },
    };
  };
