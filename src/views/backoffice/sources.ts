// A record's sources in a form: one per line, the web address then what it says, as the agreements' form takes
// them. A line left as the form showed it keeps the stored source whole (its title and note apart).
import type { SourceLink } from '../../platform/contacts.ts';

/** The sources as the form's lines. */
export const sourceLines = (sources: readonly SourceLink[]): string =>
  sources.map((s) => [s.url, s.note ?? s.title ?? ''].join(' ').trim()).join('\n');

/** The form's lines as sources; the service checks the addresses. */
export function sourcesFromLines<T extends SourceLink>(text: string, stored: readonly T[]): SourceLink[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [url = '', ...rest] = line.split(/\s+/);
      const note = rest.join(' ').trim();
      const same = stored.find((s) => s.url === url && (s.note ?? s.title ?? '') === note);
      return same ?? { url, ...(note ? { note } : {}) };
    });
}
