// The projects' back-office pages under /admin/{it,en}/projects: the list with its filters, a project's page,
// the forms to add and edit one, add a partner or a co-funding source, record the budget per year, and the
// one-button deletes. Thin handlers on the shared record-page flow and the projects' admin service.
import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import type { Values } from '../../views/backoffice/forms.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import { sourcesFromLines } from '../../views/sources.tsx';
import {
  type Ctx,
  formPage,
  oneOf,
  type Rendered,
  recordFormOn,
  recordPages,
  textsOf,
  typed,
} from '../admin/admin.forms.tsx';
import { field } from '../admin/admin.kit.tsx';
import { PARTNER_ROLES, PROJECT_KINDS, PROJECT_STATUSES, projectYears } from './projects.rules.ts';
import { PROJECT_SORTS, type ProjectRecord } from './projects.service.ts';
import { projectsStrings } from './projects.strings.ts';
import {
  PROJECT_FIELDS,
  ProjectList,
  ProjectView,
  projectSpecs,
  projectTitle,
  projectValues,
  yearSpecs,
  yearValues,
} from './views/projects.tsx';

const base = (c: Ctx) => `/admin/${c.lang}/projects`;

export function projectsPages(services: Services) {
  const admin = services.projectsAdmin;
  const pages = recordPages();

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'projects',
      (q) => ({
        q: typed(q, 'q', 200),
        status: oneOf(PROJECT_STATUSES, field(q, 'status'), ''),
        kind: oneOf(PROJECT_KINDS, field(q, 'kind'), ''),
        sort: oneOf(PROJECT_SORTS, field(q, 'sort'), '-starts'),
      }),
      async (c, filters, page) => ({
        title: projectsStrings(c.lang).title,
        body: (
          <ProjectList
            lang={c.lang}
            data={
              await admin.summaries(c.actor, {
                q: filters.q,
                status: filters.status,
                kind: filters.kind,
                sort: filters.sort || undefined,
                page,
              })
            }
            filters={filters}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const projectRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.project(c.actor, id);
      const canWrite = admin.canWrite(c.actor);
      const registry = canWrite ? await admin.partnerChoices(c.actor) : [];
      return {
        title: `${projectTitle(data.project, c.lang)} — ${projectsStrings(c.lang).title}`,
        body: (
          <ProjectView
            lang={c.lang}
            session={c.session}
            canWrite={canWrite}
            data={data}
            counterparts={registry}
          />
        ),
      };
    };

    const fieldsOf = (values: Values, stored: ProjectRecord['documents'] = []) => ({
      ...textsOf(values, PROJECT_FIELDS),
      documents: sourcesFromLines(values['documents'] ?? '', stored),
    });

    pages.formRoutes(app, 'projects/new', (c) => {
      const t = backofficeStrings(c.lang);
      return {
        fields: PROJECT_FIELDS,
        path: 'projects/new',
        back: base(c),
        versioned: false,
        render: async (state) => {
          admin.checkWriter(c.actor);
          return formPage(c, state, {
            title: projectsStrings(c.lang).add,
            action: `${base(c)}/new`,
            specs: projectSpecs(c.lang),
            values: { kind: 'cooperation', role: 'lead', status: 'idea', currency: 'EUR' },
            submit: t.create,
            back: { href: base(c), label: t.backToList },
          });
        },
        save: async (values) => `${base(c)}/${(await admin.create(c.actor, fieldsOf(values))).id}?created=1`,
      };
    });

    pages.recordRoute(app, 'projects', projectRender);
    const projectForm = recordFormOn('projects', (c, id) => admin.form(c.actor, id));

    pages.recordFormRoutes(app, 'projects', 'edit', (id) =>
      projectForm(id, 'edit', {
        title: (c, r) => projectsStrings(c.lang).editTitle(projectTitle(r, c.lang)),
        specs: (c) => projectSpecs(c.lang),
        values: projectValues,
        save: (c, r, values, version) => admin.update(c.actor, r.id, version, fieldsOf(values, r.documents)),
      }),
    );

    partPages(app, pages, admin, projectForm, projectRender);

    pages.deleteRoute(app, 'projects', {
      run: async (c, id, version) => {
        await admin.remove(c.actor, id, version);
        return `${base(c)}?deleted=1`;
      },
      page: projectRender,
    });
  };
}

type Admin = Services['projectsAdmin'];
type Pages = ReturnType<typeof recordPages>;

/** The forms of a project's budget per year, partners and co-funding, and deleting a partner or a source. */
function partPages(
  app: App,
  pages: Pages,
  admin: Admin,
  projectForm: ReturnType<typeof recordFormOn<ProjectRecord>>,
  projectRender: (c: Ctx, id: string) => Promise<Rendered>,
) {
  pages.recordFormRoutes(app, 'projects', 'years', (id) =>
    projectForm(id, 'years', {
      title: (c, r) => projectsStrings(c.lang).yearsTitle(projectTitle(r, c.lang)),
      specs: (c, r) => yearSpecs(r, c.lang),
      values: yearValues,
      save: (c, r, values, version) =>
        admin.setYears(
          c.actor,
          r.id,
          version,
          projectYears(r.startsOn, r.endsOn).map((year) => ({
            year,
            amount: values[`amount_${year}`] || null,
          })),
        ),
    }),
  );

  pages.recordFormRoutes(app, 'projects', 'partners/new', (id) =>
    projectForm(id, 'partners/new', {
      title: (c, r) => `${projectsStrings(c.lang).addPartner} — ${projectTitle(r, c.lang)}`,
      specs: async (c) => {
        const s = projectsStrings(c.lang);
        const registry = await admin.partnerChoices(c.actor);
        return [
          {
            name: 'counterpartId',
            kind: 'select',
            label: s.partnerFromRegistry,
            options: [{ value: '', label: '—' }, ...registry.map((x) => ({ value: x.id, label: x.name }))],
          },
          { name: 'name', label: s.orName },
          {
            name: 'role',
            kind: 'select',
            label: s.partnerRole,
            options: PARTNER_ROLES.map((v) => ({ value: v, label: s.roles[v]! })),
          },
          { name: 'country' },
        ];
      },
      values: () => ({}),
      save: (c, r, v, version) =>
        admin.addPartner(c.actor, r.id, version, {
          counterpartId: v['counterpartId'] ?? '',
          name: v['name'] ?? '',
          role: v['role'] ?? '',
          country: v['country'] ?? '',
        }),
    }),
  );

  pages.recordFormRoutes(app, 'projects', 'funding/new', (id) =>
    projectForm(id, 'funding/new', {
      title: (c, r) => `${projectsStrings(c.lang).addFunding} — ${projectTitle(r, c.lang)}`,
      specs: () => [
        { name: 'source', required: true },
        { name: 'amount', required: true, inputMode: 'decimal' },
      ],
      values: () => ({}),
      save: (c, r, v, version) =>
        admin.addFunding(c.actor, r.id, version, { source: v['source'] ?? '', amount: v['amount'] ?? '' }),
    }),
  );

  for (const kind of ['partner', 'funding'] as const) {
    pages.childAction(app, 'projects', kind === 'partner' ? 'partners' : 'funding', 'delete', {
      run: async (c, id, partId, version) => {
        await admin.removePart(c.actor, id, version, kind, partId);
        return `${base(c)}/${id}?saved=1`;
      },
      page: projectRender,
    });
  }
}
