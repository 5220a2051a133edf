// Projects' JSON routes under /api/v1: for everyone, an institution's published projects and the IATI 2.03
// activity file of its cooperation projects; for the staff, the list, a project, and the writes of projects,
// their partners, co-funding and budget per year, through the projects' admin service (row-level security,
// roles, versions, audit).
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ConditionalHeaders, cachedResponses, PUBLIC } from '../../platform/http/public-cache.ts';
import {
  API_SECURITY,
  DELETE_NOTE,
  ERRORS,
  IdParams,
  PATCH_NOTE,
  SCOPE_NOTE,
  VersionQuery,
  WRITE,
} from '../../platform/http/record-writes.ts';
import { ErrorResponse, StringEnum } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { fieldsOf } from './projects.body.ts';
import { PROJECT_KINDS, PROJECT_STATUSES } from './projects.rules.ts';
import {
  FundingInput,
  PartnerInput,
  Project,
  ProjectChanges,
  ProjectInput,
  ProjectPage,
  ProjectRecordSchema,
  ProjectYearsInput,
} from './projects.schemas.ts';
import { PROJECT_SORTS } from './projects.service.ts';

const TAGS = ['projects'];
const READ = { access: 'viewer' } as const;
const PartParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  partId: Type.String({ format: 'uuid' }),
});

export function projectsApi(services: Services) {
  const admin = services.projectsAdmin;
  return async (app: App) => {
    await publicRoutes(app, services);

    app.get(
      '/projects',
      {
        config: READ,
        schema: {
          tags: TAGS,
          operationId: 'listProjects',
          summary: "The institution's projects",
          description: 'Newest first by default; 25 a page. Needs a token or a session of the institution.',
          security: API_SECURITY,
          querystring: Type.Object({
            q: Type.Optional(
              Type.String({ maxLength: 200, description: 'Words of the title, code or funder' }),
            ),
            status: Type.Optional(StringEnum(PROJECT_STATUSES)),
            kind: Type.Optional(StringEnum(PROJECT_KINDS)),
            country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
            sort: Type.Optional(StringEnum(PROJECT_SORTS)),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: ProjectPage, ...ERRORS },
        },
      },
      (request) => admin.projects(actorOf(request), request.query),
    );

    app.get(
      '/projects/:id',
      {
        config: READ,
        schema: {
          tags: TAGS,
          operationId: 'getProject',
          summary: 'A project with its partners, co-funding and budget per year',
          description: "Another institution's project answers 404.",
          security: API_SECURITY,
          params: IdParams,
          response: { 200: ProjectRecordSchema, ...ERRORS },
        },
      },
      async (request) => (await admin.project(actorOf(request), request.params.id)).project,
    );

    app.post(
      '/projects',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'createProject',
          summary: 'Add a project',
          description: `Amounts are exact decimals with a dot ("12500.00") in \`currency\` (EUR by default). ${SCOPE_NOTE}`,
          security: API_SECURITY,
          body: ProjectInput,
          response: { 201: ProjectRecordSchema, ...ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await admin.create(actorOf(request), fieldsOf(request.body))),
    );

    app.patch(
      '/projects/:id',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'updateProject',
          summary: 'Edit a project',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: ProjectChanges,
          response: { 200: ProjectRecordSchema, ...ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { version, ...changes } = request.body;
        const stored = await admin.form(actor, request.params.id);
        return admin.update(actor, request.params.id, version, fieldsOf(changes, stored));
      },
    );

    app.delete(
      '/projects/:id',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'deleteProject',
          summary: 'Delete a project with its partners, co-funding and years',
          description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await admin.remove(actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    await partRoutes(app, admin);
  };
}

/** The routes for everyone: an institution's published projects and their IATI activity file. */
async function publicRoutes(app: App, services: Services) {
  app.get(
    '/institutions/:slug/projects',
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        operationId: 'listPublishedProjects',
        security: [],
        summary: "An institution's published projects, with partners, co-funding and budget per year",
        params: Type.Object({ slug: Type.String({ maxLength: 60 }) }),
        headers: ConditionalHeaders,
        response: { ...cachedResponses(Type.Object({ items: Type.Array(Project) })), 404: ErrorResponse },
      },
    },
    async (request) => {
      const id = await services.institutions.idOf(request.params.slug);
      const items = await services.projects.published(id);
      return { items: items.map(({ example: _e, version: _v, ...p }) => p) };
    },
  );

  app.get(
    '/institutions/:slug/projects.iati.xml',
    {
      config: PUBLIC,
      schema: {
        tags: TAGS,
        operationId: 'getProjectsIati',
        security: [],
        summary: "The institution's cooperation projects as IATI 2.03 activities",
        description:
          'The published cooperation projects that are approved, running or closed, as an IATI activity file ' +
          '(version 2.03), the aid-transparency standard. The publisher is named by its tax code (IT-CF-...): ' +
          'without one the answer is 409; with no such project, 404.',
        params: Type.Object({ slug: Type.String({ maxLength: 60 }) }),
        produces: ['application/xml'],
        response: {
          200: Type.String({ description: 'application/xml' }),
          404: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const xml = await services.projects.iati(request.params.slug, new Date(), () => null);
      return reply.type('application/xml; charset=utf-8').send(xml);
    },
  );
}

/** The routes of a project's parts: partners, co-funding and the budget per year. */
async function partRoutes(app: App, admin: Services['projectsAdmin']) {
  for (const kind of ['partner', 'funding'] as const) {
    const path = kind === 'partner' ? 'partners' : 'funding';
    const Name = kind === 'partner' ? 'Partner' : 'Funding';
    app.post(
      `/projects/:id/${path}`,
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: `addProject${Name}`,
          summary:
            kind === 'partner' ? 'Add a partner, from the registry or by name' : 'Add a co-funding source',
          description: `The version is the project's; it moves to the next. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: kind === 'partner' ? PartnerInput : FundingInput,
          response: { 201: ProjectRecordSchema, ...ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { id } = request.params as { id: string };
        const body = request.body as unknown as { version: number } & Record<string, string>;
        const made =
          kind === 'partner'
            ? await admin.addPartner(actor, id, body.version, { ...body, role: body['role'] ?? '' })
            : await admin.addFunding(actor, id, body.version, {
                source: body['source'] ?? '',
                amount: body['amount'] ?? '',
              });
        return reply.status(201).send(made);
      },
    );
    app.delete(
      `/projects/:id/${path}/:partId`,
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: `removeProject${Name}`,
          summary: kind === 'partner' ? 'Remove a partner' : 'Remove a co-funding source',
          description: `${DELETE_NOTE} The version is the project's. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: PartParams,
          querystring: VersionQuery,
          response: { 200: ProjectRecordSchema, ...ERRORS },
        },
      },
      async (request) => {
        const { id, partId } = request.params as { id: string; partId: string };
        return admin.removePart(actorOf(request), id, request.query.version, kind, partId);
      },
    );
  }

  app.put(
    '/projects/:id/years',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'putProjectYears',
        summary: "Record the institution's budget for the project per calendar year",
        description:
          "Each year must fall within the project's period; null removes a year. An amount at fault is refused " +
          `naming \`amount_<year>\`. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: ProjectYearsInput,
        response: { 200: ProjectRecordSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { version, years } = request.body;
      return admin.setYears(actorOf(request), request.params.id, version, years);
    },
  );
}
