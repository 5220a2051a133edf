// Missions' JSON routes under /api/v1: for the staff, the list and a mission with its travellers (a read token
// or a session) and the writes of missions and travellers (a write token, or a session with its X-CSRF-Token
// header), through the missions' admin service; for everyone, the yearly mission costs of political office
// holders (D.Lgs. 33/2013, art. 14).
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
import { missionBodies } from './missions.body.ts';
import { MISSION_STATUSES } from './missions.rules.ts';
import {
  MissionChanges,
  MissionCostRow,
  MissionInput,
  MissionPage,
  MissionRecord,
  Traveller,
  TravellerChanges,
  TravellerInput,
} from './missions.schemas.ts';
import { MISSION_SORTS } from './missions.service.ts';

const READ_API = { access: 'viewer' } as const;
const TravellerParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  travellerId: Type.String({ format: 'uuid' }),
});

export function missionsApi(services: Services) {
  const admin = services.missionsAdmin;
  const bodies = missionBodies(admin);
  return async (app: App) => {
    app.get(
      '/mission-costs',
      {
        config: PUBLIC,
        schema: {
          tags: ['missions'],
          operationId: 'listMissionCosts',
          security: [],
          summary: "Political office holders' mission costs paid with public funds, per person and year",
          description:
            'As D.Lgs. 33/2013, art. 14 asks: travel, lodging and other costs of the missions held, summed per ' +
            'person, year (of the first day) and currency. Costs are exact decimals as strings.',
          querystring: Type.Object({
            institution: Type.String({ maxLength: 60, description: 'e.g. milano' }),
            year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2999 })),
          }),
          headers: ConditionalHeaders,
          response: {
            ...cachedResponses(Type.Object({ items: Type.Array(MissionCostRow) })),
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => ({
        items: await services.missions.publicCosts(request.query.institution, request.query.year),
      }),
    );

    app.get(
      '/missions',
      {
        config: READ_API,
        schema: {
          tags: ['missions'],
          operationId: 'listMissions',
          summary: "The institution's missions abroad",
          description: 'Newest first by default; 25 a page. Needs a token or a session of the institution.',
          security: API_SECURITY,
          querystring: Type.Object({
            q: Type.Optional(
              Type.String({ maxLength: 200, description: 'Words of the title or a destination' }),
            ),
            status: Type.Optional(StringEnum(MISSION_STATUSES)),
            when: Type.Optional(StringEnum(['upcoming', 'past'] as const)),
            sort: Type.Optional(StringEnum(MISSION_SORTS)),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: MissionPage, ...ERRORS },
        },
      },
      (request) => admin.missions(actorOf(request), request.query),
    );

    app.get(
      '/missions/:id',
      {
        config: READ_API,
        schema: {
          tags: ['missions'],
          operationId: 'getMission',
          summary: 'A mission with its travellers and their costs',
          description: "Another institution's mission answers 404.",
          security: API_SECURITY,
          params: IdParams,
          response: { 200: MissionRecord, ...ERRORS },
        },
      },
      async (request) => (await admin.mission(actorOf(request), request.params.id)).mission,
    );

    app.post(
      '/missions',
      {
        config: WRITE,
        schema: {
          tags: ['missions'],
          operationId: 'createMission',
          summary: 'Record a mission abroad',
          description:
            'Destinations are gazetteer places: by GeoNames id, or by a name (with its country when several ' +
            'places share it); one the gazetteer cannot tell for sure is refused with 400 naming `destinations`.',
          security: API_SECURITY,
          body: MissionInput,
          response: { 201: MissionRecord, ...ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await bodies.create(actorOf(request), request.body)),
    );

    app.patch(
      '/missions/:id',
      {
        config: WRITE,
        schema: {
          tags: ['missions'],
          operationId: 'updateMission',
          summary: 'Edit a mission',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: MissionChanges,
          response: { 200: MissionRecord, ...ERRORS },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return bodies.update(actorOf(request), request.params.id, version, changes);
      },
    );

    app.delete(
      '/missions/:id',
      {
        config: WRITE,
        schema: {
          tags: ['missions'],
          operationId: 'deleteMission',
          summary: 'Delete a mission and its travellers',
          description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await admin.deleteMission(actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    travellerRoutes(app, services);
  };
}

/** A mission's travellers: add, edit, delete, each audited under its mission. */
function travellerRoutes(app: App, services: Services) {
  const admin = services.missionsAdmin;
  const bodies = missionBodies(admin);
  app.post(
    '/missions/:id/travellers',
    {
      config: WRITE,
      schema: {
        tags: ['missions'],
        operationId: 'addMissionTraveller',
        summary: 'Add who travelled, with their costs',
        description: `Costs are decimals with a dot ("1250.50") in \`currency\` (EUR by default). ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: TravellerInput,
        response: { 201: Traveller, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await bodies.addTraveller(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/missions/:id/travellers/:travellerId',
    {
      config: WRITE,
      schema: {
        tags: ['missions'],
        operationId: 'updateMissionTraveller',
        summary: 'Edit a traveller and their costs',
        description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: TravellerParams,
        body: TravellerChanges,
        response: { 200: Traveller, ...ERRORS },
      },
    },
    async (request) => {
      const { id, travellerId } = request.params;
      const { version, ...changes } = request.body;
      return bodies.updateTraveller(actorOf(request), id, travellerId, version, changes);
    },
  );

  app.delete(
    '/missions/:id/travellers/:travellerId',
    {
      config: WRITE,
      schema: {
        tags: ['missions'],
        operationId: 'deleteMissionTraveller',
        summary: 'Delete a traveller of a mission',
        description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: TravellerParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await admin.removeTraveller(
        actorOf(request),
        request.params.id,
        request.params.travellerId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
}
