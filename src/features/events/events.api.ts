// Events' JSON routes under /api/v1 for the staff: the list, an event, and its writes, through the events'
// admin service (row-level security, roles, versions, audit). Published events reach the public through the
// agenda (GET /agenda.ics and the portal's agenda).
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
import { eventFields } from './events.body.ts';
import { EVENT_STATUSES } from './events.rules.ts';
import { Event, EventChanges, EventInput, EventPage } from './events.schemas.ts';

const TAGS = ['events'];

export function eventsApi(services: Services) {
  const admin = services.eventsAdmin;
  return async (app: App) => {
    app.get(
      '/events',
      {
        config: { access: 'viewer' },
        schema: {
          tags: TAGS,
          operationId: 'listEvents',
          summary: "The institution's international events",
          description: 'Newest first, or the coming ones first with when=upcoming; 25 a page.',
          security: API_SECURITY,
          querystring: Type.Object({
            q: Type.Optional(Type.String({ maxLength: 200, description: 'Words of the title or the venue' })),
            status: Type.Optional(StringEnum(EVENT_STATUSES)),
            when: Type.Optional(StringEnum(['upcoming', 'past'] as const)),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: EventPage, ...ERRORS },
        },
      },
      (request) => admin.events(actorOf(request), request.query),
    );

    app.get(
      '/events/:id',
      {
        config: { access: 'viewer' },
        schema: {
          tags: TAGS,
          operationId: 'getEvent',
          summary: 'An event',
          description: "Another institution's event answers 404.",
          security: API_SECURITY,
          params: IdParams,
          response: { 200: Event, ...ERRORS },
        },
      },
      async (request) => (await admin.event(actorOf(request), request.params.id)).event,
    );

    app.post(
      '/events',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'createEvent',
          summary: 'Add an international event the institution organises, co-organises or supports',
          description: `A published event shows on the portal's agenda and in the public feed. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          body: EventInput,
          response: { 201: Event, ...ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await admin.create(actorOf(request), eventFields(request.body))),
    );

    app.patch(
      '/events/:id',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'updateEvent',
          summary: 'Edit an event',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: EventChanges,
          response: { 200: Event, ...ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { version, ...changes } = request.body;
        const stored = await admin.form(actor, request.params.id);
        return admin.update(actor, request.params.id, version, eventFields(changes, stored));
      },
    );

    app.delete(
      '/events/:id',
      {
        config: WRITE,
        schema: {
          tags: TAGS,
          operationId: 'deleteEvent',
          summary: 'Delete an event',
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
  };
}
