// The contacts register's two lists, organisations and people, as a pair of links at the head of each: the
// navigation's "Contacts" leads to the first.
import type { Lang } from '../../platform/i18n.ts';

const WORDS = {
  it: {
    label: 'Registro dei contatti',
    organisations: 'Organizzazioni',
    people: 'Persone',
    lists: 'Liste di distribuzione',
    import: 'Importa un elenco',
    duplicates: 'Possibili doppioni',
  },
  en: {
    label: 'Contacts register',
    organisations: 'Organisations',
    people: 'People',
    lists: 'Distribution lists',
    import: 'Import a list',
    duplicates: 'Likely duplicates',
  },
};

const PATHS = {
  organisations: 'organisations',
  people: 'people',
  lists: 'people/lists',
  import: 'people/import',
  duplicates: 'people/duplicates',
} as const;

export function ContactsTabs(p: { lang: Lang; current: keyof typeof PATHS }) {
  const w = WORDS[p.lang];
  return (
    <nav aria-label={w.label} class="mb-3">
      <ul class="nav nav-tabs">
        {(['organisations', 'people', 'lists', 'import', 'duplicates'] as const).map((k) => (
          <li class="nav-item" key={k}>
            <a
              class={`nav-link${k === p.current ? ' active' : ''}`}
              href={`/admin/${p.lang}/${PATHS[k]}`}
              aria-current={k === p.current ? 'page' : undefined}
            >
              {w[k]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
