// The organisations register's JSON routes under /api/v1, for the staff: the list (search by name in any
// script, kind, country) and one organisation (a read token or a session), and the writes (a write token, or a
// session with its X-CSRF-Token header), through the organisations' admin service.
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
import { organisationBodies } from './organisations.body.ts';
import { ORGANISATION_KINDS } from './organisations.rules.ts';
import {
  OrganisationChanges,
  OrganisationInput,
  OrganisationPage,
  OrganisationRecord,
} from './organisations.schemas.ts';
import { ORGANISATION_SORTS } from './organisations.service.ts';

const TAG = ['organisations'];

export function organisationsApi(services: Services) {
  const admin = services.organisationsAdmin;
  const bodies = organisationBodies(admin);
  return async (app: App) => {
    app.get(
      '/organisations',
      {
        config: { access: 'viewer' },
        schema: {
          tags: TAG,
          operationId: 'listOrganisations',
          summary: 'The organisations the office works with',
          description:
            'Consular posts, community associations, NGOs, companies, universities, European and international ' +
            'bodies, partner cities’ offices; by name (25 a page). `q` finds every word in a name, whatever its ' +
            'accents or script. Needs a token or a session of the institution.',
          security: API_SECURITY,
          querystring: Type.Object({
            q: Type.Optional(
              Type.String({ maxLength: 200, description: 'Words of the name, in any script' }),
            ),
            kind: Type.Optional(StringEnum(ORGANISATION_KINDS)),
            country: Type.Optional(
              Type.String({ maxLength: 100, description: 'A country by name or ISO code' }),
            ),
            sort: Type.Optional(StringEnum(ORGANISATION_SORTS)),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: OrganisationPage, ...ERRORS },
        },
      },
      (request) => admin.organisations(actorOf(request), request.query),
    );

    app.get(
      '/organisations/:id',
      {
        config: { access: 'viewer' },
        schema: {
          tags: TAG,
          operationId: 'getOrganisation',
          summary: 'An organisation',
          description: "Another institution's organisation answers 404.",
          security: API_SECURITY,
          params: IdParams,
          response: { 200: OrganisationRecord, ...ERRORS },
        },
      },
      async (request) => (await admin.organisation(actorOf(request), request.params.id)).organisation,
    );

    app.post(
      '/organisations',
      {
        config: WRITE,
        schema: {
          tags: TAG,
          operationId: 'createOrganisation',
          summary: 'Record an organisation',
          description:
            'A consular post (`kind` "consular_post") needs its `postKind`; its `district` is the Italian regions ' +
            'it serves. `notes` are internal and never published.',
          security: API_SECURITY,
          body: OrganisationInput,
          response: { 201: OrganisationRecord, ...ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await bodies.create(actorOf(request), request.body)),
    );

    app.patch(
      '/organisations/:id',
      {
        config: WRITE,
        schema: {
          tags: TAG,
          operationId: 'updateOrganisation',
          summary: 'Edit an organisation',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: OrganisationChanges,
          response: { 200: OrganisationRecord, ...ERRORS },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return bodies.update(actorOf(request), request.params.id, version, changes);
      },
    );

    app.delete(
      '/organisations/:id',
      {
        config: WRITE,
        schema: {
          tags: TAG,
          operationId: 'deleteOrganisation',
          summary: 'Delete an organisation',
          description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await admin.deleteOrganisation(actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}
