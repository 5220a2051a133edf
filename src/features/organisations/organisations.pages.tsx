// The back-office pages of the contacts register's organisations under /admin/{it,en}/organisations: the list,
// an organisation's page, the forms to record and edit one, and deleting it. Thin handlers on the shared
// record-page flow and the admin service.
import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
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
import { ORGANISATION_KINDS } from './organisations.rules.ts';
import type { OrganisationRecord } from './organisations.schemas.ts';
import { ORGANISATION_SORTS } from './organisations.service.ts';
import { organisationsStrings } from './organisations.strings.ts';
import {
  ORGANISATION_FIELDS,
  OrganisationListView,
  OrganisationView,
  organisationName,
  organisationSpecs,
  organisationValues,
} from './views/organisations.tsx';

export function organisationsPages(services: Services) {
  const admin = services.organisationsAdmin;
  const pages = recordPages();

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'organisations',
      (q) => ({
        q: typed(q, 'q', 200),
        kind: oneOf(ORGANISATION_KINDS, field(q, 'kind'), ''),
        country: typed(q, 'country', 2).toUpperCase(),
        sort: oneOf(ORGANISATION_SORTS, field(q, 'sort'), 'name'),
      }),
      async (c, filters, page) => ({
        title: organisationsStrings(c.lang).title,
        body: (
          <OrganisationListView
            lang={c.lang}
            data={
              await admin.organisations(c.actor, {
                q: filters.q,
                kind: filters.kind || undefined,
                country: filters.country || undefined,
                sort: filters.sort || undefined,
                page,
                lang: c.lang,
              })
            }
            countries={await admin.countries(c.actor)}
            filters={filters}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const organisationRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.organisation(c.actor, id);
      const holders = await services.peopleAdmin.holders(c.actor, id);
      return {
        title: `${organisationName(data.organisation, c.lang)} — ${organisationsStrings(c.lang).title}`,
        body: (
          <OrganisationView
            lang={c.lang}
            session={c.session}
            canWrite={admin.canWrite(c.actor)}
            data={{ ...data, holders }}
          />
        ),
      };
    };

    const organisationForm =
      (id?: string) =>
      (c: Ctx): FormFlow => {
        const t = backofficeStrings(c.lang);
        const own = organisationsStrings(c.lang);
        const list = `/admin/${c.lang}/organisations`;
        const record = id ? `${list}/${id}` : undefined;
        return {
          fields: ORGANISATION_FIELDS,
          path: id ? `organisations/${id}/edit` : 'organisations/new',
          back: list,
          versioned: id !== undefined,
          stored: (current) => organisationValues(current as OrganisationRecord, c.lang),
          render: async (state) => {
            const { organisation } = await admin.organisationForm(c.actor, id);
            return formPage(c, state, {
              title: organisation ? own.editTitle(organisationName(organisation, c.lang)) : own.add,
              lead: own.addLead,
              action: record ? `${record}/edit` : `${list}/new`,
              ...(organisation ? { version: organisation.version } : {}),
              specs: organisationSpecs(c.lang),
              values: organisation ? organisationValues(organisation, c.lang) : { kind: 'consular_post' },
              submit: organisation ? t.save : t.create,
              back: record ? { href: record, label: t.backToRecord } : { href: list, label: t.backToList },
            });
          },
          save: async (values, version) => {
            const fields = textsOf(values, ORGANISATION_FIELDS);
            if (!id) {
              const created = await admin.createOrganisation(c.actor, fields);
              return `${list}/${created.id}?created=1`;
            }
            await admin.updateOrganisation(c.actor, id, version, fields);
            return `${record}?saved=1`;
          },
        };
      };

    pages.formRoutes(app, 'organisations/new', organisationForm());
    pages.recordRoute(app, 'organisations', organisationRender);
    pages.recordFormRoutes(app, 'organisations', 'edit', (id) => organisationForm(id));
    pages.deleteRoute(app, 'organisations', {
      run: async (c, id, version) => {
        await admin.deleteOrganisation(c.actor, id, version);
        return `/admin/${c.lang}/organisations?deleted=1`;
      },
      page: organisationRender,
    });
  };
}
