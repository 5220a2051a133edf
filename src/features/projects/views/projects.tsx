// The projects' back-office pages: the list with its filters, a project's page (its facts, partners and
// co-funding with the forms that add them, its budget per year, its history) and the fields of its forms.
import type { Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { day, Facts, ListFilters, Pagination } from '../../../views/backoffice/lists.tsx';
import { PlanningLinks } from '../../../views/backoffice/planning.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { amountFormatter } from '../../../views/charts.tsx';
import { SourceList, sourcesToLines } from '../../../views/sources.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { ListPage } from '../../counterparts/counterparts.service.ts';
import { countryByCode } from '../../places/places.service.ts';
import {
  PARTNER_ROLES,
  PROJECT_KINDS,
  PROJECT_ROLES,
  PROJECT_STATUSES,
  projectYears,
} from '../projects.rules.ts';
import type { ProjectRecord, ProjectSummary } from '../projects.service.ts';
import { projectsStrings } from '../projects.strings.ts';

export const PROJECT_FIELDS = [
  'code',
  'kind',
  'titleIt',
  'titleEn',
  'descriptionIt',
  'descriptionEn',
  'funder',
  'role',
  'status',
  'startsOn',
  'endsOn',
  'countries',
  'currency',
  'totalBudget',
  'ownShare',
  'resultsIt',
  'resultsEn',
  'published',
  'documents',
] as const;

export const projectTitle = (p: { titleIt: string; titleEn: string | null }, lang: Lang) =>
  lang === 'en' ? (p.titleEn ?? p.titleIt) : p.titleIt;
const countryName = (code: string, lang: Lang) => {
  const c = countryByCode(code);
  return (lang === 'en' ? c?.nameEn : c?.nameIt) ?? code;
};

export const projectValues = (p: ProjectRecord): Values => ({
  code: p.code,
  kind: p.kind,
  titleIt: p.titleIt,
  titleEn: p.titleEn ?? '',
  descriptionIt: p.descriptionIt ?? '',
  descriptionEn: p.descriptionEn ?? '',
  funder: p.funder ?? '',
  role: p.role,
  status: p.status,
  startsOn: p.startsOn ?? '',
  endsOn: p.endsOn ?? '',
  countries: p.countries.map((c) => countryName(c, 'it')).join(', '),
  currency: p.currency,
  totalBudget: p.totalBudget ?? '',
  ownShare: p.ownShare ?? '',
  resultsIt: p.resultsIt ?? '',
  resultsEn: p.resultsEn ?? '',
  published: p.published ? 'yes' : '',
  documents: sourcesToLines(p.documents),
});

export function projectSpecs(lang: Lang): FieldSpec[] {
  const s = projectsStrings(lang);
  const t = backofficeStrings(lang);
  const options = (values: readonly string[], words: Record<string, string>) =>
    values.map((v) => ({ value: v, label: words[v] ?? v }));
  return [
    { name: 'code', required: true, hint: s.hints.code },
    {
      name: 'kind',
      kind: 'select',
      required: true,
      label: s.labels.kind,
      options: options(PROJECT_KINDS, s.kinds),
    },
    { name: 'titleIt', required: true },
    { name: 'titleEn' },
    { name: 'descriptionIt', kind: 'textarea' },
    { name: 'descriptionEn', kind: 'textarea' },
    { name: 'funder' },
    {
      name: 'role',
      kind: 'select',
      required: true,
      label: s.labels.role,
      hint: s.hints.role,
      options: options(PROJECT_ROLES, s.roles),
    },
    {
      name: 'status',
      kind: 'select',
      required: true,
      label: s.labels.status,
      options: options(PROJECT_STATUSES, s.statuses),
    },
    {
      name: 'startsOn',
      kind: 'date',
      label: s.labels.startsOn,
      hint: s.hints.startsOn,
      group: s.period,
    },
    { name: 'endsOn', kind: 'date', label: s.labels.endsOn, hint: s.hints.endsOn, group: s.period },
    { name: 'countries' },
    { name: 'currency', group: s.budget },
    { name: 'totalBudget', inputMode: 'decimal', group: s.budget },
    { name: 'ownShare', inputMode: 'decimal', group: s.budget },
    { name: 'resultsIt', kind: 'textarea' },
    { name: 'resultsEn', kind: 'textarea' },
    {
      name: 'published',
      kind: 'select',
      hint: s.hints.published,
      options: [
        { value: '', label: t.no },
        { value: 'yes', label: t.yes },
      ],
    },
    { name: 'documents', kind: 'textarea' },
  ];
}

/** The yearly budget form: one amount per calendar year of the project's period. */
export const yearSpecs = (p: ProjectRecord, lang: Lang): FieldSpec[] =>
  projectYears(p.startsOn, p.endsOn).map((y) => ({
    name: `amount_${y}`,
    label: `${projectsStrings(lang).year} ${y}`,
    inputMode: 'decimal' as const,
  }));
export const yearValues = (p: ProjectRecord): Values =>
  Object.fromEntries(p.years.map((y) => [`amount_${y.year}`, y.amount]));

export interface ProjectFilters {
  q: string;
  status: string;
  kind: string;
  sort: string;
  [key: string]: string;
}

export function ProjectList(p: {
  lang: Lang;
  data: ListPage<ProjectSummary>;
  filters: ProjectFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const s = projectsStrings(p.lang);
  const base = `/admin/${p.lang}/projects`;
  const all = { value: '', label: s.all };
  return (
    <>
      <PlanningLinks lang={p.lang} current="projects" />
      <h1>{s.title}</h1>
      <p class="lead">{s.lead}</p>
      {p.canWrite ? (
        <p class="mb-5">
          <a class="btn btn-primary" href={`${base}/new`}>
            {s.add}
          </a>
        </p>
      ) : null}
      <ListFilters
        lang={p.lang}
        action={base}
        search={{ label: s.search, value: p.filters.q }}
        selects={[
          {
            name: 'status',
            label: s.labels.status,
            value: p.filters.status,
            options: [all, ...PROJECT_STATUSES.map((v) => ({ value: v, label: s.statuses[v]! }))],
          },
          {
            name: 'kind',
            label: s.labels.kind,
            value: p.filters.kind,
            options: [all, ...PROJECT_KINDS.map((v) => ({ value: v, label: s.kinds[v]! }))],
          },
          {
            name: 'sort',
            label: t.sortBy,
            value: p.filters.sort,
            options: Object.entries(s.sorts).map(([value, label]) => ({ value, label })),
          },
        ]}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable
        caption={s.caption}
        columns={[s.project, s.labels.kind, s.labels.status, s.period, s.partners]}
      >
        {p.data.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{projectTitle(r, p.lang)}</a>
            </th>
            <td>{s.kinds[r.kind]}</td>
            <td>{s.statuses[r.status]}</td>
            <td>{[r.startsOn, r.endsOn].map((d) => (d ? day(d, p.lang) : '…')).join(' – ')}</td>
            <td>{String(r.partnerCount)}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        lang={p.lang}
        base={base}
        params={{ ...p.filters }}
        page={p.data.page}
        pages={p.data.pages}
      />
    </>
  );
}

function Parts(p: {
  lang: Lang;
  session: Session;
  project: ProjectRecord;
  canWrite: boolean;
  counterparts: { id: string; name: string }[];
}) {
  const s = projectsStrings(p.lang);
  const t = backofficeStrings(p.lang);
  const r = p.project;
  const base = `/admin/${p.lang}/projects/${r.id}`;
  const money = amountFormatter(p.lang, r.currency);
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={p.session.csrfToken} />
      <input type="hidden" name="version" value={String(r.version)} />
    </>
  );
  return (
    <>
      <section class="mt-5" aria-labelledby="partners-title">
        <h2 class="h4" id="partners-title">
          {s.partners}
        </h2>
        {r.partners.length === 0 ? <p>{s.noPartners}</p> : null}
        <ul class="list-unstyled">
          {r.partners.map((x) => (
            <li class="d-flex flex-wrap gap-2 align-items-baseline mb-2">
              <span class="fw-semibold">{x.name}</span>
              <span>
                — {s.roles[x.role]}
                {x.country ? `, ${countryName(x.country, p.lang)}` : ''}
              </span>
              {p.canWrite ? (
                <ActionForm
                  action={`${base}/partners/${x.id}/delete`}
                  session={p.session}
                  version={r.version}
                  label={s.removePartner(x.name)}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {p.canWrite ? (
          <form
            method="post"
            action={`${base}/partners/new`}
            class="mt-4"
            style="max-width: 44rem"
            novalidate
          >
            {hidden}
            <fieldset>
              <legend class="h5 mb-4">{s.addPartner}</legend>
              <Field
                name="counterpartId"
                kind="select"
                label={s.partnerFromRegistry}
                options={[['', '—'], ...p.counterparts.map((c) => [c.id, c.name] as const)]}
              />
              <Field name="name" label={s.orName} />
              <Field
                name="role"
                kind="select"
                label={s.partnerRole}
                value="partner"
                options={PARTNER_ROLES.map((v) => [v, s.roles[v]!] as const)}
              />
              <Field name="country" label={t.labels['country'] ?? 'country'} hint={s.partnerCountry} />
              <button type="submit" class="btn btn-outline-primary">
                {s.addPartner}
              </button>
            </fieldset>
          </form>
        ) : null}
      </section>
      <section class="mt-5" aria-labelledby="funding-title">
        <h2 class="h4" id="funding-title">
          {s.funding}
        </h2>
        {r.funding.length === 0 ? <p>{s.noFunding}</p> : null}
        <ul class="list-unstyled">
          {r.funding.map((f) => (
            <li class="d-flex flex-wrap gap-2 align-items-baseline mb-2">
              <span class="fw-semibold">{f.source}</span> <span>{money(f.amount)}</span>
              {p.canWrite ? (
                <ActionForm
                  action={`${base}/funding/${f.id}/delete`}
                  session={p.session}
                  version={r.version}
                  label={s.removeFunding(f.source)}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {p.canWrite ? (
          <form method="post" action={`${base}/funding/new`} class="mt-4" style="max-width: 44rem" novalidate>
            {hidden}
            <fieldset>
              <legend class="h5 mb-4">{s.addFunding}</legend>
              <Field name="source" label={t.labels['source']!} hint={t.hints['source']} required />
              <Field
                name="amount"
                label={t.labels['amount']!}
                hint={t.hints['amount']}
                inputMode="decimal"
                required
              />
              <button type="submit" class="btn btn-outline-primary">
                {s.addFunding}
              </button>
            </fieldset>
          </form>
        ) : null}
      </section>
      <section class="mt-5" aria-labelledby="years-title">
        <h2 class="h4" id="years-title">
          {s.years}
        </h2>
        {r.years.length === 0 ? (
          <p>{r.startsOn && r.endsOn ? s.noYears : s.yearsNeedPeriod}</p>
        ) : (
          <DataTable caption={s.years} captionHidden columns={[s.year, t.labels['amount']!]}>
            {r.years.map((y) => (
              <tr>
                <th scope="row">{String(y.year)}</th>
                <td>{money(y.amount)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {p.canWrite && r.startsOn && r.endsOn ? (
          <a class="btn btn-outline-primary" href={`${base}/years`}>
            {s.yearsEdit}
          </a>
        ) : null}
      </section>
    </>
  );
}

export function ProjectView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { project: ProjectRecord; history: AuditEntry[] };
  counterparts: { id: string; name: string }[];
}) {
  const t = backofficeStrings(p.lang);
  const s = projectsStrings(p.lang);
  const r = p.data.project;
  const base = `/admin/${p.lang}/projects/${r.id}`;
  const money = amountFormatter(p.lang, r.currency);
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/projects`}>{t.backToList}</a>
      </p>
      <h1>{projectTitle(r, p.lang)}</h1>
      <p class="lead">
        {s.kinds[r.kind]} · {s.statuses[r.status]}
        {r.example ? ` · ${s.example}` : ''}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['code']!, <code>{r.code}</code>],
          [t.labels['titleIt']!, r.titleIt],
          [t.labels['titleEn']!, r.titleEn],
          [t.labels['funder']!, r.funder],
          [s.labels.role, s.roles[r.role]],
          [s.period, [r.startsOn, r.endsOn].map((d) => (d ? day(d, p.lang) : '…')).join(' – ')],
          [t.labels['countries']!, r.countries.map((c) => countryName(c, p.lang)).join(', ')],
          [t.labels['totalBudget']!, r.totalBudget ? money(r.totalBudget) : null],
          [t.labels['ownShare']!, r.ownShare ? money(r.ownShare) : null],
          [t.labels['descriptionIt']!, r.descriptionIt],
          [t.labels['descriptionEn']!, r.descriptionEn],
          [t.labels['resultsIt']!, r.resultsIt],
          [t.labels['resultsEn']!, r.resultsEn],
          [
            t.labels['documents']!,
            r.documents.length ? <SourceList sources={r.documents} lang={p.lang} class="mb-0" /> : null,
          ],
          [t.labels['published']!, r.published ? t.yes : t.no],
          [t.version, String(r.version)],
          [t.updated, day(r.updatedAt, p.lang)],
        ]}
      />
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${base}/edit`}>
            {t.edit}
          </a>
        </p>
      ) : null}
      <Parts
        lang={p.lang}
        session={p.session}
        project={r}
        canWrite={p.canWrite}
        counterparts={p.counterparts}
      />
      {p.canWrite ? (
        <section class="mt-5">
          <h2 class="h4">{t.delete}</h2>
          <p>{s.deleteLead}</p>
          <ActionForm
            action={`${base}/delete`}
            session={p.session}
            version={r.version}
            label={`${t.delete}: ${projectTitle(r, p.lang)}`}
            danger
          />
        </section>
      ) : (
        <p class="text-muted">{t.viewerNote}</p>
      )}
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}
