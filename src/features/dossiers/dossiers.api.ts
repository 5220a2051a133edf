// Candidacy dossiers' JSON routes under /api/v1, for the staff: the list, a dossier, the deadlines due, and
// the writes of dossiers and their deadlines, through the dossiers' admin service (row-level security, roles,
// versions, audit).
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
import { dossierFields } from './dossiers.body.ts';
import { DOSSIER_STATUSES } from './dossiers.rules.ts';
import {
  DeadlineInput,
  Dossier,
  DossierChanges,
  DossierInput,
  DossierPage,
  DueDeadline,
} from './dossiers.schemas.ts';

const TAGS = ['dossiers'];
const READ = { access: 'viewer' } as const;
const DeadlineParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  deadlineId: Type.String({ format: 'uuid' }),
});

export function dossiersApi(services: Services) {
  const admin = services.dossiersAdmin;
  return async (app: App) => {
    app.get(
      '/dossiers',
      {
        config: READ,
        schema: {
          tags: TAGS,
          operationId: 'listDossiers',
          summary: "The institution's candidacy dossiers",
          security: API_SECURITY,
          querystring: Type.Object({
            q: Type.Optional(Type.String({ maxLength: 200 })),
            status: Type.Optional(StringEnum(DOSSIER_STATUSES)),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: DossierPage, ...ERRORS },
        },
      },
      (request) => admin.dossiers(actorOf(request), request.query),
    );

    app.get(
      '/dossiers/deadlines',
      {
        config: READ,
        schema: {
          tags: TAGS,
          operationId: 'listDueDossierDeadlines',
          summary: 'The deadlines of open dossiers due within 30 days, or overdue',
          description:
            'The dashboard reminds a deadline 30, 7 and 1 days before (`reminder`), and once it has passed ' +
            '("overdue") until it is marked done or the dossier is decided or withdrawn.',
          security: API_SECURITY,
          response: { 200: Type.Object({ items: Type.Array(DueDeadline) }), ...ERRORS },
        },
      },
      async (request) => ({ items: await admin.due(actorOf(request)) }),
    );

    app.get(
      '/dossiers/:id',
      {
        config: READ,
        schema: {
          tags: TAGS,
          operationId: 'getDossier',
          summary: 'A candidacy dossier with its deadlines',
          description: "Another institution's dossier answers 404.",
          security: API_SECURITY,
          params: IdParams,
          response: { 200: Dossier, ...ERRORS },
        },
      },
      async (request) => (await admin.dossier(actorOf(request), request.params.id)).dossier,
    );

    app.post(
      '/dossiers',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'createDossier',
          summary: 'Add a candidacy dossier',
          description: `A won or lost candidacy needs \`decidedOn\`. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          body: DossierInput,
          response: { 201: Dossier, ...ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await admin.create(actorOf(request), dossierFields(request.body))),
    );

    app.patch(
      '/dossiers/:id',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'updateDossier',
          summary: 'Edit a candidacy dossier',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: DossierChanges,
          response: { 200: Dossier, ...ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { version, ...changes } = request.body;
        const stored = await admin.form(actor, request.params.id);
        return admin.update(actor, request.params.id, version, dossierFields(changes, stored));
      },
    );

    app.delete(
      '/dossiers/:id',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'deleteDossier',
          summary: 'Delete a candidacy dossier with its deadlines',
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

    await deadlineRoutes(app, admin);
  };
}

/** The routes of a dossier's deadlines: add, replace (mark done), delete, at the dossier's version. */
async function deadlineRoutes(app: App, admin: Services['dossiersAdmin']) {
  const deadlineBody = (b: {
    labelIt: string;
    labelEn?: string | null;
    dueOn: string;
    doneOn?: string | null;
  }) => ({
    labelIt: b.labelIt,
    labelEn: b.labelEn ?? '',
    dueOn: b.dueOn,
    doneOn: b.doneOn ?? '',
  });

  app.post(
    '/dossiers/:id/deadlines',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'addDossierDeadline',
        summary: "Add a deadline of the dossier's call",
        description: `The version is the dossier's; it moves to the next. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: DeadlineInput,
        response: { 201: Dossier, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { version, ...body } = request.body;
      const made = await admin.putDeadline(
        actorOf(request),
        request.params.id,
        version,
        undefined,
        deadlineBody(body),
      );
      return reply.status(201).send(made);
    },
  );

  app.put(
    '/dossiers/:id/deadlines/:deadlineId',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'updateDossierDeadline',
        summary: 'Replace a deadline (set doneOn once it is met)',
        security: API_SECURITY,
        params: DeadlineParams,
        body: DeadlineInput,
        response: { 200: Dossier, ...ERRORS },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const { id, deadlineId } = request.params as { id: string; deadlineId: string };
      return admin.putDeadline(actorOf(request), id, version, deadlineId, deadlineBody(body));
    },
  );

  app.delete(
    '/dossiers/:id/deadlines/:deadlineId',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'deleteDossierDeadline',
        summary: 'Delete a deadline',
        description: `${DELETE_NOTE} The version is the dossier's. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: DeadlineParams,
        querystring: VersionQuery,
        response: { 200: Dossier, ...ERRORS },
      },
    },
    async (request) => {
      const { id, deadlineId } = request.params as { id: string; deadlineId: string };
      return admin.removeDeadline(actorOf(request), id, request.query.version, deadlineId);
    },
  );
}
