// The portal's international agenda (published visits, missions and meetings, coming up and past, with the
// public calendar to subscribe to) and the mission costs of political office holders per person and year.
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import type { PublicEntry } from '../../agenda/agenda.service.ts';
import type { CostRow } from '../../missions/missions.service.ts';
import { agendaFeedPath, missionCostsPath, sectionPath } from '../portal.paths.ts';
import { agendaWords } from './agenda.strings.ts';

const day = (iso: string, lang: Lang) => formatDate(iso, 'day', lang) ?? iso;

function when(e: PublicEntry, lang: Lang) {
  const start = [day(e.starts_on, lang), e.starts_at].filter(Boolean).join(', ');
  if (e.ends_on === e.starts_on) return e.ends_at ? `${start}–${e.ends_at}` : start;
  return `${start} – ${day(e.ends_on, lang)}`;
}

function EntryItem(p: { e: PublicEntry; lang: Lang }) {
  const w = agendaWords(p.lang);
  const title = p.lang === 'en' ? (p.e.title_en ?? p.e.title_it) : p.e.title_it;
  const party = p.lang === 'en' ? p.e.party_en : p.e.party_it;
  const where = p.lang === 'en' ? p.e.where_en : p.e.where_it;
  const about = p.lang === 'en' ? (p.e.about_en ?? p.e.about_it) : p.e.about_it;
  return (
    <li class="mb-4">
      <p class="mb-1 text-uppercase small fw-semibold">
        {w.kinds[p.e.kind]}
        {p.e.status === 'cancelled'
          ? ` · ${w.cancelled}`
          : p.e.status === 'proposed'
            ? ` · ${w.proposed}`
            : ''}
      </p>
      <h3 class="h5 mb-1">{p.e.status === 'cancelled' ? <s>{title}</s> : title}</h3>
      <p class="mb-1">
        <time dateTime={p.e.starts_on}>{when(p.e, p.lang)}</time>
        {party ? ` · ${p.e.kind === 'visit' ? w.from : w.with}: ${party}` : ''}
        {where ? ` · ${w.where}: ${where}` : ''}
      </p>
      {about ? <p class="mb-0">{about}</p> : null}
    </li>
  );
}

export function Agenda(p: {
  entries: PublicEntry[];
  institution: string;
  institutionName: string;
  lang: Lang;
  today: string;
}) {
  const w = agendaWords(p.lang);
  const upcoming = p.entries.filter((e) => e.ends_on >= p.today);
  const past = p.entries.filter((e) => e.ends_on < p.today).reverse();
  return (
    <div class="container my-4">
      <h1>{agendaTitle(p.lang)}</h1>
      <p class="lead">{w.lead(p.institutionName)}</p>
      <section aria-labelledby="subscribe" class="mb-4">
        <h2 id="subscribe" class="h4">
          {w.subscribe}
        </h2>
        <p>{w.subscribeText}</p>
        <p>
          <a href={agendaFeedPath(p.institution, p.lang)}>{w.feedLink}</a>
        </p>
      </section>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming" class="h4">
          {w.upcoming}
        </h2>
        {upcoming.length ? (
          <ul class="list-unstyled">
            {upcoming.map((e) => (
              <EntryItem key={e.kind + e.id} e={e} lang={p.lang} />
            ))}
          </ul>
        ) : (
          <p>{w.noUpcoming}</p>
        )}
      </section>
      <section aria-labelledby="past">
        <h2 id="past" class="h4">
          {w.past}
        </h2>
        {past.length ? (
          <ul class="list-unstyled">
            {past.map((e) => (
              <EntryItem key={e.kind + e.id} e={e} lang={p.lang} />
            ))}
          </ul>
        ) : (
          <p>{w.noPast}</p>
        )}
      </section>
      <p class="mt-4">
        <a href={sectionPath(p.institution, p.lang, 'missionCosts')}>{w.costsLink}</a>
      </p>
    </div>
  );
}

const agendaTitle = (lang: Lang) => (lang === 'it' ? 'Agenda internazionale' : 'International agenda');

const money = (value: string, currency: string, lang: Lang) =>
  new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency }).format(
    Number(value),
  );

export function MissionCosts(p: { rows: CostRow[]; institution: string; lang: Lang }) {
  const w = agendaWords(p.lang);
  const years = [...new Set(p.rows.map((r) => r.year))];
  return (
    <div class="container my-4">
      <h1>{w.costsTitle}</h1>
      <p class="lead">{w.costsLead}</p>
      <p>
        <a href={missionCostsPath(p.institution)} download>
          {w.csv}
        </a>
      </p>
      {years.length === 0 ? <p>{w.costsNone}</p> : null}
      {years.map((year) => (
        <div class="mb-4" key={year}>
          <table class="table ponte-stacked">
            <caption>{w.costsCaption(year)}</caption>
            <thead>
              <tr>
                <th scope="col">{w.person}</th>
                <th scope="col">{w.office}</th>
                <th scope="col" class="text-end">
                  {w.missions}
                </th>
                <th scope="col" class="text-end">
                  {w.travel}
                </th>
                <th scope="col" class="text-end">
                  {w.lodging}
                </th>
                <th scope="col" class="text-end">
                  {w.other}
                </th>
                <th scope="col" class="text-end">
                  {w.total}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows
                .filter((r) => r.year === year)
                .map((r) => (
                  <tr key={`${r.name}-${r.currency}`}>
                    <th scope="row">
                      {r.name}
                      {r.role ? <div class="small fw-normal">{r.role}</div> : null}
                    </th>
                    <td data-label={w.office}>{w.offices[r.office]}</td>
                    <td data-label={w.missions} class="text-end">
                      {String(r.missions)}
                    </td>
                    <td data-label={w.travel} class="text-end">
                      {money(r.travel, r.currency, p.lang)}
                    </td>
                    <td data-label={w.lodging} class="text-end">
                      {money(r.lodging, r.currency, p.lang)}
                    </td>
                    <td data-label={w.other} class="text-end">
                      {money(r.other, r.currency, p.lang)}
                    </td>
                    <td data-label={w.total} class="text-end fw-semibold">
                      {money(r.total, r.currency, p.lang)}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
      <p>
        <a href={sectionPath(p.institution, p.lang, 'agenda')}>{w.backToAgenda}</a>
      </p>
    </div>
  );
}
