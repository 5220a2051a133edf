// buildApp: platform plugins, then each feature's API plugin and pages (the record types' from
// features/record-types.ts). It never listens: main.ts and tests do.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { carriesCredentials, registerAccess } from './features/accounts/accounts.http.ts';
import { adminErrorPage } from './features/admin/admin.kit.tsx';
import { adminOidc, type OidcConfig, oidcLoginLink } from './features/admin/admin.oidc.tsx';
import { adminPages } from './features/admin/admin.pages.tsx';
import { invitationPages } from './features/invitations/invitations.pages.tsx';
import { placesApi } from './features/places/places.api.ts';
import { portalPages } from './features/portal/portal.pages.tsx';
import { RECORD_TYPES } from './features/record-types.ts';
import { CHANGES_CHANNEL } from './platform/db/changes.ts';
import { AppError } from './platform/errors.ts';
import { registerAssets } from './platform/http/assets.ts';
import { registerErrorHandling } from './platform/http/errors.ts';
import { healthRoutes } from './platform/http/health.ts';
import { namedUnionBranches } from './platform/http/openapi.ts';
import { PageCache, PLATFORM } from './platform/http/page-cache.ts';
import { registerPublicCache } from './platform/http/public-cache.ts';
import { headerList, helmetOptions, registerSecurityHeaders } from './platform/http/security.ts';
import type { App } from './platform/http/types.ts';
import type { Lang } from './platform/i18n.ts';
import { FEEDBACK_CSS } from './views/feedback.tsx';

export interface BuildAppOptions {
  deps: Deps;
  config: Pick<Config, 'publicUrl'> & OidcConfig;
  /** A pino logger; none in tests. */
  logger?: FastifyBaseLogger;
}

export const OPENAPI_INFO = {
  title: 'Ponte API',
  version: '1.0.0',
  description:
    'The international relations of Italian cities: twinnings, friendship and brotherhood pacts, collaboration ' +
    'agreements, partners, networks, and a gazetteer that understands city names in Italian and English. ' +
    'Open data under CC-BY 4.0.',
  license: { name: 'CC-BY 4.0 (data)', url: 'https://creativecommons.org/licenses/by/4.0/' },
};

/** Ponte's mark on the API documentation: the public-building emblem of its pages, and its name. */
const API_DOCS_LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40" role="img" aria-label="Ponte API">' +
  '<path fill="#fff" transform="translate(4 6) scale(1.2)" d="M12 2 2 7v2h20V7zM4 11v7h3v-7zm6.5 0v7h3v-7zm6.5 0v7h3v-7zM2 20v2h20v-2z"/>' +
  '<text x="40" y="27" fill="#fff" font-family="sans-serif" font-size="20" font-weight="600">Ponte API</text></svg>';
const API_DOCS_VIEWPORT_JS =
  "(function(){var m=document.createElement('meta');m.name='viewport';" +
  "m.content='width=device-width, initial-scale=1';document.head.appendChild(m);})();";

export async function buildApp({ deps, config, logger }: BuildAppOptions): Promise<App> {
  const security = {
    publicUrl: config.publicUrl,
    portalStyleHashes: [`'sha256-${createHash('sha256').update(FEEDBACK_CSS).digest('base64')}'`],
  };
  const cache = new PageCache({ headers: headerList(helmetOptions('portal', security)) });
  // The public API's anonymous GET answers: a cache of their own, so that a flood of distinct queries cannot
  // push the portal's pages out, with the API's security headers, and never for a caller with credentials.
  const apiCache = new PageCache({
    headers: headerList(helmetOptions('api', security)),
    bypass: carriesCredentials,
  });
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    // A portal page or public API answer already served at the same address is answered before Fastify sees
    // the request (the fast path of PageCache.serveAddress); everything else goes through Fastify as usual.
    serverFactory: (handler) =>
      createServer((request, response) => {
        if (!cache.serveAddress(request, response) && !apiCache.serveAddress(request, response)) {
          handler(request, response);
        }
      }),
    // Section addresses end in "/" (/milano/it/mappa/); the same address without it is the same page.
    routerOptions: { ignoreTrailingSlash: true },
    ajv: {
      customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false, discriminator: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const pages = portalPages({
    services: deps.services,
    portal: deps.services.portal,
    cache,
    publicUrl: config.publicUrl,
  });
  await registerSecurityHeaders(app, security);
  // Cookies are read once for every route; then the access step finds who calls a route that says who may.
  await app.register(cookie);
  registerAccess(app, deps.services.accounts);
  registerPublicCache(app, apiCache);
  // Only routes that ask for it are limited (config.rateLimit), counted per address in this instance.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests: try again in ${context.after}`, {
        details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
      }),
  });
  registerErrorHandling(app, {
    htmlNotFound: pages.notFound,
    htmlError: (request, reply, err, status) =>
      request.url.startsWith('/admin')
        ? adminErrorPage(request, reply, err, status)
        : pages.errorPage(request, reply, err, status),
  });
  // HTML forms post application/x-www-form-urlencoded. The agreement form carries two descriptions of up to
  // 20,000 characters each, percent-encoded: room for them, and no more.
  await app.register(formbody, { bodyLimit: 512 * 1024 });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token of an institution (`npm run ponte -- token create`)',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ponte_session',
            description: 'A back-office session; send its CSRF token in the X-CSRF-Token header',
          },
        },
      },
      tags: [
        { name: 'agreements', description: 'Twinnings, pacts and collaboration agreements' },
        { name: 'institutions', description: 'The cities and their offices' },
        { name: 'counterparts', description: 'Partner cities and organisations' },
        { name: 'places', description: 'Gazetteer lookup in any language' },
        { name: 'networks', description: 'City networks (a catalogue shared by all institutions)' },
        { name: 'memberships', description: "An institution's memberships of networks" },
        { name: 'units', description: 'The offices and units of an institution' },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transformObject: (doc) =>
      namedUnionBranches('openapiObject' in doc ? doc.openapiObject : doc.swaggerObject),
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The renderer adds its styles at run time, so styles may be inline here; scripts stay 'self' only (the
    // page has no inline script), and nothing may frame it.
    staticCSP: {
      'default-src': "'self'",
      'base-uri': "'self'",
      'object-src': "'none'",
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'font-src': "'self' data:",
      'form-action': "'self'",
      'frame-ancestors': "'none'",
    },
    logo: {
      type: 'image/svg+xml',
      content: Buffer.from(API_DOCS_LOGO),
      href: '/api/docs',
      target: '_self',
    },
    theme: {
      title: 'Ponte API',
      // The page's template has no viewport declaration; without one a phone draws it at desktop width.
      js: [{ filename: 'viewport.js', content: API_DOCS_VIEWPORT_JS }],
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(deps.database));
  registerAssets(app);
  // Every instance drops its cached pages and API answers when any instance commits a change; if the
  // listening connection dropped, changes may have been missed, so everything goes.
  const stopListening = await deps.database.listen(
    CHANGES_CHANNEL,
    (scope) => {
      cache.invalidate(scope);
      apiCache.invalidate(scope);
    },
    () => {
      cache.invalidate(PLATFORM);
      apiCache.invalidate(PLATFORM);
    },
  );
  app.addHook('onClose', async () => stopListening());
  await app.register(pages.routes);
  await app.register(
    adminPages({
      accounts: deps.services.accounts,
      admin: deps.services.admin,
      invitations: deps.services.invitations,
      publicUrl: config.publicUrl,
      oidcLink: (lang: Lang) => oidcLoginLink(config, lang),
    }),
  );
  await app.register(adminOidc({ accounts: deps.services.accounts, database: deps.database, config }));
  await app.register(
    invitationPages({ accounts: deps.services.accounts, invitations: deps.services.invitations }),
  );
  const { services } = deps;
  for (const type of RECORD_TYPES) if (type.pages) await app.register(type.pages(services));
  await app.register(
    async (api: App) => {
      await api.register(placesApi(services));
      for (const type of RECORD_TYPES) if (type.api) await api.register(type.api(services));
    },
    { prefix: '/api/v1' },
  );
  return app;
}
