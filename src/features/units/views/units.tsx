// The back-office pages of the office's units: the list, the record page with what the unit follows and its
// history, and the fields of its form.

import type { Lang } from '../../../platform/i18n.ts';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { day, Facts, ListFilters, nameIn, Pagination } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { SourceList, sourcesToLines } from '../../../views/sources.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { ListPage } from '../../counterparts/counterparts.service.ts';
import type { UnitRecord } from '../units.service.ts';
import { unitsStrings } from '../units.strings.ts';

export const UNIT_FIELDS = [
  'slug',
  'nameIt',
  'nameEn',
  'remitIt',
  'remitEn',
  'head',
  'email',
  'phone',
  'sources',
] as const;

export const unitValues = (u: UnitRecord): Values => ({
  slug: u.slug,
  nameIt: u.nameIt,
  nameEn: u.nameEn,
  remitIt: u.remitIt ?? '',
  remitEn: u.remitEn ?? '',
  head: u.head ?? '',
  email: u.email ?? '',
  phone: u.phone ?? '',
  sources: sourcesToLines(u.sources),
});

export interface UnitFilters {
  q: string;
  sort: string;
}

export function UnitListView(p: {
  lang: Lang;
  data: ListPage<UnitRecord>;
  filters: UnitFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const u = unitsStrings(p.lang);
  const base = `/admin/${p.lang}/units`;
  return (
    <>
      <h1>{u.title}</h1>
      <p class="lead">{u.lead}</p>
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${base}/new`}>
            {u.add}
          </a>
        </p>
      ) : null}
      <ListFilters
        lang={p.lang}
        action={base}
        search={{ label: u.search, value: p.filters.q }}
        selects={[
          {
            name: 'sort',
            label: t.sortBy,
            value: p.filters.sort,
            options: Object.entries(u.sorts).map(([value, label]) => ({ value, label })),
          },
        ]}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable caption={u.caption} columns={[u.name, u.slug, u.head, u.networks, u.agreements]}>
        {p.data.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{nameIn(r, p.lang)}</a>
            </th>
            <td>
              <code>{r.slug}</code>
            </td>
            <td>{r.head ?? '—'}</td>
            <td>{String(r.usage.memberships)}</td>
            <td>{String(r.usage.agreements)}</td>
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

export function UnitView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { unit: UnitRecord; history: AuditEntry[] };
}) {
  const t = backofficeStrings(p.lang);
  const u = unitsStrings(p.lang);
  const r = p.data.unit;
  const base = `/admin/${p.lang}/units/${r.id}`;
  const { memberships, agreements } = r.usage;
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/units`}>{t.backToList}</a>
      </p>
      <h1>{nameIn(r, p.lang)}</h1>
      <p class="lead">{u.usage(memberships, agreements)}</p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['slug']!, <code>{r.slug}</code>],
          [t.labels['nameIt']!, r.nameIt],
          [t.labels['nameEn']!, r.nameEn],
          [t.labels['remitIt']!, r.remitIt],
          [t.labels['remitEn']!, r.remitEn],
          [t.labels['head']!, r.head],
          [t.labels['email']!, r.email],
          [t.labels['phone']!, r.phone],
          [
            t.labels['sources']!,
            r.sources.length > 0 ? <SourceList sources={r.sources} lang={p.lang} class="mb-0" /> : null,
          ],
          [t.version, String(r.version)],
          [t.updated, day(r.updatedAt, p.lang)],
        ]}
      />
      {p.canWrite ? (
        <>
          <p>
            <a class="btn btn-primary" href={`${base}/edit`}>
              {t.edit}
            </a>
          </p>
          <section class="mt-5">
            <h2 class="h4">{t.delete}</h2>
            {memberships + agreements > 0 ? (
              <p>{u.inUse(memberships, agreements)}</p>
            ) : (
              <>
                <p>{u.deleteLead}</p>
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
        </>
      ) : (
        <p class="text-muted">{t.viewerNote}</p>
      )}
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}

export const UNIT_SPECS: FieldSpec[] = [
  { name: 'slug', required: true },
  { name: 'nameIt', required: true },
  { name: 'nameEn', required: true },
  { name: 'remitIt', kind: 'textarea' },
  { name: 'remitEn', kind: 'textarea' },
  { name: 'head', autoComplete: 'name' },
  { name: 'email', kind: 'email', autoComplete: 'email' },
  { name: 'phone', kind: 'tel', autoComplete: 'tel' },
  { name: 'sources', kind: 'textarea' },
];

// ── Networks and memberships ────────────────────────────────────────────────────────────────────────────
