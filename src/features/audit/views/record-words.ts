// The words of the plan's, projects', events' and candidacies' own fields and coded values, for the history:
// their labels where the shared back-office words have none, and their kinds, roles, statuses and levels in the
// page's language. Each feature keeps its words in its strings file; this only says which list names which key.
import type { Lang } from '../../../platform/i18n.ts';
import { dossiersStrings } from '../../dossiers/dossiers.strings.ts';
import { eventsStrings } from '../../events/events.strings.ts';
import { planStrings } from '../../plan/plan.strings.ts';
import { projectsStrings } from '../../projects/projects.strings.ts';

export interface RecordWords {
  labels: Record<string, string>;
  /** A coded field's values in words, by field. */
  values: Record<string, Record<string, string>>;
}

const WORDS: Record<string, (lang: Lang) => RecordWords> = {
  objective: (lang) => ({ labels: {}, values: { level: planStrings(lang).levels } }),
  project: (lang) => {
    const s = projectsStrings(lang);
    return { labels: s.labels, values: { kind: s.kinds, role: s.roles, status: s.statuses } };
  },
  event: (lang) => {
    const s = eventsStrings(lang);
    return { labels: s.labels, values: { role: s.roles, status: s.statuses } };
  },
  dossier: (lang) => {
    const s = dossiersStrings(lang);
    return { labels: { ...s.labels, deadlines: s.deadlines }, values: { kind: s.kinds, status: s.statuses } };
  },
};

/** The words of a record type that has its own, or undefined for the others. */
export const recordWords = (entity: string, lang: Lang): RecordWords | undefined => WORDS[entity]?.(lang);
