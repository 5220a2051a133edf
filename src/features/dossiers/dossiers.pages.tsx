// The candidacy dossiers' back-office pages under /admin/{it,en}/dossiers: the list, a dossier's page, the
// forms to add and edit one and its deadlines, and the one-button deletes. Thin handlers on the shared
// record-page flow and the dossiers' admin service.
import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import type { FieldSpec, Values } from '../../views/backoffice/forms.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import { sourcesFromLines } from '../../views/sources.tsx';
import {
  type Ctx,
  type FlowOf,
  formPage,
  oneOf,
  type Rendered,
  recordPages,
  textsOf,
  typed,
} from '../admin/admin.forms.tsx';
import { field } from '../admin/admin.kit.tsx';
import { DOSSIER_STATUSES } from './dossiers.rules.ts';
import type { Dossier } from './dossiers.schemas.ts';
import { dossiersStrings } from './dossiers.strings.ts';
import {
  DEADLINE_FIELDS,
  DOSSIER_FIELDS,
  DossierList,
  DossierView,
  deadlineSpecs,
  dossierSpecs,
  dossierTitle,
  dossierValues,
} from './views/dossiers.tsx';

type Admin = Services['dossiersAdmin'];
const base = (c: Ctx) => `/admin/${c.lang}/dossiers`;
const fieldsOf = (values: Values, stored: Dossier['documents'] = []) => ({
  ...textsOf(values, DOSSIER_FIELDS),
  documents: sourcesFromLines(values['documents'] ?? '', stored),
});

/** A form on a dossier at its version, built from the stored dossier. */
const formOn =
  (
    admin: Admin,
    id: string,
    path: string,
    p: {
      title: (c: Ctx, d: Dossier) => string;
      specs: (c: Ctx) => Promise<FieldSpec[]>;
      values: (d: Dossier) => Values;
      save: (c: Ctx, d: Dossier, values: Values, version: number) => Promise<unknown>;
    },
  ): FlowOf =>
  async (c) => {
    const t = backofficeStrings(c.lang);
    const record = `${base(c)}/${id}`;
    const stored = await admin.form(c.actor, id);
    const specs = await p.specs(c);
    return {
      fields: specs.map((s) => s.name),
      path: `dossiers/${id}/${path}`,
      back: base(c),
      versioned: true,
      stored: (current) => p.values(current as Dossier),
      render: async (state) =>
        formPage(c, state, {
          title: p.title(c, stored),
          action: `${record}/${path}`,
          version: stored.version,
          specs,
          values: p.values(stored),
          submit: t.save,
          back: { href: record, label: t.backToRecord },
        }),
      save: async (values, version) => {
        await p.save(c, stored, values, version);
        return `${record}?saved=1`;
      },
    };
  };

export function dossiersPages(services: Services) {
  const admin = services.dossiersAdmin;
  const pages = recordPages();
  const specs = async (c: Ctx) => dossierSpecs(c.lang, await admin.unitChoices(c.actor));

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'dossiers',
      (q) => ({ q: typed(q, 'q', 200), status: oneOf(DOSSIER_STATUSES, field(q, 'status'), '') }),
      async (c, filters, page) => ({
        title: dossiersStrings(c.lang).title,
        body: (
          <DossierList
            lang={c.lang}
            data={await admin.dossiers(c.actor, { q: filters.q, status: filters.status, page })}
            filters={filters}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const dossierRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.dossier(c.actor, id);
      return {
        title: `${dossierTitle(data.dossier, c.lang)} — ${dossiersStrings(c.lang).title}`,
        body: (
          <DossierView lang={c.lang} session={c.session} canWrite={admin.canWrite(c.actor)} data={data} />
        ),
      };
    };

    pages.formRoutes(app, 'dossiers/new', async (c) => {
      const t = backofficeStrings(c.lang);
      const fieldSpecs = await specs(c);
      return {
        fields: DOSSIER_FIELDS,
        path: 'dossiers/new',
        back: base(c),
        versioned: false,
        render: async (state) => {
          admin.checkWriter(c.actor);
          return formPage(c, state, {
            title: dossiersStrings(c.lang).add,
            action: `${base(c)}/new`,
            specs: fieldSpecs,
            values: { kind: 'host_event', status: 'preparing' },
            submit: t.create,
            back: { href: base(c), label: t.backToList },
          });
        },
        save: async (values) => `${base(c)}/${(await admin.create(c.actor, fieldsOf(values))).id}?created=1`,
      };
    });

    pages.recordRoute(app, 'dossiers', dossierRender);

    pages.recordFormRoutes(app, 'dossiers', 'edit', (id) =>
      formOn(admin, id, 'edit', {
        title: (c, d) => dossiersStrings(c.lang).editTitle(dossierTitle(d, c.lang)),
        specs,
        values: dossierValues,
        save: (c, d, values, version) => admin.update(c.actor, d.id, version, fieldsOf(values, d.documents)),
      }),
    );

    const deadlineForm = (id: string, deadlineId: string | undefined) =>
      formOn(admin, id, deadlineId ? `deadlines/${deadlineId}/edit` : 'deadlines/new', {
        title: (c, d) => {
          const s = dossiersStrings(c.lang);
          const x = d.deadlines.find((y) => y.id === deadlineId);
          return x ? s.editDeadline(x.labelIt) : s.addDeadline;
        },
        specs: async (c) => deadlineSpecs(c.lang),
        values: (d): Values => {
          const x = d.deadlines.find((y) => y.id === deadlineId);
          return x
            ? { labelIt: x.labelIt, labelEn: x.labelEn ?? '', dueOn: x.dueOn, doneOn: x.doneOn ?? '' }
            : {};
        },
        save: (c, d, values, version) =>
          admin.putDeadline(c.actor, d.id, version, deadlineId, textsOf(values, DEADLINE_FIELDS)),
      });

    pages.recordFormRoutes(app, 'dossiers', 'deadlines/new', (id) => deadlineForm(id, undefined));
    pages.childRoutes(app, 'dossiers', 'deadlines', {
      form: (id, deadlineId) => deadlineForm(id, deadlineId),
      run: async (c, id, deadlineId, version) => {
        await admin.removeDeadline(c.actor, id, version, deadlineId);
        return `${base(c)}/${id}?saved=1#deadlines-title`;
      },
      page: dossierRender,
    });

    pages.deleteRoute(app, 'dossiers', {
      run: async (c, id, version) => {
        await admin.remove(c.actor, id, version);
        return `${base(c)}?deleted=1`;
      },
      page: dossierRender,
    });
  };
}
