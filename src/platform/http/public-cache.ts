// The public API's GET answers, cached like the portal's pages: a route says `config: { cache: 'public' }`,
// its first anonymous 200 is serialised as usual, then kept (with its ETag and compressed forms) in a
// PageCache under the platform's scope, so that any committed change drops it. Later GETs of the same address
// are answered from it: by the cache's fast path before Fastify (a real socket), or here (the same answer).
// Requests the cache bypasses (credentials) run the route as usual and leave nothing behind.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { answerFor, cachedBody, sendCached } from './cached-body.ts';
import { PAGE_CACHE_CONTROL, type PageCache, PLATFORM } from './page-cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'public': the route's anonymous GET answers are the same for everyone and kept until the data changes. */
    cache?: 'public';
  }
}

/**
 * Registers the hooks that serve and fill the cache for routes that declare `config.cache`. Call it on the
 * root instance before any route.
 */
export function registerPublicCache(app: FastifyInstance, cache: PageCache): void {
  /** The cache's epoch when a cacheable request arrived, before it read anything; absent when not cacheable. */
  const readAt = new WeakMap<FastifyRequest, number>();

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.cache !== 'public' || request.method !== 'GET') return;
    if (cache.bypasses(request.headers)) return;
    const body = cache.get(request.url);
    if (body) return sendCached(request, reply, body, PAGE_CACHE_CONTROL);
    readAt.set(request, cache.epoch);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const at = readAt.get(request);
    // Only the route's own 200, serialised by its response schema; errors and 404s are not kept.
    if (at === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const body = cachedBody(payload, String(reply.getHeader('content-type') ?? 'application/json'));
    cache.set(request.url, PLATFORM, body, at);
    cache.rememberAddress(request.url, PLATFORM, body, at);
    // The first answer is already the cached one: ETag, 304 and compression as every later hit gets them.
    const answer = answerFor(request.headers, body, PAGE_CACHE_CONTROL);
    reply.code(answer.status).headers(answer.headers);
    if (answer.status === 304) reply.removeHeader('content-type');
    return answer.payload ?? null;
  });
}

/** The If-None-Match header a cached route takes (documented in OpenAPI; optional). */
export const ConditionalHeaders = Type.Object({
  'if-none-match': Type.Optional(
    Type.String({ maxLength: 1000, description: 'The ETag of an answer already held: 304 if still current' }),
  ),
});

/**
 * The responses of a cached route: 200 with its ETag and Cache-Control (documented as response headers),
 * and 304 when If-None-Match names the current ETag.
 */
export function cachedResponses<T extends object>(ok: T) {
  return {
    200: {
      ...ok,
      headers: {
        ETag: { type: 'string', description: 'Changes whenever the answer does' },
        'Cache-Control': { type: 'string', description: PAGE_CACHE_CONTROL },
      },
    } as T,
    304: Type.Null({ description: 'Not modified: the ETag sent in If-None-Match is still current' }),
  };
}

/** The config of a public GET route whose answers are cached. */
export const PUBLIC = { cache: 'public' } as const;
