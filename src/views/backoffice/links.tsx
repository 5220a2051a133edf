// Records linked to another one (what a person took part in, the activities that serve an objective): each with
// its kind and a link to its page, for writers the form that adds one (a choice grouped by kind, and a role
// where the link has one) and the buttons that remove one.
import type { ComponentChildren } from 'preact';
import { formatDate, type Lang } from '../../platform/i18n.ts';
import { Field } from './fields.tsx';

export const LINKABLE_KINDS = [
  'agreement',
  'visit',
  'mission',
  'meeting',
  'network',
  'project',
  'event',
  'dossier',
] as const;
export type LinkableKind = (typeof LINKABLE_KINDS)[number];

/** A record that can be linked, named in both languages, with its day where it has one. */
export interface Linkable {
  kind: LinkableKind;
  id: string;
  labelIt: string;
  labelEn: string;
  day: string | null;
}
export type Linked = Linkable & { linkId: string; roleIt?: string | null; roleEn?: string | null };

const WORDS = {
  it: {
    kinds: {
      agreement: 'Accordo',
      visit: 'Visita',
      mission: 'Missione',
      meeting: 'Incontro',
      network: 'Rete',
      project: 'Progetto',
      event: 'Evento',
      dossier: 'Candidatura',
    },
    groups: {
      agreement: 'Accordi',
      visit: 'Visite',
      mission: 'Missioni',
      meeting: 'Incontri',
      network: 'Reti',
      project: 'Progetti',
      event: 'Eventi',
      dossier: 'Candidature',
    },
    record: 'A che cosa',
    role: 'Con quale ruolo',
    roleHint: 'Per esempio «Firmatario» o «Capo delegazione». Facoltativo.',
    choose: 'Scegli…',
    add: 'Collega',
    remove: 'Togli',
    removeLabel: (what: string) => `Togli il collegamento con ${what}`,
  },
  en: {
    kinds: {
      agreement: 'Agreement',
      visit: 'Visit',
      mission: 'Mission',
      meeting: 'Meeting',
      network: 'Network',
      project: 'Project',
      event: 'Event',
      dossier: 'Candidacy',
    },
    groups: {
      agreement: 'Agreements',
      visit: 'Visits',
      mission: 'Missions',
      meeting: 'Meetings',
      network: 'Networks',
      project: 'Projects',
      event: 'Events',
      dossier: 'Candidacies',
    },
    record: 'In what',
    role: 'In what role',
    roleHint: 'E.g. "Signatory" or "Head of delegation". Optional.',
    choose: 'Choose…',
    add: 'Link',
    remove: 'Remove',
    removeLabel: (what: string) => `Remove the link with ${what}`,
  },
};

export const linkKindWords = (lang: Lang) => WORDS[lang];

export const LINK_PATHS: Record<LinkableKind, string> = {
  agreement: 'agreements',
  visit: 'visits',
  mission: 'missions',
  meeting: 'meetings',
  network: 'networks',
  project: 'projects',
  event: 'events',
  dossier: 'dossiers',
};

export const linkLabel = (t: Linkable, lang: Lang) => {
  const day = t.day ? formatDate(t.day, 'day', lang) : null;
  return `${lang === 'en' ? t.labelEn : t.labelIt}${day ? ` (${day})` : ''}`;
};

export function LinkedRecords(p: {
  lang: Lang;
  csrfToken: string;
  /** The record's back-office address: the forms post to <base>/links. */
  base: string;
  canWrite: boolean;
  links: Linked[];
  choices: Linkable[];
  words: { title: string; none: string; addTitle: string };
  /** Whether a link says what the person did there. */
  withRole?: boolean;
  error?: string | undefined;
  children?: ComponentChildren;
}) {
  const w = WORDS[p.lang];
  const linked = new Set(p.links.map((l) => l.id));
  return (
    <section class="mt-5" aria-labelledby="links-title">
      <h2 class="h4" id="links-title">
        {p.words.title}
      </h2>
      {p.links.length === 0 ? <p>{p.words.none}</p> : null}
      <ul class="list-unstyled">
        {p.links.map((l) => {
          const what = linkLabel(l, p.lang);
          const role = p.lang === 'en' ? (l.roleEn ?? l.roleIt) : (l.roleIt ?? l.roleEn);
          return (
            <li class="d-flex flex-wrap gap-2 align-items-baseline mb-2">
              <span class="fw-semibold">{w.kinds[l.kind]}:</span>
              <a href={`/admin/${p.lang}/${LINK_PATHS[l.kind]}/${l.id}`}>{what}</a>
              {role ? <span>— {role}</span> : null}
              {p.canWrite ? (
                <form method="post" action={`${p.base}/links/${l.linkId}/delete`} class="d-inline">
                  <input type="hidden" name="_csrf" value={p.csrfToken} />
                  <button type="submit" class="btn btn-link btn-sm p-0" aria-label={w.removeLabel(what)}>
                    {w.remove}
                  </button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
      {p.canWrite ? (
        <form method="post" action={`${p.base}/links`} class="mt-3" style="max-width: 44rem" novalidate>
          <input type="hidden" name="_csrf" value={p.csrfToken} />
          <fieldset>
            <legend class="h6 mb-4">{p.words.addTitle}</legend>
            <div class="select-wrapper mb-5">
              <label for="link-record">{w.record}</label>
              <select
                id="link-record"
                name="record"
                required
                {...(p.error ? { 'aria-invalid': 'true', 'aria-describedby': 'e-link' } : {})}
              >
                <option value="">{w.choose}</option>
                {LINKABLE_KINDS.map((k) => {
                  const options = p.choices.filter((c) => c.kind === k && !linked.has(c.id));
                  return options.length ? (
                    <optgroup label={w.groups[k]}>
                      {options.map((c) => (
                        <option value={`${k}:${c.id}`}>{linkLabel(c, p.lang)}</option>
                      ))}
                    </optgroup>
                  ) : null;
                })}
              </select>
              {p.error ? (
                <p id="e-link" class="text-danger small mt-1">
                  {p.error}
                </p>
              ) : null}
            </div>
            {p.withRole ? (
              <Field name="role" label={w.role} hint={w.roleHint} extra={{ maxLength: '200' }} />
            ) : null}
            <button type="submit" class="btn btn-outline-primary">
              {w.add}
            </button>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}
