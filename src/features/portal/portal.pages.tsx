// The public portal's HTML routes. Each page is rendered once per address and served from the cache until a
// change to the institution's data (a NOTIFY from any instance) drops it; ETag and compression come with it.
// The platform's own pages are in portal.site.tsx, an institution's in portal.sections.tsx; what they share
// (the cache, the 404 and error pages) in portal.kit.tsx.

import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../deps.ts';
import type { PageCache } from '../../platform/http/page-cache.ts';
import type { App } from '../../platform/http/types.ts';
import { isLang, type Lang, langOfAddress } from '../../platform/i18n.ts';
import { toCsv, toGeoJson, toJson } from '../agreements/agreements.service.ts';
import { costsCsv } from '../missions/missions.service.ts';
import { ORGANISATION_WORDS } from '../organisations/organisations.schemas.ts';
import {
  type DirectoryEntry,
  directoryCsv,
  directoryJson,
  vcardOf,
} from '../organisations/organisations.service.ts';
import { objectivesCsv } from '../plan/plan.service.ts';
import { projectsCsv } from '../projects/projects.service.ts';
import { createPortalKit, type PortalKit } from './portal.kit.tsx';
import { directoryFileOf } from './portal.paths.ts';
import { institutionRoutes } from './portal.sections.tsx';
import type { PortalService } from './portal.service.ts';
import { siteRoutes } from './portal.site.tsx';
import { directoryWords } from './views/directory.strings.ts';

const RESERVED = new Set(['api', 'assets']);
const DATA_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  vcf: 'text/vcard; charset=utf-8',
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
  const kit = createPortalKit({ portal, cache, publicUrl });

  const routes = async (app: App) => {
    app.addHook('onRequest', async (request) => {
      kit.arrived(request);
    });
    // Addresses under /api and /assets are never portal pages, even when they have the shape of one.
    app.addHook('preHandler', async (request, reply) => {
      const first = (request.params as { inst?: string }).inst;
      if (first && RESERVED.has(first)) return reply.callNotFound();
    });
    siteRoutes(app, portal, kit);
    institutionRoutes(app, kit);
    openDataRoutes(app, services, kit);
    feedbackRoutes(app, services, kit);
  };

  return {
    routes,
    /** The 404 page for any address a browser asks for that no route knows, in the language of its path. */
    notFound: (request: FastifyRequest, reply: FastifyReply) =>
      kit.notFound(request, reply, langOfAddress(request.url)),
    errorPage: kit.errorPage,
  };
}

/** An institution's published agreements as files (CSV, JSON and GeoJSON), and its mission costs (CSV). */
/** What a vCard says of an organisation's kind and its head, in a language. */
const vcardWords = (o: DirectoryEntry, lang: Lang) => ({
  kind: o.postKind
    ? ORGANISATION_WORDS[lang].postKinds[o.postKind]!
    : ORGANISATION_WORDS[lang].kinds[o.kind]!,
  head: directoryWords(lang).head,
});

function openDataRoutes(
  app: App,
  services: Services,
  { serve, notFound, loadInstitution, loadPart, publicUrl }: PortalKit,
) {
  const giftsFile = async (request: FastifyRequest, reply: FastifyReply, slug: string) => {
    const data = await loadInstitution(slug);
    if (!data) return notFound(request, reply, 'it');
    reply.header('content-disposition', `attachment; filename="${slug}-gifts.csv"`);
    return serve(request, reply, `${slug}|data|gifts`, data.institution.id, DATA_TYPES['csv']!, () =>
      services.gifts.publicRegisterCsv(slug),
    );
  };
  const missionCostsFile = async (request: FastifyRequest, reply: FastifyReply, slug: string) => {
    const data = await loadInstitution(slug);
    if (!data) return notFound(request, reply, 'it');
    reply.header('content-disposition', `attachment; filename="${slug}-mission-costs.csv"`);
    return serve(
      request,
      reply,
      `${slug}|data|mission-costs`,
      data.institution.id,
      DATA_TYPES['csv']!,
      async () => costsCsv(await loadPart(data, 'missionCosts')),
    );
  };
  const objectivesFile = async (request: FastifyRequest, reply: FastifyReply, slug: string) => {
    const data = await loadInstitution(slug);
    if (!data) return notFound(request, reply, 'it');
    reply.header('content-disposition', `attachment; filename="${slug}-objectives.csv"`);
    return serve(
      request,
      reply,
      `${slug}|data|objectives`,
      data.institution.id,
      DATA_TYPES['csv']!,
      async () => objectivesCsv(await loadPart(data, 'objectives')),
    );
  };
  const projectsFile = async (request: FastifyRequest, reply: FastifyReply, slug: string) => {
    const data = await loadInstitution(slug);
    if (!data) return notFound(request, reply, 'it');
    reply.header('content-disposition', `attachment; filename="${slug}-projects.csv"`);
    return serve(request, reply, `${slug}|data|projects`, data.institution.id, DATA_TYPES['csv']!, async () =>
      projectsCsv(await loadPart(data, 'projects')),
    );
  };
  /** A directory as vCard (in a language), CSV or JSON; only what the portal shows. */
  const directoryFile = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    file: string,
    d: NonNullable<ReturnType<typeof directoryFileOf>>,
  ) => {
    const data = await loadInstitution(slug);
    if (!data) return notFound(request, reply, 'it');
    const list = await loadPart(data, d.kind === 'consular' ? 'consularCorps' : 'communities');
    reply.header('content-disposition', `attachment; filename="${slug}-${file}"`);
    return serve(
      request,
      reply,
      `${slug}|data|${file}`,
      data.institution.id,
      DATA_TYPES[d.format]!,
      async () =>
        d.format === 'vcf'
          ? list.map((o) => vcardOf(o, d.lang, vcardWords(o, d.lang))).join('')
          : d.format === 'csv'
            ? directoryCsv(list)
            : directoryJson(slug, d.kind === 'consular' ? 'consular_post' : 'association', list),
    );
  };
  app.get<{ Params: { inst: string; file: string } }>(
    '/:inst/data/organisations/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const { inst: slug, file } = request.params;
      const m = /^([0-9a-f-]{36})-(it|en)\.vcf$/.exec(file);
      const data = m ? await loadInstitution(slug) : undefined;
      const listed = data && [
        ...(await loadPart(data, 'consularCorps')),
        ...(await loadPart(data, 'communities')),
      ];
      const o = listed?.find((x) => x.id === m![1]);
      if (!data || !m || !o) return notFound(request, reply, 'it', data?.institution);
      const lang = m[2] as Lang;
      reply.header('content-disposition', `attachment; filename="${file}"`);
      return serve(
        request,
        reply,
        `${slug}|data|org|${file}`,
        data.institution.id,
        DATA_TYPES['vcf']!,
        async () => vcardOf(o, lang, vcardWords(o, lang)),
      );
    },
  );
  app.get<{ Params: { inst: string; file: string } }>(
    '/:inst/data/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const { inst: slug, file } = request.params;
      if (file === 'mission-costs.csv') return missionCostsFile(request, reply, slug);
      if (file === 'gifts.csv') return giftsFile(request, reply, slug);
      if (file === 'objectives.csv') return objectivesFile(request, reply, slug);
      if (file === 'projects.csv') return projectsFile(request, reply, slug);
      const directory = directoryFileOf(file);
      if (directory) return directoryFile(request, reply, slug, file, directory);
      const format = /^agreements\.(csv|json|geojson)$/.exec(file)?.[1];
      const data = format ? await loadInstitution(slug) : undefined;
      if (!data || !format) return notFound(request, reply, 'it', data?.institution);
      const agreements = (await loadPart(data, 'agreements')).list;
      reply.header('content-disposition', `attachment; filename="${slug}-agreements.${format}"`);
      return serve(
        request,
        reply,
        `${slug}|data|${format}`,
        data.institution.id,
        DATA_TYPES[format]!,
        async () =>
          format === 'csv'
            ? toCsv(agreements)
            : format === 'json'
              ? toJson(slug, agreements)
              : JSON.stringify(toGeoJson(agreements, publicUrl)),
      );
    },
  );
}

/** The page-feedback widget's answers. */
function feedbackRoutes(app: App, services: Services, { notFound }: PortalKit) {
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
}
