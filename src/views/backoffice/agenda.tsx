// What the agenda's pages (visits, missions, meetings) draw alike: a record's title in the page's language, its
// days and times in words, and the agreements and networks it concerns.
import { KIND_LABELS } from '../../features/agreements/agreements.labels.ts';
import type { AgreementKind } from '../../features/agreements/agreements.schemas.ts';
import { formatDate, type Lang } from '../../platform/i18n.ts';
import { nameIn } from './lists.tsx';

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
