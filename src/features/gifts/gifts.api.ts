// The gifts register's JSON routes under /api/v1, for the staff: the list (by year, direction, flagged), a
// gift, the writes, and a year's register as CSV.
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
import { giftBodies } from './gifts.body.ts';
import { DIRECTIONS } from './gifts.rules.ts';
import { GiftChanges, GiftInput, GiftPage, GiftRecord } from './gifts.schemas.ts';

const Year = Type.Optional(Type.Integer({ minimum: 1900, maximum: 2999 }));

export function giftsApi(services: Services) {
  const admin = services.giftsAdmin;
  const bodies = giftBodies(admin);
  return async (app: App) => {
    app.get(
      '/gifts',
      {
        config: { access: 'viewer' },
        schema: {
          tags: ['gifts'],
          operationId: 'listGifts',
          summary: 'The gifts register',
          description: '`flagged=true`: the gifts received above the modest value (DPR 62/2013, art. 4).',
          security: API_SECURITY,
          querystring: Type.Object({
            year: Year,
            direction: Type.Optional(StringEnum(DIRECTIONS)),
            flagged: Type.Optional(Type.Boolean()),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: GiftPage, ...ERRORS },
        },
      },
      (request) => admin.gifts(actorOf(request), request.query),
    );

    app.get(
      '/gifts.csv',
      {
        config: { access: 'viewer' },
        schema: {
          tags: ['gifts'],
          operationId: 'exportGifts',
          summary: "A year's gifts register as CSV",
          description:
            'With who received or gave each gift; the public register (published gifts, without them) is at /{institution}/data/gifts.csv.',
          security: API_SECURITY,
          querystring: Type.Object({ year: Year }),
          produces: ['text/csv'],
          response: { 200: Type.String({ description: 'text/csv' }), ...ERRORS },
        },
      },
      async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="gifts${request.query.year ? `-${request.query.year}` : ''}.csv"`,
          )
          .send(await admin.registerCsv(actorOf(request), request.query.year)),
    );

    app.get(
      '/gifts/:id',
      {
        config: { access: 'viewer' },
        schema: {
          tags: ['gifts'],
          operationId: 'getGift',
          summary: 'A gift',
          security: API_SECURITY,
          params: IdParams,
          response: { 200: GiftRecord, ...ERRORS },
        },
      },
      async (request) => (await admin.gift(actorOf(request), request.params.id)).gift,
    );

    app.post(
      '/gifts',
      {
        config: WRITE,
        schema: {
          tags: ['gifts'],
          operationId: 'createGift',
          summary: 'Record a gift given or received',
          description:
            'A gift received above the modest value needs a `disposition` (400 naming it, `details.reason` ' +
            '"required_above_modest_value").',
          security: API_SECURITY,
          body: GiftInput,
          response: { 201: GiftRecord, ...ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await bodies.create(actorOf(request), request.body)),
    );

    app.patch(
      '/gifts/:id',
      {
        config: WRITE,
        schema: {
          tags: ['gifts'],
          operationId: 'updateGift',
          summary: 'Edit a gift, or record what became of it',
          description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: GiftChanges,
          response: { 200: GiftRecord, ...ERRORS },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return bodies.update(actorOf(request), request.params.id, version, changes);
      },
    );

    app.delete(
      '/gifts/:id',
      {
        config: WRITE,
        schema: {
          tags: ['gifts'],
          operationId: 'deleteGift',
          summary: 'Delete a gift recorded by mistake',
          description: `${DELETE_NOTE} ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await admin.deleteGift(actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}
