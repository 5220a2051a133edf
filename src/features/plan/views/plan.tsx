// The plan's back-office pages: the list of objectives by term, an objective's page (its facts, its money per
// year as two charts with their tables, its indicators, linked activities, operational objectives, year
// reports and history), and the fields of its forms.
import type { Lang } from '../../../platform/i18n.ts';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { type Linkable, LinkedRecords } from '../../../views/backoffice/links.tsx';
import { day, Facts } from '../../../views/backoffice/lists.tsx';
import { PlanningLinks } from '../../../views/backoffice/planning.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { BarChart } from '../../../views/charts.tsx';
import { SourceList, sourcesToLines } from '../../../views/sources.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import { AMOUNTS, coded, LEVELS, MISSIONS, PROGRAMMES, yearsOf } from '../plan.rules.ts';
import type { Objective } from '../plan.schemas.ts';
import type { ObjectiveChoice, ObjectiveRecord } from '../plan.service.ts';
import { planStrings } from '../plan.strings.ts';

export const OBJECTIVE_FIELDS = [
  'level',
  'parentId',
  'code',
  'titleIt',
  'titleEn',
  'mandateFrom',
  'mandateTo',
  'addressIt',
  'addressEn',
  'mission',
  'programme',
  'responsible',
  'descriptionIt',
  'descriptionEn',
  'firstYear',
  'lastYear',
  'currency',
  'published',
  'sources',
] as const;

/** "1901/0159 La Città Metropolitana nel mondo", in the page's language. */
export const objectiveName = (o: Pick<Objective, 'code' | 'titleIt' | 'titleEn'>, lang: Lang) =>
  [o.code, lang === 'en' ? (o.titleEn ?? o.titleIt) : o.titleIt].filter(Boolean).join(' ');

export const objectiveValues = (o: ObjectiveRecord): Values => ({
  level: o.level,
  parentId: o.parentId ?? '',
  code: o.code ?? '',
  titleIt: o.titleIt,
  titleEn: o.titleEn ?? '',
  mandateFrom: String(o.mandateFrom),
  mandateTo: String(o.mandateTo),
  addressIt: o.addressIt ?? '',
  addressEn: o.addressEn ?? '',
  mission: o.mission,
  programme: o.programme ?? '',
  responsible: o.responsible ?? '',
  descriptionIt: o.descriptionIt ?? '',
  descriptionEn: o.descriptionEn ?? '',
  firstYear: String(o.firstYear),
  lastYear: String(o.lastYear),
  currency: o.currency,
  published: o.published ? 'yes' : '',
  sources: sourcesToLines(o.sources),
});

/** The objective's form; `parents` are the strategic objectives an operational one can serve. */
export function objectiveSpecs(lang: Lang, parents: ObjectiveChoice[]): FieldSpec[] {
  const p = planStrings(lang);
  const t = backofficeStrings(lang);
  return [
    {
      name: 'level',
      kind: 'select',
      required: true,
      options: LEVELS.map((l) => ({ value: l, label: p.levels[l]! })),
    },
    {
      name: 'parentId',
      kind: 'select',
      options: [
        { value: '', label: p.noParent },
        ...parents.map((o) => ({
          value: o.id,
          label: `${objectiveName(o, lang)} (${p.mandate(o.mandateFrom, o.mandateTo)})`,
        })),
      ],
    },
    { name: 'code' },
    { name: 'titleIt', required: true },
    { name: 'titleEn' },
    { name: 'mandateFrom', required: true, inputMode: 'decimal', group: p.mandateGroup },
    { name: 'mandateTo', required: true, inputMode: 'decimal', group: p.mandateGroup },
    { name: 'addressIt' },
    { name: 'addressEn' },
    {
      name: 'mission',
      kind: 'select',
      required: true,
      options: Object.keys(MISSIONS).map((m) => ({ value: m, label: coded(m, MISSIONS, lang)! })),
    },
    {
      name: 'programme',
      kind: 'select',
      options: [
        { value: '', label: p.noParent },
        ...Object.keys(PROGRAMMES).map((m) => ({ value: m, label: coded(m, PROGRAMMES, lang)! })),
      ],
    },
    { name: 'responsible', autoComplete: 'off' },
    { name: 'descriptionIt', kind: 'textarea' },
    { name: 'descriptionEn', kind: 'textarea' },
    { name: 'firstYear', required: true, inputMode: 'decimal', group: p.money },
    { name: 'lastYear', required: true, inputMode: 'decimal', group: p.money },
    { name: 'currency', group: p.money },
    {
      name: 'published',
      hint:
        lang === 'it'
          ? 'Un obiettivo pubblicato compare nel portale, nella sezione «Obiettivi e risorse», e nei dati aperti.'
          : 'A published objective appears on the portal, under "Objectives and resources", and in the open data.',
      kind: 'select',
      options: [
        { value: '', label: t.no },
        { value: 'yes', label: t.yes },
      ],
    },
    { name: 'sources', kind: 'textarea' },
  ];
}

/** The six amounts in the order the page shows them: expenditure first, as its chart comes first. */
export const AMOUNTS_SHOWN = [
  ...AMOUNTS.filter((k) => k.startsWith('expense')),
  ...AMOUNTS.filter((k) => k.startsWith('income')),
];

/** The money form: a fieldset per year with its six amounts. */
export function moneySpecs(o: Objective): FieldSpec[] {
  return yearsOf(o.firstYear, o.lastYear).flatMap((year) =>
    AMOUNTS_SHOWN.map((k) => ({ name: `${k}_${year}`, inputMode: 'decimal' as const, group: String(year) })),
  );
}
export const moneyFields = (o: Objective) => moneySpecs(o).map((s) => s.name);
export const moneyValues = (o: Objective): Values =>
  Object.fromEntries(o.years.flatMap((y) => AMOUNTS.map((k) => [`${k}_${y.year}`, y[k] ?? ''])));

/**
 * An indicator's form: its names and unit, then per year its target and actual value (labelled with the year by
 * the shared words, in either language).
 */
export function indicatorSpecs(_lang: Lang, o: Objective): FieldSpec[] {
  return [
    { name: 'nameIt', required: true },
    { name: 'nameEn' },
    { name: 'unit' },
    ...yearsOf(o.firstYear, o.lastYear).flatMap((year) =>
      (['target', 'actual'] as const).map((k) => ({
        name: `${k}_${year}`,
        inputMode: 'decimal' as const,
        group: String(year),
      })),
    ),
  ];
}

/** One chart of the objective's money: its income or its expenditure, per year. */
export function MoneyChart(p: { lang: Lang; o: Objective; side: 'income' | 'expense'; id: string }) {
  const s = planStrings(p.lang);
  const what = p.side === 'income' ? s.income : s.expense;
  const keys = AMOUNTS.filter((k) => k.startsWith(p.side));
  return (
    <BarChart
      lang={p.lang}
      id={p.id}
      title={s.chartTitle(what, objectiveName(p.o, p.lang))}
      summary={s.chartSummary(what, p.o.firstYear, p.o.lastYear)}
      data={{
        categories: p.o.years.map((y) => String(y.year)),
        series: keys.map((k) => ({ key: k, label: s.series[k]!, values: p.o.years.map((y) => y[k]) })),
        currency: p.o.currency,
      }}
      notRecorded={s.notRecorded}
      tableCaption={s.tableCaption(what)}
    />
  );
}

export function ObjectiveList(p: { lang: Lang; items: Objective[]; canWrite: boolean }) {
  const s = planStrings(p.lang);
  const t = backofficeStrings(p.lang);
  // Each strategic objective followed by the operational ones that serve it.
  const ordered = p.items
    .filter((o) => o.level === 'strategic' || !p.items.some((x) => x.id === o.parentId))
    .flatMap((o) => [o, ...p.items.filter((c) => c.parentId === o.id)]);
  return (
    <>
      <PlanningLinks lang={p.lang} current="plan" />
      <h1>{s.title}</h1>
      <p class="lead">{s.lead}</p>
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`/admin/${p.lang}/plan/new`}>
            {s.add}
          </a>
        </p>
      ) : null}
      {ordered.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <DataTable caption={s.caption} columns={[s.objective, s.levelColumn, s.programmeColumn, s.published]}>
          {ordered.map((o) => (
            <tr key={o.id}>
              <th scope="row" class={o.level === 'operational' ? 'ps-4' : undefined}>
                <a href={`/admin/${p.lang}/plan/${o.id}`}>{objectiveName(o, p.lang)}</a>
                <span class="d-block small text-muted">{s.mandate(o.mandateFrom, o.mandateTo)}</span>
              </th>
              <td>{s.levels[o.level]}</td>
              <td>{coded(o.programme, PROGRAMMES, p.lang) ?? coded(o.mission, MISSIONS, p.lang)}</td>
              <td>{o.published ? t.yes : t.no}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function Indicators(p: { lang: Lang; o: ObjectiveRecord; session: Session; canWrite: boolean }) {
  const s = planStrings(p.lang);
  const t = backofficeStrings(p.lang);
  const fmt = (v: string | null) => v ?? s.notRecorded;
  const base = `/admin/${p.lang}/plan/${p.o.id}`;
  return (
    <section class="mt-5" aria-labelledby="indicators-title">
      <h2 class="h4" id="indicators-title">
        {s.indicators}
      </h2>
      {p.o.indicators.length === 0 ? <p>{s.noIndicators}</p> : null}
      {p.o.indicators.map((i) => {
        const name = p.lang === 'en' ? (i.nameEn ?? i.nameIt) : i.nameIt;
        return (
          <div class="mb-4">
            <h3 class="h5 mt-4">{`${name}${i.unit ? ` (${i.unit})` : ''}`}</h3>
            <DataTable
              caption={`${name}${i.unit ? ` (${i.unit})` : ''}`}
              captionHidden
              columns={[s.year, t.labels['target']!, t.labels['actual']!]}
            >
              {i.values.map((v) => (
                <tr>
                  <th scope="row">{String(v.year)}</th>
                  <td>{fmt(v.target)}</td>
                  <td>{fmt(v.actual)}</td>
                </tr>
              ))}
            </DataTable>
            {p.canWrite ? (
              <div class="d-flex flex-wrap gap-2">
                <a class="btn btn-outline-primary btn-sm" href={`${base}/indicators/${i.id}/edit`}>
                  {s.editIndicator(name)}
                </a>
                <ActionForm
                  action={`${base}/indicators/${i.id}/delete`}
                  session={p.session}
                  version={p.o.version}
                  label={s.deleteIndicator(name)}
                  danger
                />
              </div>
            ) : null}
          </div>
        );
      })}
      {p.canWrite ? (
        <a class="btn btn-outline-primary" href={`${base}/indicators/new`}>
          {s.addIndicator}
        </a>
      ) : null}
    </section>
  );
}

export function ObjectiveView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { objective: ObjectiveRecord; history: AuditEntry[] };
  choices: Linkable[];
  parent: ObjectiveChoice | undefined;
  linkError?: string | undefined;
}) {
  const t = backofficeStrings(p.lang);
  const s = planStrings(p.lang);
  const o = p.data.objective;
  const base = `/admin/${p.lang}/plan/${o.id}`;
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/plan`}>{t.backToList}</a>
      </p>
      <h1>{objectiveName(o, p.lang)}</h1>
      <p class="lead">
        {s.levels[o.level]} · {s.mandate(o.mandateFrom, o.mandateTo)}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['level']!, s.levels[o.level]],
          [
            t.labels['parentId']!,
            p.parent ? (
              <a href={`/admin/${p.lang}/plan/${p.parent.id}`}>{objectiveName(p.parent, p.lang)}</a>
            ) : null,
          ],
          [t.labels['code']!, o.code],
          [t.labels['titleIt']!, o.titleIt],
          [t.labels['titleEn']!, o.titleEn],
          [t.labels['addressIt']!, o.addressIt],
          [t.labels['addressEn']!, o.addressEn],
          [t.labels['mission']!, coded(o.mission, MISSIONS, p.lang)],
          [t.labels['programme']!, coded(o.programme, PROGRAMMES, p.lang)],
          [t.labels['responsible']!, o.responsible],
          [t.labels['descriptionIt']!, o.descriptionIt],
          [t.labels['descriptionEn']!, o.descriptionEn],
          [s.horizon, `${o.firstYear}–${o.lastYear}`],
          [t.labels['published']!, o.published ? t.yes : t.no],
          [
            t.labels['sources']!,
            o.sources.length > 0 ? <SourceList sources={o.sources} lang={p.lang} class="mb-0" /> : null,
          ],
          [t.version, String(o.version)],
          [t.updated, day(o.updatedAt, p.lang)],
        ]}
      />
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${base}/edit`}>
            {t.edit}
          </a>
        </p>
      ) : null}
      <section class="mt-5" aria-labelledby="money-title">
        <h2 class="h4" id="money-title">
          {s.money}
        </h2>
        <p>{s.moneyLead}</p>
        <MoneyChart lang={p.lang} o={o} side="expense" id="chart-expense" />
        <MoneyChart lang={p.lang} o={o} side="income" id="chart-income" />
        {p.canWrite ? (
          <a class="btn btn-outline-primary" href={`${base}/money`}>
            {s.moneyEdit}
          </a>
        ) : null}
      </section>
      <Indicators lang={p.lang} o={o} session={p.session} canWrite={p.canWrite} />
      <LinkedRecords
        lang={p.lang}
        csrfToken={p.session.csrfToken}
        base={base}
        canWrite={p.canWrite}
        links={o.links}
        choices={p.choices}
        words={s.links}
        error={p.linkError}
      />
      {o.children.length > 0 ? (
        <section class="mt-5" aria-labelledby="children-title">
          <h2 class="h4" id="children-title">
            {s.children}
          </h2>
          <ul>
            {o.children.map((c) => (
              <li>
                <a href={`/admin/${p.lang}/plan/${c.id}`}>{[c.code, c.titleIt].filter(Boolean).join(' ')}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="mt-5" aria-labelledby="reports-title">
        <h2 class="h4" id="reports-title">
          {s.reports}
        </h2>
        <p>{s.reportsLead}</p>
        <ul class="list-unstyled">
          {yearsOf(o.firstYear, o.lastYear).map((y) => (
            <li class="mb-2">
              <a href={`${base}/report/${y}`}>{s.reportOf(y)}</a> ·{' '}
              <a href={`${base}/report/${y}.pdf`}>{s.pdfOf(y)}</a>
            </li>
          ))}
        </ul>
      </section>
      {p.canWrite ? (
        <section class="mt-5">
          <h2 class="h4">{t.delete}</h2>
          {o.children.length > 0 ? (
            <p>{s.inUse(o.children.length)}</p>
          ) : (
            <>
              <p>{s.deleteLead}</p>
              <ActionForm
                action={`${base}/delete`}
                session={p.session}
                version={o.version}
                label={`${t.delete}: ${objectiveName(o, p.lang)}`}
                danger
              />
            </>
          )}
        </section>
      ) : (
        <p class="text-muted">{t.viewerNote}</p>
      )}
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}
