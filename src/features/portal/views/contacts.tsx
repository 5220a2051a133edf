// The institution's contacts on its overview (address, e-mail, PEC, telephone) and each unit's, with the
// sources they come from, as an agreement's page shows its own.

import type { ComponentChildren } from 'preact';
import { telUri } from '../../../platform/contacts.ts';
import type { Lang } from '../../../platform/i18n.ts';
import { SourceItem } from '../../../views/sources.tsx';
import type { Source } from '../../agreements/agreements.schemas.ts';
import type { InstitutionDetail } from '../../institutions/institutions.schemas.ts';
import { s } from './portal.strings.ts';

interface Contact {
  address?: string | null;
  email?: string | null;
  pec?: string | null;
  phone?: string | null;
}

/** The contacts that are set, as a list; nothing when none is. */
export function ContactList({ lang, contact: c }: { lang: Lang; contact: Contact }) {
  const t = s(lang).overview;
  const rows: [string, ComponentChildren][] = [];
  if (c.address) rows.push([t.address, c.address]);
  if (c.email) rows.push([t.email, <a href={`mailto:${c.email}`}>{c.email}</a>]);
  if (c.pec) rows.push([t.pec, <a href={`mailto:${c.pec}`}>{c.pec}</a>]);
  if (c.phone) rows.push([t.phone, <a href={telUri(c.phone)}>{c.phone}</a>]);
  if (rows.length === 0) return null;
  return (
    <ul class="list-unstyled">
      {rows.map(([label, value]) => (
        <li key={label}>
          {label}: {value}
        </li>
      ))}
    </ul>
  );
}

/** Where the claims beside it come from. */
export function SourceLinks({ lang, sources }: { lang: Lang; sources: readonly Source[] }) {
  if (sources.length === 0) return null;
  return (
    <p class="small">
      {s(lang).overview.sources}:{' '}
      {sources.map((src, i) => (
        <span key={`${i}-${src.url ?? src.title}`}>
          {i > 0 ? '; ' : ''}
          <SourceItem source={src} lang={lang} />
        </span>
      ))}
    </p>
  );
}

/** The institution's contact block, with the sources of what the overview says of it. */
export function Contacts({ inst, lang }: { inst: InstitutionDetail; lang: Lang }) {
  const any = inst.address || inst.email || inst.pec || inst.phone || inst.sources.length > 0;
  if (!any) return null;
  return (
    <section aria-labelledby="contacts" class="my-4">
      <h2 id="contacts">{s(lang).overview.contacts}</h2>
      <ContactList lang={lang} contact={inst} />
      <SourceLinks lang={lang} sources={inst.sources} />
    </section>
  );
}
