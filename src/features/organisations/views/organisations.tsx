// The back-office pages of the contacts register's organisations: the list with search (any script, without
// accents), filters by kind and country, sort and pages; an organisation's page with its facts (notes marked
// internal), its contacts, its place on the map and its history; the fields of its form and the record as form
// values.
import { telUri } from '../../../platform/contacts.ts';
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { languageName } from '../../../platform/languages.ts';
import { ContactsTabs } from '../../../views/backoffice/contacts.tsx';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import {
  Facts,
  ListFilters,
  nameIn,
  Pagination,
  day as updatedDay,
  website,
} from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import { ORGANISATION_KINDS, POST_KINDS } from '../organisations.rules.ts';
import type { OrganisationRecord } from '../organisations.schemas.ts';
import { organisationsStrings } from '../organisations.strings.ts';

export const ORGANISATION_FIELDS = [
  'kind',
  'postKind',
  'nameIt',
  'nameEn',
  'country',
  'communities',
  'languages',
  'district',
  'address',
  'city',
  'coordinates',
  'phone',
  'email',
  'website',
  'openingHoursIt',
  'openingHoursEn',
  'activitiesIt',
  'activitiesEn',
  'registerNumber',
  'notes',
  'published',
] as const;

/** "Consolato generale" for a post, the kind's name otherwise. */
export const kindText = (o: Pick<OrganisationRecord, 'kind' | 'postKind'>, lang: Lang) => {
  const s = organisationsStrings(lang);
  return o.postKind ? s.postKinds[o.postKind] : s.kinds[o.kind];
};

export const organisationName = (o: Pick<OrganisationRecord, 'nameIt' | 'nameEn'>, lang: Lang) =>
  lang === 'en' && o.nameEn ? o.nameEn : o.nameIt;

/** The record as its form shows it: countries and languages by their names in the page's language. */
export const organisationValues = (o: OrganisationRecord, lang: Lang): Values => ({
  kind: o.kind,
  postKind: o.postKind ?? '',
  nameIt: o.nameIt,
  nameEn: o.nameEn ?? '',
  country: o.country ? nameIn(o.country, lang) : '',
  communities: o.communities.map((c) => nameIn(c, lang)).join(', '),
  languages: o.languages.map((l) => languageName(l, lang)).join(', '),
  district: o.district.join(', '),
  address: o.address ?? '',
  city: o.city ?? '',
  coordinates: o.point ? `${o.point.latitude}, ${o.point.longitude}` : '',
  phone: o.phone ?? '',
  email: o.email ?? '',
  website: o.website ?? '',
  openingHoursIt: o.openingHoursIt ?? '',
  openingHoursEn: o.openingHoursEn ?? '',
  activitiesIt: o.activitiesIt ?? '',
  activitiesEn: o.activitiesEn ?? '',
  registerNumber: o.registerNumber ?? '',
  notes: o.notes ?? '',
  published: o.published ? 'yes' : '',
});

export function organisationSpecs(lang: Lang): FieldSpec[] {
  const s = organisationsStrings(lang);
  return [
    {
      name: 'kind',
      kind: 'select',
      required: true,
      options: ORGANISATION_KINDS.map((k) => ({ value: k, label: s.kinds[k] })),
    },
    {
      name: 'postKind',
      kind: 'select',
      options: [
        { value: '', label: s.choosePostKind },
        ...POST_KINDS.map((k) => ({ value: k, label: s.postKinds[k] })),
      ],
    },
    { name: 'nameIt', required: true },
    { name: 'nameEn' },
    { name: 'country', hint: s.countryHint, autoComplete: 'off' },
    { name: 'communities' },
    { name: 'languages', label: s.languagesLabel, hint: s.languagesHint },
    { name: 'district' },
    { name: 'address', autoComplete: 'street-address' },
    { name: 'city', autoComplete: 'address-level2' },
    { name: 'coordinates', inputMode: 'decimal' },
    { name: 'phone', kind: 'tel', autoComplete: 'tel' },
    { name: 'email', kind: 'email', autoComplete: 'email' },
    { name: 'website', kind: 'url', autoComplete: 'url' },
    { name: 'openingHoursIt', kind: 'textarea' },
    { name: 'openingHoursEn', kind: 'textarea' },
    { name: 'activitiesIt', kind: 'textarea' },
    { name: 'activitiesEn', kind: 'textarea' },
    { name: 'registerNumber' },
    { name: 'notes', kind: 'textarea', hint: s.notesHint },
    {
      name: 'published',
      kind: 'select',
      hint: s.publishedHint,
      options: [
        { value: '', label: s.no },
        { value: 'yes', label: s.yes },
      ],
    },
  ];
}

export interface OrganisationFilters {
  q: string;
  kind: string;
  country: string;
  sort: string;
}

type Country = { code: string; nameIt: string; nameEn: string };

export function OrganisationListView(p: {
  lang: Lang;
  data: { items: OrganisationRecord[]; total: number; page: number; pages: number };
  countries: Country[];
  filters: OrganisationFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const s = organisationsStrings(p.lang);
  const base = `/admin/${p.lang}/organisations`;
  return (
    <>
      <ContactsTabs lang={p.lang} current="organisations" />
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
            name: 'kind',
            label: t.labels['kind']!,
            value: p.filters.kind,
            options: [
              { value: '', label: s.anyKind },
              ...ORGANISATION_KINDS.map((k) => ({ value: k, label: s.kinds[k] })),
            ],
          },
          {
            name: 'country',
            label: s.country,
            value: p.filters.country,
            options: [
              { value: '', label: s.anyCountry },
              ...p.countries
                .map((k) => ({ value: k.code, label: nameIn(k, p.lang) }))
                .sort((a, b) => a.label.localeCompare(b.label, p.lang)),
            ],
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
      <DataTable caption={s.caption} columns={[s.nameColumn, s.kindColumn, s.country, s.cityColumn]}>
        {p.data.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{organisationName(r, p.lang)}</a>
              {r.example ? <span class="badge bg-secondary ms-2">{s.example}</span> : null}
            </th>
            <td>{kindText(r, p.lang)}</td>
            <td>{r.country ? nameIn(r.country, p.lang) : '—'}</td>
            <td>{r.city ?? '—'}</td>
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

const osmLink = (pt: { latitude: number; longitude: number }) =>
  `https://www.openstreetmap.org/?mlat=${pt.latitude}&mlon=${pt.longitude}#map=17/${pt.latitude}/${pt.longitude}`;

export function OrganisationView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { organisation: OrganisationRecord; history: AuditEntry[]; holders: Holder[] };
}) {
  const t = backofficeStrings(p.lang);
  const s = organisationsStrings(p.lang);
  const r = p.data.organisation;
  const base = `/admin/${p.lang}/organisations/${r.id}`;
  const bilingual = (itText: string | null, enText: string | null) =>
    p.lang === 'en' ? (enText ?? itText) : (itText ?? enText);
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/organisations`}>{t.backToList}</a>
      </p>
      <h1>{organisationName(r, p.lang)}</h1>
      <p class="lead">
        {kindText(r, p.lang)}
        {r.country ? ` · ${nameIn(r.country, p.lang)}` : ''} ·{' '}
        {r.example ? s.example : r.published ? s.published : s.notPublished}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['nameIt']!, r.nameIt],
          [t.labels['nameEn']!, r.nameEn],
          ...(r.kind === 'consular_post'
            ? ([[t.labels['district']!, r.district.join(', ')]] as [string, string][])
            : []),
          ...(r.communities.length > 0
            ? ([[t.labels['communities']!, r.communities.map((c) => nameIn(c, p.lang)).join(', ')]] as [
                string,
                string,
              ][])
            : []),
          [s.languagesLabel, r.languages.map((l) => languageName(l, p.lang)).join(', ')],
          [
            t.labels[p.lang === 'en' ? 'activitiesEn' : 'activitiesIt']!,
            bilingual(r.activitiesIt, r.activitiesEn),
          ],
          ...(r.kind === 'association'
            ? ([[t.labels['registerNumber']!, r.registerNumber]] as [string, string | null][])
            : []),
          [`${t.labels['notes']} (${s.internal})`, r.notes],
          [t.version, String(r.version)],
          [t.updated, updatedDay(r.updatedAt, p.lang)],
        ]}
      />
      <h2 class="h4 mt-4">{s.contacts}</h2>
      <Facts
        rows={[
          [t.labels['address']!, [r.address, r.city].filter(Boolean).join(', ')],
          [
            t.labels['coordinates']!,
            r.point ? (
              <a href={osmLink(r.point)} rel="noopener noreferrer">
                {s.map} ({r.point.latitude}, {r.point.longitude})
              </a>
            ) : null,
          ],
          [t.labels['phone']!, r.phone ? <a href={telUri(r.phone)}>{r.phone}</a> : null],
          [t.labels['email']!, r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : null],
          [t.labels['website']!, website(r.website)],
          [
            t.labels[p.lang === 'en' ? 'openingHoursEn' : 'openingHoursIt']!,
            bilingual(r.openingHoursIt, r.openingHoursEn),
          ],
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
      <HoldersSection lang={p.lang} holders={p.data.holders} />
      {p.canWrite ? (
        <section class="mt-5">
          <h2 class="h4">{t.delete}</h2>
          <p>{s.deleteLead}</p>
          <ActionForm
            action={`${base}/delete`}
            session={p.session}
            version={r.version}
            label={`${t.delete}: ${organisationName(r, p.lang)}`}
            danger
          />
        </section>
      ) : null}
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}

const dayOf = (iso: string, lang: Lang) => formatDate(iso, 'day', lang) ?? iso;

/** Who held a role in the organisation, as the people's service gives it (null: a person the reader may not see). */
export interface Holder {
  id: string;
  titleIt: string;
  titleEn: string | null;
  head: boolean;
  startsOn: string | null;
  endsOn: string | null;
  current: boolean;
  person: { id: string; name: string; honorific: string | null } | null;
}

/** An organisation's people over time (a consular post's heads among them), for its page. */
export function HoldersSection(p: { lang: Lang; holders: Holder[] }) {
  const s = organisationsStrings(p.lang);
  return (
    <section class="mt-5">
      <h2 class="h4">{s.holders}</h2>
      {p.holders.length === 0 ? (
        <p>{s.noHolders}</p>
      ) : (
        <DataTable caption={s.holders} columns={[s.holderColumn, s.roleColumn, s.periodColumn]}>
          {p.holders.map((h) => (
            <tr key={h.id}>
              <th scope="row">
                {h.person ? (
                  <a href={`/admin/${p.lang}/people/${h.person.id}`}>
                    {[h.person.honorific, h.person.name].filter(Boolean).join(' ')}
                  </a>
                ) : (
                  <em>{s.hiddenPerson}</em>
                )}
              </th>
              <td>
                {p.lang === 'en' && h.titleEn ? h.titleEn : h.titleIt}
                {h.head ? ` (${s.head})` : ''}
              </td>
              <td>
                {[
                  h.startsOn ? s.since(dayOf(h.startsOn, p.lang)) : '',
                  h.endsOn ? s.until(dayOf(h.endsOn, p.lang)) : '',
                ]
                  .filter(Boolean)
                  .join(' ') || '—'}
                {h.current ? ` · ${s.current}` : ''}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
