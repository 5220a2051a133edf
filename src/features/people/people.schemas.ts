// People as the API shows and takes them: a person as one reader may see them (what they may not see is null
// and named in `withheld`), a page of them, a role in an organisation, and the bodies of the write routes.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, NO_LINE_BREAK, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { LEGAL_BASES, LINK_KINDS, PERSONAL_FIELDS, VISIBILITIES } from './people.rules.ts';

const DAY = Type.String({ format: 'date' });

export const PersonRole = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisation: Type.Object({
      id: Type.String({ format: 'uuid' }),
      nameIt: Type.String(),
      nameEn: Nullable(Type.String()),
      kind: Type.String(),
    }),
    titleIt: Type.String({ description: 'e.g. "Console generale"' }),
    titleEn: Nullable(Type.String()),
    head: Type.Boolean({
      description: 'The head of the organisation (of a consular post: the head of post)',
    }),
    startsOn: Nullable(DAY),
    endsOn: Nullable({ ...DAY, description: 'null while the role is held' }),
    current: Type.Boolean({ description: 'Held today' }),
    version: Type.Integer(),
  },
  { title: 'PersonRole' },
);
export type PersonRole = Static<typeof PersonRole>;

const FieldVisibility = Type.Object(
  Object.fromEntries(PERSONAL_FIELDS.map((f) => [f, StringEnum(VISIBILITIES)])) as Record<
    (typeof PERSONAL_FIELDS)[number],
    ReturnType<typeof StringEnum<typeof VISIBILITIES>>
  >,
  { description: 'Who sees each personal field; never looser than the person' },
);

export const PersonRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    honorific: Nullable(Type.String()),
    languages: Type.Array(Type.String({ description: 'ISO 639-1' })),
    preferredLanguage: Nullable(Type.String({ description: 'ISO 639-1' })),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    address: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    visibility: StringEnum(VISIBILITIES, { description: 'Who sees the person at all' }),
    fieldVisibility: FieldVisibility,
    withheld: Type.Array(StringEnum(PERSONAL_FIELDS), {
      description: 'The personal fields this reader may not see (null above)',
    }),
    legalBasis: StringEnum(LEGAL_BASES, {
      description: 'GDPR art. 6: public task for office holders, consent for others',
    }),
    consentOn: Nullable(DAY),
    consentText: Nullable(Type.String({ description: 'The text the person consented to' })),
    reviewOn: DAY,
    reviewDue: Type.Boolean({ description: 'The review day has come: confirm the data or erase it' }),
    roles: Type.Array(PersonRole),
    example: Type.Boolean(),
    version: Type.Integer({ description: 'Send it back with the next PATCH' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'PersonRecord' },
);
export type PersonRecord = Static<typeof PersonRecord>;

export const PersonPage = Type.Object(
  {
    items: Type.Array(PersonRecord),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'PersonPage' },
);

const line = (maxLength: number, description?: string) =>
  Type.Optional(
    Nullable(Type.String({ maxLength, pattern: NO_LINE_BREAK, ...(description ? { description } : {}) })),
  );

export const personProps = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: NO_LINE_BREAK, description: 'In any script' }),
  honorific: line(60, 'How to address them: "S.E.", "Dott.ssa"'),
  languages: Type.Optional(
    Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20, description: 'By name or ISO 639-1 code' }),
  ),
  preferredLanguage: line(60, 'By name or ISO 639-1 code'),
  email: line(200),
  phone: line(40),
  address: line(300),
  notes: optionalText(5000),
  visibility: Type.Optional(StringEnum(VISIBILITIES, { description: 'staff by default' })),
  fieldVisibility: Type.Optional(
    Type.Partial(FieldVisibility, {
      additionalProperties: false,
      description: 'Leave a field out for its default',
    }),
  ),
  legalBasis: StringEnum(LEGAL_BASES),
  consentOn: line(10, 'YYYY-MM-DD; required with consent'),
  consentText: optionalText(5000, 'The text consented to; required with consent'),
  reviewOn: line(10, `YYYY-MM-DD; 24 months from today unless told`),
} satisfies TProperties;

export const PersonInput = Type.Object(personProps, { ...closed, title: 'PersonInput' });
export const PersonChanges = changesOf(personProps, 'PersonChanges');

export const roleProps = {
  organisationId: Type.String({ format: 'uuid', description: 'One of the institution’s organisations' }),
  titleIt: Type.String({ minLength: 1, maxLength: 200, pattern: NO_LINE_BREAK }),
  titleEn: line(200),
  head: Type.Optional(Type.Boolean({ description: 'false by default' })),
  startsOn: line(10, 'YYYY-MM-DD'),
  endsOn: line(10, 'YYYY-MM-DD; empty while the role is held'),
} satisfies TProperties;

export const PersonRoleInput = Type.Object(roleProps, { ...closed, title: 'PersonRoleInput' });
export const PersonRoleChanges = changesOf(roleProps, 'PersonRoleChanges');

/** All a person's data, for a request of access or portability (GDPR art. 15 and 20). */
export const PersonLink = Type.Object(
  {
    linkId: Type.String({ format: 'uuid' }),
    kind: StringEnum(LINK_KINDS),
    id: Type.String({ format: 'uuid', description: 'The record linked (an agreement, visit, ... id)' }),
    labelIt: Type.String(),
    labelEn: Type.String(),
    day: Nullable(Type.String({ format: 'date', description: 'Its signing or starting day' })),
    roleIt: Nullable(Type.String()),
    roleEn: Nullable(Type.String()),
  },
  { title: 'PersonLink', additionalProperties: false },
);
export const PersonExport = Type.Object(
  {
    exportedAt: Type.String({ format: 'date-time' }),
    institution: Type.String(),
    person: PersonRecord,
    links: Type.Array(PersonLink, { description: 'What the person took part in' }),
    history: Type.Array(
      Type.Object({
        at: Type.String(),
        actor: Type.String(),
        action: Type.String(),
        changed: Type.Array(Type.String()),
      }),
      {
        description:
          'When and by whom the record was written; the log keeps which fields changed, not values',
      },
    ),
  },
  { title: 'PersonExport' },
);
