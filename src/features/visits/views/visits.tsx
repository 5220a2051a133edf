// The back-office pages of visits: the list with search, filters, sort and pages; a visit's page with its
// facts (internal ones marked), programme, links and history; the fields of the visit's and the programme
// item's forms and the records as form values.
import type { ComponentChildren } from 'preact';
import { todayIso } from '../../../platform/dates.ts';
import type { Lang } from '../../../platform/i18n.ts';
import { languageName } from '../../../platform/languages.ts';
import {
  type AgendaFilters,
  AgendaListHead,
  BriefingLink,
  dayText,
  type FollowUpLine,
  FollowUpsSection,
  Links,
  linkSpecs,
  titleIn,
  whenText,
} from '../../../views/backoffice/agenda.tsx';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { Facts, nameIn, Pagination, day as updatedDay } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import { VISIT_INTERNAL, VISIT_STATUSES } from '../visits.rules.ts';
import type { VisitItem, VisitRecord } from '../visits.schemas.ts';
import type { VisitSummary } from '../visits.service.ts';
import { visitsStrings } from '../visits.strings.ts';

export const VISIT_FIELDS = [
  'titleIt',
  'titleEn',
  'status',
  'startsOn',
  'startsAt',
  'endsOn',
  'endsAt',
  'counterpartId',
  'partnerCity',
  'headName',
  'headTitle',
  'delegationSize',
  'purposeIt',
  'purposeEn',
  'languages',
  'interpretingPair',
  'interpretingBooked',
  'interpretingProvider',
  'protocolNotes',
  'outcomeIt',
  'outcomeEn',
  'agreementIds',
  'networkIds',
  'published',
] as const;

export const ITEM_FIELDS = [
  'kind',
  'day',
  'startsAt',
  'endsAt',
  'place',
  'activityIt',
  'activityEn',
  'attendees',
  'tourLanguage',
  'guide',
  'groupSize',
] as const;

export const visitValues = (v: VisitRecord): Values => ({
  titleIt: v.titleIt,
  titleEn: v.titleEn ?? '',
  status: v.status,
  startsOn: v.startsOn,
  startsAt: v.startsAt ?? '',
  endsOn: v.endsOn,
  endsAt: v.endsAt ?? '',
  counterpartId: v.counterpart?.id ?? '',
  partnerCity: '',
  headName: v.headName ?? '',
  headTitle: v.headTitle ?? '',
  delegationSize: v.delegationSize === null ? '' : String(v.delegationSize),
  purposeIt: v.purposeIt ?? '',
  purposeEn: v.purposeEn ?? '',
  languages: v.languages.join(', '),
  interpretingPair: v.interpretingPair ?? '',
  interpretingBooked: v.interpretingBooked ? 'yes' : '',
  interpretingProvider: v.interpretingProvider ?? '',
  protocolNotes: v.protocolNotes ?? '',
  outcomeIt: v.outcomeIt ?? '',
  outcomeEn: v.outcomeEn ?? '',
  agreementIds: v.agreements.map((a) => a.id).join('\n'),
  networkIds: v.networks.map((n) => n.id).join('\n'),
  published: v.published ? 'yes' : '',
});

export const itemValues = (i: VisitItem): Values => ({
  kind: i.kind,
  day: i.day,
  startsAt: i.startsAt ?? '',
  endsAt: i.endsAt ?? '',
  place: i.place ?? '',
  activityIt: i.activityIt,
  activityEn: i.activityEn ?? '',
  attendees: i.attendees ?? '',
  tourLanguage: i.tourLanguage ?? '',
  guide: i.guide ?? '',
  groupSize: i.groupSize === null ? '' : String(i.groupSize),
});

export interface VisitChoices {
  partners: { id: string; nameIt: string; nameEn: string }[];
  agreements: { id: string; kind: string; counterpartIt: string; counterpartEn: string }[];
  networks: { id: string; nameIt: string; nameEn: string }[];
}

export function visitSpecs(lang: Lang, choices: VisitChoices): FieldSpec[] {
  const v = visitsStrings(lang);
  const yesNo = [
    { value: '', label: v.no },
    { value: 'yes', label: v.yes },
  ];
  return [
    { name: 'titleIt', required: true },
    { name: 'titleEn' },
    {
      name: 'status',
      kind: 'select',
      options: VISIT_STATUSES.map((s) => ({ value: s, label: v.statuses[s] })),
    },
    { name: 'startsOn', kind: 'date', required: true },
    { name: 'startsAt', kind: 'time' },
    { name: 'endsOn', kind: 'date' },
    { name: 'endsAt', kind: 'time' },
    {
      name: 'counterpartId',
      kind: 'select',
      options: [
        { value: '', label: v.choosePartner },
        ...choices.partners
          .map((p) => ({ value: p.id, label: nameIn(p, lang) }))
          .sort((a, b) => a.label.localeCompare(b.label, lang)),
      ],
    },
    { name: 'partnerCity' },
    { name: 'headName', autoComplete: 'off' },
    { name: 'headTitle' },
    { name: 'delegationSize', kind: 'number', inputMode: 'decimal' },
    { name: 'purposeIt', kind: 'textarea' },
    { name: 'purposeEn', kind: 'textarea' },
    { name: 'languages' },
    { name: 'interpretingPair' },
    { name: 'interpretingBooked', kind: 'select', options: yesNo },
    { name: 'interpretingProvider' },
    { name: 'protocolNotes', kind: 'textarea' },
    { name: 'outcomeIt', kind: 'textarea' },
    { name: 'outcomeEn', kind: 'textarea' },
    ...linkSpecs(lang, choices),
    { name: 'published', kind: 'select', options: yesNo },
  ];
}

export function itemSpecs(lang: Lang): FieldSpec[] {
  const v = visitsStrings(lang);
  return [
    {
      name: 'kind',
      kind: 'select',
      options: [
        { value: 'activity', label: v.kinds['activity']! },
        { value: 'tour', label: v.kinds['tour']! },
      ],
    },
    { name: 'day', kind: 'date', required: true },
    { name: 'startsAt', kind: 'time' },
    { name: 'endsAt', kind: 'time' },
    { name: 'place' },
    { name: 'activityIt', required: true },
    { name: 'activityEn' },
    { name: 'attendees' },
    { name: 'tourLanguage' },
    { name: 'guide' },
    { name: 'groupSize', kind: 'number', inputMode: 'decimal' },
  ];
}

export type VisitFilters = AgendaFilters;

export function VisitListView(p: {
  lang: Lang;
  data: { items: VisitSummary[]; total: number; page: number; pages: number };
  filters: VisitFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const v = visitsStrings(p.lang);
  const base = `/admin/${p.lang}/visits`;
  return (
    <>
      <AgendaListHead
        lang={p.lang}
        base={base}
        words={v}
        statuses={VISIT_STATUSES}
        filters={p.filters}
        canWrite={p.canWrite}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable caption={v.caption} columns={[v.titleColumn, v.dates, v.partner, t.labels['status']!]}>
        {p.data.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{titleIn(r, p.lang)}</a>
              {r.example ? <span class="badge bg-secondary ms-2">{v.example}</span> : null}
            </th>
            <td>{whenText(r, p.lang)}</td>
            <td>{r.counterpart ? nameIn(r.counterpart, p.lang) : '—'}</td>
            <td>{v.statuses[r.status]}</td>
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

/** A fact of the record page, marked when it is never published. */
function fact(
  lang: Lang,
  name: string,
  value: ComponentChildren,
  internal: readonly string[],
): [string, ComponentChildren] {
  const t = backofficeStrings(lang);
  const label = t.labels[name] ?? name;
  return [internal.includes(name) ? `${label} (${visitsStrings(lang).internal})` : label, value];
}

function Programme(p: { lang: Lang; session: Session; visit: VisitRecord; canWrite: boolean }) {
  const v = visitsStrings(p.lang);
  const t = backofficeStrings(p.lang);
  const base = `/admin/${p.lang}/visits/${p.visit.id}`;
  if (p.visit.programme.length === 0) return <p>{v.noProgramme}</p>;
  const attendees = `${t.labels['attendees']!} (${v.internal})`;
  return (
    <DataTable
      caption={v.programmeCaption}
      tableClass="ponte-stacked"
      columns={[
        t.labels['day']!,
        v.time,
        v.activity,
        t.labels['place']!,
        attendees,
        p.canWrite ? { hidden: t.edit } : null,
      ]}
    >
      {p.visit.programme.map((i) => {
        const activity = p.lang === 'en' ? (i.activityEn ?? i.activityIt) : i.activityIt;
        const tour =
          i.kind === 'tour'
            ? [
                v.tour,
                v.tourLine(
                  i.tourLanguage ? languageName(i.tourLanguage, p.lang) : '',
                  i.groupSize ? String(i.groupSize) : '',
                  i.guide ?? '',
                ),
              ]
                .filter(Boolean)
                .join(': ')
            : '';
        return (
          <tr key={i.id}>
            <td data-label={t.labels['day']!}>{dayText(i.day, p.lang)}</td>
            <td data-label={v.time}>{[i.startsAt, i.endsAt].filter(Boolean).join('–') || '—'}</td>
            <td data-label={v.activity}>
              <strong>{activity}</strong>
              {tour ? <div class="small">{tour}</div> : null}
            </td>
            <td data-label={t.labels['place']!}>{i.place ?? '—'}</td>
            <td data-label={attendees}>{i.attendees ?? '—'}</td>
            {p.canWrite ? (
              <td>
                <a href={`${base}/programme/${i.id}/edit`}>
                  {t.edit}
                  <span class="visually-hidden">{`: ${activity}`}</span>
                </a>
                <div class="mt-2">
                  <ActionForm
                    action={`${base}/programme/${i.id}/delete`}
                    session={p.session}
                    version={i.version}
                    label={v.deleteItem(activity)}
                    danger
                  />
                </div>
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}

export function VisitView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { visit: VisitRecord; history: AuditEntry[]; followUps: FollowUpLine[] };
}) {
  const t = backofficeStrings(p.lang);
  const v = visitsStrings(p.lang);
  const r = p.data.visit;
  const base = `/admin/${p.lang}/visits/${r.id}`;
  const f = (name: string, value: ComponentChildren) => fact(p.lang, name, value, VISIT_INTERNAL);
  const yesNo = (b: boolean) => (b ? t.yes : t.no);
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/visits`}>{t.backToList}</a>
      </p>
      <h1>{titleIn(r, p.lang)}</h1>
      <p class="lead">
        {whenText(r, p.lang)} · {v.statuses[r.status]} ·{' '}
        {r.example ? v.example : r.published ? v.published : v.notPublished}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          f(
            'counterpartId',
            r.counterpart ? (
              <a href={`/admin/${p.lang}/counterparts/${r.counterpart.id}`}>
                {nameIn(r.counterpart, p.lang)}
              </a>
            ) : (
              v.noPartner
            ),
          ),
          f('titleIt', r.titleIt),
          f('titleEn', r.titleEn),
          f('headName', r.headName),
          f('headTitle', r.headTitle),
          f('delegationSize', r.delegationSize === null ? null : String(r.delegationSize)),
          f('purposeIt', r.purposeIt),
          f('purposeEn', r.purposeEn),
          f('languages', r.languages.map((code) => languageName(code, p.lang)).join(', ')),
          f(
            'interpretingPair',
            r.interpretingPair
              ?.split('-')
              .map((code) => languageName(code, p.lang))
              .join(' – ') ?? null,
          ),
          f('interpretingBooked', yesNo(r.interpretingBooked)),
          f('interpretingProvider', r.interpretingProvider),
          f('protocolNotes', r.protocolNotes),
          f('outcomeIt', r.outcomeIt),
          f('outcomeEn', r.outcomeEn),
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
      <h2 class="h4 mt-5">{v.programme}</h2>
      <Programme lang={p.lang} session={p.session} visit={r} canWrite={p.canWrite} />
      {p.canWrite ? (
        <p>
          <a class="btn btn-outline-primary" href={`${base}/programme/new`}>
            {v.addItem}
          </a>
        </p>
      ) : null}
      <h2 class="h4 mt-5">{v.links}</h2>
      <Links lang={p.lang} agreements={r.agreements} networks={r.networks} none={v.noLinks} />
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
          <p>{v.deleteLead}</p>
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
