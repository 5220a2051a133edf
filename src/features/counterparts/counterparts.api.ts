// Partners' JSON routes under /api/v1: the public list of an institution's partners, and the back-office's
// writes (an API token, or a session with its X-CSRF-Token header), run through the partners' admin service:
// the caller's institution only, under row-level security, role-checked, versioned and audited.
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ConditionalHeaders, cachedResponses, PUBLIC } from '../../platform/http/public-cache.ts';
import {
  API_SECURITY,
  DELETE_NOTE,
  ERRORS,
  IdParams,
  keep,
  PATCH_NOTE,
  SCOPE_NOTE,
  type Text,
  VersionQuery,
  WRITE,
} from '../../platform/http/record-writes.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { Counterpart, PartnerChanges, PartnerInput, PartnerRecord } from './counterparts.schemas.ts';
import type { CounterpartFields, CounterpartRecord } from './counterparts.service.ts';

function partnerFields(
  body: { [K in keyof CounterpartFields]?: Text },
  stored?: CounterpartRecord,
): CounterpartFields {
  return {
    nameIt: keep(body.nameIt, stored?.nameIt),
    nameEn: keep(body.nameEn, stored?.nameEn),
    website: keep(body.website, stored?.website),
    country: keep(body.country, stored?.country?.code),
  };
}

export function counterpartsApi(services: Services) {
  const admin = services.counterpartsAdmin;
  return async (app: App) => {
    app.get(
      '/counterparts',
      {
        config: PUBLIC,
        schema: {
          tags: ['counterparts'],
          operationId: 'listCounterparts',
          security: [],
          summary: "An institution's partner cities and organisations",
          querystring: Type.Object({
            institution: Type.String({ maxLength: 60, description: 'e.g. milano' }),
          }),
          headers: ConditionalHeaders,
          response: {
            ...cachedResponses(Type.Object({ items: Type.Array(Counterpart) })),
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (req) => ({ items: await services.counterparts.listPublic(req.query.institution) }),
    );

    // ── Counterparts ──────────────────────────────────────────────────────────────────────────────────

    app.post(
      '/counterparts',
      {
        config: WRITE,
        schema: {
          tags: ['counterparts'],
          operationId: 'createCounterpart',
          summary: 'Add a partner organisation',
          description:
            'Adds an organisation (a university, a chamber of commerce, an agency...) to the partners of the ' +
            "caller's institution. Partner cities are not added here: they come with the agreements that name " +
            'them (POST /agreements), placed through the gazetteer. An organisation with the same English ' +
            'name is refused with 409.',
          security: API_SECURITY,
          body: PartnerInput,
          response: { 201: PartnerRecord, ...ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const created = await admin.createCounterpart(actor, partnerFields(request.body));
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/counterparts/:id',
      {
        config: WRITE,
        schema: {
          tags: ['counterparts'],
          operationId: 'updateCounterpart',
          summary: 'Edit a partner',
          description:
            `${PATCH_NOTE} A city keeps the place and country of the gazetteer: only its names and website ` +
            `change, and \`country\` is ignored. The agreements with the partner follow the new names. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: PartnerChanges,
          response: { 200: PartnerRecord, ...ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        const { version, ...changes } = request.body;
        const stored = await admin.counterpartForm(actor, id);
        return admin.updateCounterpart(actor, id, version, partnerFields(changes, stored));
      },
    );

    app.delete(
      '/counterparts/:id',
      {
        config: WRITE,
        schema: {
          tags: ['counterparts'],
          operationId: 'deleteCounterpart',
          summary: 'Delete a partner that no agreement names',
          description:
            `${DELETE_NOTE} A partner that agreements name is refused with 409 \`conflict\` ` +
            `(\`details.reason\` "in_use", \`details.agreements\` how many). ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await admin.deleteCounterpart(actor, request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}
