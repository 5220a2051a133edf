// What every portal route shares: answers served from the page cache (built on a miss), the 404 and error
// pages in the address's language, and the institution's read model, cached like a page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { type AppError, isAppError } from '../../platform/errors.ts';
import { cachedBody, sendCached } from '../../platform/http/cached-body.ts';
import { PAGE_CACHE_CONTROL, type PageCache } from '../../platform/http/page-cache.ts';
import { type Lang, langOfAddress } from '../../platform/i18n.ts';
import { ErrorNotice, errorText } from '../../views/error-page.tsx';
import { renderPage } from '../../views/render.ts';
import type { InstitutionDetail } from '../institutions/institutions.schemas.ts';
import { sectionPath } from './portal.paths.ts';
import type { PortalInstitution, PortalParts, PortalService } from './portal.service.ts';
import { Frame } from './views/frame.tsx';
import { s } from './views/portal.strings.ts';
import { NotFound } from './views/sections.tsx';

const HTML = 'text/html; charset=utf-8';

export type PortalKit = ReturnType<typeof createPortalKit>;

export function createPortalKit({
  portal,
  cache,
  publicUrl,
}: {
  portal: PortalService;
  cache: PageCache;
  publicUrl: string;
}) {
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

  /** One of the parts only some pages show, cached apart from the institution's read model. */
  function loadPart<K extends keyof PortalParts>(data: PortalInstitution, part: K): Promise<PortalParts[K]> {
    const inst = data.institution;
    return cache.remember(
      `institution|${inst.slug}|${part}`,
      () => portal.parts[part](inst),
      () => inst.id,
    );
  }

  return {
    publicUrl,
    /** Notes the cache's epoch as the request arrives; the portal's onRequest hook calls it. */
    arrived: (request: FastifyRequest) => readAt.set(request, cache.epoch),
    serve,
    page,
    notFound,
    errorPage,
    loadInstitution,
    loadPart,
  };
}
