// The agreements' JSON write routes under /api/v1, authenticated by an API token (Authorization: Bearer) or
// by a back-office session (its cookie plus the X-CSRF-Token header). They run through the same service as
// the pages (agreements.admin.ts): the caller's institution only, under row-level security, versioned and
// audited.
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { API_SECURITY, ERRORS, IdParams, Version, WRITE } from '../../platform/http/record-writes.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { Agreement, AgreementChanges, AgreementInput, StatusEventInput } from './agreements.schemas.ts';

export function agreementsAdminApi(services: Services) {
  const admin = services.agreementsAdmin;

  return async (app: App) => {
    app.post(
      '/agreements',
      {
        config: WRITE,
        schema: {
          tags: ['agreements'],
          operationId: 'createAgreement',
          summary: "Create an agreement in the caller's institution",
          security: API_SECURITY,
          body: AgreementInput,
          response: { 201: Agreement, ...ERRORS, 422: ErrorResponse },
        },
      },
      async (request, reply) => reply.status(201).send(await admin.create(actorOf(request), request.body)),
    );

    app.patch(
      '/agreements/:id',
      {
        config: WRITE,
        schema: {
          tags: ['agreements'],
          operationId: 'updateAgreement',
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
          actorOf(request),
          request.params.id,
          { changes, ...(published === undefined ? {} : { published }) },
          version,
        );
      },
    );

    app.post(
      '/agreements/:id/status',
      {
        config: WRITE,
        schema: {
          tags: ['agreements'],
          operationId: 'updateAgreementStatus',
          summary: 'Record a status change, or a rejected motion that leaves the status as it was',
          security: API_SECURITY,
          params: IdParams,
          body: Type.Composite(
            [
              StatusEventInput,
              Type.Object({
                version: Version,
                confirm: Type.Optional(
                  Type.Boolean({
                    description:
                      'Records a change the office seldom means (a proposed agreement suspended or expired, an ended ' +
                      'one suspended, the status it already has); without it such a change is refused with 400, ' +
                      'details.reason "needs_confirmation"',
                  }),
                ),
              }),
            ],
            {
              additionalProperties: false,
            },
          ),
          response: { 200: Agreement, ...ERRORS },
        },
      },
      async (request) => {
        const { version, confirm, ...event } = request.body;
        return admin.recordStatus(actorOf(request), request.params.id, event, version, {
          confirmed: confirm === true,
        });
      },
    );

    app.delete(
      '/agreements/:id',
      {
        config: WRITE,
        schema: {
          tags: ['agreements'],
          operationId: 'deleteAgreement',
          summary: 'Delete an agreement recorded by mistake',
          security: API_SECURITY,
          params: IdParams,
          querystring: Type.Object({ version: Version }),
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
