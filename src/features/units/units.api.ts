// The office's units' JSON write routes under /api/v1 (the public read is the institution's, GET
// /institutions/{slug}): an API token, or a session with its X-CSRF-Token header, through the units' admin
// service: the caller's institution only, under row-level security, role-checked, versioned and audited.
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
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
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import { UnitChanges, UnitInputBody, UnitRecordSchema } from './units.schemas.ts';
import type { UnitFields, UnitRecord } from './units.service.ts';

type UnitBody = { [K in keyof Omit<UnitFields, 'sources'>]?: Text } & { sources?: Source[] | undefined };

function unitFields(body: UnitBody, stored?: UnitRecord): UnitFields {
  return {
    slug: keep(body.slug, stored?.slug),
    nameIt: keep(body.nameIt, stored?.nameIt),
    nameEn: keep(body.nameEn, stored?.nameEn),
    remitIt: keep(body.remitIt, stored?.remitIt),
    remitEn: keep(body.remitEn, stored?.remitEn),
    head: keep(body.head, stored?.head),
    email: keep(body.email, stored?.email),
    phone: keep(body.phone, stored?.phone),
    sources: body.sources ?? stored?.sources ?? [],
  };
}

export function unitsApi(services: Services) {
  const admin = services.unitsAdmin;
  return async (app: App) => {
    // ── Units ─────────────────────────────────────────────────────────────────────────────────────────

    app.post(
      '/units',
      {
        config: WRITE,
        schema: {
          tags: ['units'],
          operationId: 'createUnit',
          summary: 'Add a unit to the office',
          description:
            "Adds a unit (a desk, a service) at the end of the office's list. Agreements and memberships " +
            'name the unit that looks after them.',
          security: API_SECURITY,
          body: UnitInputBody,
          response: { 201: UnitRecordSchema, ...ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        return reply.status(201).send(await admin.createUnit(actor, unitFields(request.body)));
      },
    );

    app.patch(
      '/units/:id',
      {
        config: WRITE,
        schema: {
          tags: ['units'],
          operationId: 'updateUnit',
          summary: 'Edit a unit',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: UnitChanges,
          response: { 200: UnitRecordSchema, ...ERRORS },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { id } = request.params;
        const { version, ...changes } = request.body;
        const stored = await admin.unitForm(actor, id);
        return admin.updateUnit(actor, id, version, unitFields(changes, stored));
      },
    );

    app.delete(
      '/units/:id',
      {
        config: WRITE,
        schema: {
          tags: ['units'],
          operationId: 'deleteUnit',
          summary: 'Delete a unit that nothing names',
          description:
            `${DELETE_NOTE} A unit that follows a network or looks after an agreement is refused with 409 ` +
            `\`conflict\` (\`details.reason\` "in_use"): hand its work to another unit first. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await admin.deleteUnit(actor, request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}
