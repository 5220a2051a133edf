// Visits' JSON routes under /api/v1, for the staff: the list and a visit with its programme (a read token or
// a session), and the writes of visits and programme items (a write token, or a session with its
// X-CSRF-Token header), run through the visits' admin service: the caller's institution only, under row-level
// security, role-checked, versioned and audited.
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
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
import { StringEnum } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { visitBodies } from './visits.body.ts';
import { VISIT_STATUSES } from './visits.rules.ts';
import {
  VisitChanges,
  VisitInput,
  VisitItem,
  VisitItemChanges,
  VisitItemInput,
  VisitPage,
  VisitRecord,
} from './visits.schemas.ts';
import { VISIT_SORTS } from './visits.service.ts';

const READ_API = { access: 'viewer' } as const;
const ItemParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  itemId: Type.String({ format: 'uuid' }),
});
const INTERNAL_NOTE =
  'Internal fields (the head of the delegation, interpreting, protocol notes, who attends, the guide) are ' +
  'never published; every other field of a published visit is public.';

export function visitsApi(services: Services) {
  const admin = services.visitsAdmin;
  const bodies = visitBodies(admin);
  return async (app: App) => {
    app.get(
      '/visits',
      {
        config: READ_API,
        schema: {
          tags: ['visits'],
          operationId: 'listVisits',
          summary: "The institution's incoming delegations",
          description: `Newest first by default; 25 a page. ${INTERNAL_NOTE} Needs a token or a session of the institution.`,
          security: API_SECURITY,
          querystring: Type.Object({
            q: Type.Optional(
              Type.String({ maxLength: 200, description: 'Words of the title or the partner' }),
            ),
            status: Type.Optional(StringEnum(VISIT_STATUSES)),
            when: Type.Optional(
              StringEnum(['upcoming', 'past'] as const, { description: 'Ending from today, or before' }),
            ),
            sort: Type.Optional(StringEnum(VISIT_SORTS)),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: VisitPage, ...ERRORS },
        },
      },
      (request) => admin.visits(actorOf(request), request.query),
    );

    app.get(
      '/visits/:id',
      {
        config: READ_API,
        schema: {
          tags: ['visits'],
          operationId: 'getVisit',
          summary: 'A visit with its programme',
          description: `${INTERNAL_NOTE} Another institution's visit answers 404.`,
          security: API_SECURITY,
          params: IdParams,
          response: { 200: VisitRecord, ...ERRORS },
        },
      },
      async (request) => (await admin.visit(actorOf(request), request.params.id)).visit,
    );

    app.post(
      '/visits',
      {
        config: WRITE,
        schema: {
          tags: ['visits'],
          operationId: 'createVisit',
          summary: 'Record an incoming delegation',
          description:
            'The visiting party is one of the partners (`counterpartId`, see GET /counterparts); the days are ' +
            `the office's (Europe/Rome). ${INTERNAL_NOTE}`,
          security: API_SECURITY,
          body: VisitInput,
          response: { 201: VisitRecord, ...ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await bodies.create(actorOf(request), request.body)),
    );

    app.patch(
      '/visits/:id',
      {
        config: WRITE,
        schema: {
          tags: ['visits'],
          operationId: 'updateVisit',
          summary: 'Edit a visit',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: VisitChanges,
          response: { 200: VisitRecord, ...ERRORS },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return bodies.update(actorOf(request), request.params.id, version, changes);
      },
    );

    app.delete(
      '/visits/:id',
      {
        config: WRITE,
        schema: {
          tags: ['visits'],
          operationId: 'deleteVisit',
          summary: 'Delete a visit and its programme',
          description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await admin.deleteVisit(actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    itemRoutes(app, services);
  };
}

/** The programme's items: add, edit, delete, each audited under its visit. */
function itemRoutes(app: App, services: Services) {
  const admin = services.visitsAdmin;
  const bodies = visitBodies(admin);
  app.post(
    '/visits/:id/programme',
    {
      config: WRITE,
      schema: {
        tags: ['visits'],
        operationId: 'addVisitItem',
        summary: "Add an item to a visit's programme",
        description: `A meeting, a visit to a site or a guided tour (\`kind\` "tour", with its language, guide and group size), on a day of the visit. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: VisitItemInput,
        response: { 201: VisitItem, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await bodies.addItem(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/visits/:id/programme/:itemId',
    {
      config: WRITE,
      schema: {
        tags: ['visits'],
        operationId: 'updateVisitItem',
        summary: "Edit an item of a visit's programme",
        description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: ItemParams,
        body: VisitItemChanges,
        response: { 200: VisitItem, ...ERRORS },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return bodies.updateItem(actorOf(request), request.params.id, request.params.itemId, version, changes);
    },
  );

  app.delete(
    '/visits/:id/programme/:itemId',
    {
      config: WRITE,
      schema: {
        tags: ['visits'],
        operationId: 'deleteVisitItem',
        summary: "Delete an item of a visit's programme",
        description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: ItemParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await admin.removeItem(
        actorOf(request),
        request.params.id,
        request.params.itemId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
}
