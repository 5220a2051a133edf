import { type Static, Type } from '@sinclair/typebox';
import { Nullable, WebUrl } from '../../platform/http/schema-helpers.ts';
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
    website: Nullable(Type.String()),
    accessibilityUrl: Nullable(Type.String({ description: 'The AgID accessibility statement' })),
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
