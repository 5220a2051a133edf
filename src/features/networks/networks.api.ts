import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ConditionalHeaders, cachedResponses, PUBLIC } from '../../platform/http/public-cache.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { Network } from './networks.schemas.ts';

export function networksApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/networks',
      {
        config: PUBLIC,
        schema: {
          tags: ['networks'],
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
  };
}
