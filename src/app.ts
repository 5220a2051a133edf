// buildApp: platform plugins, then each feature's API plugin and pages (the record types' from
// features/record-types.ts). It never listens: main.ts and tests do.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { registerApiDocs } from './api-docs.ts';
import type { Config } from './config.ts';
import type { Deps } from './deps.ts';
import { carriesCredentials, registerAccess } from './features/accounts/accounts.http.ts';
import { adminOidc, type OidcConfig, oidcLoginLink } from './features/accounts/accounts.oidc.pages.tsx';
import { accountsPages } from './features/accounts/accounts.pages.tsx';
import { adminErrorPage } from './features/admin/admin.kit.tsx';
import { adminPages } from './features/admin/admin.pages.tsx';
import { invitationPages } from './features/invitations/invitations.pages.tsx';
import { placesApi } from './features/places/places.api.ts';
import { portalPages } from './features/portal/portal.pages.tsx';
import { RECORD_TYPES } from './features/record-types.ts';
import { CHANGES_CHANNEL } from './platform/db/changes.ts';
import type { Database } from './platform/db/client.ts';
import { AppError } from './platform/errors.ts';
import { registerAssets } from './platform/http/assets.ts';
import { registerErrorHandling } from './platform/http/errors.ts';
import { healthRoutes } from './platform/http/health.ts';
import { lazySchemaCompilers } from './platform/http/lazy-schemas.ts';
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
  /**
   * Compile every route's schemas before listening, as Fastify does by default, instead of at each route's
   * first request (lazy-schemas.ts): for the test that proves they all compile.
   */
  compileSchemasAtStart?: boolean;
}

export async function buildApp({
  deps,
  config,
  logger,
  compileSchemasAtStart = false,
}: BuildAppOptions): Promise<App> {
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
    ...(compileSchemasAtStart ? {} : { schemaController: lazySchemaCompilers() }),
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
  await registerApiDocs(app, config.publicUrl);

  await app.register(healthRoutes(deps.database));
  registerAssets(app);
  dropCachesOnChange(app, deps.database, [cache, apiCache]);
  await app.register(pages.routes);
  await app.register(
    accountsPages({
      accounts: deps.services.accounts,
      admin: deps.services.admin,
      oidcLink: (lang: Lang) => oidcLoginLink(config, lang),
    }),
  );
  await app.register(
    adminPages({
      admin: deps.services.admin,
      invitations: deps.services.invitations,
      people: deps.services.peopleAdmin,
      dossiers: deps.services.dossiersAdmin,
      publicUrl: config.publicUrl,
    }),
  );
  await app.register(adminOidc({ accounts: deps.services.accounts, database: deps.database, config }));
  await app.register(
    invitationPages({ accounts: deps.services.accounts, invitations: deps.services.invitations }),
  );
  const { services } = deps;
  const site = { publicUrl: config.publicUrl };
  for (const type of RECORD_TYPES) if (type.pages) await app.register(type.pages(services, site));
  await app.register(
    async (api: App) => {
      await api.register(placesApi(services));
      for (const type of RECORD_TYPES) if (type.api) await api.register(type.api(services, site));
    },
    { prefix: '/api/v1' },
  );
  return app;
}

/**
 * Every instance drops its cached pages and API answers when any instance commits a change; if the listening
 * connection dropped, changes may have been missed, so everything goes. It listens once the app is ready,
 * before it serves: building the app never waits for an embedded database still starting in its thread.
 */
function dropCachesOnChange(app: App, database: Database, caches: PageCache[]): void {
  let stop: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    stop = await database.listen(
      CHANGES_CHANNEL,
      (scope) => {
        for (const c of caches) c.invalidate(scope);
      },
      () => {
        for (const c of caches) c.invalidate(PLATFORM);
      },
    );
  });
  app.addHook('onClose', async () => stop?.());
}
