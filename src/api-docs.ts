// The API's documentation: the OpenAPI document built from the routes' schemas (served at /api/openapi.json,
// committed as docs/openapi.json) and its renderer at /api/docs, with Ponte's title and mark.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { namedUnionBranches } from './platform/http/openapi.ts';
import type { App } from './platform/http/types.ts';

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

/** The OpenAPI document and its renderer; routes registered after this are described in the document. */
export async function registerApiDocs(app: App, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      servers: [{ url: publicUrl }],
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
        { name: 'agenda', description: 'The calendar of visits, missions and meetings, and its public feed' },
        { name: 'visits', description: 'Incoming delegations and their programmes (staff only)' },
        { name: 'meetings', description: 'Meetings with foreign counterparts (staff only)' },
        {
          name: 'people',
          description:
            'The contacts register: people, their roles over time, what each role may see, export and erasure (staff only)',
        },
        {
          name: 'organisations',
          description:
            'The contacts register: consular posts, community associations and other organisations (staff only)',
        },
        {
          name: 'gifts',
          description: 'The gifts register: given and received, value, disposition (staff only)',
        },
        {
          name: 'dossiers',
          description:
            'Candidacy dossiers: calls, deadlines (reminded 30, 7 and 1 days before), status and outcome (staff only)',
        },
        {
          name: 'events',
          description:
            'International events the institution organises or supports (staff; published ones on the agenda)',
        },
        {
          name: 'projects',
          description:
            'Cooperation, EU, national and regional projects: partners, co-funding, budget per year; published ones ' +
            'in public, cooperation ones also as IATI 2.03',
        },
        {
          name: 'plan',
          description:
            'Planning objectives (DUP): strategic and operational objectives, money per year, indicators, ' +
            'linked activities; published ones in public',
        },
        {
          name: 'missions',
          description: "Missions abroad, their travellers and costs; office holders' costs in public",
        },
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
}
