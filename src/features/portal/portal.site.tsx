// The platform's own pages, outside any institution: the home page with the atlas, robots.txt, the sitemap of
// every page, and the platform's privacy and legal notes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PLATFORM } from '../../platform/http/page-cache.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import { LegalNotes } from '../../views/legal-notes.tsx';
import type { PortalKit } from './portal.kit.tsx';
import { partnershipPath, SECTIONS, type Section, sectionPath } from './portal.paths.ts';
import type { PortalService } from './portal.service.ts';
import { Frame } from './views/frame.tsx';
import { Home } from './views/home.tsx';
import { s } from './views/portal.strings.ts';
import { Privacy } from './views/sections.tsx';

export function siteRoutes(app: App, portal: PortalService, kit: PortalKit) {
  const { page, serve, publicUrl } = kit;
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
      ['User-agent: *', 'Disallow: /api/', 'Allow: /api/docs', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join(
        '\n',
      ),
    ),
  );

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) =>
    serve(request, reply, 'sitemap', PLATFORM, 'application/xml; charset=utf-8', async () => {
      const urls: { path: (l: Lang) => string; lastmod?: string }[] = [
        { path: (l) => (l === 'it' ? '/' : '/en/') },
      ];
      for (const i of await portal.institutions()) {
        const { institution } = await portal.institution(i.slug);
        const agreements = await portal.parts.agreements(institution);
        const lastmod = agreements.lastUpdated.slice(0, 10);
        for (const sec of SITEMAP_SECTIONS) urls.push({ path: (l) => sectionPath(i.slug, l, sec), lastmod });
        for (const a of agreements.list) {
          urls.push({ path: (l) => partnershipPath(i.slug, l, a), lastmod: a.updatedAt.slice(0, 10) });
        }
      }
      return sitemapXml(publicUrl, urls);
    }),
  );

  app.get('/', { schema: { hide: true } }, home('it'));
  app.get('/en/', { schema: { hide: true } }, home('en'));

  legalRoutes(app, kit);
}

/** The platform's own privacy and legal-notes pages, which the home page's footer links (C.SI.3.3, 3.4). */
function legalRoutes(app: App, { page, publicUrl }: PortalKit) {
  const rootPath = (l: Lang, section: 'privacy' | 'legalNotes') =>
    `${l === 'it' ? '' : '/en'}/${SECTIONS[section][l]}`;
  const rootPage =
    (lang: Lang, section: 'privacy' | 'legalNotes') => async (request: FastifyRequest, reply: FastifyReply) =>
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
}

const SITEMAP_SECTIONS: Section[] = [
  'overview',
  'partnerships',
  'map',
  'timeline',
  'networks',
  'agenda',
  'missionCosts',
  'consularCorps',
  'communities',
  'projects',
  'objectives',
  'openData',
];

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
