// A person's "took part in": the agreements, visits, missions, meetings and networks they are linked to, each
// with what they did there, and for writers the form that adds one (a choice grouped by kind) and the buttons
// that remove one.
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { LinkTarget, PersonLink } from '../people.links.repository.ts';
import { LINK_KINDS, type LinkKind } from '../people.rules.ts';

const WORDS = {
  it: {
    title: 'Ha preso parte a',
    none: 'Nessun accordo, visita, missione, incontro o rete collegati.',
    kinds: {
      agreement: 'Accordo',
      visit: 'Visita',
      mission: 'Missione',
      meeting: 'Incontro',
      network: 'Rete',
    },
    groups: {
      agreement: 'Accordi',
      visit: 'Visite',
      mission: 'Missioni',
      meeting: 'Incontri',
      network: 'Reti',
    },
    kind: 'Tipo',
    record: 'A che cosa',
    role: 'Con quale ruolo',
    roleHint: 'Per esempio «Firmatario» o «Capo delegazione». Facoltativo.',
    choose: 'Scegli…',
    add: 'Collega',
    addTitle: 'Collega un accordo, una visita, una missione, un incontro o una rete',
    remove: 'Togli',
    removeLabel: (what: string) => `Togli il collegamento con ${what}`,
  },
  en: {
    title: 'Took part in',
    none: 'No agreement, visit, mission, meeting or network linked.',
    kinds: {
      agreement: 'Agreement',
      visit: 'Visit',
      mission: 'Mission',
      meeting: 'Meeting',
      network: 'Network',
    },
    groups: {
      agreement: 'Agreements',
      visit: 'Visits',
      mission: 'Missions',
      meeting: 'Meetings',
      network: 'Networks',
    },
    kind: 'Kind',
    record: 'In what',
    role: 'In what role',
    roleHint: 'E.g. "Signatory" or "Head of delegation". Optional.',
    choose: 'Choose…',
    add: 'Link',
    addTitle: 'Link an agreement, a visit, a mission, a meeting or a network',
    remove: 'Remove',
    removeLabel: (what: string) => `Remove the link with ${what}`,
  },
};

export const linkWords = (lang: Lang) => WORDS[lang];

const PATHS: Record<LinkKind, string> = {
  agreement: 'agreements',
  visit: 'visits',
  mission: 'missions',
  meeting: 'meetings',
  network: 'networks',
};

const labelOf = (t: LinkTarget, lang: Lang) => {
  const day = t.day ? formatDate(t.day, 'day', lang) : null;
  return `${lang === 'en' ? t.labelEn : t.labelIt}${day ? ` (${day})` : ''}`;
};

export function PersonLinks(p: {
  lang: Lang;
  session: Session;
  base: string;
  canWrite: boolean;
  links: PersonLink[];
  choices: LinkTarget[];
  error?: string | undefined;
}) {
  const w = WORDS[p.lang];
  const linked = new Set(p.links.map((l) => l.id));
  return (
    <section class="mt-5" aria-labelledby="links-title">
      <h2 class="h4" id="links-title">
        {w.title}
      </h2>
      {p.links.length === 0 ? <p>{w.none}</p> : null}
      <ul class="list-unstyled">
        {p.links.map((l) => {
          const what = labelOf(l, p.lang);
          const role = p.lang === 'en' ? (l.roleEn ?? l.roleIt) : (l.roleIt ?? l.roleEn);
          return (
            <li class="d-flex flex-wrap gap-2 align-items-baseline mb-2">
              <span class="fw-semibold">{w.kinds[l.kind]}:</span>
              <a href={`/admin/${p.lang}/${PATHS[l.kind]}/${l.id}`}>{what}</a>
              {role ? <span>— {role}</span> : null}
              {p.canWrite ? (
                <form method="post" action={`${p.base}/links/${l.linkId}/delete`} class="d-inline">
                  <input type="hidden" name="_csrf" value={p.session.csrfToken} />
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
          <input type="hidden" name="_csrf" value={p.session.csrfToken} />
          <fieldset>
            <legend class="h6 mb-4">{w.addTitle}</legend>
            <div class="select-wrapper mb-5">
              <label for="link-record">{w.record}</label>
              <select
                id="link-record"
                name="record"
                required
                {...(p.error ? { 'aria-invalid': 'true', 'aria-describedby': 'e-link' } : {})}
              >
                <option value="">{w.choose}</option>
                {LINK_KINDS.map((k) => {
                  const options = p.choices.filter((c) => c.kind === k && !linked.has(c.id));
                  return options.length ? (
                    <optgroup label={w.groups[k]}>
                      {options.map((c) => (
                        <option value={`${k}:${c.id}`}>{labelOf(c, p.lang)}</option>
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
            <Field name="role" label={w.role} hint={w.roleHint} extra={{ maxLength: '200' }} />
            <button type="submit" class="btn btn-outline-primary">
              {w.add}
            </button>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}
