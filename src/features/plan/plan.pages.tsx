// The plan's back-office pages under /admin/{it,en}/plan: the objectives by term, an objective's page, the
// forms to add and edit one, record its money per year and its indicators, link activities, delete, and its
// year report as a page and as a PDF. Thin handlers on the shared record-page flow and the plan's admin service.
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../deps.ts';
import { todayIso } from '../../platform/dates.ts';
import type { App } from '../../platform/http/types.ts';
import type { Values } from '../../views/backoffice/forms.tsx';
import { backofficeStrings } from '../../views/backoffice/strings.ts';
import { sourcesFromLines } from '../../views/sources.tsx';
import {
  type Ctx,
  formPage,
  READ,
  type Rendered,
  recordFormOn,
  recordPages,
  textsOf,
} from '../admin/admin.forms.tsx';
import { UUID } from '../admin/admin.kit.tsx';
import { recordLinkRoutes } from '../admin/admin.links.tsx';
import { reportPdf } from './plan.pdf.ts';
import { AMOUNTS, yearsOf } from './plan.rules.ts';
import type { ObjectiveRecord } from './plan.service.ts';
import { planStrings } from './plan.strings.ts';
import {
  indicatorSpecs,
  moneySpecs,
  moneyValues,
  OBJECTIVE_FIELDS,
  ObjectiveList,
  ObjectiveView,
  objectiveName,
  objectiveSpecs,
  objectiveValues,
} from './views/plan.tsx';
import { ReportView } from './views/report.tsx';

type ReportRequest = FastifyRequest<{ Params: { lang: string; id: string; year: string } }>;

export function planPages(services: Services) {
  const admin = services.planAdmin;
  const pages = recordPages();
  const strategic = (c: Ctx) => admin.strategic(c.actor);

  return async function routes(app: App) {
    pages.listRoute(
      app,
      'plan',
      () => ({}),
      async (c) => ({
        title: planStrings(c.lang).title,
        body: (
          <ObjectiveList
            lang={c.lang}
            items={await admin.objectives(c.actor)}
            canWrite={admin.canWrite(c.actor)}
          />
        ),
      }),
    );

    const objectiveRender = async (c: Ctx, id: string, linkError?: string): Promise<Rendered> => {
      const data = await admin.objective(c.actor, id);
      const o = data.objective;
      const canWrite = admin.canWrite(c.actor);
      const parent = o.parentId ? (await strategic(c)).find((x) => x.id === o.parentId) : undefined;
      return {
        title: `${objectiveName(o, c.lang)} — ${planStrings(c.lang).title}`,
        body: (
          <ObjectiveView
            lang={c.lang}
            session={c.session}
            canWrite={canWrite}
            data={data}
            choices={canWrite ? await admin.choices(c.actor) : []}
            parent={parent}
            linkError={linkError}
          />
        ),
      };
    };

    const objectiveFields = (values: Values, stored: ObjectiveRecord['sources'] = []) => ({
      ...textsOf(values, OBJECTIVE_FIELDS),
      sources: sourcesFromLines(values['sources'] ?? '', stored),
    });

    pages.formRoutes(app, 'plan/new', (c) => {
      const t = backofficeStrings(c.lang);
      const base = `/admin/${c.lang}/plan`;
      return {
        fields: OBJECTIVE_FIELDS,
        path: 'plan/new',
        back: base,
        versioned: false,
        render: async (state) => {
          admin.checkWriter(c.actor);
          return formPage(c, state, {
            title: planStrings(c.lang).add,
            action: `${base}/new`,
            specs: objectiveSpecs(c.lang, await strategic(c)),
            values: { mission: '19', currency: 'EUR' },
            submit: t.create,
            back: { href: base, label: t.backToList },
          });
        },
        save: async (values) => {
          const made = await admin.create(c.actor, objectiveFields(values));
          return `${base}/${made.id}?created=1`;
        },
      };
    });

    pages.recordRoute(app, 'plan', objectiveRender);
    const objectiveForm = recordFormOn('plan', (c, id) => admin.form(c.actor, id));

    pages.recordFormRoutes(app, 'plan', 'edit', (id) =>
      objectiveForm(id, 'edit', {
        title: (c, o) => planStrings(c.lang).editTitle(objectiveName(o, c.lang)),
        fields: () => OBJECTIVE_FIELDS,
        specs: async (c, o) =>
          objectiveSpecs(
            c.lang,
            (await strategic(c)).filter((x) => x.id !== o.id),
          ),
        values: objectiveValues,
        save: (c, o, values, version) =>
          admin.update(c.actor, o.id, version, objectiveFields(values, o.sources)),
      }),
    );

    partPages(app, pages, admin, objectiveForm, objectiveRender);

    recordLinkRoutes(app, pages, {
      base: 'plan',
      add: (c, id, l) => admin.link(c.actor, id, l.kind, l.recordId),
      remove: (c, id, linkId) => admin.unlink(c.actor, id, linkId),
      render: objectiveRender,
    });

    pages.deleteRoute(app, 'plan', {
      run: async (c, id, version) => {
        await admin.remove(c.actor, id, version);
        return `/admin/${c.lang}/plan?deleted=1`;
      },
      page: objectiveRender,
      inUse: (c, d) => planStrings(c.lang).inUse(Number(d['children'] ?? 0)),
    });

    reportRoute(app, pages, admin);
  };
}

type Admin = Services['planAdmin'];
type Pages = ReturnType<typeof recordPages>;

/** The forms of an objective's money and indicators, and deleting an indicator. */
function partPages(
  app: App,
  pages: Pages,
  admin: Admin,
  objectiveForm: ReturnType<typeof recordFormOn<ObjectiveRecord>>,
  objectiveRender: (c: Ctx, id: string) => Promise<Rendered>,
) {
  pages.recordFormRoutes(app, 'plan', 'money', (id) =>
    objectiveForm(id, 'money', {
      title: (c, o) => planStrings(c.lang).moneyTitle(objectiveName(o, c.lang)),
      lead: (c) => planStrings(c.lang).moneyFormLead,
      specs: async (_c, o) => moneySpecs(o),
      values: moneyValues,
      save: (c, o, values, version) =>
        admin.setYears(
          c.actor,
          o.id,
          version,
          yearsOf(o.firstYear, o.lastYear).map((year) => ({
            year,
            ...Object.fromEntries(AMOUNTS.map((k) => [k, values[`${k}_${year}`] ?? ''])),
          })),
        ),
    }),
  );

  const indicatorForm = (id: string, indicatorId: string | undefined) =>
    objectiveForm(id, indicatorId ? `indicators/${indicatorId}/edit` : 'indicators/new', {
      exists: (o) => indicatorId === undefined || o.indicators.some((x) => x.id === indicatorId),
      title: (c, o) => {
        const s = planStrings(c.lang);
        const i = o.indicators.find((x) => x.id === indicatorId);
        return `${i ? s.editIndicator(i.nameIt) : s.addIndicator} — ${objectiveName(o, c.lang)}`;
      },
      lead: (c) => planStrings(c.lang).indicatorLead,
      specs: async (c, o) => indicatorSpecs(c.lang, o),
      values: (o) => {
        const i = o.indicators.find((x) => x.id === indicatorId);
        if (!i) return {};
        return {
          nameIt: i.nameIt,
          nameEn: i.nameEn ?? '',
          unit: i.unit ?? '',
          ...Object.fromEntries(
            i.values.flatMap((v) => [
              [`target_${v.year}`, v.target ?? ''],
              [`actual_${v.year}`, v.actual ?? ''],
            ]),
          ),
        };
      },
      save: (c, o, values, version) =>
        admin.putIndicator(c.actor, o.id, version, indicatorId, {
          nameIt: values['nameIt'] ?? '',
          nameEn: values['nameEn'] ?? '',
          unit: values['unit'] ?? '',
          values: yearsOf(o.firstYear, o.lastYear).map((year) => ({
            year,
            target: values[`target_${year}`] ?? '',
            actual: values[`actual_${year}`] ?? '',
          })),
        }),
    });

  pages.recordFormRoutes(app, 'plan', 'indicators/new', (id) => indicatorForm(id, undefined));
  pages.childRoutes(app, 'plan', 'indicators', {
    form: (id, indicatorId) => indicatorForm(id, indicatorId),
    run: async (c, id, indicatorId, version) => {
      await admin.removeIndicator(c.actor, id, version, indicatorId);
      return `/admin/${c.lang}/plan/${id}?saved=1#indicators-title`;
    },
    page: objectiveRender,
  });
}

/** An objective's year report: /admin/{lang}/plan/:id/report/:year as a page, and with .pdf as a PDF. */
function reportRoute(app: App, pages: Pages, admin: Admin) {
  app.get('/admin/:lang/plan/:id/report/:year', READ, async (request: ReportRequest, reply) => {
    const { id, year } = request.params;
    const pdf = year.endsWith('.pdf');
    const y = pdf ? year.slice(0, -4) : year;
    if (!UUID.test(id) || !/^\d{4}$/.test(y)) return reply.callNotFound();
    const c = await pages.enter(request, reply);
    if (!c) return reply;
    const path = `plan/${id}/report/${y}`;
    if (pdf) {
      try {
        const report = await admin.report(c.actor, id, y);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="relazione-${y}-${id.slice(0, 8)}.pdf"`)
          .header('cache-control', 'private, no-store')
          .send(await reportPdf(report, todayIso()));
      } catch (err) {
        return pages.refusal(reply, c, path, `/admin/${c.lang}/plan/${id}`, err);
      }
    }
    return pages.readPage(reply, c, path, `/admin/${c.lang}/plan/${id}`, async () => {
      const report = await admin.report(c.actor, id, y);
      return {
        title: planStrings(c.lang).report.title(report.year, objectiveName(report.objective, c.lang)),
        body: <ReportView lang={c.lang} report={report} />,
      };
    });
  });
}
