// The back-office pages of the contacts register's people under /admin/{it,en}/people: the list, a person's
// page, the forms of a person and of a role, confirming a review, downloading a person's data (admins) and
// erasing a person. Thin handlers on the shared record-page flow and the admin service.
import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import {
  type Ctx,
  type FormFlow,
  formPage,
  type IdRequest,
  READ,
  type Rendered,
  recordPages,
  textsOf,
  typed,
  WRITE_PAGE,
} from '../admin/admin.forms.tsx';
import { type Form, field, langOf, UUID } from '../admin/admin.kit.tsx';
import { linkRoutes } from './people.links.pages.tsx';
import type { PersonRecord, PersonRole } from './people.schemas.ts';
import { peopleStrings } from './people.strings.ts';
import {
  PERSON_FIELDS,
  PersonListView,
  PersonView,
  personSpecs,
  personValues,
  ROLE_FIELDS,
  roleSpecs,
  roleValues,
} from './views/people.tsx';

export function peoplePages(services: Services) {
  const admin = services.peopleAdmin;
  const pages = recordPages();
  const organisationsOf = (c: Ctx) => services.organisationsAdmin.choices(c.actor);

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'people',
      (q) => ({
        q: typed(q, 'q', 200),
        organisationId: UUID.test(typed(q, 'organisationId', 40)) ? typed(q, 'organisationId', 40) : '',
        language: typed(q, 'language', 60),
      }),
      async (c, filters, page) => ({
        title: peopleStrings(c.lang).title,
        body: (
          <PersonListView
            lang={c.lang}
            data={await admin.people(c.actor, { ...filters, page })}
            organisations={await organisationsOf(c)}
            filters={filters}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const personRender = async (c: Ctx, id: string, linkError?: string): Promise<Rendered> => {
      const data = await admin.person(c.actor, id);
      const canWrite = admin.canWrite(c.actor);
      return {
        title: `${data.person.name} — ${peopleStrings(c.lang).title}`,
        body: (
          <PersonView
            lang={c.lang}
            session={c.session}
            canWrite={canWrite}
            isAdmin={c.actor.role === 'admin'}
            data={data}
            links={await services.personLinks.links(c.actor, id)}
            choices={canWrite ? await services.personLinks.choices(c.actor) : []}
            linkError={linkError}
          />
        ),
      };
    };

    const personForm =
      (id?: string) =>
      (c: Ctx): FormFlow => {
        const t = backofficeStrings(c.lang);
        const own = peopleStrings(c.lang);
        const list = `/admin/${c.lang}/people`;
        const record = id ? `${list}/${id}` : undefined;
        return {
          fields: PERSON_FIELDS,
          path: id ? `people/${id}/edit` : 'people/new',
          back: list,
          versioned: id !== undefined,
          stored: (current) => personValues(current as PersonRecord, c.lang),
          render: async (state) => {
            const { person } = await admin.personForm(c.actor, id);
            return formPage(c, state, {
              title: person ? own.editTitle(person.name) : own.add,
              lead: own.addLead,
              action: record ? `${record}/edit` : `${list}/new`,
              ...(person ? { version: person.version } : {}),
              specs: personSpecs(c.lang, person?.withheld ?? []),
              values: person
                ? personValues(person, c.lang)
                : {
                    visibility: 'staff',
                    legalBasis: 'public_task',
                    emailVisibility: 'staff',
                    phoneVisibility: 'staff',
                    addressVisibility: 'editors',
                    notesVisibility: 'staff',
                  },
              submit: person ? t.save : t.create,
              back: record ? { href: record, label: t.backToRecord } : { href: list, label: t.backToList },
            });
          },
          save: async (values, version) => {
            const fields = textsOf(values, PERSON_FIELDS);
            if (!id) {
              const created = await admin.createPerson(c.actor, fields);
              return `${list}/${created.id}?created=1`;
            }
            await admin.updatePerson(c.actor, id, version, fields);
            return `${record}?saved=1`;
          },
        };
      };

    linkRoutes(app, services, pages, personRender);
    pages.formRoutes(app, 'people/new', personForm());
    pages.recordRoute(app, 'people', personRender);
    pages.recordFormRoutes(app, 'people', 'edit', (id) => personForm(id));
    eraseRoute(app, pages, admin, personRender);

    app.post('/admin/:lang/people/:id/review', WRITE_PAGE, (request: IdRequest, reply) => {
      const id = request.params.id;
      if (!UUID.test(id)) return reply.callNotFound();
      return pages.action(request, reply, {
        path: `people/${id}`,
        back: `/admin/${request.params.lang === 'en' ? 'en' : 'it'}/people`,
        run: async (c, version) => {
          await admin.confirmReview(c.actor, id, version);
          return `/admin/${c.lang}/people/${id}?saved=1`;
        },
        page: (c) => personRender(c, id),
      });
    });

    app.get('/admin/:lang/people/:id/export.json', READ, async (request: IdRequest, reply) => {
      if (!UUID.test(request.params.id)) return reply.callNotFound();
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      try {
        const data = await admin.exportPerson(c.actor, request.params.id);
        return reply
          .type('application/json; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="person-${request.params.id.slice(0, 8)}.json"`,
          )
          .header('cache-control', 'private, no-store')
          .send(`${JSON.stringify(data, null, 2)}\n`);
      } catch (err) {
        return pages.refusal(reply, c, `people/${request.params.id}`, `/admin/${c.lang}/people`, err);
      }
    });

    rolePages(app, services, pages, personRender);
  };
}

/** A person's roles: the add and edit forms and the one-button delete, under /admin/:lang/people/:id/roles. */
function rolePages(
  app: App,
  services: Services,
  pages: ReturnType<typeof recordPages>,
  personRender: (c: Ctx, id: string) => Promise<Rendered>,
) {
  const admin = services.peopleAdmin;
  const roleForm =
    (personId: string, roleId?: string) =>
    (c: Ctx): FormFlow => {
      const t = backofficeStrings(c.lang);
      const own = peopleStrings(c.lang);
      const record = `/admin/${c.lang}/people/${personId}`;
      return {
        fields: ROLE_FIELDS,
        path: roleId ? `people/${personId}/roles/${roleId}/edit` : `people/${personId}/roles/new`,
        back: record,
        versioned: roleId !== undefined,
        stored: (current) => roleValues(current as PersonRole),
        render: async (state) => {
          const { person, role } = await admin.roleForm(c.actor, personId, roleId);
          const organisations = await services.organisationsAdmin.choices(c.actor);
          return formPage(c, state, {
            title: role ? own.editRole(person.name) : own.addRole,
            lead: own.addRoleLead(person.name),
            action: role ? `${record}/roles/${role.id}/edit` : `${record}/roles/new`,
            ...(role ? { version: role.version } : {}),
            specs: roleSpecs(c.lang, organisations),
            values: role ? roleValues(role) : {},
            submit: role ? t.save : t.create,
            back: { href: record, label: t.backToRecord },
          });
        },
        save: async (values, version) => {
          const fields = textsOf(values, ROLE_FIELDS);
          if (roleId) await admin.updateRole(c.actor, personId, roleId, version, fields);
          else await admin.addRole(c.actor, personId, fields);
          return `${record}?saved=1`;
        },
      };
    };
  pages.recordFormRoutes(app, 'people', 'roles/new', (id) => roleForm(id));
  pages.childRoutes(app, 'people', 'roles', {
    form: roleForm,
    run: async (c, personId, roleId, version) => {
      await admin.removeRole(c.actor, personId, roleId, version);
      return `/admin/${c.lang}/people/${personId}?saved=1`;
    },
    page: personRender,
  });
}

/** Erasure cannot be undone: it goes ahead only with the page's confirmation box ticked. */
function eraseRoute(
  app: App,
  pages: ReturnType<typeof recordPages>,
  admin: Services['peopleAdmin'],
  personRender: (c: Ctx, id: string) => Promise<Rendered>,
) {
  app.post('/admin/:lang/people/:id/delete', WRITE_PAGE, async (request: IdRequest, reply) => {
    const id = request.params.id;
    if (!UUID.test(id)) return reply.callNotFound();
    if (field(request.body as Form | undefined, 'confirm') !== 'yes') {
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      const text = peopleStrings(c.lang).eraseUnconfirmed;
      try {
        return pages.show(reply, c, `people/${id}`, await personRender(c, id), {
          status: 400,
          notice: { kind: 'danger', text },
        });
      } catch (err) {
        return pages.refusal(reply, c, `people/${id}`, `/admin/${c.lang}/people`, err);
      }
    }
    return pages.action(request, reply, {
      path: `people/${id}`,
      back: `/admin/${langOf(request) ?? 'it'}/people`,
      run: async (c, version) => {
        await admin.erasePerson(c.actor, id, version);
        return `/admin/${c.lang}/people?deleted=1`;
      },
      page: (c) => personRender(c, id),
    });
  });
}
