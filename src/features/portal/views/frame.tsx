// Every portal page in the institution's frame: header with the language switch and the sections, breadcrumbs,
// feedback widget and footer, with the same page's address in the other language.
import type { ComponentChildren } from 'preact';
import { assetUrl } from '../../../platform/http/assets.ts';
import { formatDate, LANGS, type Lang } from '../../../platform/i18n.ts';
import { safeHref } from '../../../platform/urls.ts';
import { PageShell } from '../../../views/shell.tsx';
import type { InstitutionDetail } from '../../institutions/institutions.schemas.ts';
import { feedbackPath, type Section, sectionPath } from '../portal.paths.ts';
import { s } from './portal.strings.ts';

export interface FrameInput {
  lang: Lang;
  publicUrl: string;
  institution?: InstitutionDetail | undefined;
  section?: Section | undefined;
  title: string;
  description: string;
  /** This page's address in a language: the switch keeps the page. */
  pathFor: (lang: Lang) => string;
  breadcrumbs: { label: string; href?: string }[];
  lastUpdated?: string | undefined;
  jsonLd?: object[];
  feedback?: { thanks?: boolean } | false;
  ogType?: string;
  children: ComponentChildren;
}

const NAV: Section[] = [
  'overview',
  'partnerships',
  'map',
  'timeline',
  'networks',
  'agenda',
  'consularCorps',
  'projects',
  'objectives',
  'openData',
];

export const STYLES = () => [
  assetUrl('bi', 'css/bootstrap-italia.purged.css'),
  assetUrl('ponte', 'portal.css'),
];

export function Frame(p: FrameInput) {
  const t = s(p.lang);
  const inst = p.institution;
  const name = inst ? (p.lang === 'it' ? inst.nameIt : inst.nameEn) : t.platformName;
  const path = p.pathFor(p.lang);
  const day = p.lastUpdated ? formatDate(p.lastUpdated.slice(0, 10), 'day', p.lang) : null;
  return (
    <PageShell
      lang={p.lang}
      title={inst ? `${p.title} — ${name}` : p.title}
      description={p.description}
      canonical={`${p.publicUrl}${path}`}
      alternates={LANGS.map((l) => ({ lang: l, href: `${p.publicUrl}${p.pathFor(l)}` }))}
      styles={STYLES()}
      scripts={[]}
      jsonLd={p.jsonLd ?? []}
      og={{ type: p.ogType ?? 'website', siteName: name }}
      header={{
        lang: p.lang,
        institutionName: name,
        homeHref: inst ? sectionPath(inst.slug, p.lang, 'overview') : '/',
        platformName: t.platformName,
        platformHref: '/',
        languageLinks: LANGS.map((l) => ({ lang: l, href: p.pathFor(l), current: l === p.lang })),
        nav: inst
          ? NAV.map((sec) => ({
              label: t.sections[sec],
              href: sectionPath(inst.slug, p.lang, sec),
              current: sec === p.section,
            }))
          : [],
      }}
      footer={{
        lang: p.lang,
        institutionName: name,
        ...(inst?.address ? { address: inst.address } : {}),
        ...(inst?.taxCode ? { taxCode: inst.taxCode } : {}),
        ...(inst?.vatNumber ? { vatNumber: inst.vatNumber } : {}),
        ...(inst?.pec ? { pec: inst.pec } : {}),
        ...(inst?.email ? { email: inst.email } : {}),
        ...(inst?.phone ? { phone: inst.phone } : {}),
        ...(inst?.website ? { website: inst.website } : {}),
        legalNotesHref: inst
          ? sectionPath(inst.slug, p.lang, 'legalNotes')
          : p.lang === 'it'
            ? '/note-legali'
            : '/en/legal-notes',
        privacyHref: inst
          ? sectionPath(inst.slug, p.lang, 'privacy')
          : p.lang === 'it'
            ? '/privacy'
            : '/en/privacy',
        // The institution's own statement; AgID's generic form only while it has not set one.
        accessibilityHref: safeHref(inst?.accessibilityUrl) ?? 'https://form.agid.gov.it/',
        links: inst
          ? [
              { label: t.sections.openData, href: sectionPath(inst.slug, p.lang, 'openData') },
              { label: 'API', href: '/api/docs' },
            ]
          : [{ label: 'API', href: '/api/docs' }],
      }}
      breadcrumbs={p.breadcrumbs}
      feedback={
        inst && p.feedback !== false
          ? {
              lang: p.lang,
              action: feedbackPath(inst.slug, p.lang),
              page: path,
              thanks: !!p.feedback?.thanks,
            }
          : null
      }
      {...(day ? { lastUpdated: day } : {})}
    >
      {p.children}
    </PageShell>
  );
}

/** Breadcrumbs from the platform down to this page; the last one is the page itself, without a link. */
export function crumbs(
  inst: InstitutionDetail,
  lang: Lang,
  ...rest: { label: string; href?: string }[]
): { label: string; href?: string }[] {
  const all = [
    { label: 'Ponte', href: '/' },
    { label: lang === 'it' ? inst.nameIt : inst.nameEn, href: sectionPath(inst.slug, lang, 'overview') },
    ...rest,
  ];
  return all.map((c, i) => (i === all.length - 1 ? { label: c.label } : c));
}
