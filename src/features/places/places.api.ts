import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ErrorResponse, Nullable, PG_INTEGER_MAX, StringEnum } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';

const PlaceView = Type.Object({
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

const Candidate = Type.Composite([
  PlaceView,
  Type.Object({
    matchedName: Type.String({ description: 'The name that matched the query' }),
    match: StringEnum(['exact', 'similar'] as const),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
  }),
]);

const LookupResult = Type.Object(
  {
    query: Type.String(),
    country: Nullable(Type.String()),
    status: StringEnum(['matched', 'ambiguous', 'not_found'] as const, {
      description: 'matched: one clear exact match; ambiguous: a person must choose among the candidates',
    }),
    match: Nullable(Candidate),
    candidates: Type.Array(Candidate),
  },
  { title: 'PlaceLookup' },
);

export function placesApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/places',
      {
        schema: {
          tags: ['places'],
          summary: 'Look up a place by name in any language',
          description:
            'Exact and exonym matches first ("Francoforte" finds Frankfurt am Main), then similar names; ranked by population, each with a confidence.',
          querystring: Type.Object({
            q: Type.String({ minLength: 1, maxLength: 200, description: 'Place name in any language' }),
            country: Type.Optional(Type.String({ maxLength: 100, description: 'ISO code or country name' })),
          }),
          response: { 200: LookupResult, 400: ErrorResponse },
        },
      },
      async (req) => services.places.lookup({ name: req.query.q, country: req.query.country }),
    );

    app.get(
      '/places/:geonamesId',
      {
        schema: {
          tags: ['places'],
          summary: 'One place of the gazetteer',
          params: Type.Object({ geonamesId: Type.Integer({ minimum: 1, maximum: PG_INTEGER_MAX }) }),
          response: { 200: PlaceView, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => services.places.get(req.params.geonamesId),
    );
  };
}
