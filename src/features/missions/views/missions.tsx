// The back-office pages of missions: the list with search, filters, sort and pages; a mission's page with its
// facts, travellers and their costs, links and history; the fields of the mission's and the traveller's forms
// and the records as form values.
import { todayIso } from '../../../platform/dates.ts';
import type { Lang } from '../../../platform/i18n.ts';
import {
  type AgendaFilters,
  AgendaListHead,
  BriefingLink,
  type FollowUpLine,
  FollowUpsSection,
  Links,
  linkSpecs,
  titleIn,
  whenText,
} from '../../../views/backoffice/agenda.tsx';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { Facts, Pagination, day as updatedDay } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import { MISSION_STATUSES, OFFICES } from '../missions.rules.ts';
import type { MissionRecord, MissionSummary, Traveller } from '../missions.schemas.ts';
import { missionsStrings } from '../missions.strings.ts';

export const MISSION_FIELDS = [
  'titleIt',
  'titleEn',
  'status',
  'startsOn',
  'startsAt',
  'endsOn',
  'endsAt',
  'destinations',
  'purposeIt',
  'purposeEn',
  'meetingsIt',
  'meetingsEn',
  'outcomeIt',
  'outcomeEn',
  'agreementIds',
  'networkIds',
  'published',
] as const;

export const TRAVELLER_FIELDS = [
  'name',
  'role',
  'office',
  'travelCost',
  'lodgingCost',
  'otherCost',
  'currency',
  'paidBy',
  'publicMoney',
] as const;

/** Destinations as the form's lines: "Shanghai, CN". */
const destinationLines = (m: MissionSummary, lang: Lang) =>
  m.destinations.map((d) => `${lang === 'it' ? d.nameIt : d.nameEn}, ${d.countryCode}`).join('\n');

export const missionValues = (m: MissionRecord, lang: Lang = 'it'): Values => ({
  titleIt: m.titleIt,
  titleEn: m.titleEn ?? '',
  status: m.status,
  startsOn: m.startsOn,
  startsAt: m.startsAt ?? '',
  endsOn: m.endsOn,
  endsAt: m.endsAt ?? '',
  destinations: destinationLines(m, lang),
  purposeIt: m.purposeIt ?? '',
  purposeEn: m.purposeEn ?? '',
  meetingsIt: m.meetingsIt ?? '',
  meetingsEn: m.meetingsEn ?? '',
  outcomeIt: m.outcomeIt ?? '',
  outcomeEn: m.outcomeEn ?? '',
  agreementIds: m.agreements.map((a) => a.id).join('\n'),
  networkIds: m.networks.map((n) => n.id).join('\n'),
  published: m.published ? 'yes' : '',
});

export const travellerValues = (t: Traveller): Values => ({
  name: t.name,
  role: t.role ?? '',
  office: t.office,
  travelCost: t.travelCost ?? '',
  lodgingCost: t.lodgingCost ?? '',
  otherCost: t.otherCost ?? '',
  currency: t.currency,
  paidBy: t.paidBy ?? '',
  publicMoney: t.publicMoney ? 'yes' : 'no',
});

type Choices = Parameters<typeof linkSpecs>[1];

export function missionSpecs(lang: Lang, choices: Choices): FieldSpec[] {
  const m = missionsStrings(lang);
  return [
    { name: 'titleIt', required: true },
    { name: 'titleEn' },
    {
      name: 'status',
      kind: 'select',
      options: MISSION_STATUSES.map((s) => ({ value: s, label: m.statuses[s] })),
    },
    { name: 'startsOn', kind: 'date', required: true },
    { name: 'startsAt', kind: 'time' },
    { name: 'endsOn', kind: 'date' },
    { name: 'endsAt', kind: 'time' },
    { name: 'destinations', kind: 'textarea' },
    { name: 'purposeIt', kind: 'textarea' },
    { name: 'purposeEn', kind: 'textarea' },
    { name: 'meetingsIt', kind: 'textarea' },
    { name: 'meetingsEn', kind: 'textarea' },
    { name: 'outcomeIt', kind: 'textarea' },
    { name: 'outcomeEn', kind: 'textarea' },
    ...linkSpecs(lang, choices),
    {
      name: 'published',
      kind: 'select',
      options: [
        { value: '', label: m.no },
        { value: 'yes', label: m.yes },
      ],
    },
  ];
}

export function travellerSpecs(lang: Lang): FieldSpec[] {
  const m = missionsStrings(lang);
  return [
    { name: 'name', required: true, autoComplete: 'off' },
    { name: 'role' },
    {
      name: 'office',
      kind: 'select',
      required: true,
      options: OFFICES.map((o) => ({ value: o, label: m.offices[o] })),
    },
    { name: 'travelCost', inputMode: 'decimal' },
    { name: 'lodgingCost', inputMode: 'decimal' },
    { name: 'otherCost', inputMode: 'decimal' },
    { name: 'currency' },
    { name: 'paidBy' },
    {
      name: 'publicMoney',
      kind: 'select',
      options: [
        { value: 'yes', label: m.yes },
        { value: 'no', label: m.no },
      ],
    },
  ];
}

export type MissionFilters = AgendaFilters;

const places = (m: MissionSummary, lang: Lang) =>
  m.destinations.map((d) => (lang === 'it' ? d.nameIt : d.nameEn)).join(', ') || '—';

export function MissionListView(p: {
  lang: Lang;
  data: { items: MissionSummary[]; total: number; page: number; pages: number };
  filters: MissionFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const m = missionsStrings(p.lang);
  const base = `/admin/${p.lang}/missions`;
  return (
    <>
      <AgendaListHead
        lang={p.lang}
        base={base}
        words={m}
        statuses={MISSION_STATUSES}
        filters={p.filters}
        canWrite={p.canWrite}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable caption={m.caption} columns={[m.titleColumn, m.dates, m.where, t.labels['status']!]}>
        {p.data.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{titleIn(r, p.lang)}</a>
              {r.example ? <span class="badge bg-secondary ms-2">{m.example}</span> : null}
            </th>
            <td>{whenText(r, p.lang)}</td>
            <td>{places(r, p.lang)}</td>
            <td>{m.statuses[r.status]}</td>
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

const money = (value: string | null, currency: string, lang: Lang) =>
  value === null
    ? '—'
    : new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency }).format(
        Number(value),
      );

/** The sum of a traveller's costs, in cents so that no float drifts. */
const totalOf = (t: Traveller) =>
  [t.travelCost, t.lodgingCost, t.otherCost].reduce(
    (s, v) => s + (v === null ? 0 : Math.round(Number(v) * 100)),
    0,
  );

function Travellers(p: { lang: Lang; session: Session; mission: MissionRecord; canWrite: boolean }) {
  const m = missionsStrings(p.lang);
  const t = backofficeStrings(p.lang);
  const base = `/admin/${p.lang}/missions/${p.mission.id}`;
  if (p.mission.travellers.length === 0) return <p>{m.noTravellers}</p>;
  const cols = [
    t.labels['name']!,
    t.labels['office']!,
    t.labels['travelCost']!,
    t.labels['lodgingCost']!,
    t.labels['otherCost']!,
    m.total,
    m.publicMoney,
  ];
  return (
    <DataTable
      caption={m.travellersCaption}
      tableClass="ponte-stacked"
      columns={[...cols, p.canWrite ? { hidden: t.edit } : null]}
    >
      {p.mission.travellers.map((r) => (
        <tr key={r.id}>
          <td data-label={cols[0]}>
            <strong>{r.name}</strong>
            {r.role ? <div class="small">{r.role}</div> : null}
          </td>
          <td data-label={cols[1]}>{m.offices[r.office]}</td>
          <td data-label={cols[2]}>{money(r.travelCost, r.currency, p.lang)}</td>
          <td data-label={cols[3]}>{money(r.lodgingCost, r.currency, p.lang)}</td>
          <td data-label={cols[4]}>{money(r.otherCost, r.currency, p.lang)}</td>
          <td data-label={cols[5]}>{money(String(totalOf(r) / 100), r.currency, p.lang)}</td>
          <td data-label={cols[6]}>{r.publicMoney ? m.yes : m.no}</td>
          {p.canWrite ? (
            <td>
              <a href={`${base}/travellers/${r.id}/edit`}>
                {t.edit}
                <span class="visually-hidden">{`: ${r.name}`}</span>
              </a>
              <div class="mt-2">
                <ActionForm
                  action={`${base}/travellers/${r.id}/delete`}
                  session={p.session}
                  version={r.version}
                  label={m.deleteTraveller(r.name)}
                  danger
                />
              </div>
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

export function MissionView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { mission: MissionRecord; history: AuditEntry[]; followUps: FollowUpLine[] };
}) {
  const t = backofficeStrings(p.lang);
  const m = missionsStrings(p.lang);
  const r = p.data.mission;
  const base = `/admin/${p.lang}/missions/${r.id}`;
  const label = (name: string) => t.labels[name] ?? name;
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/missions`}>{t.backToList}</a>
      </p>
      <h1>{titleIn(r, p.lang)}</h1>
      <p class="lead">
        {whenText(r, p.lang)} · {m.statuses[r.status]} ·{' '}
        {r.example ? m.example : r.published ? m.published : m.notPublished}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [label('destinations'), places(r, p.lang)],
          [label('titleIt'), r.titleIt],
          [label('titleEn'), r.titleEn],
          [label('purposeIt'), r.purposeIt],
          [label('purposeEn'), r.purposeEn],
          [label('meetingsIt'), r.meetingsIt],
          [label('meetingsEn'), r.meetingsEn],
          [label('outcomeIt'), r.outcomeIt],
          [label('outcomeEn'), r.outcomeEn],
          [t.version, String(r.version)],
          [t.updated, updatedDay(r.updatedAt, p.lang)],
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
      <BriefingLink lang={p.lang} base={base} />
      <h2 class="h4 mt-5">{m.travellers}</h2>
      <Travellers lang={p.lang} session={p.session} mission={r} canWrite={p.canWrite} />
      {p.canWrite ? (
        <p>
          <a class="btn btn-outline-primary" href={`${base}/travellers/new`}>
            {m.addTraveller}
          </a>
        </p>
      ) : null}
      <h2 class="h4 mt-5">{m.links}</h2>
      <Links lang={p.lang} agreements={r.agreements} networks={r.networks} none={m.noLinks} />
      <FollowUpsSection
        lang={p.lang}
        session={p.session}
        base={base}
        items={p.data.followUps}
        canWrite={p.canWrite}
        today={todayIso()}
      />
      {p.canWrite ? (
        <section class="mt-5">
          <h2 class="h4">{t.delete}</h2>
          <p>{m.deleteLead}</p>
          <ActionForm
            action={`${base}/delete`}
            session={p.session}
            version={r.version}
            label={`${t.delete}: ${titleIn(r, p.lang)}`}
            danger
          />
        </section>
      ) : null}
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}
