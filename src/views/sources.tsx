// Where a claim comes from, as a reader sees it: every record type that cites sources (agreements, their status
// events, networks, memberships, institutions) shows them with these, in the page's language.
import type { VNode } from 'preact';
import type { Source } from '../platform/http/schema-helpers.ts';
import type { Lang } from '../platform/i18n.ts';
import { DataLink } from './data-link.tsx';

/** A source's words on a page: the English label on English pages when there is one, else as published. */
export function sourceText(
  source: string | null | undefined,
  sourceEn: string | null | undefined,
  lang: Lang,
) {
  return (lang === 'en' && sourceEn) || source || null;
}

/** One source: its title (or English label) linked to its address, then what it says. */
export function SourceItem(p: { source: Source; lang: Lang }): VNode {
  const { source: src, lang } = p;
  return (
    <>
      <DataLink href={src.url}>{sourceText(src.title, src.titleEn, lang) ?? src.url}</DataLink>
      {src.note ? ` — ${src.note}` : ''}
    </>
  );
}

/** The sources once each (a network's and its membership's often cite the same page). */
export function distinctSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.url ?? ''}|${s.title ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The sources as a list; nothing when there are none. */
export function SourceList(p: { sources: Source[]; lang: Lang; class?: string }): VNode | null {
  if (p.sources.length === 0) return null;
  return (
    <ul class={p.class}>
      {p.sources.map((src, i) => (
        <li key={`${i}-${src.url ?? src.title}`}>
          <SourceItem source={src} lang={p.lang} />
        </li>
      ))}
    </ul>
  );
}

// The back-office edits sources as lines of a text area: "address then what it says", or a title alone for a
// document without an address. A line left as shown keeps the stored source whole (its title, English label).

/** Sources as the lines of a text area. */
export function sourcesToLines(sources: readonly Source[]): string {
  return sources.map(sourceLine).join('\n');
}

function sourceLine(s: Source): string {
  return [s.url ?? '', s.note ?? s.title ?? ''].join(' ').trim();
}

/** The lines of a text area as sources, keeping the stored ones whose line did not change. */
export function sourcesFromLines(text: string, stored: readonly Source[] = []): Source[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const same = stored.find((s) => sourceLine(s) === line);
      if (same) return same;
      const [first = '', ...rest] = line.split(/\s+/);
      // Anything that looks like an address is taken as one, so a mistyped scheme is refused by the URL rule.
      if (/^[a-z][a-z0-9+.-]*:/i.test(first) || first.startsWith('www.')) {
        const note = rest.join(' ').trim();
        return { url: first, ...(note ? { note } : {}) };
      }
      return { title: line };
    });
}
