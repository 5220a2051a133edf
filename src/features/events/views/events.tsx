// The events' back-office pages: the list with its filters, an event's page with its place on the map and its
// history, and the fields of its form.
import type { Lang } from '../../../platform/i18n.ts';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { day, Facts, ListFilters, Pagination } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { ListPage } from '../../counterparts/counterparts.service.ts';
import { EVENT_ROLES, EVENT_STATUSES } from '../events.rules.ts';
import type { Event } from '../events.schemas.ts';
import { eventsStrings } from '../events.strings.ts';

export const EVENT_FIELDS = [
  'titleIt',
  'titleEn',
  'role',
  'status',
  'startsOn',
  'startsAt',
  'endsOn',
  'endsAt',
  'venue',
  'city',
  'coordinates',
  'partners',
  'audienceIt',
  'audienceEn',
  'descriptionIt',
  'descriptionEn',
  'published',
] as const;

export const eventTitle = (e: Pick<Event, 'titleIt' | 'titleEn'>, lang: Lang) =>
  lang === 'en' ? (e.titleEn ?? e.titleIt) : e.titleIt;

export const eventValues = (e: Event): Values => ({
  titleIt: e.titleIt,
  titleEn: e.titleEn ?? '',
  role: e.role,
  status: e.status,
  startsOn: e.startsOn,
  startsAt: e.startsAt ?? '',
  endsOn: e.endsOn,
  endsAt: e.endsAt ?? '',
  venue: e.venue ?? '',
  city: e.city ?? '',
  coordinates: e.point ? `${e.point.latitude}, ${e.point.longitude}` : '',
  partners: e.partners ?? '',
  audienceIt: e.audienceIt ?? '',
  audienceEn: e.audienceEn ?? '',
  descriptionIt: e.descriptionIt ?? '',
  descriptionEn: e.descriptionEn ?? '',
  published: e.published ? 'yes' : '',
});

export function eventSpecs(lang: Lang): FieldSpec[] {
  const s = eventsStrings(lang);
  const t = backofficeStrings(lang);
  return [
    { name: 'titleIt', required: true },
    { name: 'titleEn' },
    {
      name: 'role',
      kind: 'select',
      required: true,
      label: s.labels.role,
      hint: s.hints.role,
      options: EVENT_ROLES.map((v) => ({ value: v, label: s.roles[v]! })),
    },
    {
      name: 'status',
      kind: 'select',
      required: true,
      label: s.labels.status,
      options: EVENT_STATUSES.map((v) => ({ value: v, label: s.statuses[v]! })),
    },
    { name: 'startsOn', kind: 'date', required: true, hint: s.hints.startsOn, group: s.labels.when },
    { name: 'startsAt', kind: 'time', group: s.labels.when },
    { name: 'endsOn', kind: 'date', hint: s.hints.endsOn, group: s.labels.when },
    { name: 'endsAt', kind: 'time', group: s.labels.when },
    { name: 'venue', label: s.labels.venue, group: s.where },
    { name: 'city', label: s.labels.city, group: s.where },
    { name: 'coordinates', group: s.where },
    { name: 'partners', label: s.labels.partners, hint: s.hints.partners },
    { name: 'audienceIt', label: s.labels.audienceIt, hint: s.hints.audienceIt },
    { name: 'audienceEn', label: s.labels.audienceEn, hint: s.hints.audienceEn },
    { name: 'descriptionIt', kind: 'textarea' },
    { name: 'descriptionEn', kind: 'textarea' },
    {
      name: 'published',
      kind: 'select',
      hint: s.hints.published,
      options: [
        { value: '', label: t.no },
        { value: 'yes', label: t.yes },
      ],
    },
  ];
}

const period = (e: Event, lang: Lang) =>
  e.endsOn === e.startsOn ? day(e.startsOn, lang) : `${day(e.startsOn, lang)} – ${day(e.endsOn, lang)}`;

export function EventList(p: {
  lang: Lang;
  data: ListPage<Event>;
  filters: { q: string; status: string; when: string };
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const s = eventsStrings(p.lang);
  const base = `/admin/${p.lang}/events`;
  return (
    <>
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
            options: [
              { value: '', label: s.all },
              ...EVENT_STATUSES.map((v) => ({ value: v, label: s.statuses[v]! })),
            ],
          },
          {
            name: 'when',
            label: s.when,
            value: p.filters.when,
            options: [
              { value: '', label: s.all },
              { value: 'upcoming', label: s.upcoming },
              { value: 'past', label: s.past },
            ],
          },
        ]}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable caption={s.caption} columns={[s.event, s.when, s.where, s.labels.role, s.labels.status]}>
        {p.data.items.map((e) => (
          <tr key={e.id}>
            <th scope="row">
              <a href={`${base}/${e.id}`}>{eventTitle(e, p.lang)}</a>
            </th>
            <td>{period(e, p.lang)}</td>
            <td>{[e.venue, e.city].filter(Boolean).join(', ') || '—'}</td>
            <td>{s.roles[e.role]}</td>
            <td>{s.statuses[e.status]}</td>
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

export function EventView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { event: Event; history: AuditEntry[] };
}) {
  const t = backofficeStrings(p.lang);
  const s = eventsStrings(p.lang);
  const e = p.data.event;
  const base = `/admin/${p.lang}/events/${e.id}`;
  const osm = e.point
    ? `https://www.openstreetmap.org/?mlat=${e.point.latitude}&mlon=${e.point.longitude}#map=17/${e.point.latitude}/${e.point.longitude}`
    : null;
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/events`}>{t.backToList}</a>
      </p>
      <h1>{eventTitle(e, p.lang)}</h1>
      <p class="lead">
        {period(e, p.lang)} · {s.roles[e.role]} · {s.statuses[e.status]}
        {e.example ? ` · ${s.example}` : ''}
      </p>
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [t.labels['titleIt']!, e.titleIt],
          [t.labels['titleEn']!, e.titleEn],
          [
            s.when,
            [period(e, p.lang), [e.startsAt, e.endsAt].filter(Boolean).join('–')].filter(Boolean).join(', '),
          ],
          [s.labels.venue, [e.venue, e.city].filter(Boolean).join(', ') || null],
          [
            t.labels['coordinates']!,
            osm ? <a href={osm}>{`${e.point!.latitude}, ${e.point!.longitude} — ${s.onMap}`}</a> : null,
          ],
          [s.labels.partners, e.partners],
          [s.labels.audienceIt, e.audienceIt],
          [s.labels.audienceEn, e.audienceEn],
          [t.labels['descriptionIt']!, e.descriptionIt],
          [t.labels['descriptionEn']!, e.descriptionEn],
          [t.labels['published']!, e.published ? t.yes : t.no],
          [t.version, String(e.version)],
          [t.updated, day(e.updatedAt, p.lang)],
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
            <p>{s.deleteLead}</p>
            <ActionForm
              action={`${base}/delete`}
              session={p.session}
              version={e.version}
              label={`${t.delete}: ${eventTitle(e, p.lang)}`}
              danger
            />
          </section>
        </>
      ) : (
        <p class="text-muted">{t.viewerNote}</p>
      )}
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}
