// Organisations as the API shows and takes them: the back-office record, a page of them, and the bodies of the
// write routes.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, NO_LINE_BREAK, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { ORGANISATION_KINDS, POST_KINDS } from './organisations.rules.ts';
import { organisationsStrings } from './organisations.strings.ts';

const Country = Type.Object({ code: Type.String(), nameIt: Type.String(), nameEn: Type.String() });

export const OrganisationRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: StringEnum(ORGANISATION_KINDS),
    postKind: Nullable(
      StringEnum(POST_KINDS, { description: "A consular post's kind; null for other kinds" }),
    ),
    nameIt: Type.String(),
    nameEn: Nullable(Type.String()),
    country: Nullable({ ...Country, description: 'The country a consular post represents, or its own' }),
    communities: Type.Array(Country, { description: 'The communities an association gathers, by country' }),
    languages: Type.Array(Type.String({ description: 'ISO 639-1' })),
    district: Type.Array(Type.String(), { description: "A consular post's district: the regions it serves" }),
    address: Nullable(Type.String()),
    city: Nullable(Type.String()),
    point: Nullable(
      Type.Object(
        { latitude: Type.Number(), longitude: Type.Number() },
        { description: 'Where it is on the map (WGS 84)' },
      ),
    ),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    website: Nullable(Type.String({ format: 'uri' })),
    openingHoursIt: Nullable(Type.String()),
    openingHoursEn: Nullable(Type.String()),
    activitiesIt: Nullable(Type.String()),
    activitiesEn: Nullable(Type.String()),
    registerNumber: Nullable(
      Type.String({ description: "Its number in the council's register of associations" }),
    ),
    notes: Nullable(Type.String({ description: 'Internal' })),
    published: Type.Boolean({ description: "On the portal's directories" }),
    example: Type.Boolean(),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'OrganisationRecord' },
);
export type OrganisationRecord = Static<typeof OrganisationRecord>;

/** An organisation as the portal and open data show it: no notes, nothing of the back-office. */
export type PublicOrganisation = Omit<OrganisationRecord, 'notes' | 'example' | 'version' | 'createdAt'>;

export const OrganisationPage = Type.Object(
  {
    items: Type.Array(OrganisationRecord),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'OrganisationPage' },
);

const line = (maxLength: number, description?: string) =>
  Type.Optional(
    Nullable(Type.String({ maxLength, pattern: NO_LINE_BREAK, ...(description ? { description } : {}) })),
  );
const words = (description: string) =>
  Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 40, description }));

export const organisationProps = {
  kind: StringEnum(ORGANISATION_KINDS),
  postKind: Type.Optional(
    Nullable(
      StringEnum(POST_KINDS, { description: 'Required for a consular post, refused for other kinds' }),
    ),
  ),
  nameIt: Type.String({ minLength: 1, maxLength: 200, pattern: NO_LINE_BREAK }),
  nameEn: line(200),
  country: line(100, 'The country, by its name in Italian or English or its ISO code ("Cina", "CN")'),
  communities: words('Countries of the communities an association gathers, by name or code'),
  languages: words('Languages by name or ISO 639-1 code ("cinese", "zh")'),
  district: words('Italian regions a consular post serves ("Lombardia", "Piemonte")'),
  address: line(300),
  city: line(100),
  point: Type.Optional(
    Nullable(
      Type.Object(
        {
          latitude: Type.Number({ minimum: -90, maximum: 90 }),
          longitude: Type.Number({ minimum: -180, maximum: 180 }),
        },
        { additionalProperties: false, description: 'Where it is on the map (WGS 84)' },
      ),
    ),
  ),
  phone: line(40, 'Digits, spaces and an optional leading +'),
  email: line(200),
  website: line(500, 'http(s) only'),
  openingHoursIt: optionalText(1000),
  openingHoursEn: optionalText(1000),
  activitiesIt: optionalText(5000),
  activitiesEn: optionalText(5000),
  registerNumber: line(60, "Its number in the council's register of associations"),
  notes: optionalText(5000, 'Internal; never published'),
  published: Type.Optional(
    Type.Boolean({
      description: 'false by default; an association is published only with its agreement; an example never',
    }),
  ),
} satisfies TProperties;

export const OrganisationInput = Type.Object(organisationProps, { ...closed, title: 'OrganisationInput' });
export const OrganisationChanges = changesOf(organisationProps, 'OrganisationChanges');

/** The words of the kinds, for the pages of other features (the audit history names them). */
export const ORGANISATION_WORDS = {
  it: { kinds: organisationsStrings('it').kinds, postKinds: organisationsStrings('it').postKinds },
  en: { kinds: organisationsStrings('en').kinds, postKinds: organisationsStrings('en').postKinds },
} as {
  it: { kinds: Record<string, string>; postKinds: Record<string, string> };
  en: { kinds: Record<string, string>; postKinds: Record<string, string> };
};
