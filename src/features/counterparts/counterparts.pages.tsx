// The back-office pages of partners under /admin/{it,en}/counterparts: the list, a partner's page, the forms
// to add an organisation and edit a partner, and deleting one that no agreement names. Thin handlers on the
// shared record-page flow (admin.forms.tsx) and the partners' admin service.

import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import { nameIn } from '../../views/backoffice/lists.tsx';
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
import { COUNTERPART_SORTS, type CounterpartRecord } from './counterparts.service.ts';
import { counterpartsStrings } from './counterparts.strings.ts';
import {
  COUNTERPART_FIELDS,
  CounterpartListView,
  CounterpartView,
  counterpartSpecs,
  counterpartValues,
} from './views/counterparts.tsx';

export function counterpartsPages(services: Services) {
  const admin = services.counterpartsAdmin;
  const pages = recordPages();

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'counterparts',
      (q) => ({
        q: typed(q, 'q', 200),
        kind: oneOf(['city', 'organisation'] as const, field(q, 'kind'), ''),
        country: /^[A-Za-z]{2}$/.test(field(q, 'country')) ? field(q, 'country').toUpperCase() : '',
        sort: oneOf(COUNTERPART_SORTS, field(q, 'sort'), 'name'),
      }),
      async (c, filters, page) => ({
        title: counterpartsStrings(c.lang).title,
        body: (
          <CounterpartListView
            lang={c.lang}
            data={
              await admin.counterparts(c.actor, {
                ...filters,
                kind: filters.kind || undefined,
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

    const counterpartRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.counterpart(c.actor, id);
      // "Who do we know in Kyoto?": the organisations of the partner's country, with their current heads.
      const code = data.counterpart.country?.code;
      const contacts = code ? await services.organisationsAdmin.ofCountry(c.actor, code) : [];
      return {
        title: `${nameIn(data.counterpart, c.lang)} — ${counterpartsStrings(c.lang).title}`,
        body: (
          <CounterpartView
            lang={c.lang}
            session={c.session}
            canWrite={admin.canWrite(c.actor)}
            data={{ ...data, contacts }}
          />
        ),
      };
    };

    const newCounterpart = (c: Ctx): FormFlow => {
      const t = backofficeStrings(c.lang);
      const own = counterpartsStrings(c.lang);
      const base = `/admin/${c.lang}/counterparts`;
      return {
        fields: COUNTERPART_FIELDS,
        path: 'counterparts/new',
        back: base,
        versioned: false,
        render: async (state) => {
          admin.checkWriter(c.actor);
          return formPage(c, state, {
            title: own.add,
            lead: own.addLead,
            action: `${base}/new`,
            specs: counterpartSpecs('organisation'),
            submit: t.create,
            back: { href: base, label: t.backToList },
          });
        },
        save: async (values) => {
          const created = await admin.createCounterpart(c.actor, textsOf(values, COUNTERPART_FIELDS));
          return `${base}/${created.id}?created=1`;
        },
      };
    };

    pages.formRoutes(app, 'counterparts/new', newCounterpart);

    pages.recordRoute(app, 'counterparts', counterpartRender);

    const editCounterpart =
      (id: string) =>
      (c: Ctx): FormFlow => {
        const t = backofficeStrings(c.lang);
        const own = counterpartsStrings(c.lang);
        const record = `/admin/${c.lang}/counterparts/${id}`;
        return {
          fields: COUNTERPART_FIELDS,
          path: `counterparts/${id}/edit`,
          back: `/admin/${c.lang}/counterparts`,
          versioned: true,
          stored: (current) => counterpartValues(current as CounterpartRecord),
          render: async (state) => {
            const cp = await admin.counterpartForm(c.actor, id);
            const title = own.editTitle(nameIn(cp, c.lang));
            return formPage(c, state, {
              title: title,
              lead: cp.type === 'city' ? own.cityNote : undefined,
              action: `${record}/edit`,
              version: cp.version,
              specs: counterpartSpecs(cp.type),
              values: counterpartValues(cp),
              submit: t.save,
              back: { href: record, label: t.backToRecord },
            });
          },
          save: async (values, version) => {
            await admin.updateCounterpart(c.actor, id, version, textsOf(values, COUNTERPART_FIELDS));
            return `${record}?saved=1`;
          },
        };
      };

    pages.recordFormRoutes(app, 'counterparts', 'edit', editCounterpart);

    pages.deleteRoute(app, 'counterparts', {
      run: async (c, id, version) => {
        await admin.deleteCounterpart(c.actor, id, version);
        return `/admin/${c.lang}/counterparts?deleted=1`;
      },
      page: counterpartRender,
      inUse: (c, d) =>
        counterpartsStrings(c.lang).inUse(Number(d['agreements'] ?? 0), Number(d['visits'] ?? 0)),
    });
  };
}
