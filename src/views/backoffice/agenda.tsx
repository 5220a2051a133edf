// What the agenda's pages (visits, missions, meetings) draw alike: a record's title in the page's language, its
// days and times in words, the agreements and networks it concerns, and its follow-ups.

import type { Session } from '../../features/accounts/accounts.service.ts';
import { KIND_LABELS } from '../../features/agreements/agreements.labels.ts';
import type { AgreementKind } from '../../features/agreements/agreements.schemas.ts';
import { formatDate, type Lang } from '../../platform/i18n.ts';
import { ActionForm } from './forms.tsx';
import { ListFilters, nameIn } from './lists.tsx';
import { backofficeStrings } from './strings.ts';
import { DataTable } from './tables.tsx';

/** The English title when there is one on an English page; the Italian one otherwise. */
export const titleIn = (v: { titleIt: string; titleEn: string | null }, lang: Lang) =>
  lang === 'en' ? (v.titleEn ?? v.titleIt) : v.titleIt;

export const dayText = (iso: string, lang: Lang) => formatDate(iso, 'day', lang) ?? iso;

/** "15 March 2027, 09:30 – 17 March 2027", or one day with its times. */
export function whenText(
  v: { startsOn: string; startsAt: string | null; endsOn: string; endsAt: string | null },
  lang: Lang,
) {
  const start = [dayText(v.startsOn, lang), v.startsAt].filter(Boolean).join(', ');
  if (v.endsOn === v.startsOn) return v.endsAt ? `${start}–${v.endsAt}` : start;
  return `${start} – ${[dayText(v.endsOn, lang), v.endsAt].filter(Boolean).join(', ')}`;
}

export interface AgreementLink {
  id: string;
  kind: string;
  counterpartIt: string;
  counterpartEn: string;
}

/** "Twinning: Shanghai". */
export const agreementLabel = (a: AgreementLink, lang: Lang) =>
  `${KIND_LABELS[a.kind as AgreementKind]?.[lang] ?? a.kind}: ${lang === 'it' ? a.counterpartIt : a.counterpartEn}`;

/** The agreements (linked to their pages) and networks a record concerns, or the words for none. */
export function Links(p: {
  lang: Lang;
  agreements: AgreementLink[];
  networks: { id: string; nameIt: string; nameEn: string }[];
  none: string;
}) {
  if (p.agreements.length + p.networks.length === 0) return <p>{p.none}</p>;
  return (
    <ul>
      {p.agreements.map((a) => (
        <li key={a.id}>
          <a href={`/admin/${p.lang}/agreements/${a.id}`}>{agreementLabel(a, p.lang)}</a>
        </li>
      ))}
      {p.networks.map((n) => (
        <li key={n.id}>{nameIn(n, p.lang)}</li>
      ))}
    </ul>
  );
}

/** The agreements and networks a form offers, as groups of checkboxes (none when there is nothing to tick). */
export function linkSpecs(
  lang: Lang,
  choices: { agreements: AgreementLink[]; networks: { id: string; nameIt: string; nameEn: string }[] },
) {
  return [
    ...(choices.agreements.length
      ? [
          {
            name: 'agreementIds',
            kind: 'checkboxes' as const,
            options: choices.agreements.map((a) => ({ value: a.id, label: agreementLabel(a, lang) })),
          },
        ]
      : []),
    ...(choices.networks.length
      ? [
          {
            name: 'networkIds',
            kind: 'checkboxes' as const,
            options: choices.networks.map((n) => ({ value: n.id, label: nameIn(n, lang) })),
          },
        ]
      : []),
  ];
}

/** A follow-up as the record pages list it. */
export interface FollowUpLine {
  id: string;
  action: string;
  owner: string | null;
  dueOn: string | null;
  doneOn: string | null;
  version: number;
}

const FOLLOW_UP_WORDS = {
  it: {
    title: 'Seguiti',
    caption: 'Azioni da seguire, prima quelle aperte',
    none: 'Nessuna azione da seguire.',
    add: 'Aggiungi un’azione da seguire',
    done: 'Fatto',
    markDone: (what: string) => `Segna come fatta oggi: ${what}`,
    open: 'Aperta',
    overdue: 'In ritardo',
  },
  en: {
    title: 'Follow-up',
    caption: 'Actions to follow up, open ones first',
    none: 'No action to follow up.',
    add: 'Add an action to follow up',
    done: 'Done',
    markDone: (what: string) => `Mark as done today: ${what}`,
    open: 'Open',
    overdue: 'Overdue',
  },
};

/** The follow-ups of a visit, mission or meeting on its page, with their buttons for writers. */
export function FollowUpsSection(p: {
  lang: Lang;
  session: Session;
  base: string;
  items: FollowUpLine[];
  canWrite: boolean;
  today: string;
}) {
  const w = FOLLOW_UP_WORDS[p.lang];
  const t = backofficeStrings(p.lang);
  const cols = [t.labels['action']!, t.labels['owner']!, t.labels['dueOn']!, t.labels['status']!];
  return (
    <section class="mt-5" aria-labelledby="follow-ups-title">
      <h2 class="h4" id="follow-ups-title">
        {w.title}
      </h2>
      {p.items.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <DataTable
          caption={w.caption}
          tableClass="ponte-stacked"
          columns={[...cols, p.canWrite ? { hidden: t.edit } : null]}
        >
          {p.items.map((f) => (
            <tr key={f.id}>
              <td data-label={cols[0]}>{f.action}</td>
              <td data-label={cols[1]}>{f.owner ?? '—'}</td>
              <td data-label={cols[2]}>{f.dueOn ? dayText(f.dueOn, p.lang) : '—'}</td>
              <td data-label={cols[3]}>
                {f.doneOn
                  ? `${w.done} (${dayText(f.doneOn, p.lang)})`
                  : f.dueOn && f.dueOn < p.today
                    ? w.overdue
                    : w.open}
              </td>
              {p.canWrite ? (
                <td>
                  <a href={`${p.base}/follow-ups/${f.id}/edit`}>
                    {t.edit}
                    <span class="visually-hidden">{`: ${f.action}`}</span>
                  </a>
                  {f.doneOn ? null : (
                    <div class="mt-2">
                      <ActionForm
                        action={`${p.base}/follow-ups/${f.id}/done`}
                        session={p.session}
                        version={f.version}
                        label={w.markDone(f.action)}
                      />
                    </div>
                  )}
                  <div class="mt-2">
                    <ActionForm
                      action={`${p.base}/follow-ups/${f.id}/delete`}
                      session={p.session}
                      version={f.version}
                      label={`${t.delete}: ${f.action}`}
                      danger
                    />
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
      {p.canWrite ? (
        <p>
          <a class="btn btn-outline-primary" href={`${p.base}/follow-ups/new`}>
            {w.add}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** The link to a record's briefing pack for the mayor. */
export function BriefingLink(p: { lang: Lang; base: string }) {
  return (
    <p>
      <a href={`${p.base}/briefing.pdf`} download>
        {p.lang === 'it'
          ? 'Scarica il dossier per il Sindaco (PDF)'
          : 'Download the briefing pack for the Mayor (PDF)'}
      </a>
    </p>
  );
}

/** The words an agenda list's head takes from its type's strings. */
export interface AgendaListWords {
  title: string;
  lead: string;
  add: string;
  search: string;
  anyStatus: string;
  when: string;
  anyTime: string;
  upcoming: string;
  past: string;
  statuses: Record<string, string>;
  sorts: Record<string, string>;
}

/** The filters every agenda list reads: words, status, coming or past, sort. */
export interface AgendaFilters {
  q: string;
  status: string;
  when: string;
  sort: string;
}

/** The head of a visits', missions' or meetings' list: title, lead, the add button, and its GET filters. */
export function AgendaListHead(p: {
  lang: Lang;
  base: string;
  words: AgendaListWords;
  statuses: readonly string[];
  filters: AgendaFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const w = p.words;
  return (
    <>
      <h1>{w.title}</h1>
      <p class="lead">{w.lead}</p>
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${p.base}/new`}>
            {w.add}
          </a>
        </p>
      ) : null}
      <ListFilters
        lang={p.lang}
        action={p.base}
        search={{ label: w.search, value: p.filters.q }}
        selects={[
          {
            name: 'status',
            label: t.labels['status']!,
            value: p.filters.status,
            options: [
              { value: '', label: w.anyStatus },
              ...p.statuses.map((s) => ({ value: s, label: w.statuses[s]! })),
            ],
          },
          {
            name: 'when',
            label: w.when,
            value: p.filters.when,
            options: [
              { value: '', label: w.anyTime },
              { value: 'upcoming', label: w.upcoming },
              { value: 'past', label: w.past },
            ],
          },
          {
            name: 'sort',
            label: t.sortBy,
            value: p.filters.sort,
            options: Object.entries(w.sorts).map(([value, label]) => ({ value, label })),
          },
        ]}
      />
    </>
  );
}
