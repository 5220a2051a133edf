// Meetings' JSON routes under /api/v1, for the staff: the list and a meeting (a read token or a session), and
// the writes (a write token, or a session with its X-CSRF-Token header), through the meetings' admin service.
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
import { meetingBodies } from './meetings.body.ts';
import { MEETING_STATUSES } from './meetings.rules.ts';
import { MeetingChanges, MeetingInput, MeetingPage, MeetingRecord } from './meetings.schemas.ts';
import { MEETING_SORTS } from './meetings.service.ts';

export function meetingsApi(services: Services) {
  const admin = services.meetingsAdmin;
  const bodies = meetingBodies(admin);
  return async (app: App) => {
    app.get(
      '/meetings',
      {
        config: { access: 'viewer' },
        schema: {
          tags: ['meetings'],
          operationId: 'listMeetings',
          summary: "The mayor's and delegates' meetings with foreign counterparts",
          description: 'Newest first by default; 25 a page. Needs a token or a session of the institution.',
          security: API_SECURITY,
          querystring: Type.Object({
            q: Type.Optional(Type.String({ maxLength: 200 })),
            status: Type.Optional(StringEnum(MEETING_STATUSES)),
            when: Type.Optional(StringEnum(['upcoming', 'past'] as const)),
            sort: Type.Optional(StringEnum(MEETING_SORTS)),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: MeetingPage, ...ERRORS },
        },
      },
      (request) => admin.meetings(actorOf(request), request.query),
    );

    app.get(
      '/meetings/:id',
      {
        config: { access: 'viewer' },
        schema: {
          tags: ['meetings'],
          operationId: 'getMeeting',
          summary: 'A meeting',
          description: "Another institution's meeting answers 404.",
          security: API_SECURITY,
          params: IdParams,
          response: { 200: MeetingRecord, ...ERRORS },
        },
      },
      async (request) => (await admin.meeting(actorOf(request), request.params.id)).meeting,
    );

    app.post(
      '/meetings',
      {
        config: WRITE,
        schema: {
          tags: ['meetings'],
          operationId: 'createMeeting',
          summary: 'Record a meeting',
          description: 'Who came (`participants`) is internal and never published.',
          security: API_SECURITY,
          body: MeetingInput,
          response: { 201: MeetingRecord, ...ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await bodies.create(actorOf(request), request.body)),
    );

    app.patch(
      '/meetings/:id',
      {
        config: WRITE,
        schema: {
          tags: ['meetings'],
          operationId: 'updateMeeting',
          summary: 'Edit a meeting',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: MeetingChanges,
          response: { 200: MeetingRecord, ...ERRORS },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return bodies.update(actorOf(request), request.params.id, version, changes);
      },
    );

    app.delete(
      '/meetings/:id',
      {
        config: WRITE,
        schema: {
          tags: ['meetings'],
          operationId: 'deleteMeeting',
          summary: 'Delete a meeting',
          description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await admin.deleteMeeting(actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}
