// The plan's JSON routes under /api/v1: for everyone, an institution's published objectives with their money
// and indicators (open data); for the staff, every objective, its year report, and the writes of objectives,
// their years' money, indicators and links, through the plan's admin service (row-level security, roles,
// versions, audit).
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
  type Text,
  VersionQuery,
  WRITE,
} from '../../platform/http/record-writes.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { fieldsOf } from './plan.body.ts';
import {
  IndicatorInput,
  LinkInput,
  Objective,
  ObjectiveChanges,
  ObjectiveInput,
  ObjectiveLink,
  ObjectiveRecordSchema,
  YearsInput,
} from './plan.schemas.ts';

const TAGS = ['plan'];
const READ = { access: 'viewer' } as const;
const ChildParams = (name: string) =>
  Type.Object({ id: Type.String({ format: 'uuid' }), [name]: Type.String({ format: 'uuid' }) });

export function planApi(services: Services) {
  const admin = services.planAdmin;
  return async (app: App) => {
    app.get(
      '/institutions/:slug/objectives',
      {
        config: PUBLIC,
        schema: {
          tags: TAGS,
          operationId: 'listPublishedObjectives',
          security: [],
          summary: "An institution's published planning objectives, with their money per year",
          description:
            'The strategic and operational objectives of the single programming document (DUP) that the ' +
            'institution publishes: codes, mission and programme of the harmonised accounts, the person ' +
            'responsible, indicators, and per year the planned, committed and paid income and expenditure as ' +
            'exact decimals (null: not recorded).',
          params: Type.Object({ slug: Type.String({ maxLength: 60, description: 'e.g. cm-firenze' }) }),
          headers: ConditionalHeaders,
          response: {
            ...cachedResponses(Type.Object({ items: Type.Array(Objective) })),
            404: ErrorResponse,
          },
        },
      },
      async (request) => ({ items: await services.plan.published(request.params.slug) }),
    );

    app.get(
      '/objectives',
      {
        config: READ,
        schema: {
          tags: TAGS,
          operationId: 'listObjectives',
          summary: "The institution's objectives, published or not",
          security: API_SECURITY,
          response: { 200: Type.Object({ items: Type.Array(Objective) }), ...ERRORS },
        },
      },
      async (request) => ({ items: await admin.objectives(actorOf(request)) }),
    );

    app.get(
      '/objectives/:id',
      {
        config: READ,
        schema: {
          tags: TAGS,
          operationId: 'getObjective',
          summary: 'An objective with its money, indicators, linked activities and operational objectives',
          description: "Another institution's objective answers 404.",
          security: API_SECURITY,
          params: IdParams,
          response: { 200: ObjectiveRecordSchema, ...ERRORS },
        },
      },
      async (request) => (await admin.objective(actorOf(request), request.params.id)).objective,
    );

    app.post(
      '/objectives',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'createObjective',
          summary: 'Add a strategic or operational objective',
          description:
            'An operational objective names its strategic objective (`parentId`) and its programme; a strategic ' +
            `one has neither parent nor, usually, a code. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          body: ObjectiveInput,
          response: { 201: ObjectiveRecordSchema, ...ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await admin.create(actorOf(request), fieldsOf(request.body))),
    );

    app.patch(
      '/objectives/:id',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'updateObjective',
          summary: 'Edit an objective',
          description: `${PATCH_NOTE} Narrowing the years drops the money of the years left out. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: ObjectiveChanges,
          response: { 200: ObjectiveRecordSchema, ...ERRORS },
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
      '/objectives/:id',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'deleteObjective',
          summary: 'Delete an objective with its money, indicators and links',
          description:
            `${DELETE_NOTE} A strategic objective that operational objectives serve is refused with 409 ` +
            `\`conflict\` (\`details.reason\` "in_use"). ${SCOPE_NOTE}`,
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

/** The routes of an objective's parts: its years' money, its indicators and its links. */
async function partRoutes(app: App, admin: Services['planAdmin']) {
  app.put(
    '/objectives/:id/years',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'putObjectiveYears',
        summary: "Record an objective's planned, committed and paid income and expenditure per year",
        description:
          "Each year sent replaces that year's six amounts (null: not recorded); years not sent keep theirs. " +
          'An amount at fault is refused naming `<amount>_<year>`, e.g. `expensePaid_2023`. The objective ' +
          `moves to its next version. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: YearsInput,
        response: { 200: ObjectiveRecordSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { version, years } = request.body;
      return admin.setYears(actorOf(request), request.params.id, version, years);
    },
  );

  const indicatorBody = (b: { nameIt: string; nameEn?: Text; unit?: Text; values?: unknown[] }) => ({
    nameIt: b.nameIt,
    nameEn: b.nameEn ?? '',
    unit: b.unit ?? '',
    values: (b.values ?? []) as { year: number; target: string | null; actual: string | null }[],
  });

  app.post(
    '/objectives/:id/indicators',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'addObjectiveIndicator',
        summary: 'Add an indicator with its target and actual value per year',
        description: `A value at fault is refused naming \`target_<year>\` or \`actual_<year>\`. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: IndicatorInput,
        response: { 201: ObjectiveRecordSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { version, ...body } = request.body;
      const made = await admin.putIndicator(
        actorOf(request),
        request.params.id,
        version,
        undefined,
        indicatorBody(body),
      );
      return reply.status(201).send(made);
    },
  );

  app.put(
    '/objectives/:id/indicators/:indicatorId',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'updateObjectiveIndicator',
        summary: 'Replace an indicator',
        description: `The values of the years not sent become "not recorded". ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: ChildParams('indicatorId'),
        body: IndicatorInput,
        response: { 200: ObjectiveRecordSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { version, ...body } = request.body;
      const { id, indicatorId } = request.params as { id: string; indicatorId: string };
      return admin.putIndicator(actorOf(request), id, version, indicatorId, indicatorBody(body));
    },
  );

  app.delete(
    '/objectives/:id/indicators/:indicatorId',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'deleteObjectiveIndicator',
        summary: 'Delete an indicator',
        description: `${DELETE_NOTE} The version is the objective's. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: ChildParams('indicatorId'),
        querystring: VersionQuery,
        response: { 200: ObjectiveRecordSchema, ...ERRORS },
      },
    },
    async (request) => {
      const { id, indicatorId } = request.params as { id: string; indicatorId: string };
      return admin.removeIndicator(actorOf(request), id, request.query.version, indicatorId);
    },
  );

  app.post(
    '/objectives/:id/links',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'linkObjectiveActivity',
        summary: 'Link an agreement, visit, mission, meeting or network to the objective',
        description:
          'A record of another institution, or not of the kind named, is refused naming `recordId`; the same ' +
          `record twice is a 409. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: LinkInput,
        response: { 201: ObjectiveLink, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { kind, recordId } = request.body;
      return reply.status(201).send(await admin.link(actorOf(request), request.params.id, kind, recordId));
    },
  );

  app.delete(
    '/objectives/:id/links/:linkId',
    {
      config: WRITE,
      schema: {
        tags: TAGS,
        operationId: 'unlinkObjectiveActivity',
        summary: 'Remove a link (the record itself stays)',
        security: API_SECURITY,
        params: ChildParams('linkId'),
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      const { id, linkId } = request.params as { id: string; linkId: string };
      await admin.unlink(actorOf(request), id, linkId);
      return reply.status(204).send(null);
    },
  );
}
