// A person's links through the API: what they took part in (agreements, visits, missions, meetings, networks),
// read by anyone who may see the person, added and removed by writers, each write audited on the person.
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { API_SECURITY, ERRORS, IdParams, SCOPE_NOTE, WRITE } from '../../platform/http/record-writes.ts';
import { StringEnum } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { LINK_KINDS } from './people.rules.ts';
import { PersonLink } from './people.schemas.ts';

const TAG = ['people'];
const PersonLinkInput = Type.Object(
  {
    kind: StringEnum(LINK_KINDS),
    recordId: Type.String({
      format: 'uuid',
      description: "The institution's agreement, visit, mission or meeting, or a network of the catalogue",
    }),
    roleIt: Type.Optional(Type.String({ maxLength: 200, description: 'What they did: "Firmatario"' })),
    roleEn: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
const LinkParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  linkId: Type.String({ format: 'uuid' }),
});

export function personLinksApi(services: Services) {
  const links = services.personLinks;
  return async (app: App) => {
    app.get(
      '/people/:id/links',
      {
        config: { access: 'viewer' },
        schema: {
          tags: TAG,
          operationId: 'listPersonLinks',
          summary: 'What a person took part in: agreements, visits, missions, meetings, networks',
          description: `A person the caller may not see answers 404. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(PersonLink) }), ...ERRORS },
        },
      },
      async (request) => ({ items: await links.links(actorOf(request), request.params.id) }),
    );
    app.post(
      '/people/:id/links',
      {
        config: WRITE,
        schema: {
          tags: TAG,
          operationId: 'addPersonLink',
          summary: 'Link a person to an agreement, a visit, a mission, a meeting or a network',
          description: `A second link to the same record is a 409. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: PersonLinkInput,
          response: { 201: PersonLink, ...ERRORS },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await links.add(actorOf(request), request.params.id, request.body)),
    );
    app.delete(
      '/people/:id/links/:linkId',
      {
        config: WRITE,
        schema: {
          tags: TAG,
          operationId: 'removePersonLink',
          summary: "Remove one of a person's links",
          description: SCOPE_NOTE,
          security: API_SECURITY,
          params: LinkParams,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await links.remove(actorOf(request), request.params.id, request.params.linkId);
        return reply.status(204).send(null);
      },
    );
  };
}
