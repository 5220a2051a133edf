// An institution's pages: its sections (overview, partnerships, map, timeline, networks, open data, legal notes,
// privacy) and each partnership's own page, with the JSON-LD that describes them.
import type { VNode } from 'preact';
import { todayIso } from '../../platform/dates.ts';
import type { App } from '../../platform/http/types.ts';
import { isLang, type Lang } from '../../platform/i18n.ts';
import { safeHref } from '../../platform/urls.ts';
import { LegalNotes } from '../../views/legal-notes.tsx';
import type { Agreement } from '../agreements/agreements.schemas.ts';
import type { InstitutionDetail } from '../institutions/institutions.schemas.ts';
import type { PortalKit } from './portal.kit.tsx';
import { partnershipPath, SECTIONS, type Section, sectionOf, sectionPath } from './portal.paths.ts';
import { latestOf, type PortalInstitution, type PortalParts } from './portal.service.ts';
import { agendaWords } from './views/agenda.strings.ts';
import { Agenda, MissionCosts } from './views/agenda.tsx';
import { agreementTitle, countryName, partnerName } from './views/common.tsx';
import { directoryWords } from './views/directory.strings.ts';
import { Directory, readDirectoryFilters } from './views/directory.tsx';
import { crumbs, Frame } from './views/frame.tsx';
import { Objectives, readObjectiveFilters } from './views/objectives.tsx';
import { Overview } from './views/overview.tsx';
import { Partnership } from './views/partnership.tsx';
import { filtersQuery, Partnerships, readFilters } from './views/partnerships.tsx';
import { s } from './views/portal.strings.ts';
import { Projects, readProjectFilters } from './views/projects.tsx';
import { MapPage, Networks, OpenData, Privacy, privacyParagraphs, Timeline } from './views/sections.tsx';

export function institutionRoutes(app: App, kit: PortalKit) {
  const { page, notFound, loadInstitution, loadPart, publicUrl } = kit;

  app.get<{ Params: { inst: string } }>('/:inst', { schema: { hide: true } }, async (request, reply) =>
    reply.redirect(`/${encodeURIComponent(request.params.inst)}/it/`),
  );

  app.get<{
    Params: { inst: string; lang: string; section?: string };
    Querystring: Record<string, string>;
  }>('/:inst/:lang/:section?', { schema: { hide: true } }, async (request, reply) => {
    const { inst: slug, lang } = request.params;
    if (!isLang(lang)) return notFound(request, reply, 'it');
    const raw = request.params.section ?? '';
    const section: Section | undefined = raw === '' ? 'overview' : sectionOf(raw, lang);
    const data = await loadInstitution(slug);
    if (!data || !section) return notFound(request, reply, lang, data?.institution);
    // Only the partnerships page and the directories read their query; the others ignore it so it cannot
    // multiply cache entries (a directory keeps only values its list offers).
    const query = section === 'partnerships' ? readFilters(request.query) : undefined;
    const listed =
      section === 'consularCorps' || section === 'communities' ? await loadPart(data, section) : undefined;
    const directory = listed ? readDirectoryFilters(request.query, listed) : undefined;
    const objectives =
      section === 'objectives'
        ? readObjectiveFilters(request.query, await loadPart(data, 'objectives'))
        : undefined;
    const projects =
      section === 'projects'
        ? readProjectFilters(request.query, await loadPart(data, 'projects'))
        : undefined;
    // The agenda splits coming and past by today's date: its page is kept for a day at most.
    const day = section === 'agenda' ? todayIso() : '';
    const key = `${slug}|${lang}|${section}|${query ? filtersQuery(query.filters) : ''}|${query?.invalid.join(',') ?? ''}|${day}|${directory ? Object.values(directory).join(',') : ''}|${objectives ? Object.values(objectives).join(',') : ''}|${projects ? Object.values(projects).join(',') : ''}`;
    return page(request, reply, key, data.institution.id, async () =>
      sectionPage(data, lang, section, request.query, publicUrl, (part) => loadPart(data, part)),
    );
  });

  app.get<{ Params: { inst: string; lang: string; section: string; slug: string } }>(
    '/:inst/:lang/:section/:slug',
    { schema: { hide: true } },
    async (request, reply) => {
      const { inst: instSlug, lang, slug } = request.params;
      if (!isLang(lang)) return notFound(request, reply, 'it');
      const data = await loadInstitution(instSlug);
      const agreements = data ? (await loadPart(data, 'agreements')).list : [];
      const own = (x: Agreement) => (lang === 'en' ? x.slugEn : x.slug);
      const other = (x: Agreement) => (lang === 'en' ? x.slug : x.slugEn);
      const section = request.params.section;
      const a = section === SECTIONS.partnerships[lang] ? agreements.find((x) => own(x) === slug) : undefined;
      // The other language's address (/en/partnerships/lione, /en/partenariati/lione) leads to this
      // language's page, so links shared before English addresses existed keep working.
      const moved =
        a || !(Object.values(SECTIONS.partnerships) as string[]).includes(section)
          ? undefined
          : agreements.find((x) => own(x) === slug || other(x) === slug);
      if (data && moved) return reply.redirect(partnershipPath(data.institution.slug, lang, moved), 301);
      if (!data || !a) {
        return notFound(request, reply, lang, data?.institution);
      }
      const inst = data.institution;
      return page(request, reply, `${instSlug}|${lang}|p|${slug}`, inst.id, async () =>
        partnershipPage(inst, a, lang, publicUrl),
      );
    },
  );
}

function partnershipPage(inst: InstitutionDetail, a: Agreement, lang: Lang, publicUrl: string) {
  const t = s(lang);
  return (
    <Frame
      lang={lang}
      publicUrl={publicUrl}
      institution={inst}
      section="partnerships"
      title={agreementTitle(a, lang)}
      description={`${agreementTitle(a, lang)}${a.partner.country ? `, ${countryName(a, lang)}` : ''}`}
      pathFor={(l) => partnershipPath(inst.slug, l, a)}
      breadcrumbs={crumbs(
        inst,
        lang,
        { label: t.sections.partnerships, href: sectionPath(inst.slug, lang, 'partnerships') },
        { label: partnerName(a, lang) },
      )}
      lastUpdated={a.updatedAt}
      ogType="article"
      jsonLd={[placeLd(a, lang, publicUrl, inst)]}
    >
      <Partnership a={a} lang={lang} />
    </Frame>
  );
}

type PartOf = <K extends keyof PortalParts>(part: K) => Promise<PortalParts[K]>;

async function sectionPage(
  data: PortalInstitution,
  lang: Lang,
  section: Section,
  query: Record<string, unknown>,
  publicUrl: string,
  part: PartOf,
) {
  const inst = data.institution;
  // A directory's page was last changed with its entries; every other page with the agreements.
  const lastUpdated =
    section === 'consularCorps' || section === 'communities'
      ? latestOf(inst, await part(section))
      : (await part('agreements')).lastUpdated;
  const common = { lang, publicUrl, institution: inst, section, lastUpdated };
  if (section === 'overview') {
    const name = lang === 'it' ? inst.nameIt : inst.nameEn;
    return (
      <Frame
        {...common}
        title={(lang === 'it' ? inst.officeNameIt : inst.officeNameEn) ?? name}
        description={(lang === 'it' ? inst.descriptionIt : inst.descriptionEn) ?? name}
        pathFor={(l) => sectionPath(inst.slug, l, 'overview')}
        breadcrumbs={crumbs(inst, lang)}
        jsonLd={[organisationLd(inst, lang, publicUrl)]}
      >
        <Overview
          institution={inst}
          agreements={(await part('agreements')).list}
          networks={await part('networks')}
          lang={lang}
        />
      </Frame>
    );
  }
  const title = s(lang).sections[section];
  const { description, body, qs = '' } = await sectionContent(data, lang, section, query, part);
  return (
    <Frame
      {...common}
      title={title}
      description={description}
      pathFor={(l) => `${sectionPath(inst.slug, l, section)}${qs}`}
      breadcrumbs={crumbs(inst, lang, { label: title })}
    >
      {body}
    </Frame>
  );
}

/** What a section other than the overview shows, its description, and the query its addresses keep. */
async function sectionContent(
  data: PortalInstitution,
  lang: Lang,
  section: Exclude<Section, 'overview'>,
  query: Record<string, unknown>,
  part: PartOf,
): Promise<{ description: string; body: VNode; qs?: string }> {
  const inst = data.institution;
  const t = s(lang);
  const name = lang === 'it' ? inst.nameIt : inst.nameEn;
  switch (section) {
    case 'partnerships': {
      const { filters, invalid } = readFilters(query);
      return {
        description: t.partnerships.lead,
        qs: filtersQuery(filters),
        body: (
          <Partnerships
            institution={inst.slug}
            all={(await part('agreements')).list}
            filters={filters}
            invalid={invalid}
            lang={lang}
          />
        ),
      };
    }
    case 'map':
      return {
        description: t.map.lead,
        body: (
          <MapPage
            institution={inst.slug}
            institutionName={name}
            list={(await part('agreements')).list}
            lang={lang}
          />
        ),
      };
    case 'timeline':
      return {
        description: t.timeline.title,
        body: <Timeline institution={inst.slug} list={(await part('agreements')).list} lang={lang} />,
      };
    case 'networks':
      return {
        description: t.networks.lead,
        body: <Networks networks={await part('networks')} institution={inst.slug} lang={lang} />,
      };
    case 'agenda':
      return {
        description: agendaWords(lang).lead(name),
        body: (
          <Agenda
            entries={await part('agenda')}
            institution={inst.slug}
            institutionName={name}
            lang={lang}
            today={todayIso()}
          />
        ),
      };
    case 'missionCosts':
      return {
        description: agendaWords(lang).costsLead,
        body: <MissionCosts rows={await part('missionCosts')} institution={inst.slug} lang={lang} />,
      };
    case 'consularCorps':
    case 'communities': {
      const kind = section === 'consularCorps' ? 'consular' : 'communities';
      const entries = await part(section);
      const words = directoryWords(lang);
      return {
        description: section === 'consularCorps' ? words.consularLead(name) : words.communitiesLead(name),
        body: (
          <Directory
            kind={kind}
            entries={entries}
            filters={readDirectoryFilters(query, entries)}
            institution={inst.slug}
            institutionName={name}
            lang={lang}
          />
        ),
      };
    }
    case 'projects':
    case 'objectives':
      return planningContent(inst, lang, section, query, part);
    case 'openData':
      return {
        description: t.openData.lead,
        body: <OpenData institution={inst.slug} institutionName={name} lang={lang} />,
      };
    case 'legalNotes':
      return {
        description: t.sections.legalNotes,
        body: (
          <div class="container my-4">
            <h1>{t.sections.legalNotes}</h1>
            <LegalNotes lang={lang} institutionName={name} />
          </div>
        ),
      };
    case 'privacy': {
      const text = lang === 'it' ? inst.privacyTextIt : inst.privacyTextEn;
      return {
        description: privacyParagraphs(lang, text)[0]!,
        body: <Privacy lang={lang} text={text} />,
      };
    }
  }
}

/** The projects' and the objectives' sections: a list filtered by its query, which their addresses keep. */
async function planningContent(
  inst: InstitutionDetail,
  lang: Lang,
  section: 'projects' | 'objectives',
  query: Record<string, unknown>,
  part: PartOf,
): Promise<{ description: string; body: VNode; qs?: string }> {
  const t = s(lang);
  const name = lang === 'it' ? inst.nameIt : inst.nameEn;
  switch (section) {
    case 'projects': {
      const all = await part('projects');
      const filters = readProjectFilters(query, all);
      const qs = new URLSearchParams(
        Object.entries({ stato: filters.status, tipo: filters.kind, paese: filters.country }).filter(
          ([, v]) => v,
        ),
      ).toString();
      return {
        description: t.sections.projects,
        qs: qs ? `?${qs}` : '',
        body: (
          <Projects
            all={all}
            filters={filters}
            institution={inst.slug}
            institutionName={name}
            lang={lang}
            title={t.sections.projects}
            action={sectionPath(inst.slug, lang, 'projects')}
          />
        ),
      };
    }
    case 'objectives': {
      const all = await part('objectives');
      const filters = readObjectiveFilters(query, all);
      const qs = new URLSearchParams(
        Object.entries({ mandato: filters.mandate, programma: filters.programme }).filter(([, v]) => v),
      ).toString();
      return {
        description: t.sections.objectives,
        qs: qs ? `?${qs}` : '',
        body: (
          <Objectives
            all={all}
            filters={filters}
            institution={inst.slug}
            institutionName={name}
            lang={lang}
            title={t.sections.objectives}
            action={sectionPath(inst.slug, lang, 'objectives')}
          />
        ),
      };
    }
  }
}

function organisationLd(inst: InstitutionDetail, lang: Lang, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    name: lang === 'it' ? inst.nameIt : inst.nameEn,
    url: `${publicUrl}${sectionPath(inst.slug, lang, 'overview')}`,
    ...(inst.address ? { address: inst.address } : {}),
    ...(inst.vatNumber ? { vatID: inst.vatNumber } : {}),
    ...(inst.taxCode ? { taxID: inst.taxCode } : {}),
    ...(safeHref(inst.website) ? { sameAs: [inst.website] } : {}),
  };
}

function placeLd(a: Agreement, lang: Lang, publicUrl: string, inst: InstitutionDetail) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Place',
    name: partnerName(a, lang),
    url: `${publicUrl}${partnershipPath(inst.slug, lang, a)}`,
    ...(a.partner.country
      ? { address: { '@type': 'PostalAddress', addressCountry: a.partner.country.code } }
      : {}),
    ...(a.partner.place
      ? { geo: { '@type': 'GeoCoordinates', latitude: a.partner.place.lat, longitude: a.partner.place.lon } }
      : {}),
  };
}
