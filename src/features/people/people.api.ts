// People's JSON routes under /api/v1, for the staff: the list and a person as the caller may see them (a field
// above the caller's role is null and named in `withheld`; a person above it does not exist for them), the
// writes, the roles in organisations over time, a review confirmed, and a person's data exported (admins) or
// erased, through the people's admin service.
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import {
  API_SECURITY,
  ERRORS,
  IdParams,
  PATCH_NOTE,
  SCOPE_NOTE,
  VersionQuery,
  WRITE,
} from '../../platform/http/record-writes.ts';
import { Nullable } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { personBodies } from './people.body.ts';
import {
  PersonChanges,
  PersonExport,
  PersonInput,
  PersonPage,
  PersonRecord,
  PersonRole,
  PersonRoleChanges,
  PersonRoleInput,
} from './people.schemas.ts';

const TAG = ['people'];
const SEEN =
  'A person or a personal field whose visibility is above the caller’s role (viewer < editor < admin) is not ' +
  'shown: the person answers 404, the field null and named in `withheld`. Reading a person restricted to ' +
  'editors or admins is logged.';
const RoleParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  roleId: Type.String({ format: 'uuid' }),
});
const Holder = Type.Object(
  {
    ...Type.Omit(PersonRole, ['organisation']).properties,
    person: Nullable(
      Type.Object(
        { id: Type.String({ format: 'uuid' }), name: Type.String(), honorific: Nullable(Type.String()) },
        { description: 'null when the caller may not see the person' },
      ),
    ),
  },
  { title: 'RoleHolder' },
);

export function peopleApi(services: Services) {
  const admin = services.peopleAdmin;
  const bodies = personBodies(admin);
  return async (app: App) => {
    app.get(
      '/people',
      {
        config: { access: 'viewer' },
        schema: {
          tags: TAG,
          operationId: 'listPeople',
          summary: 'The people the office deals with',
          description: `By name (25 a page); \`q\` finds every word of the name whatever its accents or script. ${SEEN}`,
          security: API_SECURITY,
          querystring: Type.Object({
            q: Type.Optional(Type.String({ maxLength: 200 })),
            organisationId: Type.Optional(
              Type.String({ format: 'uuid', description: 'Who held a role there' }),
            ),
            language: Type.Optional(
              Type.String({ maxLength: 60, description: 'Who speaks it (name or code)' }),
            ),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
          }),
          response: { 200: PersonPage, ...ERRORS },
        },
      },
      (request) => admin.people(actorOf(request), request.query),
    );

    app.get(
      '/people/:id',
      {
        config: { access: 'viewer' },
        schema: {
          tags: TAG,
          operationId: 'getPerson',
          summary: 'A person with their roles',
          description: SEEN,
          security: API_SECURITY,
          params: IdParams,
          response: { 200: PersonRecord, ...ERRORS },
        },
      },
      async (request) => (await admin.person(actorOf(request), request.params.id)).person,
    );

    app.post(
      '/people',
      {
        config: WRITE,
        schema: {
          tags: TAG,
          operationId: 'createPerson',
          summary: 'Record a person',
          description:
            'With the legal basis (`consent` needs `consentOn` and `consentText`). The log keeps which fields ' +
            'were written, never their values.',
          security: API_SECURITY,
          body: PersonInput,
          response: { 201: PersonRecord, ...ERRORS },
        },
      },
      async (request, reply) => reply.status(201).send(await bodies.create(actorOf(request), request.body)),
    );

    app.patch(
      '/people/:id',
      {
        config: WRITE,
        schema: {
          tags: TAG,
          operationId: 'updatePerson',
          summary: 'Edit a person',
          description: `${PATCH_NOTE} A field above the caller's role keeps its value. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          body: PersonChanges,
          response: { 200: PersonRecord, ...ERRORS },
        },
      },
      async (request) => {
        const { version, ...changes } = request.body;
        return bodies.update(actorOf(request), request.params.id, version, changes);
      },
    );

    app.delete(
      '/people/:id',
      {
        config: WRITE,
        schema: {
          tags: TAG,
          operationId: 'erasePerson',
          summary: 'Erase a person and their roles (GDPR art. 17)',
          description: `At the version read. The log records the erasure, not the values. ${SCOPE_NOTE}`,
          security: API_SECURITY,
          params: IdParams,
          querystring: VersionQuery,
          response: { 204: Type.Null(), ...ERRORS },
        },
      },
      async (request, reply) => {
        await admin.erasePerson(actorOf(request), request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    roleRoutes(app, services);
    dataRoutes(app, services);
  };
}

function roleRoutes(app: App, services: Services) {
  const admin = services.peopleAdmin;
  const bodies = personBodies(admin);
  app.post(
    '/people/:id/roles',
    {
      config: WRITE,
      schema: {
        tags: TAG,
        operationId: 'addPersonRole',
        summary: 'Add a role of a person in an organisation',
        description: `A new consul general: end the predecessor's role (endsOn) and add this one. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: PersonRoleInput,
        response: { 201: PersonRole, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await bodies.addRole(actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/people/:id/roles/:roleId',
    {
      config: WRITE,
      schema: {
        tags: TAG,
        operationId: 'updatePersonRole',
        summary: "Edit a person's role (e.g. its end)",
        description: `${PATCH_NOTE} ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: RoleParams,
        body: PersonRoleChanges,
        response: { 200: PersonRole, ...ERRORS },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return bodies.updateRole(actorOf(request), request.params.id, request.params.roleId, version, changes);
    },
  );
  app.delete(
    '/people/:id/roles/:roleId',
    {
      config: WRITE,
      schema: {
        tags: TAG,
        operationId: 'deletePersonRole',
        summary: 'Delete a role recorded by mistake',
        description: `To keep a post's history, end a role instead. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: RoleParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await admin.removeRole(
        actorOf(request),
        request.params.id,
        request.params.roleId,
        request.query.version,
      );
      return reply.status(204).send(null);
    },
  );
}

/** A post's holders over time, a review confirmed, and a person's data for a request of access. */
function dataRoutes(app: App, services: Services) {
  const admin = services.peopleAdmin;
  app.get(
    '/people/:id/export',
    {
      config: { access: 'admin' },
      schema: {
        tags: TAG,
        operationId: 'exportPerson',
        summary: "All of a person's data, for a request of access or portability (GDPR art. 15, 20)",
        description: 'Admins only; the export is logged.',
        security: API_SECURITY,
        params: IdParams,
        response: { 200: PersonExport, ...ERRORS },
      },
    },
    (request) => admin.exportPerson(actorOf(request), request.params.id),
  );

  app.get(
    '/organisations/:id/people',
    {
      config: { access: 'viewer' },
      schema: {
        tags: TAG,
        operationId: 'listOrganisationHolders',
        summary: "Who held roles in an organisation, the current ones first (a post's history)",
        security: API_SECURITY,
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Holder) }), ...ERRORS },
      },
    },
    async (request) => ({ items: await admin.holders(actorOf(request), request.params.id) }),
  );

  app.post(
    '/people/:id/review',
    {
      config: WRITE,
      schema: {
        tags: TAG,
        operationId: 'confirmPersonReview',
        summary: "Confirm that a person's data are still needed and right",
        description: 'The next review is 24 months away.',
        security: API_SECURITY,
        params: IdParams,
        body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: PersonRecord, ...ERRORS },
      },
    },
    (request) => admin.confirmReview(actorOf(request), request.params.id, request.body.version),
  );

  const MergeBody = Type.Object(
    {
      from: Type.String({
        format: 'uuid',
        description: 'The record that goes; its roles move to the one kept',
      }),
    },
    { additionalProperties: false },
  );
  app.post(
    '/organisations/:id/merge',
    {
      config: WRITE,
      schema: {
        tags: ['organisations'],
        operationId: 'mergeOrganisations',
        summary: 'Merge two records of the same organisation',
        description: `The roles of \`from\` (a post's history) move to this one, then \`from\` is deleted; both logged. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: MergeBody,
        response: {
          200: Type.Object({
            kept: Type.String({ format: 'uuid' }),
            roles: Type.Integer({ description: 'Roles moved' }),
          }),
          ...ERRORS,
        },
      },
    },
    (request) => admin.mergeOrganisations(actorOf(request), request.params.id, request.body.from),
  );
  app.post(
    '/people/:id/merge',
    {
      config: WRITE,
      schema: {
        tags: TAG,
        operationId: 'mergePeople',
        summary: 'Merge the same person recorded twice',
        description: `The roles of \`from\` move to this person, languages join, an empty contact takes \`from\`'s; then \`from\` is deleted. Logged without values. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: MergeBody,
        response: { 200: PersonRecord, ...ERRORS },
      },
    },
    (request) => admin.mergePeople(actorOf(request), request.params.id, request.body.from),
  );
}
