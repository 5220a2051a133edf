// The contacts register's two lists, organisations and people, as a pair of links at the head of each: the
// navigation's "Contacts" leads to the first.
import type { Lang } from '../../platform/i18n.ts';

const WORDS = {
  it: { label: 'Registro dei contatti', organisations: 'Organizzazioni', people: 'Persone' },
  en: { label: 'Contacts register', organisations: 'Organisations', people: 'People' },
};

export function ContactsTabs(p: { lang: Lang; current: 'organisations' | 'people' }) {
  const w = WORDS[p.lang];
  return (
    <nav aria-label={w.label} class="mb-3">
      <ul class="nav nav-tabs">
        {(['organisations', 'people'] as const).map((k) => (
          <li class="nav-item" key={k}>
            <a
              class={`nav-link${k === p.current ? ' active' : ''}`}
              href={`/admin/${p.lang}/${k}`}
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
