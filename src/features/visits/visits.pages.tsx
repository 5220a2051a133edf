// The back-office pages of visits under /admin/{it,en}/visits: the list, a visit's page, the forms to record
// and edit a visit, to add and edit an item of its programme, and deleting either. Thin handlers on the shared
// record-page flow (admin.forms.tsx) and the visits' admin service.

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
import {
  ITEM_FIELDS,
  itemSpecs,
  itemValues,
  VISIT_FIELDS,
  VisitListView,
  VisitView,
  visitSpecs,
  visitValues,
} from './views/visits.tsx';
import { VISIT_STATUSES } from './visits.rules.ts';
import type { VisitItem, VisitRecord } from './visits.schemas.ts';
import { VISIT_SORTS, type VisitFields } from './visits.service.ts';
import { visitsStrings } from './visits.strings.ts';

const LISTS = ['agreementIds', 'networkIds'] as const;

/** The form's values as the service's fields: the checked agreements and networks one per line. */
const visitFields = (values: Values): VisitFields => ({
  ...textsOf(values, VISIT_FIELDS),
  agreementIds: (values['agreementIds'] ?? '').split('\n').filter(Boolean),
  networkIds: (values['networkIds'] ?? '').split('\n').filter(Boolean),
});

export function visitsPages(services: Services) {
  const admin = services.visitsAdmin;
  const pages = recordPages();

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'visits',
      (q) => ({
        q: typed(q, 'q', 200),
        status: oneOf(VISIT_STATUSES, field(q, 'status'), ''),
        when: oneOf(['upcoming', 'past'] as const, field(q, 'when'), ''),
        sort: oneOf(VISIT_SORTS, field(q, 'sort'), '-starts'),
      }),
      async (c, filters, page) => ({
        title: visitsStrings(c.lang).title,
        body: (
          <VisitListView
            lang={c.lang}
            data={
              await admin.visits(c.actor, {
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

    const visitRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.visit(c.actor, id);
      const followUps = await services.followUps.of(c.actor, 'visit', id);
      return {
        title: `${titleIn(data.visit, c.lang)} — ${visitsStrings(c.lang).title}`,
        body: (
          <VisitView
            lang={c.lang}
            session={c.session}
            canWrite={admin.canWrite(c.actor)}
            data={{ ...data, followUps }}
          />
        ),
      };
    };

    const visitForm =
      (id?: string) =>
      (c: Ctx): FormFlow => {
        const t = backofficeStrings(c.lang);
        const own = visitsStrings(c.lang);
        const list = `/admin/${c.lang}/visits`;
        const record = id ? `${list}/${id}` : undefined;
        return {
          fields: VISIT_FIELDS,
          lists: LISTS,
          path: id ? `visits/${id}/edit` : 'visits/new',
          back: list,
          versioned: id !== undefined,
          stored: (current) => visitValues(current as VisitRecord),
          render: async (state) => {
            const { visit, choices } = await admin.visitForm(c.actor, id);
            return formPage(c, state, {
              title: visit ? own.editTitle(titleIn(visit, c.lang)) : own.add,
              lead: own.addLead,
              action: record ? `${record}/edit` : `${list}/new`,
              ...(visit ? { version: visit.version } : {}),
              specs: visitSpecs(c.lang, choices),
              values: visit ? visitValues(visit) : { status: 'proposed' },
              submit: visit ? t.save : t.create,
              back: record ? { href: record, label: t.backToRecord } : { href: list, label: t.backToList },
            });
          },
          save: async (values, version) => {
            if (!id) {
              const created = await admin.createVisit(c.actor, visitFields(values));
              return `${list}/${created.id}?created=1`;
            }
            await admin.updateVisit(c.actor, id, version, visitFields(values));
            return `${record}?saved=1`;
          },
        };
      };

    pages.formRoutes(app, 'visits/new', visitForm());
    pages.recordRoute(app, 'visits', visitRender);
    pages.recordFormRoutes(app, 'visits', 'edit', (id) => visitForm(id));
    pages.deleteRoute(app, 'visits', {
      run: async (c, id, version) => {
        await admin.deleteVisit(c.actor, id, version);
        return `/admin/${c.lang}/visits?deleted=1`;
      },
      page: visitRender,
    });

    itemPages(app, services, pages, visitRender);
  };
}

/** The programme's forms (add, edit) and its one-button delete, under /admin/:lang/visits/:id/programme. */
function itemPages(
  app: App,
  services: Services,
  pages: ReturnType<typeof recordPages>,
  visitRender: (c: Ctx, id: string) => Promise<Rendered>,
) {
  const admin = services.visitsAdmin;
  const itemForm =
    (visitId: string, itemId?: string) =>
    (c: Ctx): FormFlow => {
      const t = backofficeStrings(c.lang);
      const own = visitsStrings(c.lang);
      const record = `/admin/${c.lang}/visits/${visitId}`;
      return {
        fields: ITEM_FIELDS,
        path: itemId ? `visits/${visitId}/programme/${itemId}/edit` : `visits/${visitId}/programme/new`,
        back: record,
        versioned: itemId !== undefined,
        stored: (current) => itemValues(current as VisitItem),
        render: async (state) => {
          const { visit, item } = await admin.itemForm(c.actor, visitId, itemId);
          const title = titleIn(visit, c.lang);
          return formPage(c, state, {
            title: item ? own.editItem(title) : own.addItem,
            lead: own.addItemLead(title),
            action: item ? `${record}/programme/${item.id}/edit` : `${record}/programme/new`,
            ...(item ? { version: item.version } : {}),
            specs: itemSpecs(c.lang),
            values: item ? itemValues(item) : { kind: 'activity', day: visit.startsOn },
            submit: item ? t.save : t.create,
            back: { href: record, label: t.backToRecord },
          });
        },
        save: async (values, version) => {
          const fields = textsOf(values, ITEM_FIELDS);
          if (itemId) await admin.updateItem(c.actor, visitId, itemId, version, fields);
          else await admin.addItem(c.actor, visitId, fields);
          return `${record}?saved=1`;
        },
      };
    };

  pages.recordFormRoutes(app, 'visits', 'programme/new', (id) => itemForm(id));
  pages.childRoutes(app, 'visits', 'programme', {
    form: itemForm,
    run: async (c, visitId, itemId, version) => {
      await admin.removeItem(c.actor, visitId, itemId, version);
      return `/admin/${c.lang}/visits/${visitId}?saved=1`;
    },
    page: visitRender,
  });
}
