// The back-office pages of networks and memberships: the catalogue with the institution's memberships, a
// network's page with its membership and the history of both, and the fields of their forms.
import { formatPartialDate } from '../../../platform/dates.ts';
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { Facts, ListFilters, locale, nameIn, Pagination, website } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { SourceList, sourcesToLines } from '../../../views/sources.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { ListPage } from '../../counterparts/counterparts.service.ts';
import type { MembershipRecord, NetworkEntry } from '../networks.service.ts';
import { networksStrings } from '../networks.strings.ts';

export const NETWORK_FIELDS = [
  'slug',
  'acronym',
  'nameIt',
  'nameEn',
  'website',
  'descriptionIt',
  'descriptionEn',
  'sources',
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
  'sources',
] as const;

export const networkValues = (n: NetworkEntry): Values => ({
  slug: n.slug,
  acronym: n.acronym ?? '',
  nameIt: n.nameIt,
  nameEn: n.nameEn,
  website: n.website ?? '',
  descriptionIt: n.descriptionIt ?? '',
  descriptionEn: n.descriptionEn ?? '',
  sources: sourcesToLines(n.sources),
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
  sources: sourcesToLines(m.sources),
});

export interface NetworkFilters {
  q: string;
  member: string;
  sort: string;
}

type DirectoryItem = { network: NetworkEntry; membership: MembershipRecord | null };

const sinceText = (m: MembershipRecord, lang: Lang) =>
  formatDate(m.since.date, m.since.precision, lang) ?? networksStrings(lang).unknownDate;

const networkName = (n: NetworkEntry, lang: Lang) =>
  n.acronym && n.acronym !== nameIn(n, lang) ? `${nameIn(n, lang)} (${n.acronym})` : nameIn(n, lang);

export function NetworkListView(p: {
  lang: Lang;
  data: ListPage<DirectoryItem>;
  filters: NetworkFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const n = networksStrings(p.lang);
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
      <DataTable caption={n.caption} columns={[n.name, n.isMember, n.since, n.role, n.unit]}>
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
  const t = backofficeStrings(p.lang);
  const n = networksStrings(p.lang);
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
          [
            t.labels['sources']!,
            network.sources.length ? <SourceList sources={network.sources} lang={p.lang} /> : null,
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
                [
                  t.labels['sources']!,
                  membership.sources.length ? (
                    <SourceList sources={membership.sources} lang={p.lang} />
                  ) : null,
                ],
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
    { name: 'sources', kind: 'textarea' },
  ];
}

export function membershipSpecs(
  lang: Lang,
  units: { id: string; nameIt: string; nameEn: string }[],
): FieldSpec[] {
  return [
    { name: 'since' },
    { name: 'roleIt' },
    { name: 'roleEn' },
    {
      name: 'unitId',
      kind: 'select',
      options: [
        { value: '', label: networksStrings(lang).noUnit },
        ...units.map((u) => ({ value: u.id, label: nameIn(u, lang) })),
      ],
    },
    { name: 'workingGroups', kind: 'textarea' },
    { name: 'annualFee', inputMode: 'decimal' },
    { name: 'feeCurrency' },
    { name: 'notes', kind: 'textarea' },
    { name: 'sources', kind: 'textarea' },
  ];
}
