// JSON write routes under /api/v1, authenticated by an API token (Authorization: Bearer) or by a back-office
// session (its cookie plus the X-CSRF-Token header). They run through the same service as the pages: the
// caller's institution only, under row-level security, versioned and audited.
import cookie from '@fastify/cookie';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import {
  Agreement,
  AgreementChanges,
  AgreementInput,
  StatusEventInput,
} from '../agreements/agreements.schemas.ts';
import { type Actor, type AdminService, actorOfSession } from './admin.service.ts';
import { requireCsrf, SESSION_COOKIE } from './admin.session.ts';

export const API_SECURITY: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { sessionCookie: [] }];
export const Version = Type.Integer({
  minimum: 1,
  description: 'The version the change starts from (409 if stale)',
});
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/**
 * Who calls a JSON write route: the institution of an API token (role editor for a write token, viewer for a
 * read token), or the user of a back-office session whose X-CSRF-Token header matches it. 401 without either.
 */
export async function actorOf(accounts: AccountsService, request: FastifyRequest): Promise<Actor> {
  const auth = request.headers.authorization;
  if (auth) {
    const token = auth.match(/^Bearer\s+(\S+)$/i)?.[1];
    const found = token ? await accounts.apiToken(token) : undefined;
    if (!found) throw new AppError('unauthorized', 'The API token is not valid or was revoked');
    return {
      userId: null,
      label: `token ${found.name}`,
      institutionId: found.institutionId,
      institutionSlug: found.institutionSlug,
      role: found.scope === 'write' ? 'editor' : 'viewer',
    };
  }
  const session = await accounts.session(request.cookies?.[SESSION_COOKIE]);
  if (!session) {
    throw new AppError('unauthorized', 'Sign in, or send an API token as "Authorization: Bearer TOKEN"');
  }
  requireCsrf(request, session);
  return actorOfSession(session);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who calls a JSON write route, known before its body is read (identifyCaller). */
    actor?: Actor;
  }
}

/**
 * An onRequest hook for a plugin of JSON write routes: the caller is identified before the body is parsed or
 * validated, so a request without valid credentials is answered 401 (403 without its CSRF header) whatever
 * its body, and a stranger learns nothing from validation errors.
 */
export function identifyCaller(accounts: AccountsService) {
  return async (request: FastifyRequest) => {
    request.actor = await actorOf(accounts, request);
  };
}

/** The caller identifyCaller found; a route without the hook is a programming error. */
export function callerOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('identifyCaller is not registered for this route');
  return request.actor;
}

export function adminApi(deps: { accounts: AccountsService; admin: AdminService }) {
  const { accounts, admin } = deps;

  return async (app: App) => {
    await app.register(cookie);
    app.addHook('onRequest', identifyCaller(accounts));

    app.post(
      '/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary: "Create an agreement in the caller's institution",
          security: API_SECURITY,
          body: AgreementInput,
          response: { 201: Agreement, ...ERRORS, 422: ErrorResponse },
        },
      },
      async (request, reply) => reply.status(201).send(await admin.create(callerOf(request), request.body)),
    );

    app.patch(
      '/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Edit an agreement, publish or withdraw it',
          description:
            'Fields left out keep their value. The partner and the status history are not edited here: a ' +
            'status change is POST /agreements/{id}/status. `version` is the one the edit started from; a ' +
            'stale version is refused with 409 and the stored agreement in `details.current`.',
          security: API_SECURITY,
          params: IdParams,
          body: Type.Composite(
            [AgreementChanges, Type.Object({ published: Type.Optional(Type.Boolean()), version: Version })],
            { additionalProperties: false },
          ),
          response: { 200: Agreement, ...ERRORS },
        },
      },
      async (request) => {
        const { version, published, ...changes } = request.body;
        return admin.edit(
          callerOf(request),
          request.params.id,
          { changes, ...(published === undefined ? {} : { published }) },
          version,
        );
      },
    );

    app.post(
      '/agreements/:id/status',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Record a status change, or a rejected motion that leaves the status as it was',
          security: API_SECURITY,
          params: IdParams,
          body: Type.Composite([StatusEventInput, Type.Object({ version: Version })], {
            additionalProperties: false,
          }),
          response: { 200: Agreement, ...ERRORS },
        },
      },
      async (request) => {
        const { version, ...event } = request.body;
        return admin.recordStatus(callerOf(request), request.params.id, event, version);
      },
    );

    app.delete(
      '/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Delete an agreement recorded by mistake',
          security: API_SECURITY,
          params: IdParams,
          querystring: Type.Object({ version: Version }),
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await admin.remove(callerOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}
