// JSON write routes under /api/v1 for the registry: the institution's partners (counterparts) and units, its
// memberships of networks, and the shared network catalogue. Authenticated like the agreement writes (an API
// token, or a back-office session with its X-CSRF-Token header) and run through the back-office's registry
// service: the caller's institution only, under row-level security, role-checked, versioned and audited.
// A PATCH sends only the fields it changes: the others are taken from the stored record at the same version.
import { type TProperties, Type } from '@sinclair/typebox';
import { formatPartialDate } from '../../platform/dates.ts';
import { Nullable, StringEnum, WebUrl } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import type { CounterpartFields, CounterpartRecord } from '../counterparts/counterparts.service.ts';
import { Unit } from '../institutions/institutions.schemas.ts';
import type { UnitFields, UnitRecord } from '../institutions/institutions.service.ts';
import type {
  MembershipFields,
  MembershipRecord,
  NetworkEntry,
  NetworkFields,
} from '../networks/networks.service.ts';
import { API_SECURITY, ERRORS, IdParams, Version, WRITE } from './admin.api.ts';
import type { RegistryAdminService } from './registry.service.ts';

const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
const NO_LINE_BREAK = '^[^\\r\\n]*$';

// ── Responses ─────────────────────────────────────────────────────────────────────────────────────────

const PartnerRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: StringEnum(['city', 'organisation'] as const),
    nameIt: Type.String(),
    nameEn: Type.String(),
    country: Nullable(Type.Object({ code: Type.String(), nameIt: Type.String(), nameEn: Type.String() })),
    place: Nullable(
      Type.Object({ geonamesId: Type.Integer(), name: Type.String() }, { description: 'Cities only' }),
    ),
    website: Nullable(Type.String()),
    agreements: Type.Integer({ description: 'Agreements that name it, published or not' }),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'PartnerRecord' },
);

const UnitRecordSchema = Type.Composite(
  [
    Unit,
    Type.Object({
      position: Type.Integer({ description: "Order in the office's list of units" }),
      version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
      updatedAt: Type.String({ format: 'date-time' }),
      usage: Type.Object(
        { memberships: Type.Integer(), agreements: Type.Integer() },
        { description: 'Networks it follows and agreements it looks after: while any, it cannot be deleted' },
      ),
    }),
  ],
  { title: 'UnitRecord' },
);

const MembershipRecordSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    networkId: Type.String({ format: 'uuid' }),
    since: Type.Object({
      date: Nullable(Type.String({ description: 'YYYY, YYYY-MM or YYYY-MM-DD, at its precision' })),
      precision: StringEnum(['day', 'month', 'year', 'unknown'] as const),
    }),
    roleIt: Nullable(Type.String()),
    roleEn: Nullable(Type.String()),
    unit: Nullable(
      Type.Object(
        { id: Type.String({ format: 'uuid' }), nameIt: Type.String(), nameEn: Type.String() },
        { description: 'The unit of the office that follows the network' },
      ),
    ),
    workingGroups: Type.Array(Type.String()),
    annualFee: Nullable(Type.String({ description: 'A decimal string such as "1500.00"' })),
    feeCurrency: Nullable(Type.String({ description: 'ISO 4217 code' })),
    notes: Nullable(Type.String()),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'MembershipRecord' },
);

const CatalogueNetwork = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slug: Type.String(),
    acronym: Nullable(Type.String()),
    nameIt: Type.String(),
    nameEn: Type.String(),
    descriptionIt: Nullable(Type.String()),
    descriptionEn: Nullable(Type.String()),
    website: Nullable(Type.String()),
    version: Type.Integer({ description: 'Send it back with the next PATCH' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'CatalogueNetwork' },
);

/** The stored membership as the API writes dates: "2019", "2019-05", "2019-05-12" or null. */
const membershipOut = (m: MembershipRecord) => ({
  ...m,
  since: { date: formatPartialDate(m.since.date, m.since.precision), precision: m.since.precision },
});

// ── Bodies ────────────────────────────────────────────────────────────────────────────────────────────

/** Optional fields take null or "" to clear them. */
const optionalText = (maxLength: number, description?: string) =>
  Type.Optional(Nullable(Type.String({ maxLength, ...(description ? { description } : {}) })));

const partnerProps = {
  nameIt: Type.String({ minLength: 1, maxLength: 200, description: 'Name in Italian' }),
  nameEn: Type.String({
    minLength: 1,
    maxLength: 200,
    description: "Name in English; unique among the institution's organisations (409 if taken)",
  }),
  country: optionalText(100, 'Country: ISO code (FR, FRA) or name in Italian or English. Ignored for a city'),
  website: Type.Optional(Nullable(WebUrl({ maxLength: 300, emptyClears: true }))),
} satisfies TProperties;

const unitProps = {
  slug: Type.String({
    pattern: SLUG,
    maxLength: 60,
    description: 'Unique in the institution (409 if taken); agreements name their unit by it',
  }),
  nameIt: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  remitIt: optionalText(5000, 'What the unit does, in Italian'),
  remitEn: optionalText(5000, 'What the unit does, in English'),
  head: optionalText(200, 'Who leads it'),
} satisfies TProperties;

const membershipProps = {
  since: optionalText(20, 'Member since: YYYY, YYYY-MM or YYYY-MM-DD; null or left out when unknown'),
  roleIt: optionalText(300, 'The role of the institution in the network, in Italian'),
  roleEn: optionalText(300, 'The role of the institution in the network, in English'),
  unitId: Type.Optional(
    Nullable(Type.String({ format: 'uuid', description: 'One of the units of the office; null for none' })),
  ),
  workingGroups: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: NO_LINE_BREAK }), { maxItems: 50 }),
  ),
  annualFee: Type.Optional(
    Nullable(
      Type.String({
        pattern: '^\\d{1,10}(\\.\\d{1,2})?$',
        description: 'Yearly fee as a decimal with a dot, such as "1500" or "1500.50"',
      }),
    ),
  ),
  feeCurrency: Type.Optional(
    Nullable(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code; EUR when a fee has none' })),
  ),
  notes: optionalText(5000, 'Notes for the office; never published'),
} satisfies TProperties;

const networkProps = {
  acronym: optionalText(30),
  nameIt: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  descriptionIt: optionalText(5000),
  descriptionEn: optionalText(5000),
  website: Type.Optional(Nullable(WebUrl({ maxLength: 300, emptyClears: true }))),
} satisfies TProperties;

const closed = { additionalProperties: false } as const;

/** The properties of a PATCH body: every field optional, plus the version the change starts from. */
const changesOf = <T extends TProperties>(props: T, title: string) =>
  Type.Composite([Type.Partial(Type.Object(props)), Type.Object({ version: Version })], {
    ...closed,
    title,
  });

const PartnerInput = Type.Object(partnerProps, { ...closed, title: 'PartnerInput' });
const PartnerChanges = changesOf(partnerProps, 'PartnerChanges');
const UnitInputBody = Type.Object(unitProps, { ...closed, title: 'UnitInput' });
const UnitChanges = changesOf(unitProps, 'UnitChanges');
const MembershipInputBody = Type.Object(membershipProps, { ...closed, title: 'MembershipInput' });
const MembershipChanges = changesOf(membershipProps, 'MembershipChanges');
const NetworkInputBody = Type.Object(
  {
    slug: Type.String({
      pattern: SLUG,
      maxLength: 60,
      description: 'Lower-case letters, digits and hyphens; unique in the catalogue (409 if taken) and fixed',
    }),
    ...networkProps,
  },
  { ...closed, title: 'CatalogueNetworkInput' },
);
const NetworkChanges = changesOf(networkProps, 'CatalogueNetworkChanges');
const VersionQuery = Type.Object({ version: Version });

// ── From JSON to the service's form fields ──────────────────────────────────────────────────────────

type Text = string | null | undefined;
/** A field of a PATCH: left out keeps the stored value, null clears it. */
const keep = (sent: Text, stored: string | null | undefined): string =>
  sent === undefined ? (stored ?? '') : (sent ?? '');

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

function unitFields(body: { [K in keyof UnitFields]?: Text }, stored?: UnitRecord): UnitFields {
  return {
    slug: keep(body.slug, stored?.slug),
    nameIt: keep(body.nameIt, stored?.nameIt),
    nameEn: keep(body.nameEn, stored?.nameEn),
    remitIt: keep(body.remitIt, stored?.remitIt),
    remitEn: keep(body.remitEn, stored?.remitEn),
    head: keep(body.head, stored?.head),
  };
}

interface MembershipBody {
  since?: Text;
  roleIt?: Text;
  roleEn?: Text;
  unitId?: Text;
  workingGroups?: string[] | undefined;
  annualFee?: Text;
  feeCurrency?: Text;
  notes?: Text;
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
  };
}

function networkFields(body: { [K in keyof NetworkFields]?: Text }, stored?: NetworkEntry): NetworkFields {
  return {
    slug: keep(body.slug, stored?.slug),
    acronym: keep(body.acronym, stored?.acronym),
    nameIt: keep(body.nameIt, stored?.nameIt),
    nameEn: keep(body.nameEn, stored?.nameEn),
    descriptionIt: keep(body.descriptionIt, stored?.descriptionIt),
    descriptionEn: keep(body.descriptionEn, stored?.descriptionEn),
    website: keep(body.website, stored?.website),
  };
}

const PATCH_NOTE =
  'Send only the fields that change, with `version` from the last answer: a field left out keeps its ' +
  'value, null (or "") clears an optional one. A stale version is refused with 409 `version_conflict` and ' +
  'the stored record in `details.current`.';
const DELETE_NOTE =
  '`version` is the one the caller last saw: a stale version is refused with 409 `version_conflict` and the ' +
  'stored record in `details.current`.';
const SCOPE_NOTE =
  "Only the caller's institution: another institution's record answers 404. Needs a write token, or an " +
  "editor's or admin's session.";

export function registryApi(deps: { registry: RegistryAdminService }) {
  const { registry } = deps;

  return async (app: App) => {
    // ── Counterparts ──────────────────────────────────────────────────────────────────────────────────

    app.post(
      '/counterparts',
      {
        config: WRITE,
        schema: {
          tags: ['counterparts'],
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
        const created = await registry.createCounterpart(actor, partnerFields(request.body));
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/counterparts/:id',
      {
        config: WRITE,
        schema: {
          tags: ['counterparts'],
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
        const stored = await registry.counterpartForm(actor, id);
        return registry.updateCounterpart(actor, id, version, partnerFields(changes, stored));
      },
    );

    app.delete(
      '/counterparts/:id',
      {
        config: WRITE,
        schema: {
          tags: ['counterparts'],
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
        await registry.deleteCounterpart(actor, request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    // ── Units ─────────────────────────────────────────────────────────────────────────────────────────

    app.post(
      '/units',
      {
        config: WRITE,
        schema: {
          tags: ['units'],
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
        return reply.status(201).send(await registry.createUnit(actor, unitFields(request.body)));
      },
    );

    app.patch(
      '/units/:id',
      {
        config: WRITE,
        schema: {
          tags: ['units'],
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
        const stored = await registry.unitForm(actor, id);
        return registry.updateUnit(actor, id, version, unitFields(changes, stored));
      },
    );

    app.delete(
      '/units/:id',
      {
        config: WRITE,
        schema: {
          tags: ['units'],
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
        await registry.deleteUnit(actor, request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    // ── Memberships ───────────────────────────────────────────────────────────────────────────────────

    app.post(
      '/networks/:id/membership',
      {
        config: WRITE,
        schema: {
          tags: ['memberships'],
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
        const created = await registry.joinNetwork(actor, request.params.id, membershipFields(request.body));
        return reply.status(201).send(membershipOut(created));
      },
    );

    app.patch(
      '/memberships/:id',
      {
        config: WRITE,
        schema: {
          tags: ['memberships'],
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
        const { membership: stored } = await registry.membershipForm(actor, id);
        const saved = await registry.updateMembership(actor, id, version, membershipFields(changes, stored));
        return membershipOut(saved);
      },
    );

    app.delete(
      '/memberships/:id',
      {
        config: WRITE,
        schema: {
          tags: ['memberships'],
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
        await registry.leaveNetwork(actor, request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );

    // ── The network catalogue ───────────────────────────────────────────────────────────────────────

    app.post(
      '/networks',
      {
        config: WRITE,
        schema: {
          tags: ['networks'],
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
        return reply.status(201).send(await registry.createNetwork(actor, networkFields(request.body)));
      },
    );

    app.patch(
      '/networks/:id',
      {
        config: WRITE,
        schema: {
          tags: ['networks'],
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
        const stored = await registry.networkForm(actor, id);
        return registry.updateNetwork(actor, id, version, networkFields(changes, stored));
      },
    );

    app.delete(
      '/networks/:id',
      {
        config: WRITE,
        schema: {
          tags: ['networks'],
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
        await registry.removeNetwork(actor, request.params.id, request.query.version);
        return reply.status(204).send(null);
      },
    );
  };
}
