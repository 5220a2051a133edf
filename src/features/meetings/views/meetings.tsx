// The back-office pages of meetings: the list with search, filters, sort and pages; a meeting's page with its
// facts (internal ones marked), links and history; the fields of its form and the record as form values.
import { todayIso } from '../../../platform/dates.ts';
import type { Lang } from '../../../platform/i18n.ts';
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
} from '../../../views/backoffice/agenda.tsx';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { Facts, nameIn, Pagination, day as updatedDay } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import { MEETING_INTERNAL, MEETING_MODES, MEETING_STATUSES } from '../meetings.rules.ts';
import type { MeetingRecord, MeetingSummary } from '../meetings.schemas.ts';
import { meetingsStrings } from '../meetings.strings.ts';

export const MEETING_FIELDS = [
  'titleIt',
  'titleEn',
  'status',
  'startsOn',
  'startsAt',
  'endsAt',
  'mode',
  'place',
  'counterpartId',
  'host',
  'participants',
  'topicsIt',
  'topicsEn',
  'outcomeIt',
  'outcomeEn',
  'agreementIds',
  'networkIds',
  'published',
] as const;

export const meetingValues = (m: MeetingRecord): Values => ({
  titleIt: m.titleIt,
  titleEn: m.titleEn ?? '',
  status: m.status,
  startsOn: m.startsOn,
  startsAt: m.startsAt ?? '',
  endsAt: m.endsAt ?? '',
  mode: m.mode,
  place: m.place ?? '',
  counterpartId: m.counterpart?.id ?? '',
  host: m.host ?? '',
  participants: m.participants ?? '',
  topicsIt: m.topicsIt ?? '',
  topicsEn: m.topicsEn ?? '',
  outcomeIt: m.outcomeIt ?? '',
  outcomeEn: m.outcomeEn ?? '',
  agreementIds: m.agreements.map((a) => a.id).join('\n'),
  networkIds: m.networks.map((n) => n.id).join('\n'),
  published: m.published ? 'yes' : '',
});

/** "12 April 2027, 10:00–11:00". */
export const meetingWhen = (m: MeetingSummary, lang: Lang) =>
  [dayText(m.startsOn, lang), [m.startsAt, m.endsAt].filter(Boolean).join('–')].filter(Boolean).join(', ');

type Choices = Parameters<typeof linkSpecs>[1] & {
  partners: { id: string; nameIt: string; nameEn: string }[];
};

export function meetingSpecs(lang: Lang, choices: Choices): FieldSpec[] {
  const m = meetingsStrings(lang);
  return [
    { name: 'titleIt', required: true },
    { name: 'titleEn' },
    {
      name: 'status',
      kind: 'select',
      options: MEETING_STATUSES.map((s) => ({ value: s, label: m.statuses[s] })),
    },
    { name: 'startsOn', kind: 'date', required: true },
    { name: 'startsAt', kind: 'time' },
    { name: 'endsAt', kind: 'time' },
    { name: 'mode', kind: 'select', options: MEETING_MODES.map((s) => ({ value: s, label: m.modes[s] })) },
    { name: 'place' },
    {
      name: 'counterpartId',
      kind: 'select',
      options: [
        { value: '', label: m.choosePartner },
        ...choices.partners
          .map((p) => ({ value: p.id, label: nameIn(p, lang) }))
          .sort((a, b) => a.label.localeCompare(b.label, lang)),
      ],
    },
    { name: 'host' },
    { name: 'participants', kind: 'textarea' },
    { name: 'topicsIt', kind: 'textarea' },
    { name: 'topicsEn', kind: 'textarea' },
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

export type MeetingFilters = AgendaFilters;

export function MeetingListView(p: {
  lang: Lang;
  data: { items: MeetingSummary[]; total: number; page: number; pages: number };
  filters: MeetingFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const m = meetingsStrings(p.lang);
  const base = `/admin/${p.lang}/meetings`;
  return (
    <>
      <AgendaListHead
        lang={p.lang}
        base={base}
        words={m}
        statuses={MEETING_STATUSES}
        filters={p.filters}
        canWrite={p.canWrite}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable caption={m.caption} columns={[m.titleColumn, m.dates, m.partner, t.labels['status']!]}>
        {p.data.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{titleIn(r, p.lang)}</a>
              {r.example ? <span class="badge bg-secondary ms-2">{m.example}</span> : null}
            </th>
            <td>{meetingWhen(r, p.lang)}</td>
            <td>{r.counterpart ? nameIn(r.counterpart, p.lang) : '—'}</td>
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

export function MeetingView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { meeting: MeetingRecord; history: AuditEntry[]; followUps: FollowUpLine[] };
}) {
  const t = backofficeStrings(p.lang);
  const m = meetingsStrings(p.lang);
  const r = p.data.meeting;
  const base = `/admin/${p.lang}/meetings/${r.id}`;
  const label = (name: string) =>
    (MEETING_INTERNAL as readonly string[]).includes(name)
      ? `${t.labels[name]} (${m.internal})`
      : (t.labels[name] ?? name);
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/meetings`}>{t.backToList}</a>
      </p>
      <h1>{titleIn(r, p.lang)}</h1>
      <p class="lead">
        {meetingWhen(r, p.lang)} · {m.modes[r.mode]} · {m.statuses[r.status]} ·{' '}
        {r.example ? m.example : r.published ? m.published : m.notPublished}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [
            label('counterpartId'),
            r.counterpart ? (
              <a href={`/admin/${p.lang}/counterparts/${r.counterpart.id}`}>
                {nameIn(r.counterpart, p.lang)}
              </a>
            ) : (
              m.noPartner
            ),
          ],
          [label('place'), r.place],
          [label('host'), r.host],
          [label('participants'), r.participants],
          [label('topicsIt'), r.topicsIt],
          [label('topicsEn'), r.topicsEn],
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
