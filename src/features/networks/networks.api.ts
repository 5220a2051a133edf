// Networks' JSON routes under /api/v1: the public list of networks and their members; the institution's
// memberships and the shared catalogue's writes (an API token, or a session with its X-CSRF-Token header)
// through the networks' admin service: role-checked, versioned and audited.
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { formatPartialDate } from '../../platform/dates.ts';
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
import { ErrorResponse, type Source } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import type { NetworksAdmin } from './networks.admin.ts';
import {
  CatalogueNetwork,
  MembershipChanges,
  type MembershipFields,
  MembershipInputBody,
  type MembershipRecord,
  MembershipRecordSchema,
  Network,
  NetworkChanges,
  type NetworkEntry,
  type NetworkFields,
  NetworkInputBody,
} from './networks.schemas.ts';

/** The stored membership as the API writes dates: "2019", "2019-05", "2019-05-12" or null. */
const membershipOut = (m: MembershipRecord) => ({
  ...m,
  since: { date: formatPartialDate(m.since.date, m.since.precision), precision: m.since.precision },
});

interface MembershipBody {
  since?: Text;
  roleIt?: Text;
  roleEn?: Text;
  unitId?: Text;
  workingGroups?: string[] | undefined;
  annualFee?: Text;
  feeCurrency?: Text;
  notes?: Text;
  sources?: Source[] | undefined;
}

function membershipFields(body: MembershipBody, stored?: MembershipRecord): MembershipFields {
  const storedSince = stored ? formatPartialDate(stored.since.date, stored.since.precision) : null;
  return {
    since: keep(body.since, storedSince),
    roleIt: keep(body.roleIt, stored?.roleIt),
    roleEn: keep(body.roleEn, stored?.roleEn),
    unitId: keep(body.unitId, stored?.unit?.id),
    // The service reads working groups one per line, as the form's text area sends them.
    workingGroups: (body.workingGroups ?? stored?.workingGroups ?? []).join('\n'),
    annualFee: keep(body.annualFee, stored?.annualFee),
    // A fee cleared without naming a currency clears the currency too.
    feeCurrency:
      body.feeCurrency === undefined && (body.annualFee === null || body.annualFee === '')
        ? ''
        : keep(body.feeCurrency, stored?.feeCurrency),
    notes: keep(body.notes, stored?.notes),
    sources: body.sources ?? stored?.sources ?? [],
  };
}

function networkFields(
  body: { [K in Exclude<keyof NetworkFields, 'sources'>]?: Text } & { sources?: Source[] | undefined },
  stored?: NetworkEntry,
): NetworkFields {
  return {
    slug: keep(body.slug, stored?.slug),
    acronym: keep(body.acronym, stored?.acronym),
    nameIt: keep(body.nameIt, stored?.nameIt),
    nameEn: keep(body.nameEn, stored?.nameEn),
    descriptionIt: keep(body.descriptionIt, stored?.descriptionIt),
    descriptionEn: keep(body.descriptionEn, stored?.descriptionEn),
    website: keep(body.website, stored?.website),
    sources: body.sources ?? stored?.sources ?? [],
  };
}

/** The public list of networks and their members. */
function publicRoutes(app: App, services: Services) {
  app.get(
    '/networks',
    {
      config: PUBLIC,
      schema: {
        tags: ['networks'],
        operationId: 'listNetworks',
        security: [],
        summary: 'City networks and their members',
        querystring: Type.Object({
          institution: Type.Optional(
            Type.String({ maxLength: 60, description: 'Only networks it belongs to' }),
          ),
        }),
        headers: ConditionalHeaders,
        response: { ...cachedResponses(Type.Object({ items: Type.Array(Network) })), 404: ErrorResponse },
      },
    },
    async (req) => ({ items: await services.networks.list(req.query.institution) }),
  );
}

/** An institution's memberships: join, edit, leave. */
function membershipRoutes(app: App, admin: NetworksAdmin) {
  app.post(
    '/networks/:id/membership',
    {
      config: WRITE,
      schema: {
        tags: ['memberships'],
        operationId: 'createMembership',
        summary: 'Join a network of the catalogue',
        description:
          "Records that the caller's institution is a member of the network `id` (404 if the catalogue " +
          'has no such network; add it first with POST /networks). An institution is a member once: joining ' +
          'again is refused with 409 `conflict` and the existing membership in `details.membershipId`.',
        security: API_SECURITY,
        params: IdParams,
        body: MembershipInputBody,
        response: { 201: MembershipRecordSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await admin.joinNetwork(actor, request.params.id, membershipFields(request.body));
      return reply.status(201).send(membershipOut(created));
    },
  );

  app.patch(
    '/memberships/:id',
    {
      config: WRITE,
      schema: {
        tags: ['memberships'],
        operationId: 'updateMembership',
        summary: 'Edit a membership',
        description: `${PATCH_NOTE} \`workingGroups\`, when sent, replaces the whole list. ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: MembershipChanges,
        response: { 200: MembershipRecordSchema, ...ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { version, ...changes } = request.body;
      const { membership: stored } = await admin.membershipForm(actor, id);
      const saved = await admin.updateMembership(actor, id, version, membershipFields(changes, stored));
      return membershipOut(saved);
    },
  );

  app.delete(
    '/memberships/:id',
    {
      config: WRITE,
      schema: {
        tags: ['memberships'],
        operationId: 'deleteMembership',
        summary: 'Leave a network',
        description: `Deletes the membership; the network stays in the catalogue. ${DELETE_NOTE} ${SCOPE_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await admin.leaveNetwork(actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}

/** The shared catalogue's writes: add, edit and delete a network. */
function catalogueRoutes(app: App, admin: NetworksAdmin) {
  app.post(
    '/networks',
    {
      config: WRITE,
      schema: {
        tags: ['networks'],
        operationId: 'createNetwork',
        summary: 'Add a network to the shared catalogue',
        description:
          'The catalogue is shared by every institution. Any write token, editor or admin may add a ' +
          'network it lacks; joining it is then POST /networks/{id}/membership. A slug already in the ' +
          'catalogue is refused with 409.',
        security: API_SECURITY,
        body: NetworkInputBody,
        response: { 201: CatalogueNetwork, ...ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.status(201).send(await admin.createNetwork(actor, networkFields(request.body)));
    },
  );

  app.patch(
    '/networks/:id',
    {
      config: WRITE,
      schema: {
        tags: ['networks'],
        operationId: 'updateNetwork',
        summary: 'Edit a network of the catalogue (platform administrators only)',
        description:
          `Every institution's pages show the catalogue entry, so only a platform administrator's session ` +
          `may change it: API tokens and institutions' users get 403. The slug is fixed. An institution ` +
          `keeps its own view of a network in its membership (PATCH /memberships/{id}). ${PATCH_NOTE}`,
        security: API_SECURITY,
        params: IdParams,
        body: NetworkChanges,
        response: { 200: CatalogueNetwork, ...ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { version, ...changes } = request.body;
      const stored = await admin.networkForm(actor, id);
      return admin.updateNetwork(actor, id, version, networkFields(changes, stored));
    },
  );

  app.delete(
    '/networks/:id',
    {
      config: WRITE,
      schema: {
        tags: ['networks'],
        operationId: 'deleteNetwork',
        summary: 'Delete a network of the catalogue that no institution is a member of',
        description:
          `Platform administrators only, like an edit: API tokens and institutions' users get 403. ` +
          `${DELETE_NOTE} A network with members is refused with 409 \`conflict\` (\`details.reason\` ` +
          `"in_use", \`details.memberships\` how many institutions); each leaves it first with ` +
          `DELETE /memberships/{id}.`,
        security: API_SECURITY,
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await admin.removeNetwork(actor, request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );
}

export function networksApi(services: Services) {
  return async (app: App) => {
    publicRoutes(app, services);
    membershipRoutes(app, services.networksAdmin);
    catalogueRoutes(app, services.networksAdmin);
  };
}
