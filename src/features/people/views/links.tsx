// A person's "took part in": the agreements, visits, missions, meetings and networks they are linked to, each
// with what they did there (the shared LinkedRecords view, with a role).
import type { Lang } from '../../../platform/i18n.ts';
import { LinkedRecords } from '../../../views/backoffice/links.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { LinkTarget, PersonLink } from '../people.links.repository.ts';

const WORDS = {
  it: {
    title: 'Ha preso parte a',
    none: 'Nessun accordo, visita, missione, incontro o rete collegati.',
    addTitle: 'Collega un accordo, una visita, una missione, un incontro o una rete',
  },
  en: {
    title: 'Took part in',
    none: 'No agreement, visit, mission, meeting or network linked.',
    addTitle: 'Link an agreement, a visit, a mission, a meeting or a network',
  },
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
  return (
    <LinkedRecords
      lang={p.lang}
      csrfToken={p.session.csrfToken}
      base={p.base}
      canWrite={p.canWrite}
      links={p.links}
      choices={p.choices}
      words={WORDS[p.lang]}
      withRole
      error={p.error}
    />
  );
}
