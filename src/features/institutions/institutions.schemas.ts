import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, NO_LINE_BREAK, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, WebUrl } from '../../platform/http/schema-helpers.ts';
import { Source } from '../agreements/agreements.schemas.ts';
import { Unit } from '../units/units.schemas.ts';

export const Institution = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slug: Type.String(),
    kind: Type.String({ description: 'comune, citta_metropolitana, regione...' }),
    nameIt: Type.String(),
    nameEn: Type.String(),
    officeNameIt: Nullable(Type.String()),
    officeNameEn: Nullable(Type.String()),
    descriptionIt: Nullable(Type.String()),
    descriptionEn: Nullable(Type.String()),
    homePlace: Nullable(
      Type.Object({
        geonamesId: Type.Integer(),
        name: Type.String(),
        lat: Type.Number(),
        lon: Type.Number(),
      }),
    ),
    address: Nullable(Type.String()),
    taxCode: Nullable(Type.String()),
    vatNumber: Nullable(Type.String()),
    pec: Nullable(Type.String()),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    website: Nullable(Type.String()),
    accessibilityUrl: Nullable(Type.String({ description: 'The AgID accessibility statement' })),
    privacyTextIt: Nullable(Type.String({ description: "The portal's privacy notice, in Italian" })),
    privacyTextEn: Nullable(Type.String({ description: "The portal's privacy notice, in English" })),
    sources: Type.Array(Source, { description: "Where the institution's contacts and texts come from" }),
    languages: Type.Array(Type.String()),
    version: Type.Integer(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Institution' },
);
export type Institution = Static<typeof Institution>;

export const InstitutionDetail = Type.Composite([Institution, Type.Object({ units: Type.Array(Unit) })], {
  title: 'InstitutionDetail',
});
export type InstitutionDetail = Static<typeof InstitutionDetail>;

export const InstitutionInput = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }),
  kind: Type.String({ minLength: 1, maxLength: 40 }),
  nameIt: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  officeNameIt: Type.Optional(Type.String({ maxLength: 200 })),
  officeNameEn: Type.Optional(Type.String({ maxLength: 200 })),
  descriptionIt: Type.Optional(Type.String({ maxLength: 10000 })),
  descriptionEn: Type.Optional(Type.String({ maxLength: 10000 })),
  homePlaceId: Type.Optional(Type.Integer()),
  address: Type.Optional(Type.String({ maxLength: 300 })),
  taxCode: Type.Optional(Type.String({ maxLength: 30 })),
  vatNumber: Type.Optional(Type.String({ maxLength: 30 })),
  pec: Type.Optional(Type.String({ maxLength: 200 })),
  website: Type.Optional(WebUrl({ maxLength: 300 })),
  accessibilityUrl: Type.Optional(WebUrl({ maxLength: 300 })),
  oneTwinningPerCountry: Type.Optional(
    Type.Boolean({ description: 'One twinning per country: a second one there asks for confirmation' }),
  ),
});
export type InstitutionInput = Static<typeof InstitutionInput>;

const oneLine = (maxLength: number, description: string) =>
  Type.Optional(Nullable(Type.String({ maxLength, pattern: NO_LINE_BREAK, description })));
const webAddress = () => Type.Optional(Nullable(WebUrl({ maxLength: 300, emptyClears: true })));

/** What an admin of the institution sets in the back-office: contacts, legal texts and their sources. */
export const settingsProps = {
  address: oneLine(300, 'Postal address, on one line'),
  taxCode: oneLine(30, 'Codice fiscale'),
  vatNumber: oneLine(30, 'Partita IVA'),
  pec: oneLine(200, 'Certified e-mail (PEC); 400 naming the field if it is not an e-mail address'),
  email: oneLine(200, 'Contact e-mail; 400 naming the field if it is not one'),
  phone: oneLine(40, 'Telephone: digits, spaces and an optional leading +'),
  website: webAddress(),
  /** Its accessibility statement (form.agid.gov.it); the portal's footer links it. */
  accessibilityUrl: webAddress(),
  privacyTextIt: optionalText(20000, "The portal's privacy notice in Italian; paragraphs by blank lines"),
  privacyTextEn: optionalText(20000, 'The same in English'),
  sources: Type.Array(Source, { maxItems: 50, description: 'Replaces the list; http(s) addresses only' }),
} satisfies TProperties;

export const InstitutionSettingsChanges = changesOf(settingsProps, 'InstitutionSettingsChanges');
export type InstitutionSettingsChanges = Static<typeof InstitutionSettingsChanges>;
