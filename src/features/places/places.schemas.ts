// The gazetteer's shapes: validation, the OpenAPI document and the service's types from one source.
import { type Static, Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';

export const PlaceView = Type.Object({
  geonamesId: Type.Integer(),
  name: Type.String({ description: 'GeoNames name' }),
  nameIt: Type.String(),
  nameEn: Type.String(),
  country: Type.Object({ code: Type.String(), nameIt: Type.String(), nameEn: Type.String() }),
  continent: Type.String(),
  population: Type.Integer(),
  lat: Type.Number(),
  lon: Type.Number(),
});

export const PlaceCandidate = Type.Composite([
  PlaceView,
  Type.Object({
    matchedName: Type.String({ description: 'The name that matched the query' }),
    match: StringEnum(['exact', 'similar'] as const),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
  }),
]);

export const LookupResult = Type.Object(
  {
    query: Type.String(),
    country: Nullable(Type.String()),
    status: StringEnum(['matched', 'ambiguous', 'not_found'] as const, {
      description: 'matched: one clear exact match; ambiguous: a person must choose among the candidates',
    }),
    match: Nullable(PlaceCandidate),
    candidates: Type.Array(PlaceCandidate),
  },
  { title: 'PlaceLookup' },
);

export type PlaceView = Static<typeof PlaceView>;
export type PlaceCandidate = Static<typeof PlaceCandidate>;
export type LookupResult = Static<typeof LookupResult>;

/** A name in any language, optionally with a country (ISO code or name). */
export interface LookupQuery {
  name: string;
  country?: string | undefined;
}
