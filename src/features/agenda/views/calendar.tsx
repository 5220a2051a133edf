// The agenda's calendar: a month as a table of weeks (on a phone, the days with something in them, one under
// the other), or a week as a list of days; each entry links to its record. And the feeds: the institution's
// public address and the person's private one.

import type { Lang } from '../../../platform/i18n.ts';
import type { Session } from '../../accounts/accounts.service.ts';
import type { EntryRow } from '../agenda.repository.ts';
import { agendaStrings } from '../agenda.strings.ts';

const LOCALE = { it: 'it-IT', en: 'en-GB' } as const;
const at = (day: string) => new Date(`${day}T12:00:00Z`);
const fmt = (lang: Lang, o: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', ...o });

const PATHS = { visit: 'visits', mission: 'missions', meeting: 'meetings', event: 'events' } as const;

/** The entries that take place on a day. */
const onDay = (entries: readonly EntryRow[], day: string) =>
  entries.filter((e) => e.starts_on <= day && e.ends_on >= day);

function Entry(p: { lang: Lang; e: EntryRow; day: string }) {
  const t = agendaStrings(p.lang);
  const title = p.lang === 'en' ? (p.e.title_en ?? p.e.title_it) : p.e.title_it;
  const time = p.e.starts_on === p.day && p.e.starts_at ? `${p.e.starts_at} ` : '';
  const cancelled = p.e.status === 'cancelled';
  return (
    <li class={`ponte-entry ponte-entry-${p.e.kind}`}>
      <a href={`/admin/${p.lang}/${PATHS[p.e.kind]}/${p.e.id}`}>
        {time}
        <span class="ponte-entry-kind">{t.kinds[p.e.kind]}</span>: {cancelled ? <s>{title}</s> : title}
      </a>
      {p.e.status === 'proposed' || cancelled ? <span class="small"> ({t.statuses[p.e.status]})</span> : null}
    </li>
  );
}

export interface CalendarData {
  mode: 'month' | 'week';
  /** YYYY-MM for a month, the Monday for a week. */
  anchor: string;
  days: string[];
  entries: EntryRow[];
  today: string;
  previous: string;
  next: string;
}

function MonthTable(p: { lang: Lang; data: CalendarData }) {
  const t = agendaStrings(p.lang);
  const month = p.data.anchor;
  const weekday = fmt(p.lang, { weekday: 'short' });
  const weekdayLong = fmt(p.lang, { weekday: 'long' });
  const full = fmt(p.lang, { weekday: 'long', day: 'numeric', month: 'long' });
  const weeks: string[][] = [];
  for (let i = 0; i < p.data.days.length; i += 7) weeks.push(p.data.days.slice(i, i + 7));
  return (
    <div>
      <table class="table ponte-calendar">
        <caption>
          {t.monthCaption(fmt(p.lang, { month: 'long', year: 'numeric' }).format(at(`${month}-01`)))}
        </caption>
        <thead>
          <tr>
            {weeks[0]!.map((d) => (
              <th scope="col" key={d}>
                <abbr title={weekdayLong.format(at(d))}>{weekday.format(at(d))}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((d) => {
                const list = onDay(p.data.entries, d);
                const classes = [d.startsWith(month) ? '' : 'ponte-outside', list.length ? '' : 'ponte-empty']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td
                    key={d}
                    class={classes || undefined}
                    aria-current={d === p.data.today ? 'date' : undefined}
                  >
                    <span class="ponte-day" aria-hidden="true">
                      {String(Number(d.slice(8)))}
                    </span>
                    <span class="visually-hidden">{full.format(at(d))}</span>
                    <span class="ponte-day-full" aria-hidden="true">
                      {full.format(at(d))}
                    </span>
                    {list.length ? (
                      <ul class="list-unstyled mb-0">
                        {list.map((e) => (
                          <Entry key={e.kind + e.id} lang={p.lang} e={e} day={d} />
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeekList(p: { lang: Lang; data: CalendarData }) {
  const t = agendaStrings(p.lang);
  const full = fmt(p.lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <ol class="list-unstyled ponte-week">
      {p.data.days.map((d) => {
        const list = onDay(p.data.entries, d);
        return (
          <li key={d} class="mb-3" aria-current={d === p.data.today ? 'date' : undefined}>
            <h2 class="h5 mb-1">{full.format(at(d))}</h2>
            {list.length ? (
              <ul class="list-unstyled">
                {list.map((e) => (
                  <Entry key={e.kind + e.id} lang={p.lang} e={e} day={d} />
                ))}
              </ul>
            ) : (
              <p class="text-muted mb-0">{t.nothingThisDay}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function CalendarView(p: {
  lang: Lang;
  session: Session;
  data: CalendarData;
  canWrite: boolean;
  feeds: {
    publicUrl: string;
    private?: { created_at: string; last_used_at: string | null } | undefined;
    issued?: string | undefined;
  };
}) {
  const t = agendaStrings(p.lang);
  const base = `/admin/${p.lang}/agenda`;
  const month = p.data.mode === 'month';
  const q = (anchor: string) => (month ? `?month=${anchor}` : `?week=${anchor}`);
  const day = fmt(p.lang, { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <nav aria-label={t.lists} class="mb-3">
        <ul class="list-inline mb-2">
          <li class="list-inline-item">
            <a href={`/admin/${p.lang}/visits`}>{t.visits}</a>
          </li>
          <li class="list-inline-item">
            <a href={`/admin/${p.lang}/missions`}>{t.missions}</a>
          </li>
          <li class="list-inline-item">
            <a href={`/admin/${p.lang}/meetings`}>{t.meetings}</a>
          </li>
          <li class="list-inline-item">
            <a href={`/admin/${p.lang}/events`}>{t.events}</a>
          </li>
          <li class="list-inline-item">
            <a href={`/admin/${p.lang}/gifts`}>{t.gifts}</a>
          </li>
        </ul>
        {p.canWrite ? (
          <p class="d-flex flex-wrap gap-2">
            <a class="btn btn-primary btn-sm" href={`/admin/${p.lang}/visits/new`}>
              {t.newVisit}
            </a>
            <a class="btn btn-outline-primary btn-sm" href={`/admin/${p.lang}/missions/new`}>
              {t.newMission}
            </a>
            <a class="btn btn-outline-primary btn-sm" href={`/admin/${p.lang}/meetings/new`}>
              {t.newMeeting}
            </a>
            <a class="btn btn-outline-primary btn-sm" href={`/admin/${p.lang}/events/new`}>
              {t.newEvent}
            </a>
          </p>
        ) : null}
      </nav>
      <nav aria-label={t.calendarLabel} class="d-flex flex-wrap gap-3 align-items-center mb-3">
        <a href={`${base}${q(p.data.previous)}`}>{month ? t.previousMonth : t.previousWeek}</a>
        <a href={`${base}${month ? '' : `?week=${p.data.today}`}`}>{t.today}</a>
        <a href={`${base}${q(p.data.next)}`}>{month ? t.nextMonth : t.nextWeek}</a>
        {month ? (
          <a href={`${base}?week=${p.data.days.includes(p.data.today) ? p.data.today : p.data.days[7]}`}>
            {t.week}
          </a>
        ) : (
          <a href={`${base}?month=${p.data.anchor.slice(0, 7)}`}>{t.month}</a>
        )}
      </nav>
      {month ? (
        <MonthTable lang={p.lang} data={p.data} />
      ) : (
        <>
          <p class="h4">{t.weekCaption(day.format(at(p.data.days[0]!)), day.format(at(p.data.days[6]!)))}</p>
          <WeekList lang={p.lang} data={p.data} />
        </>
      )}
      {p.data.entries.length === 0 ? <p>{t.nothing}</p> : null}
      <Feeds lang={p.lang} session={p.session} feeds={p.feeds} />
    </>
  );
}

function Feeds(p: {
  lang: Lang;
  session: Session;
  feeds: {
    publicUrl: string;
    private?: { created_at: string; last_used_at: string | null } | undefined;
    issued?: string | undefined;
  };
}) {
  const t = agendaStrings(p.lang);
  const day = fmt(p.lang, { day: 'numeric', month: 'long', year: 'numeric' });
  const when = (iso: string) => day.format(new Date(iso));
  const post = (action: string, label: string, danger = false) => (
    <form method="post" action={`/admin/${p.lang}/agenda/${action}`} class="d-inline">
      <input type="hidden" name="_csrf" value={p.session.csrfToken} />
      <button
        type="submit"
        class={danger ? 'btn btn-outline-danger btn-sm' : 'btn btn-outline-primary btn-sm'}
      >
        {label}
      </button>
    </form>
  );
  return (
    <section class="mt-5" aria-labelledby="feeds-title">
      <h2 class="h4" id="feeds-title">
        {t.feedsTitle}
      </h2>
      <p>{t.publicFeedLead}</p>
      <p>
        <code class="ponte-address">{p.feeds.publicUrl}</code>
      </p>
      <p>{t.privateFeedLead}</p>
      {p.feeds.issued ? (
        <div class="form-group">
          <label class="active" for="private-feed">
            {t.feedAddress}
          </label>
          <input class="form-control" id="private-feed" type="text" readonly value={p.feeds.issued} />
        </div>
      ) : null}
      <p>
        {p.feeds.private
          ? t.privateFeedSince(
              when(p.feeds.private.created_at),
              p.feeds.private.last_used_at ? when(p.feeds.private.last_used_at) : null,
            )
          : t.noPrivateFeed}
      </p>
      <div class="d-flex flex-wrap gap-2">
        {post('feed', p.feeds.private ? t.replaceFeed : t.createFeed)}
        {p.feeds.private ? post('feed/revoke', t.revokeFeed, true) : null}
      </div>
    </section>
  );
}
