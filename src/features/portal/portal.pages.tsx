// The public portal's HTML routes. Each page is rendered once per address and served from the cache until a
// change to the institution's data (a NOTIFY from any instance) drops it; ETag and compression come with it.

import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Services } from '../../deps.ts';
import { type AppError, isAppError } from '../../platform/errors.ts';
import { cachedBody, sendCached } from '../../platform/http/cached-body.ts';
import { PAGE_CACHE_CONTROL, type PageCache, PLATFORM } from '../../platform/http/page-cache.ts';
import type { App } from '../../platform/http/types.ts';
import { isLang, type Lang, langOfAddress } from '../../platform/i18n.ts';
import { safeHref } from '../../platform/urls.ts';
import { ErrorNotice, errorText } from '../../views/error-page.tsx';
import { LegalNotes } from '../../views/legal-notes.tsx';
import { renderPage } from '../../views/render.ts';
import { toCsv, toGeoJson, toJson } from '../agreements/agreements.files.ts';
import type { Agreement } from '../agreements/agreements.schemas.ts';
import type { InstitutionDetail } from '../institutions/institutions.schemas.ts';
import { partnershipPath, SECTIONS, type Section, sectionOf, sectionPath } from './portal.paths.ts';
import type { PortalInstitution, PortalService } from './portal.service.ts';
import { agreementTitle, countryName, partnerName } from './views/common.tsx';
import { crumbs, Frame } from './views/frame.tsx';
import { Home } from './views/home.tsx';
import { Overview } from './views/overview.tsx';
import { Partnership } from './views/partnership.tsx';
import { filtersQuery, Partnerships, readFilters } from './views/partnerships.tsx';
import { s } from './views/portal.strings.ts';
import { MapPage, Networks, NotFound, OpenData, Privacy, Timeline } from './views/sections.tsx';

const RESERVED = new Set(['api', 'assets']);
const HTML = 'text/html; charset=utf-8';
const DATA_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

/** Page-feedback answers accepted from one address. */
export const FEEDBACK_LIMIT = { max: 10, window: '15 minutes' } as const;
export interface PortalDeps {
  services: Services;
  portal: PortalService;
  cache: PageCache;
  publicUrl: string;
}

export function portalPages({ services, portal, cache, publicUrl }: PortalDeps) {
  /** The cache's epoch when each request arrived, before it read anything (PageCache.epoch says why). */
  const readAt = new WeakMap<FastifyRequest, number>();

  /** Serves a body from the cache, building it on a miss. */
  async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    scope: string,
    type: string,
    build: () => Promise<string>,
  ) {
    let body = cache.get(key);
    if (!body) {
      body = cachedBody(await build(), type);
      cache.set(key, scope, body, readAt.get(request));
    }
    if (request.method === 'GET') cache.rememberAddress(request.url, scope, body, readAt.get(request));
    return sendCached(request, reply, body, PAGE_CACHE_CONTROL);
  }

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    scope: string,
    build: () => Promise<VNode>,
  ) => serve(request, reply, key, scope, HTML, async () => renderPage(await build()));

  function notFound(request: FastifyRequest, reply: FastifyReply, lang: Lang, inst?: InstitutionDetail) {
    const t = s(lang).notFound;
    const html = renderPage(
      <Frame
        lang={lang}
        publicUrl={publicUrl}
        institution={inst}
        title={t.title}
        description={t.body}
        pathFor={(l) => (inst ? sectionPath(inst.slug, l, 'overview') : l === 'it' ? '/' : '/en/')}
        breadcrumbs={[{ label: 'Ponte', href: '/' }, { label: t.title }]}
        feedback={false}
      >
        <NotFound lang={lang} />
      </Frame>,
    );
    return sendCached(request, reply, cachedBody(html, HTML), 'no-store', 404);
  }

  /** Any other failed portal request: what happened in the page's language, never JSON. */
  function errorPage(request: FastifyRequest, reply: FastifyReply, err: AppError, status: number) {
    const lang = langOfAddress(request.url);
    const text = errorText(lang, err, status);
    const home = lang === 'it' ? '/' : '/en/';
    const html = renderPage(
      <Frame
        lang={lang}
        publicUrl={publicUrl}
        title={text.title}
        description={text.body}
        pathFor={(l) => (l === 'it' ? '/' : '/en/')}
        breadcrumbs={[{ label: 'Ponte', href: '/' }, { label: text.title }]}
        feedback={false}
      >
        <ErrorNotice
          lang={lang}
          err={err}
          status={status}
          back={{ href: home, label: s(lang).notFound.back }}
        />
      </Frame>,
    );
    return sendCached(request, reply, cachedBody(html, HTML), 'no-store', status);
  }

  async function loadInstitution(slug: string): Promise<PortalInstitution | undefined> {
    try {
      return await cache.remember(
        `institution|${slug}`,
        () => portal.institution(slug),
        (data) => data.institution.id,
      );
    } catch (err) {
      if (isAppError(err) && err.code === 'not_found') return undefined;
      throw err;
    }
  }

  function sectionPage(
    data: PortalInstitution,
    lang: Lang,
    section: Section,
    query: Record<string, unknown>,
  ) {
    const inst = data.institution;
    const t = s(lang);
    const name = lang === 'it' ? inst.nameIt : inst.nameEn;
    const common = {
      lang,
      publicUrl,
      institution: inst,
      section,
      lastUpdated: data.lastUpdated,
    };
    const title = t.sections[section];
    switch (section) {
      case 'overview':
        return (
          <Frame
            {...common}
            title={(lang === 'it' ? inst.officeNameIt : inst.officeNameEn) ?? name}
            description={(lang === 'it' ? inst.descriptionIt : inst.descriptionEn) ?? name}
            pathFor={(l) => sectionPath(inst.slug, l, 'overview')}
            breadcrumbs={crumbs(inst, lang)}
            jsonLd={[organisationLd(inst, lang, publicUrl)]}
          >
            <Overview data={data} lang={lang} />
          </Frame>
        );
      case 'partnerships': {
        const { filters, invalid } = readFilters(query);
        const qs = filtersQuery(filters);
        return (
          <Frame
            {...common}
            title={title}
            description={t.partnerships.lead}
            pathFor={(l) => `${sectionPath(inst.slug, l, 'partnerships')}${qs}`}
            breadcrumbs={crumbs(inst, lang, { label: title })}
          >
            <Partnerships
              institution={inst.slug}
              all={data.agreements}
              filters={filters}
              invalid={invalid}
              lang={lang}
            />
          </Frame>
        );
      }
      case 'map':
        return (
          <Frame
            {...common}
            title={title}
            description={t.map.lead}
            pathFor={(l) => sectionPath(inst.slug, l, 'map')}
            breadcrumbs={crumbs(inst, lang, { label: title })}
          >
            <MapPage institution={inst.slug} institutionName={name} list={data.agreements} lang={lang} />
          </Frame>
        );
      case 'timeline':
        return (
          <Frame
            {...common}
            title={title}
            description={t.timeline.title}
            pathFor={(l) => sectionPath(inst.slug, l, 'timeline')}
            breadcrumbs={crumbs(inst, lang, { label: title })}
          >
            <Timeline institution={inst.slug} list={data.agreements} lang={lang} />
          </Frame>
        );
      case 'networks':
        return (
          <Frame
            {...common}
            title={title}
            description={t.networks.lead}
            pathFor={(l) => sectionPath(inst.slug, l, 'networks')}
            breadcrumbs={crumbs(inst, lang, { label: title })}
          >
            <Networks networks={data.networks} institution={inst.slug} lang={lang} />
          </Frame>
        );
      case 'openData':
        return (
          <Frame
            {...common}
            title={title}
            description={t.openData.lead}
            pathFor={(l) => sectionPath(inst.slug, l, 'openData')}
            breadcrumbs={crumbs(inst, lang, { label: title })}
          >
            <OpenData institution={inst.slug} institutionName={name} lang={lang} />
          </Frame>
        );
      case 'legalNotes':
        return (
          <Frame
            {...common}
            title={title}
            description={title}
            pathFor={(l) => sectionPath(inst.slug, l, 'legalNotes')}
            breadcrumbs={crumbs(inst, lang, { label: title })}
          >
            <div class="container my-4">
              <h1>{title}</h1>
              <LegalNotes lang={lang} institutionName={name} />
            </div>
          </Frame>
        );
      case 'privacy':
        return (
          <Frame
            {...common}
            title={title}
            description={t.privacy.body[0]!}
            pathFor={(l) => sectionPath(inst.slug, l, 'privacy')}
            breadcrumbs={crumbs(inst, lang, { label: title })}
          >
            <Privacy lang={lang} />
          </Frame>
        );
    }
  }

  const routes = async (app: App) => {
    app.addHook('onRequest', async (request) => {
      readAt.set(request, cache.epoch);
    });
    // Addresses under /api and /assets are never portal pages, even when they have the shape of one.
    app.addHook('preHandler', async (request, reply) => {
      const first = (request.params as { inst?: string }).inst;
      if (first && RESERVED.has(first)) return reply.callNotFound();
    });

    const home = (lang: Lang) => async (request: FastifyRequest, reply: FastifyReply) =>
      page(request, reply, `home|${lang}`, PLATFORM, async () => {
        // One count everywhere: the same published agreements the institution's own pages list.
        const { points, institutions, counts } = await portal.atlas();
        const t = s(lang).home;
        return (
          <Frame
            lang={lang}
            publicUrl={publicUrl}
            title={t.title}
            description={t.lead}
            pathFor={(l) => (l === 'it' ? '/' : '/en/')}
            breadcrumbs={[{ label: 'Ponte' }]}
            feedback={false}
          >
            <Home institutions={institutions} points={points} counts={counts} lang={lang} />
          </Frame>
        );
      });
    app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) =>
      serve(request, reply, 'robots', PLATFORM, 'text/plain; charset=utf-8', async () =>
        [
          'User-agent: *',
          'Disallow: /api/',
          'Allow: /api/docs',
          `Sitemap: ${publicUrl}/sitemap.xml`,
          '',
        ].join('\n'),
      ),
    );

    app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) =>
      serve(request, reply, 'sitemap', PLATFORM, 'application/xml; charset=utf-8', async () => {
        const urls: { path: (l: Lang) => string; lastmod?: string }[] = [
          { path: (l) => (l === 'it' ? '/' : '/en/') },
        ];
        for (const i of await portal.institutions()) {
          const data = await portal.institution(i.slug);
          const lastmod = data.lastUpdated.slice(0, 10);
          for (const sec of SITEMAP_SECTIONS)
            urls.push({ path: (l) => sectionPath(i.slug, l, sec), lastmod });
          for (const a of data.agreements) {
            urls.push({ path: (l) => partnershipPath(i.slug, l, a.slug), lastmod: a.updatedAt.slice(0, 10) });
          }
        }
        return sitemapXml(publicUrl, urls);
      }),
    );

    app.get('/', { schema: { hide: true } }, home('it'));
    app.get('/en/', { schema: { hide: true } }, home('en'));

    // The platform's own privacy and legal-notes pages, which the home page's footer links (C.SI.3.3, 3.4).
    const rootPath = (l: Lang, section: 'privacy' | 'legalNotes') =>
      `${l === 'it' ? '' : '/en'}/${SECTIONS[section][l]}`;
    const rootPage =
      (lang: Lang, section: 'privacy' | 'legalNotes') =>
      async (request: FastifyRequest, reply: FastifyReply) =>
        page(request, reply, `root|${lang}|${section}`, PLATFORM, async () => {
          const t = s(lang);
          const title = section === 'privacy' ? t.privacy.title : t.sections.legalNotes;
          return (
            <Frame
              lang={lang}
              publicUrl={publicUrl}
              title={title}
              description={section === 'privacy' ? t.privacy.body[0]! : title}
              pathFor={(l) => rootPath(l, section)}
              breadcrumbs={[{ label: 'Ponte', href: lang === 'it' ? '/' : '/en/' }, { label: title }]}
              feedback={false}
            >
              {section === 'privacy' ? (
                <Privacy lang={lang} />
              ) : (
                <div class="container my-4">
                  <h1>{title}</h1>
                  <LegalNotes lang={lang} institutionName="Ponte" />
                </div>
              )}
            </Frame>
          );
        });
    for (const lang of ['it', 'en'] as const) {
      for (const section of ['privacy', 'legalNotes'] as const) {
        app.get(rootPath(lang, section), { schema: { hide: true } }, rootPage(lang, section));
      }
    }
    // An English address without its language prefix, as older footers linked it.
    app.get('/legal-notes', { schema: { hide: true } }, async (_request, reply) =>
      reply.redirect('/en/legal-notes', 301),
    );

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
      // Only the partnerships page reads its query; the others ignore it so it cannot multiply cache entries.
      const query = section === 'partnerships' ? readFilters(request.query) : undefined;
      const key = `${slug}|${lang}|${section}|${query ? filtersQuery(query.filters) : ''}|${query?.invalid.join(',') ?? ''}`;
      return page(request, reply, key, data.institution.id, async () =>
        sectionPage(data, lang, section, request.query),
      );
    });

    app.get<{ Params: { inst: string; lang: string; section: string; slug: string } }>(
      '/:inst/:lang/:section/:slug',
      { schema: { hide: true } },
      async (request, reply) => {
        const { inst: instSlug, lang, slug } = request.params;
        if (!isLang(lang)) return notFound(request, reply, 'it');
        const data = await loadInstitution(instSlug);
        const a = data?.agreements.find((x) => x.slug === slug);
        if (!data || !a || request.params.section !== SECTIONS.partnerships[lang]) {
          return notFound(request, reply, lang, data?.institution);
        }
        const inst = data.institution;
        const t = s(lang);
        return page(request, reply, `${instSlug}|${lang}|p|${slug}`, inst.id, async () => (
          <Frame
            lang={lang}
            publicUrl={publicUrl}
            institution={inst}
            section="partnerships"
            title={agreementTitle(a, lang)}
            description={`${agreementTitle(a, lang)}${a.partner.country ? `, ${countryName(a, lang)}` : ''}`}
            pathFor={(l) => partnershipPath(inst.slug, l, a.slug)}
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
        ));
      },
    );

    app.get<{ Params: { inst: string; file: string } }>(
      '/:inst/data/:file',
      { schema: { hide: true } },
      async (request, reply) => {
        const { inst: slug, file } = request.params;
        const format = /^agreements\.(csv|json|geojson)$/.exec(file)?.[1];
        const data = format ? await loadInstitution(slug) : undefined;
        if (!data || !format) return notFound(request, reply, 'it', data?.institution);
        reply.header('content-disposition', `attachment; filename="${slug}-agreements.${format}"`);
        return serve(
          request,
          reply,
          `${slug}|data|${format}`,
          data.institution.id,
          DATA_TYPES[format]!,
          async () =>
            format === 'csv'
              ? toCsv(data.agreements)
              : format === 'json'
                ? toJson(slug, data.agreements)
                : JSON.stringify(toGeoJson(data.agreements, publicUrl)),
        );
      },
    );

    app.post<{ Params: { inst: string; lang: string }; Body: Record<string, string> }>(
      '/:inst/:lang/feedback',
      {
        // A person rates a page once; a flood of anonymous posts is refused.
        config: { rateLimit: { max: FEEDBACK_LIMIT.max, timeWindow: FEEDBACK_LIMIT.window } },
        schema: {
          hide: true,
          body: Type.Object({
            page: Type.String({ maxLength: 300 }),
            rating: Type.Optional(Type.String({ maxLength: 2 })),
            answer_positive: Type.Optional(Type.String({ maxLength: 2 })),
            answer_negative: Type.Optional(Type.String({ maxLength: 2 })),
            comment: Type.Optional(Type.String({ maxLength: 2000 })),
          }),
        },
      },
      async (request, reply) => {
        const { inst, lang } = request.params;
        if (!isLang(lang)) return notFound(request, reply, 'it');
        const b = request.body;
        const rating = Number(b['rating']);
        const answerRaw = rating >= 4 ? b['answer_positive'] : b['answer_negative'];
        await services.feedback.record(inst, {
          page: b['page'] ?? '',
          lang,
          rating,
          answer: answerRaw === undefined || answerRaw === '' ? undefined : Number(answerRaw),
          comment: b['comment'],
        });
        // The thank-you message is shown by the page itself for this anchor, so the page stays cacheable.
        return reply.redirect(`${b['page']}#feedback-thanks`, 303);
      },
    );
  };

  return {
    routes,
    /** The 404 page for any address a browser asks for that no route knows, in the language of its path. */
    notFound: (request: FastifyRequest, reply: FastifyReply) =>
      notFound(request, reply, langOfAddress(request.url)),
    errorPage,
  };
}

const SITEMAP_SECTIONS: Section[] = ['overview', 'partnerships', 'map', 'timeline', 'networks', 'openData'];

const xml = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A sitemap with every page in both languages, each naming its other-language twin (hreflang). */
function sitemapXml(publicUrl: string, urls: { path: (l: Lang) => string; lastmod?: string }[]): string {
  const langs: Lang[] = ['it', 'en'];
  const entries = urls.flatMap((u) =>
    langs.map((l) =>
      [
        '<url>',
        `<loc>${xml(publicUrl + u.path(l))}</loc>`,
        ...(u.lastmod ? [`<lastmod>${u.lastmod}</lastmod>`] : []),
        ...langs.map(
          (alt) => `<xhtml:link rel="alternate" hreflang="${alt}" href="${xml(publicUrl + u.path(alt))}"/>`,
        ),
        '</url>',
      ].join(''),
    ),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
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
    url: `${publicUrl}${partnershipPath(inst.slug, lang, a.slug)}`,
    ...(a.partner.country
      ? { address: { '@type': 'PostalAddress', addressCountry: a.partner.country.code } }
      : {}),
    ...(a.partner.place
      ? { geo: { '@type': 'GeoCoordinates', latitude: a.partner.place.lat, longitude: a.partner.place.lon } }
      : {}),
  };
}
