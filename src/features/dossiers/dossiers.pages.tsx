// The candidacy dossiers' back-office pages under /admin/{it,en}/dossiers: the list, a dossier's page, the
// forms to add and edit one and its deadlines, and the one-button deletes. Thin handlers on the shared
// record-page flow and the dossiers' admin service.
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

const base = (c: Ctx) => `/admin/${c.lang}/dossiers`;
const fieldsOf = (values: Values, stored: Dossier['documents'] = []) => ({
  ...textsOf(values, DOSSIER_FIELDS),
  documents: sourcesFromLines(values['documents'] ?? '', stored),
});

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

    const formOn = recordFormOn('dossiers', (c, id) => admin.form(c.actor, id));
    pages.recordFormRoutes(app, 'dossiers', 'edit', (id) =>
      formOn(id, 'edit', {
        title: (c, d) => dossiersStrings(c.lang).editTitle(dossierTitle(d, c.lang)),
        specs,
        values: dossierValues,
        save: (c, d, values, version) => admin.update(c.actor, d.id, version, fieldsOf(values, d.documents)),
      }),
    );

    const deadlineForm = (id: string, deadlineId: string | undefined) =>
      formOn(id, deadlineId ? `deadlines/${deadlineId}/edit` : 'deadlines/new', {
        exists: (d) => deadlineId === undefined || d.deadlines.some((y) => y.id === deadlineId),
        title: (c, d) => {
          const s = dossiersStrings(c.lang);
          const x = d.deadlines.find((y) => y.id === deadlineId);
          // The record's name too: the form alone does not say which candidacy it belongs to.
          return `${x ? s.editDeadline(x.labelIt) : s.addDeadline} — ${dossierTitle(d, c.lang)}`;
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
