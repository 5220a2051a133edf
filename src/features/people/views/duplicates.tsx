// The likely duplicates of the contacts register, organisations and people, each pair with the form that merges
// the newer record into the older (its roles moved, both records audited), behind a confirmation box.
import type { Lang } from '../../../platform/i18n.ts';
import { ContactsTabs } from '../../../views/backoffice/contacts.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { DuplicatePair } from '../people.duplicates.ts';

const WORDS = {
  it: {
    title: 'Possibili doppioni',
    lead: 'Contatti registrati due volte: lo stesso nome scritto in modo simile, o due sedi consolari dello stesso Paese e tipo nella stessa città. Unire sposta gli incarichi sul contatto più vecchio e cancella l’altro; entrambi restano nel registro delle modifiche.',
    organisations: 'Organizzazioni',
    people: 'Persone',
    none: 'Nessun possibile doppione.',
    pair: 'Coppia',
    keep: 'Da tenere',
    from: 'Da unire e cancellare',
    confirm: (from: string, keep: string) => `Confermo: «${from}» è «${keep}»`,
    merge: 'Unisci',
    mergeLabel: (from: string, keep: string) => `Unisci «${from}» in «${keep}»`,
    unconfirmed: 'Per unire due contatti, spunta la conferma accanto al pulsante.',
    merged: (name: string) => `Unito in «${name}».`,
  },
  en: {
    title: 'Likely duplicates',
    lead: 'Contacts recorded twice: the same name spelt alike, or two consular posts of the same country and kind in one city. Merging moves the roles to the older contact and deletes the other; both stay in the change log.',
    organisations: 'Organisations',
    people: 'People',
    none: 'No likely duplicate.',
    pair: 'Pair',
    keep: 'To keep',
    from: 'To merge and delete',
    confirm: (from: string, keep: string) => `I confirm: “${from}” is “${keep}”`,
    merge: 'Merge',
    mergeLabel: (from: string, keep: string) => `Merge “${from}” into “${keep}”`,
    unconfirmed: 'To merge two contacts, tick the confirmation beside the button.',
    merged: (name: string) => `Merged into “${name}”.`,
  },
};

export const duplicatesWords = (lang: Lang) => WORDS[lang];

function Pairs(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  base: 'organisations' | 'people';
  pairs: DuplicatePair[];
}) {
  const w = WORDS[p.lang];
  const href = (id: string) => `/admin/${p.lang}/${p.base}/${id}`;
  return (
    <section class="mt-4" aria-labelledby={`dup-${p.base}`}>
      <h2 class="h4" id={`dup-${p.base}`}>
        {w[p.base]}
      </h2>
      {p.pairs.length === 0 ? <p>{w.none}</p> : null}
      <ul class="list-unstyled">
        {p.pairs.map((x, i) => (
          <li class="border-bottom py-3">
            <dl class="row mb-2">
              <dt class="col-sm-3">{w.keep}</dt>
              <dd class="col-sm-9">
                <a href={href(x.keep.id)}>{x.keep.name}</a>
              </dd>
              <dt class="col-sm-3">{w.from}</dt>
              <dd class="col-sm-9">
                <a href={href(x.from.id)}>{x.from.name}</a>
              </dd>
            </dl>
            {p.canWrite ? (
              <form method="post" action={`${href(x.keep.id)}/merge`}>
                <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                <input type="hidden" name="from" value={x.from.id} />
                <div class="form-check mb-2">
                  <input
                    class="form-check-input"
                    type="checkbox"
                    name="confirm"
                    value="yes"
                    id={`merge-${p.base}-${i}`}
                    required
                  />
                  <label class="form-check-label" for={`merge-${p.base}-${i}`}>
                    {w.confirm(x.from.name, x.keep.name)}
                  </label>
                </div>
                <button
                  type="submit"
                  class="btn btn-outline-primary btn-sm"
                  aria-label={w.mergeLabel(x.from.name, x.keep.name)}
                >
                  {w.merge}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DuplicatesView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  found: { organisations: DuplicatePair[]; people: DuplicatePair[] };
}) {
  const w = WORDS[p.lang];
  return (
    <>
      <ContactsTabs lang={p.lang} current="duplicates" />
      <h1>{w.title}</h1>
      <p class="lead">{w.lead}</p>
      <Pairs {...p} base="organisations" pairs={p.found.organisations} />
      <Pairs {...p} base="people" pairs={p.found.people} />
    </>
  );
}
