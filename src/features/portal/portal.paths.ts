// The portal's addresses. Each page has a segment per language, so the language switch can keep the page:
// /milano/it/partenariati <-> /milano/en/partnerships.
import type { Lang } from '../../platform/i18n.ts';

export const SECTIONS = {
  overview: { it: '', en: '' },
  partnerships: { it: 'partenariati', en: 'partnerships' },
  map: { it: 'mappa', en: 'map' },
  timeline: { it: 'cronologia', en: 'timeline' },
  networks: { it: 'reti', en: 'networks' },
  agenda: { it: 'agenda-internazionale', en: 'international-agenda' },
  missionCosts: { it: 'costi-delle-missioni', en: 'mission-costs' },
  consularCorps: { it: 'corpo-consolare', en: 'consular-corps' },
  communities: { it: 'associazioni-straniere', en: 'community-associations' },
  projects: { it: 'progetti', en: 'projects' },
  objectives: { it: 'obiettivi-e-risorse', en: 'objectives-and-resources' },
  openData: { it: 'dati-aperti', en: 'open-data' },
  legalNotes: { it: 'note-legali', en: 'legal-notes' },
  privacy: { it: 'privacy', en: 'privacy' },
} as const satisfies Record<string, Record<Lang, string>>;

export type Section = keyof typeof SECTIONS;

/** The section a path segment names in a language, if any. */
export function sectionOf(segment: string, lang: Lang): Section | undefined {
  return (Object.keys(SECTIONS) as Section[]).find((s) => s !== 'overview' && SECTIONS[s][lang] === segment);
}

export function sectionPath(institution: string, lang: Lang, section: Section): string {
  const seg = SECTIONS[section][lang];
  return `/${institution}/${lang}/${seg ? `${seg}/` : ''}`;
}

/** A partnership's page: each language has its own address, made from the partner's name in that language. */
export function partnershipPath(
  institution: string,
  lang: Lang,
  a: { slug: string; slugEn: string },
): string {
  return `/${institution}/${lang}/${SECTIONS.partnerships[lang]}/${lang === 'en' ? a.slugEn : a.slug}`;
}

export function dataPath(institution: string, format: 'csv' | 'json' | 'geojson'): string {
  return `/${institution}/data/agreements.${format}`;
}

/** The political office holders' mission costs as CSV. */
export const missionCostsPath = (institution: string) => `/${institution}/data/mission-costs.csv`;

/** The institution's public agenda as an iCalendar feed (the API's). */
export const agendaFeedPath = (institution: string, lang: Lang) =>
  `/api/v1/agenda.ics?institution=${encodeURIComponent(institution)}&lang=${lang}`;

export function feedbackPath(institution: string, lang: Lang): string {
  return `/${institution}/${lang}/feedback`;
}

/** The two directories of the contacts register, and their files' names. */
export type DirectoryKind = 'consular' | 'communities';
const DIRECTORY_FILES: Record<DirectoryKind, string> = {
  consular: 'consular-corps',
  communities: 'community-associations',
};

/** A directory as a file: vCard (in a language), CSV or JSON. */
export const directoryFilePath = (
  institution: string,
  kind: DirectoryKind,
  format: 'vcf' | 'csv' | 'json',
  lang?: Lang,
) => `/${institution}/data/${DIRECTORY_FILES[kind]}${format === 'vcf' && lang ? `-${lang}` : ''}.${format}`;

/** The directory a data file's name asks for, with its format and language. */
export function directoryFileOf(
  file: string,
): { kind: DirectoryKind; format: 'vcf' | 'csv' | 'json'; lang: Lang } | undefined {
  const m = /^(consular-corps|community-associations)(?:-(it|en))?\.(vcf|csv|json)$/.exec(file);
  if (!m || (m[3] === 'vcf') !== !!m[2]) return undefined;
  return {
    kind: m[1] === 'consular-corps' ? 'consular' : 'communities',
    format: m[3] as 'vcf' | 'csv' | 'json',
    lang: (m[2] ?? 'it') as Lang,
  };
}

/** One organisation of a directory as a vCard. */
export const organisationVcardPath = (institution: string, id: string, lang: Lang) =>
  `/${institution}/data/organisations/${id}-${lang}.vcf`;
