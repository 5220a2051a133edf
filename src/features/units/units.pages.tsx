// The back-office pages of the office's units under /admin/{it,en}/units: the list, a unit's page, the forms
// to add and edit one, and deleting one that nothing names. Thin handlers on the shared record-page flow
// (admin.forms.tsx) and the units' admin service.

import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import type { Values } from '../../views/backoffice/forms.tsx';
import { nameIn } from '../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import { sourcesFromLines } from '../../views/sources.tsx';
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
import { UNIT_SORTS, type UnitRecord } from './units.service.ts';
import { unitsStrings } from './units.strings.ts';
import { UNIT_FIELDS, UNIT_SPECS, UnitListView, UnitView, unitValues } from './views/units.tsx';

export function unitsPages(services: Services) {
  const admin = services.unitsAdmin;
  const pages = recordPages();

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'units',
      (q) => ({ q: typed(q, 'q', 200), sort: oneOf(UNIT_SORTS, field(q, 'sort'), 'position') }),
      async (c, filters, page) => ({
        title: unitsStrings(c.lang).title,
        body: (
          <UnitListView
            lang={c.lang}
            data={
              await admin.units(c.actor, {
                q: filters.q,
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

    const unitRender = async (c: Ctx, id: string): Promise<Rendered> => {
      const data = await admin.unit(c.actor, id);
      return {
        title: `${nameIn(data.unit, c.lang)} — ${unitsStrings(c.lang).title}`,
        body: <UnitView lang={c.lang} session={c.session} canWrite={admin.canWrite(c.actor)} data={data} />,
      };
    };

    const unitFields = (values: Values, stored: UnitRecord['sources'] = []) => ({
      ...textsOf(values, UNIT_FIELDS),
      sources: sourcesFromLines(values['sources'] ?? '', stored),
    });

    const newUnit = (c: Ctx): FormFlow => {
      const t = backofficeStrings(c.lang);
      const own = unitsStrings(c.lang);
      const base = `/admin/${c.lang}/units`;
      return {
        fields: UNIT_FIELDS,
        path: 'units/new',
        back: base,
        versioned: false,
        render: async (state) => {
          admin.checkWriter(c.actor);
          return formPage(c, state, {
            title: own.add,
            action: `${base}/new`,
            specs: UNIT_SPECS,
            submit: t.create,
            back: { href: base, label: t.backToList },
          });
        },
        save: async (values) => {
          const created = await admin.createUnit(c.actor, unitFields(values));
          return `${base}/${created.id}?created=1`;
        },
      };
    };

    pages.formRoutes(app, 'units/new', newUnit);

    pages.recordRoute(app, 'units', unitRender);

    const editUnit =
      (id: string) =>
      (c: Ctx): FormFlow => {
        const t = backofficeStrings(c.lang);
        const own = unitsStrings(c.lang);
        const record = `/admin/${c.lang}/units/${id}`;
        return {
          fields: UNIT_FIELDS,
          path: `units/${id}/edit`,
          back: `/admin/${c.lang}/units`,
          versioned: true,
          stored: (current) => unitValues(current as UnitRecord),
          render: async (state) => {
            const unit = await admin.unitForm(c.actor, id);
            const title = own.editTitle(nameIn(unit, c.lang));
            return formPage(c, state, {
              title: title,
              action: `${record}/edit`,
              version: unit.version,
              specs: UNIT_SPECS,
              values: unitValues(unit),
              submit: t.save,
              back: { href: record, label: t.backToRecord },
            });
          },
          save: async (values, version) => {
            const stored = await admin.unitForm(c.actor, id);
            await admin.updateUnit(c.actor, id, version, unitFields(values, stored.sources));
            return `${record}?saved=1`;
          },
        };
      };

    pages.recordFormRoutes(app, 'units', 'edit', editUnit);

    pages.deleteRoute(app, 'units', {
      run: async (c, id, version) => {
        await admin.deleteUnit(c.actor, id, version);
        return `/admin/${c.lang}/units?deleted=1`;
      },
      page: unitRender,
      inUse: (c, d) =>
        unitsStrings(c.lang).inUse(Number(d['memberships'] ?? 0), Number(d['agreements'] ?? 0)),
    });
  };
}
