// The distribution lists' page: the criteria as a plain GET form, the organisations and people they pick (only
// what the reader may see), and the list to download as CSV or vCard.
import type { Lang } from '../../../platform/i18n.ts';
import { ContactsTabs } from '../../../views/backoffice/contacts.tsx';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { ORGANISATION_WORDS } from '../../organisations/organisations.schemas.ts';
import { ORGANISATION_KINDS } from '../../organisations/organisations.service.ts';
import type { ListCriteria, ListEntry } from '../people.lists.ts';

const WORDS = {
  it: {
    title: 'Liste di distribuzione',
    lead: 'Scegli chi invitare o informare: per tipo, paese, comunità, lingua o incarico (per esempio tutto il corpo consolare per il ricevimento di inizio anno, o le associazioni della comunità cinese per una delegazione da Shanghai). La lista contiene solo i dati che il tuo ruolo può vedere.',
    kind: 'Tipo',
    anyKind: 'Tutti i tipi',
    country: 'Paese (nome o codice)',
    community: 'Comunità (paese)',
    language: 'Lingua',
    role: 'Incarico (parole del titolo)',
    apply: 'Mostra la lista',
    count: (o: number, p: number) => `${o} organizzazioni, ${p} persone`,
    organisation: 'Organizzazione',
    people: 'Persone',
    csv: 'Scarica la lista (CSV)',
    vcf: 'Scarica la lista (vCard)',
    caption: 'Organizzazioni e persone della lista',
  },
  en: {
    title: 'Distribution lists',
    lead: 'Choose whom to invite or inform: by kind, country, community, language or role (e.g. the whole consular corps for the New Year reception, or the Chinese community associations for a delegation from Shanghai). The list holds only what your role may see.',
    kind: 'Kind',
    anyKind: 'All kinds',
    country: 'Country (name or code)',
    community: 'Community (country)',
    language: 'Language',
    role: 'Role (words of its title)',
    apply: 'Show the list',
    count: (o: number, p: number) => `${o} organisations, ${p} people`,
    organisation: 'Organisation',
    people: 'People',
    csv: 'Download the list (CSV)',
    vcf: 'Download the list (vCard)',
    caption: 'Organisations and people of the list',
  },
};

export function ListsView(p: { lang: Lang; criteria: ListCriteria; entries: ListEntry[] }) {
  const w = WORDS[p.lang];
  const kinds = ORGANISATION_WORDS[p.lang].kinds;
  const base = `/admin/${p.lang}/people/lists`;
  const query = new URLSearchParams(
    Object.entries(p.criteria).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  const text = (name: keyof ListCriteria, label: string) => (
    <div class="form-group col-md-4" key={name}>
      <label class="active" for={`l-${name}`}>
        {label}
      </label>
      <input class="form-control" type="text" id={`l-${name}`} name={name} value={p.criteria[name] ?? ''} />
    </div>
  );
  return (
    <>
      <ContactsTabs lang={p.lang} current="lists" />
      <h1>{w.title}</h1>
      <p class="lead">{w.lead}</p>
      <form method="get" action={base} class="row my-4 align-items-end">
        <div class="select-wrapper col-md-4 mb-5">
          <label for="l-kind">{w.kind}</label>
          <select id="l-kind" name="kind">
            <option value="">{w.anyKind}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k} selected={k === p.criteria.kind}>
                {kinds[k]}
              </option>
            ))}
          </select>
        </div>
        {text('country', w.country)}
        {text('community', w.community)}
        {text('language', w.language)}
        {text('role', w.role)}
        <div class="col-md-4 mb-5">
          <button type="submit" class="btn btn-primary">
            {w.apply}
          </button>
        </div>
      </form>
      <p role="status">
        {w.count(
          p.entries.length,
          p.entries.reduce((n, e) => n + e.people.length, 0),
        )}
      </p>
      <p class="d-flex flex-wrap gap-3">
        <a class="btn btn-outline-primary" href={`${base}.csv${query ? `?${query}` : ''}`} download>
          {w.csv}
        </a>
        <a class="btn btn-outline-primary" href={`${base}.vcf${query ? `?${query}` : ''}`} download>
          {w.vcf}
        </a>
      </p>
      <DataTable caption={w.caption} columns={[w.organisation, w.kind, w.people]}>
        {p.entries.map((e) => (
          <tr key={e.organisation.id}>
            <th scope="row">
              <a href={`/admin/${p.lang}/organisations/${e.organisation.id}`}>{e.organisation.nameIt}</a>
            </th>
            <td>{kinds[e.organisation.kind]}</td>
            <td>
              {e.people
                .map((x) => `${[x.person.honorific, x.person.name].filter(Boolean).join(' ')} (${x.title})`)
                .join('; ') || '—'}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
