// The events' back-office pages under /admin/{it,en}/events: the list, an event's page, the forms to add and
// edit one, and deleting one. Thin handlers on the shared record-page flow and the events' admin service.
import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import {
  type Ctx,
  formPage,
  oneOf,
  type Rendered,
  recordPages,
  textsOf,
  typed,
} from '../admin/admin.forms.tsx';
import { field } from '../admin/admin.kit.tsx';
import { EVENT_STATUSES } from './events.rules.ts';
import { eventsStrings } from './events.strings.ts';
import { EVENT_FIELDS, EventList, EventView, eventSpecs, eventTitle, eventValues } from './views/events.tsx';

export function eventsPages(services: Services) {
  const admin = services.eventsAdmin;
  const pages = recordPages();

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'events',
      (q) => ({
        q: typed(q, 'q', 200),
        status: oneOf(EVENT_STATUSES, field(q, 'status'), ''),
        when: oneOf(['upcoming', 'past'] as const, field(q, 'when'), ''),
      }),
      async (c, filters, page) => ({
        title: eventsStrings(c.lang).title,
        body: (
          <EventList
            lang={c.lang}
            data={
              await admin.events(c.actor, {
                q: filters.q,
                status: filters.status,
                when: filters.when || undefined,
                page,
              })
            }
            filters={filters}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const eventRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.event(c.actor, id);
      return {
        title: `${eventTitle(data.event, c.lang)} — ${eventsStrings(c.lang).title}`,
        body: <EventView lang={c.lang} session={c.session} canWrite={admin.canWrite(c.actor)} data={data} />,
      };
    };

    pages.formRoutes(app, 'events/new', (c) => {
      const t = backofficeStrings(c.lang);
      const base = `/admin/${c.lang}/events`;
      return {
        fields: EVENT_FIELDS,
        path: 'events/new',
        back: base,
        versioned: false,
        render: async (state) => {
          admin.checkWriter(c.actor);
          return formPage(c, state, {
            title: eventsStrings(c.lang).add,
            action: `${base}/new`,
            specs: eventSpecs(c.lang),
            values: { role: 'organiser', status: 'proposed' },
            submit: t.create,
            back: { href: base, label: t.backToList },
          });
        },
        save: async (values) =>
          `${base}/${(await admin.create(c.actor, textsOf(values, EVENT_FIELDS))).id}?created=1`,
      };
    });

    pages.recordRoute(app, 'events', eventRender);

    pages.recordFormRoutes(app, 'events', 'edit', (id) => async (c) => {
      const t = backofficeStrings(c.lang);
      const record = `/admin/${c.lang}/events/${id}`;
      const stored = await admin.form(c.actor, id);
      return {
        fields: EVENT_FIELDS,
        path: `events/${id}/edit`,
        back: `/admin/${c.lang}/events`,
        versioned: true,
        stored: (current) => eventValues(current as typeof stored),
        render: async (state) =>
          formPage(c, state, {
            title: eventsStrings(c.lang).editTitle(eventTitle(stored, c.lang)),
            action: `${record}/edit`,
            version: stored.version,
            specs: eventSpecs(c.lang),
            values: eventValues(stored),
            submit: t.save,
            back: { href: record, label: t.backToRecord },
          }),
        save: async (values, version) => {
          await admin.update(c.actor, id, version, textsOf(values, EVENT_FIELDS));
          return `${record}?saved=1`;
        },
      };
    });

    pages.deleteRoute(app, 'events', {
      run: async (c, id, version) => {
        await admin.remove(c.actor, id, version);
        return `/admin/${c.lang}/events?deleted=1`;
      },
      page: eventRender,
    });
  };
}
