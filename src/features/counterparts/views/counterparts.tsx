// The back-office pages of partners (counterparts): the list with search, filters, sort and pages, the record
// page with the agreements that name it and its history, and the fields of its form.
import type { Precision } from '../../../platform/dates.ts';
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { day, Facts, ListFilters, nameIn, Pagination, website } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import { KIND_LABELS, STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import type { AgreementKind, Status } from '../../agreements/agreements.schemas.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { CounterpartAgreementRow } from '../counterparts.schemas.ts';
import type { CounterpartRecord, ListPage } from '../counterparts.service.ts';
import { counterpartsStrings } from '../counterparts.strings.ts';

export const COUNTERPART_FIELDS = ['nameIt', 'nameEn', 'website', 'country'] as const;

export const counterpartValues = (c: CounterpartRecord): Values => ({
  nameIt: c.nameIt,
  nameEn: c.nameEn,
  website: c.website ?? '',
  country: c.country?.code ?? '',
});

export interface CounterpartFilters {
  q: string;
  kind: string;
  country: string;
  sort: string;
}

export function CounterpartListView(p: {
  lang: Lang;
  data: { page: ListPage<CounterpartRecord>; countries: { code: string; nameIt: string; nameEn: string }[] };
  filters: CounterpartFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const c = counterpartsStrings(p.lang);
  const { page } = p.data;
  const base = `/admin/${p.lang}/counterparts`;
  const params: Values = { ...p.filters };
  return (
    <>
      <h1>{c.title}</h1>
      <p class="lead">{c.lead}</p>
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${base}/new`}>
            {c.add}
          </a>
        </p>
      ) : null}
      <ListFilters
        lang={p.lang}
        action={base}
        search={{ label: c.search, value: p.filters.q }}
        selects={[
          {
            name: 'kind',
            label: c.kind,
            value: p.filters.kind,
            options: [
              { value: '', label: c.anyKind },
              { value: 'city', label: c.kinds['city']! },
              { value: 'organisation', label: c.kinds['organisation']! },
            ],
          },
          {
            name: 'country',
            label: c.country,
            value: p.filters.country,
            options: [
              { value: '', label: c.anyCountry },
              ...p.data.countries
                .map((k) => ({ value: k.code, label: nameIn(k, p.lang) }))
                .sort((a, b) => a.label.localeCompare(b.label, p.lang)),
            ],
          },
          {
            name: 'sort',
            label: t.sortBy,
            value: p.filters.sort,
            options: Object.entries(c.sorts).map(([value, label]) => ({ value, label })),
          },
        ]}
      />
      <p role="status">{t.results(page.total, page.page, page.pages)}</p>
      <DataTable caption={c.caption} columns={[c.name, c.kind, c.country, c.agreements, t.updated]}>
        {page.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{nameIn(r, p.lang)}</a>
            </th>
            <td>{c.kinds[r.type]}</td>
            <td>{r.country ? nameIn(r.country, p.lang) : '—'}</td>
            <td>{String(r.agreements)}</td>
            <td>{day(r.updatedAt, p.lang)}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination lang={p.lang} base={base} params={params} page={page.page} pages={page.pages} />
    </>
  );
}

export type AgreementLine = CounterpartAgreementRow;

export function CounterpartView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: {
    counterpart: CounterpartRecord;
    agreements: AgreementLine[];
    history: AuditEntry[];
    /** The institution's organisations of the partner's country (its posts, its communities' associations). */
    contacts: { id: string; nameIt: string; nameEn: string | null; city: string | null }[];
  };
}) {
  const t = backofficeStrings(p.lang);
  const c = counterpartsStrings(p.lang);
  const r = p.data.counterpart;
  const base = `/admin/${p.lang}/counterparts/${r.id}`;
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/counterparts`}>{t.backToList}</a>
      </p>
      <h1>{nameIn(r, p.lang)}</h1>
      <p class="lead">
        {c.kinds[r.type]}
        {r.country ? ` · ${nameIn(r.country, p.lang)}` : ''}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['nameIt']!, r.nameIt],
          [t.labels['nameEn']!, r.nameEn],
          [c.kind, c.kinds[r.type]],
          [c.country, r.country ? nameIn(r.country, p.lang) : null],
          ...(r.place ? [[c.place, r.place.name] as [string, string]] : []),
          [t.labels['website']!, website(r.website)],
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
      ) : (
        <p class="text-muted">{t.viewerNote}</p>
      )}
      <h2 class="h4 mt-5">{c.agreementsTitle}</h2>
      {p.data.agreements.length === 0 ? (
        <p>{c.noAgreements}</p>
      ) : (
        <DataTable caption={c.agreementsCaption} columns={[c.agreementKind, c.status, c.signed, c.published]}>
          {p.data.agreements.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <a href={`/admin/${p.lang}/agreements/${a.id}`}>
                  {KIND_LABELS[a.kind as AgreementKind]?.[p.lang] ?? a.kind}
                </a>
              </th>
              <td>{STATUS_LABELS[a.status as Status]?.[p.lang] ?? a.status}</td>
              <td>{formatDate(a.signed_on, a.signed_precision as Precision, p.lang) ?? '—'}</td>
              <td>{a.published ? t.yes : t.no}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {p.canWrite ? (
        <section class="mt-5">
          <h2 class="h4">{t.delete}</h2>
          {r.agreements + r.visits > 0 ? (
            <p>{c.inUse(r.agreements, r.visits)}</p>
          ) : (
            <>
              <p>{c.deleteLead}</p>
              <ActionForm
                action={`${base}/delete`}
                session={p.session}
                version={r.version}
                label={`${t.delete}: ${nameIn(r, p.lang)}`}
                danger
              />
            </>
          )}
        </section>
      ) : null}
      <section class="mt-5" aria-labelledby="contacts-title">
        <h2 class="h4" id="contacts-title">
          {c.contactsTitle}
        </h2>
        {p.data.contacts.length === 0 ? (
          <p>{c.noContacts}</p>
        ) : (
          <ul>
            {p.data.contacts.map((o) => (
              <li key={o.id}>
                <a href={`/admin/${p.lang}/organisations/${o.id}`}>
                  {p.lang === 'en' && o.nameEn ? o.nameEn : o.nameIt}
                </a>
                {o.city ? ` — ${o.city}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}

export function counterpartSpecs(kind: 'city' | 'organisation'): FieldSpec[] {
  return [
    { name: 'nameIt', required: true },
    { name: 'nameEn', required: true },
    { name: 'website', kind: 'url', autoComplete: 'url' },
    ...(kind === 'organisation' ? [{ name: 'country' }] : []),
  ];
}

// ── Units ───────────────────────────────────────────────────────────────────────────────────────────────
