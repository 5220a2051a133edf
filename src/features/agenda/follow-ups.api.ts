// Follow-ups' JSON routes under /api/v1: a visit's, mission's or meeting's follow-ups (read and add), one
// follow-up's edit and delete, and the institution's open ones coming due, for the staff.
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
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { followUpBodies } from './follow-ups.body.ts';
import { FollowUp, FollowUpChanges, FollowUpInput, OpenFollowUp } from './follow-ups.schemas.ts';
import { SUBJECT_KINDS, type SubjectKind } from './follow-ups.service.ts';

const PLURAL: Record<SubjectKind, string> = { visit: 'visits', mission: 'missions', meeting: 'meetings' };
const NAME: Record<SubjectKind, string> = { visit: 'Visit', mission: 'Mission', meeting: 'Meeting' };

export function followUpsApi(services: Services) {
  const followUps = services.followUps;
  const bodies = followUpBodies(followUps);
  return async (app: App) => {
    app.get(
      '/follow-ups',
      {
        config: { access: 'viewer' },
        schema: {
          tags: ['agenda'],
          operationId: 'listDueFollowUps',
          summary: 'Open follow-ups coming due',
          description: 'Those due within `days` days, overdue ones and undated ones, the most urgent first.',
          security: API_SECURITY,
          querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })) }),
          response: { 200: Type.Object({ items: Type.Array(OpenFollowUp) }), ...ERRORS },
        },
      },
      async (request) => ({
        items: (await followUps.due(actorOf(request), request.query.days ?? 30, 200)).map((f) => ({
          id: f.id,
          kind: f.kind,
          subjectId: f.subject_id,
          subjectIt: f.subject_it,
          subjectEn: f.subject_en,
          action: f.action,
          owner: f.owner,
          dueOn: f.due_on,
          version: f.version,
        })),
      }),
    );

    for (const kind of SUBJECT_KINDS) {
      app.get(
        `/${PLURAL[kind]}/:id/follow-ups`,
        {
          config: { access: 'viewer' },
          schema: {
            tags: [PLURAL[kind]],
            operationId: `list${NAME[kind]}FollowUps`,
            summary: `A ${kind}'s follow-ups`,
            description: 'Open ones first.',
            security: API_SECURITY,
            params: IdParams,
            response: { 200: Type.Object({ items: Type.Array(FollowUp) }), ...ERRORS },
          },
        },
        async (request) => ({ items: await followUps.of(actorOf(request), kind, request.params.id) }),
      );
      app.post(
        `/${PLURAL[kind]}/:id/follow-ups`,
        {
          config: WRITE,
          schema: {
            tags: [PLURAL[kind]],
            operationId: `add${NAME[kind]}FollowUp`,
            summary: `Add a follow-up to a ${kind}`,
            description: `Audited under the ${kind}. ${SCOPE_NOTE}`,
            security: API_SECURITY,
            params: IdParams,
            body: FollowUpInput,
            response: { 201: FollowUp, ...ERRORS },
          },
        },
        async (request, reply) =>
          reply.status(201).send(await bodies.add(actorOf(request), kind, request.params.id, request.body)),
      );
    }

    app.patch(
      '/follow-ups/:id',
      {
        config: WRITE,
        schema: {
          tags: ['agenda'],
          operationId: 'updateFollowUp',
          summary: 'Edit a follow-up, or mark it done',
          description: `Set \`doneOn\` to mark it done. ${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: FollowUpChanges,
          response: { 200: FollowUp, ...ERRORS },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return bodies.update(actorOf(request), request.params.id, version, changes);
      },
    );

    app.delete(
      '/follow-ups/:id',
      {
        config: WRITE,
        schema: {
          tags: ['agenda'],
          operationId: 'deleteFollowUp',
          summary: 'Delete a follow-up',
          description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await followUps.remove(actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}
