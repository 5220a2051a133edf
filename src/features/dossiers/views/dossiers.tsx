// The candidacy dossiers' back-office pages: the list with its next deadlines, a dossier's page with its
// deadlines, and the fields of its forms.
import type { Lang } from '../../../platform/i18n.ts';
import { formatDate } from '../../../platform/i18n.ts';
import { safeHref } from '../../../platform/urls.ts';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { day, Facts, ListFilters, Pagination } from '../../../views/backoffice/lists.tsx';
import { PlanningLinks } from '../../../views/backoffice/planning.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { SourceList, sourcesToLines } from '../../../views/sources.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { ListPage } from '../../counterparts/counterparts.service.ts';
import { DOSSIER_KINDS, DOSSIER_STATUSES } from '../dossiers.rules.ts';
import type { Dossier } from '../dossiers.schemas.ts';
import { dossiersStrings } from '../dossiers.strings.ts';

export const DOSSIER_FIELDS = [
  'titleIt',
  'titleEn',
  'kind',
  'awardingBody',
  'callTitle',
  'callUrl',
  'unit',
  'contributors',
  'status',
  'submittedOn',
  'decidedOn',
  'outcomeIt',
  'outcomeEn',
  'documents',
] as const;
export const DEADLINE_FIELDS = ['labelIt', 'labelEn', 'dueOn', 'doneOn'] as const;

export const dossierTitle = (d: Pick<Dossier, 'titleIt' | 'titleEn'>, lang: Lang) =>
  lang === 'en' ? (d.titleEn ?? d.titleIt) : d.titleIt;

export const dossierValues = (d: Dossier): Values => ({
  titleIt: d.titleIt,
  titleEn: d.titleEn ?? '',
  kind: d.kind,
  awardingBody: d.awardingBody ?? '',
  callTitle: d.callTitle ?? '',
  callUrl: d.callUrl ?? '',
  unit: d.unit ?? '',
  contributors: d.contributors ?? '',
  status: d.status,
  submittedOn: d.submittedOn ?? '',
  decidedOn: d.decidedOn ?? '',
  outcomeIt: d.outcomeIt ?? '',
  outcomeEn: d.outcomeEn ?? '',
  documents: sourcesToLines(d.documents),
});

export function dossierSpecs(
  lang: Lang,
  units: { slug: string; nameIt: string; nameEn: string }[],
): FieldSpec[] {
  const s = dossiersStrings(lang);
  const l = s.labels;
  return [
    { name: 'titleIt', required: true },
    { name: 'titleEn' },
    {
      name: 'kind',
      kind: 'select',
      required: true,
      label: l.kind,
      options: DOSSIER_KINDS.map((v) => ({ value: v, label: s.kinds[v]! })),
    },
    { name: 'awardingBody', label: l.awardingBody },
    { name: 'callTitle', label: l.callTitle },
    { name: 'callUrl', kind: 'url', label: l.callUrl, hint: s.hints.callUrl },
    {
      name: 'unit',
      kind: 'select',
      label: l.unit,
      hint: s.hints.unit,
      options: [
        { value: '', label: s.noUnit },
        ...units.map((u) => ({ value: u.slug, label: lang === 'it' ? u.nameIt : u.nameEn })),
      ],
    },
    { name: 'contributors', label: l.contributors },
    {
      name: 'status',
      kind: 'select',
      required: true,
      label: l.status,
      options: DOSSIER_STATUSES.map((v) => ({ value: v, label: s.statuses[v]! })),
    },
    { name: 'submittedOn', kind: 'date', label: l.submittedOn },
    { name: 'decidedOn', kind: 'date', label: l.decidedOn, hint: s.hints.decidedOn },
    { name: 'outcomeIt', kind: 'textarea', label: l.outcomeIt },
    { name: 'outcomeEn', kind: 'textarea', label: l.outcomeEn },
    { name: 'documents', kind: 'textarea' },
  ];
}

export function deadlineSpecs(lang: Lang): FieldSpec[] {
  const s = dossiersStrings(lang);
  const l = s.labels;
  return [
    { name: 'labelIt', required: true, label: l.labelIt, hint: s.hints.labelIt },
    { name: 'labelEn', label: l.labelEn },
    { name: 'dueOn', kind: 'date', required: true, label: l.dueOn },
    { name: 'doneOn', kind: 'date', label: l.doneOn },
  ];
}

const nextOf = (d: Dossier) => d.deadlines.find((x) => !x.doneOn);

export function DossierList(p: {
  lang: Lang;
  data: ListPage<Dossier>;
  filters: { q: string; status: string };
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const s = dossiersStrings(p.lang);
  const base = `/admin/${p.lang}/dossiers`;
  return (
    <>
      <PlanningLinks lang={p.lang} current="dossiers" />
      <h1>{s.title}</h1>
      <p class="lead">{s.lead}</p>
      {p.canWrite ? (
        <p>
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
            options: [
              { value: '', label: s.all },
              ...DOSSIER_STATUSES.map((v) => ({ value: v, label: s.statuses[v]! })),
            ],
          },
        ]}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable caption={s.caption} columns={[s.dossier, s.labels.kind, s.labels.status, s.next]}>
        {p.data.items.map((d) => {
          const next = nextOf(d);
          return (
            <tr key={d.id}>
              <th scope="row">
                <a href={`${base}/${d.id}`}>{dossierTitle(d, p.lang)}</a>
              </th>
              <td>{s.kinds[d.kind]}</td>
              <td>{s.statuses[d.status]}</td>
              <td>
                {next
                  ? `${formatDate(next.dueOn, 'day', p.lang) ?? next.dueOn} — ${p.lang === 'en' ? (next.labelEn ?? next.labelIt) : next.labelIt}`
                  : s.none}
              </td>
            </tr>
          );
        })}
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

export function DossierView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { dossier: Dossier; unit: { nameIt: string; nameEn: string } | null; history: AuditEntry[] };
}) {
  const t = backofficeStrings(p.lang);
  const s = dossiersStrings(p.lang);
  const l = s.labels;
  const d = p.data.dossier;
  const base = `/admin/${p.lang}/dossiers/${d.id}`;
  const when = (v: string | null) => (v ? (formatDate(v, 'day', p.lang) ?? v) : null);
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/dossiers`}>{t.backToList}</a>
      </p>
      <h1>{dossierTitle(d, p.lang)}</h1>
      <p class="lead">
        {s.kinds[d.kind]} · {s.statuses[d.status]}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['titleIt']!, d.titleIt],
          [t.labels['titleEn']!, d.titleEn],
          [l.awardingBody, d.awardingBody],
          [l.callTitle, d.callTitle],
          [
            l.callUrl,
            d.callUrl ? (
              safeHref(d.callUrl) ? (
                <a href={safeHref(d.callUrl)}>{d.callUrl}</a>
              ) : (
                d.callUrl
              )
            ) : null,
          ],
          [l.unit, p.data.unit ? (p.lang === 'it' ? p.data.unit.nameIt : p.data.unit.nameEn) : d.unit],
          [l.contributors, d.contributors],
          [l.submittedOn, when(d.submittedOn)],
          [l.decidedOn, when(d.decidedOn)],
          [l.outcomeIt, d.outcomeIt],
          [l.outcomeEn, d.outcomeEn],
          [
            t.labels['documents']!,
            d.documents.length ? <SourceList sources={d.documents} lang={p.lang} class="mb-0" /> : null,
          ],
          [t.version, String(d.version)],
          [t.updated, day(d.updatedAt, p.lang)],
        ]}
      />
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${base}/edit`}>
            {t.edit}
          </a>
        </p>
      ) : null}
      <section class="mt-5" aria-labelledby="deadlines-title">
        <h2 class="h4" id="deadlines-title">
          {s.deadlines}
        </h2>
        {d.deadlines.length === 0 ? <p>{s.noDeadlines}</p> : null}
        <ul class="list-unstyled">
          {d.deadlines.map((x) => {
            const name = p.lang === 'en' ? (x.labelEn ?? x.labelIt) : x.labelIt;
            return (
              <li class="d-flex flex-wrap align-items-baseline gap-2 mb-3">
                <span>
                  <span class="fw-semibold">{when(x.dueOn)}</span> — {name}
                  {x.doneOn ? ` (${s.done(when(x.doneOn)!)})` : ''}
                </span>
                {p.canWrite ? (
                  <span class="d-inline-flex gap-3 align-items-baseline">
                    <a href={`${base}/deadlines/${x.id}/edit`} aria-label={s.editDeadline(name)}>
                      {t.edit}
                    </a>
                    <form method="post" action={`${base}/deadlines/${x.id}/delete`} class="d-inline">
                      <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                      <input type="hidden" name="version" value={String(d.version)} />
                      <button
                        type="submit"
                        class="btn btn-link p-0 align-baseline"
                        style="font: inherit"
                        aria-label={s.deleteDeadline(name)}
                      >
                        {t.delete}
                      </button>
                    </form>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
        {p.canWrite ? (
          <a class="btn btn-outline-primary" href={`${base}/deadlines/new`}>
            {s.addDeadline}
          </a>
        ) : null}
      </section>
      {p.canWrite ? (
        <section class="mt-5">
          <h2 class="h4">{t.delete}</h2>
          <p>{s.deleteLead}</p>
          <ActionForm
            action={`${base}/delete`}
            session={p.session}
            version={d.version}
            label={`${t.delete}: ${dossierTitle(d, p.lang)}`}
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
