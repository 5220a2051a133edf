import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ErrorResponse, PG_INTEGER_MAX } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { LookupResult, PlaceView } from './places.schemas.ts';

export function placesApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/places',
      {
        schema: {
          tags: ['places'],
          operationId: 'searchPlaces',
          security: [],
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
          operationId: 'getPlace',
          security: [],
          summary: 'One place of the gazetteer',
          params: Type.Object({ geonamesId: Type.Integer({ minimum: 1, maximum: PG_INTEGER_MAX }) }),
          response: { 200: PlaceView, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => services.places.get(req.params.geonamesId),
    );
  };
}
