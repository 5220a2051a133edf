// The back-office pages of the registry: partners (counterparts), networks and memberships, units. Lists are
// GET forms with numbered pages that keep the filters, so they work without JavaScript; forms carry the
// version they started from, and a refused stale save shows the stored version beside the one sent.

import { type ComponentChildren, Fragment } from 'preact';
import { formatPartialDate, type Precision } from '../../../platform/dates.ts';
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { DataLink } from '../../../views/data-link.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import { KIND_LABELS, STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import type { CounterpartAgreementRow } from '../../agreements/agreements.repository.ts';
import type { AgreementKind, Status } from '../../agreements/agreements.schemas.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import type { CounterpartRecord, ListPage } from '../../counterparts/counterparts.service.ts';
import type { UnitRecord } from '../../institutions/institutions.service.ts';
import type { MembershipRecord, NetworkEntry } from '../../networks/networks.service.ts';
import { registryStrings } from '../registry.strings.ts';
import { ConflictTable, Field } from './fields.tsx';
import { AuditTable } from './history.tsx';

export type Values = Record<string, string>;
export type Errors = Record<string, string>;

const locale = (lang: Lang) => (lang === 'it' ? 'it-IT' : 'en-GB');
const day = (iso: string, lang: Lang) => new Date(iso).toLocaleDateString(locale(lang));
const nameIn = (x: { nameIt: string; nameEn: string }, lang: Lang) => (lang === 'it' ? x.nameIt : x.nameEn);

// ── Form values of each record ──────────────────────────────────────────────────────────────────────────

export const COUNTERPART_FIELDS = ['nameIt', 'nameEn', 'website', 'country'] as const;
export const UNIT_FIELDS = ['slug', 'nameIt', 'nameEn', 'remitIt', 'remitEn', 'head'] as const;
export const NETWORK_FIELDS = [
  'slug',
  'acronym',
  'nameIt',
  'nameEn',
  'website',
  'descriptionIt',
  'descriptionEn',
] as const;
export const MEMBERSHIP_FIELDS = [
  'since',
  'roleIt',
  'roleEn',
  'unitId',
  'workingGroups',
  'annualFee',
  'feeCurrency',
  'notes',
] as const;

export const counterpartValues = (c: CounterpartRecord): Values => ({
  nameIt: c.nameIt,
  nameEn: c.nameEn,
  website: c.website ?? '',
  country: c.country?.code ?? '',
});

export const unitValues = (u: UnitRecord): Values => ({
  slug: u.slug,
  nameIt: u.nameIt,
  nameEn: u.nameEn,
  remitIt: u.remitIt ?? '',
  remitEn: u.remitEn ?? '',
  head: u.head ?? '',
});

export const networkValues = (n: NetworkEntry): Values => ({
  slug: n.slug,
  acronym: n.acronym ?? '',
  nameIt: n.nameIt,
  nameEn: n.nameEn,
  website: n.website ?? '',
  descriptionIt: n.descriptionIt ?? '',
  descriptionEn: n.descriptionEn ?? '',
});

export const membershipValues = (m: MembershipRecord): Values => ({
  since: formatPartialDate(m.since.date, m.since.precision) ?? '',
  roleIt: m.roleIt ?? '',
  roleEn: m.roleEn ?? '',
  unitId: m.unit?.id ?? '',
  workingGroups: m.workingGroups.join('\n'),
  annualFee: m.annualFee ?? '',
  feeCurrency: m.feeCurrency ?? '',
  notes: m.notes ?? '',
});

// ── Building blocks ─────────────────────────────────────────────────────────────────────────────────────

export interface FieldSpec {
  name: string;
  kind?: 'text' | 'url' | 'textarea' | 'select';
  required?: boolean;
  options?: { value: string; label: string }[];
  inputMode?: 'decimal' | 'text';
  autoComplete?: string;
}

/** A field of a registry form, labelled and hinted from the registry's strings. */
function FormField(p: { lang: Lang; spec: FieldSpec; value: string; error?: string | undefined }) {
  const t = registryStrings(p.lang);
  const { name, kind = 'text' } = p.spec;
  return (
    <Field
      name={name}
      label={t.labels[name] ?? name}
      value={p.value}
      kind={kind}
      options={(p.spec.options ?? []).map((o) => [o.value, o.label] as const)}
      hint={t.hints[name]}
      error={p.error}
      required={p.spec.required}
      inputMode={p.spec.inputMode}
      autoComplete={kind === 'textarea' || kind === 'select' ? undefined : (p.spec.autoComplete ?? 'off')}
    />
  );
}

/** A form value as the person reads it: a select's option by its label. */
const optionText = (spec: FieldSpec, value: string | undefined) =>
  spec.options?.find((o) => o.value === value)?.label ?? value ?? '';

export interface Conflict {
  stored: Values;
  sent: Values;
}

/** A record's form: hidden CSRF token and version, the fields, and the conflict table after a stale save. */
export function RecordForm(p: {
  lang: Lang;
  title: string;
  lead?: ComponentChildren;
  action: string;
  session: Session;
  version?: number | undefined;
  specs: FieldSpec[];
  values: Values;
  errors?: Errors | undefined;
  conflict?: Conflict | undefined;
  submit: string;
  back: { href: string; label: string };
}) {
  const t = registryStrings(p.lang);
  const errors = p.errors ?? {};
  return (
    <>
      <h1>{p.title}</h1>
      {p.lead ? <div class="lead mb-4">{p.lead}</div> : null}
      {p.conflict ? (
        <ConflictTable
          lang={p.lang}
          rows={p.specs.map((spec) => ({
            name: spec.name,
            label: t.labels[spec.name] ?? spec.name,
            stored: optionText(spec, p.conflict?.stored[spec.name]),
            sent: optionText(spec, p.conflict?.sent[spec.name]),
          }))}
        />
      ) : null}
      <form method="post" action={p.action} class="mt-4" style="max-width: 44rem" novalidate>
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        {p.version !== undefined ? <input type="hidden" name="version" value={String(p.version)} /> : null}
        {p.specs.map((spec) => (
          <FormField
            key={spec.name}
            lang={p.lang}
            spec={spec}
            value={p.values[spec.name] ?? ''}
            error={errors[spec.name]}
          />
        ))}
        <div class="d-flex flex-wrap gap-3 align-items-center">
          <button type="submit" class="btn btn-primary">
            {p.submit}
          </button>
          <a href={p.back.href}>{p.back.label}</a>
        </div>
      </form>
      {p.version !== undefined ? <p class="text-muted mt-3">{`${t.version} ${p.version}`}</p> : null}
    </>
  );
}

/** An address of a list page with its filters (empty ones left out) and a page number. */
export function listHref(base: string, params: Values, page?: number): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  if (page && page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/** The pages of a list as numbered links (with the first, the last and those around the current one). */
export function Pagination(p: { lang: Lang; base: string; params: Values; page: number; pages: number }) {
  const t = registryStrings(p.lang);
  if (p.pages <= 1) return null;
  const shown = [...new Set([1, p.page - 2, p.page - 1, p.page, p.page + 1, p.page + 2, p.pages])]
    .filter((n) => n >= 1 && n <= p.pages)
    .sort((a, b) => a - b);
  const items: ComponentChildren[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) {
      items.push(
        <li class="page-item" key={`gap-${n}`} aria-hidden="true">
          <span class="page-link">…</span>
        </li>,
      );
    }
    items.push(
      <li class="page-item" key={n}>
        <a
          class="page-link"
          href={listHref(p.base, p.params, n)}
          aria-current={n === p.page ? 'page' : undefined}
        >
          <span class="visually-hidden">{`${t.page} `}</span>
          {String(n)}
        </a>
      </li>,
    );
  });
  return (
    <nav class="pagination-wrapper mt-4" aria-label={t.pagination}>
      <ul class="pagination flex-wrap">
        {p.page > 1 ? (
          <li class="page-item">
            <a class="page-link" href={listHref(p.base, p.params, p.page - 1)} rel="prev">
              {`‹ ${t.previous}`}
            </a>
          </li>
        ) : null}
        {items}
        {p.page < p.pages ? (
          <li class="page-item">
            <a class="page-link" href={listHref(p.base, p.params, p.page + 1)} rel="next">
              {`${t.next} ›`}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The filter form of a list: a search box, selects, the order, and a button; it submits with GET. */
function ListFilters(p: {
  lang: Lang;
  action: string;
  search: { label: string; value: string };
  selects: { name: string; label: string; value: string; options: { value: string; label: string }[] }[];
}) {
  const t = registryStrings(p.lang);
  return (
    <form method="get" action={p.action} class="row my-4 align-items-end">
      <div class="form-group col-md-4">
        <label class="active" for="q">
          {p.search.label}
        </label>
        <input class="form-control" type="search" id="q" name="q" value={p.search.value} />
      </div>
      {p.selects.map((s) => (
        <div class="select-wrapper col-md-2 mb-5" key={s.name}>
          <label for={`l-${s.name}`}>{s.label}</label>
          <select id={`l-${s.name}`} name={s.name}>
            {s.options.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === s.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div class="col-md-2 mb-5">
        <button type="submit" class="btn btn-primary">
          {t.apply}
        </button>
      </div>
    </form>
  );
}

/** A definition list of a record's facts; empty values show as a dash. */
function Facts(p: { rows: [label: string, value: ComponentChildren][] }) {
  return (
    <dl class="row">
      {p.rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt class="col-sm-4">{label}</dt>
          <dd class="col-sm-8">{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A POST form with one button (delete, leave), carrying the CSRF token and the version. */
function ActionForm(p: {
  action: string;
  session: Session;
  version: number;
  label: string;
  danger?: boolean;
}) {
  return (
    <form method="post" action={p.action} class="d-inline">
      <input type="hidden" name="_csrf" value={p.session.csrfToken} />
      <input type="hidden" name="version" value={String(p.version)} />
      <button type="submit" class={p.danger ? 'btn btn-outline-danger' : 'btn btn-outline-primary'}>
        {p.label}
      </button>
    </form>
  );
}

/** A web address as a link (as text if it is not one a page may link); null (a dash) when there is none. */
const website = (href: string | null) =>
  href ? (
    <DataLink href={href} rel="noopener noreferrer">
      {href}
    </DataLink>
  ) : null;

// ── Counterparts ────────────────────────────────────────────────────────────────────────────────────────

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
  const t = registryStrings(p.lang);
  const c = t.counterparts;
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
      <div class="table-responsive">
        <table class="table">
          <caption>{c.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.name}</th>
              <th scope="col">{c.kind}</th>
              <th scope="col">{c.country}</th>
              <th scope="col">{c.agreements}</th>
              <th scope="col">{t.updated}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={`${base}/${r.id}`}>{nameIn(r, p.lang)}</a>
                </th>
                <td>{c.kinds[r.kind]}</td>
                <td>{r.country ? nameIn(r.country, p.lang) : '—'}</td>
                <td>{String(r.agreements)}</td>
                <td>{day(r.updatedAt, p.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination lang={p.lang} base={base} params={params} page={page.page} pages={page.pages} />
    </>
  );
}

export type AgreementLine = CounterpartAgreementRow;

export function CounterpartView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { counterpart: CounterpartRecord; agreements: AgreementLine[]; history: AuditEntry[] };
}) {
  const t = registryStrings(p.lang);
  const c = t.counterparts;
  const r = p.data.counterpart;
  const base = `/admin/${p.lang}/counterparts/${r.id}`;
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/counterparts`}>{t.backToList}</a>
      </p>
      <h1>{nameIn(r, p.lang)}</h1>
      <p class="lead">
        {c.kinds[r.kind]}
        {r.country ? ` · ${nameIn(r.country, p.lang)}` : ''}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['nameIt']!, r.nameIt],
          [t.labels['nameEn']!, r.nameEn],
          [c.kind, c.kinds[r.kind]],
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
        <div class="table-responsive">
          <table class="table">
            <caption>{c.agreementsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.agreementKind}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.signed}</th>
                <th scope="col">{c.published}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
      {p.canWrite ? (
        <section class="mt-5">
          <h2 class="h4">{t.delete}</h2>
          {r.agreements > 0 ? (
            <p>{c.inUse(r.agreements)}</p>
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
  const t = registryStrings(p.lang);
  const u = t.units;
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
      <div class="table-responsive">
        <table class="table">
          <caption>{u.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{u.name}</th>
              <th scope="col">{u.slug}</th>
              <th scope="col">{u.head}</th>
              <th scope="col">{u.networks}</th>
              <th scope="col">{u.agreements}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
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
  const t = registryStrings(p.lang);
  const u = t.units;
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
];

// ── Networks and memberships ────────────────────────────────────────────────────────────────────────────

export interface NetworkFilters {
  q: string;
  member: string;
  sort: string;
}

type DirectoryItem = { network: NetworkEntry; membership: MembershipRecord | null };

const sinceText = (m: MembershipRecord, lang: Lang) =>
  formatDate(m.since.date, m.since.precision, lang) ?? registryStrings(lang).networks.unknownDate;

const networkName = (n: NetworkEntry, lang: Lang) =>
  n.acronym && n.acronym !== nameIn(n, lang) ? `${nameIn(n, lang)} (${n.acronym})` : nameIn(n, lang);

export function NetworkListView(p: {
  lang: Lang;
  data: ListPage<DirectoryItem>;
  filters: NetworkFilters;
  canWrite: boolean;
}) {
  const t = registryStrings(p.lang);
  const n = t.networks;
  const base = `/admin/${p.lang}/networks`;
  return (
    <>
      <h1>{n.title}</h1>
      <p class="lead">{n.lead}</p>
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${base}/new`}>
            {n.add}
          </a>
        </p>
      ) : null}
      <ListFilters
        lang={p.lang}
        action={base}
        search={{ label: n.search, value: p.filters.q }}
        selects={[
          {
            name: 'member',
            label: n.member,
            value: p.filters.member,
            options: [
              { value: '', label: n.anyMembership },
              { value: 'yes', label: n.members },
              { value: 'no', label: n.nonMembers },
            ],
          },
          {
            name: 'sort',
            label: t.sortBy,
            value: p.filters.sort,
            options: Object.entries(n.sorts).map(([value, label]) => ({ value, label })),
          },
        ]}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <div class="table-responsive">
        <table class="table">
          <caption>{n.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{n.name}</th>
              <th scope="col">{n.isMember}</th>
              <th scope="col">{n.since}</th>
              <th scope="col">{n.role}</th>
              <th scope="col">{n.unit}</th>
            </tr>
          </thead>
          <tbody>
            {p.data.items.map(({ network, membership }) => (
              <tr key={network.id}>
                <th scope="row">
                  <a href={`${base}/${network.id}`}>{networkName(network, p.lang)}</a>
                </th>
                <td>{membership ? t.yes : t.no}</td>
                <td>{membership ? sinceText(membership, p.lang) : '—'}</td>
                <td>{(p.lang === 'it' ? membership?.roleIt : membership?.roleEn) ?? '—'}</td>
                <td>{membership?.unit ? nameIn(membership.unit, p.lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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

const fee = (m: MembershipRecord, lang: Lang) =>
  m.annualFee === null
    ? null
    : `${new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        Number(m.annualFee),
      )} ${m.feeCurrency ?? ''}`.trim();

export function NetworkView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  canEditCatalogue: boolean;
  data: DirectoryItem & { history: AuditEntry[] };
}) {
  const t = registryStrings(p.lang);
  const n = t.networks;
  const { network, membership } = p.data;
  const base = `/admin/${p.lang}/networks/${network.id}`;
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/networks`}>{t.backToList}</a>
      </p>
      <h1>{networkName(network, p.lang)}</h1>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['slug']!, <code>{network.slug}</code>],
          [t.labels['acronym']!, network.acronym],
          [t.labels['nameIt']!, network.nameIt],
          [t.labels['nameEn']!, network.nameEn],
          [t.labels['website']!, website(network.website)],
          [
            t.labels[p.lang === 'it' ? 'descriptionIt' : 'descriptionEn']!,
            p.lang === 'it' ? network.descriptionIt : network.descriptionEn,
          ],
          [t.version, String(network.version)],
        ]}
      />
      {p.canEditCatalogue ? (
        <>
          <p>
            <a class="btn btn-outline-primary" href={`${base}/edit`}>
              {t.edit}
            </a>
          </p>
          <p class="text-muted">{n.deleteLead}</p>
          <ActionForm
            action={`${base}/delete`}
            session={p.session}
            version={network.version}
            label={`${t.delete}: ${networkName(network, p.lang)}`}
            danger
          />
        </>
      ) : (
        <p class="text-muted">{n.catalogueNote}</p>
      )}
      <section class="mt-5" aria-labelledby="membership-title">
        <h2 class="h4" id="membership-title">
          {n.membershipTitle}
        </h2>
        {membership ? (
          <>
            <Facts
              rows={[
                [t.labels['since']!, sinceText(membership, p.lang)],
                [t.labels['roleIt']!, membership.roleIt],
                [t.labels['roleEn']!, membership.roleEn],
                [t.labels['unitId']!, membership.unit ? nameIn(membership.unit, p.lang) : null],
                [t.labels['workingGroups']!, membership.workingGroups.join(', ')],
                [n.fee, fee(membership, p.lang)],
                [t.labels['notes']!, membership.notes],
                [t.version, String(membership.version)],
              ]}
            />
            {p.canWrite ? (
              <div class="d-flex flex-wrap gap-3 align-items-center">
                <a class="btn btn-primary" href={`/admin/${p.lang}/memberships/${membership.id}/edit`}>
                  {n.editMembership}
                </a>
                <ActionForm
                  action={`/admin/${p.lang}/memberships/${membership.id}/delete`}
                  session={p.session}
                  version={membership.version}
                  label={n.leave}
                  danger
                />
              </div>
            ) : null}
            {p.canWrite ? <p class="text-muted mt-2">{n.leaveLead}</p> : null}
          </>
        ) : (
          <>
            <p>{n.notMember}</p>
            {p.canWrite ? (
              <p>
                <a class="btn btn-primary" href={`${base}/join`}>
                  {n.join}
                </a>
              </p>
            ) : null}
          </>
        )}
        {p.canWrite ? null : <p class="text-muted">{t.viewerNote}</p>}
      </section>
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}

export function networkSpecs(mode: 'new' | 'edit'): FieldSpec[] {
  return [
    ...(mode === 'new' ? [{ name: 'slug', required: true }] : []),
    { name: 'acronym' },
    { name: 'nameIt', required: true },
    { name: 'nameEn', required: true },
    { name: 'website', kind: 'url', autoComplete: 'url' },
    { name: 'descriptionIt', kind: 'textarea' },
    { name: 'descriptionEn', kind: 'textarea' },
  ];
}

export function membershipSpecs(
  lang: Lang,
  units: { id: string; nameIt: string; nameEn: string }[],
): FieldSpec[] {
  const t = registryStrings(lang);
  return [
    { name: 'since' },
    { name: 'roleIt' },
    { name: 'roleEn' },
    {
      name: 'unitId',
      kind: 'select',
      options: [
        { value: '', label: t.networks.noUnit },
        ...units.map((u) => ({ value: u.id, label: nameIn(u, lang) })),
      ],
    },
    { name: 'workingGroups', kind: 'textarea' },
    { name: 'annualFee', inputMode: 'decimal' },
    { name: 'feeCurrency' },
    { name: 'notes', kind: 'textarea' },
  ];
}
