import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ConditionalHeaders, cachedResponses, PUBLIC } from '../../platform/http/public-cache.ts';
import { ErrorResponse, Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';

const Counterpart = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: StringEnum(['city', 'organisation'] as const),
    nameIt: Type.String(),
    nameEn: Type.String(),
    country: Nullable(
      Type.Object({
        code: Type.String(),
        nameIt: Type.String(),
        nameEn: Type.String(),
        continent: Type.String(),
      }),
    ),
    place: Nullable(
      Type.Object({
        geonamesId: Type.Integer(),
        name: Type.String(),
        lat: Type.Number(),
        lon: Type.Number(),
        population: Type.Integer(),
      }),
    ),
    agreements: Type.Integer({ description: 'Published agreements with this counterpart' }),
  },
  { title: 'Counterpart' },
);

export function counterpartsApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/counterparts',
      {
        config: PUBLIC,
        schema: {
          tags: ['counterparts'],
          summary: "An institution's partner cities and organisations",
          querystring: Type.Object({
            institution: Type.String({ maxLength: 60, description: 'e.g. milano' }),
          }),
          headers: ConditionalHeaders,
          response: {
            ...cachedResponses(Type.Object({ items: Type.Array(Counterpart) })),
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (req) => ({ items: await services.counterparts.listPublic(req.query.institution) }),
    );
  };
}
