import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ConditionalHeaders, cachedResponses, PUBLIC } from '../../platform/http/public-cache.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { Institution, InstitutionDetail } from './institutions.schemas.ts';

export function institutionsApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/institutions',
      {
        config: PUBLIC,
        schema: {
          tags: ['institutions'],
          operationId: 'listInstitutions',
          security: [],
          summary: 'Institutions that keep their international relations in Ponte',
          headers: ConditionalHeaders,
          // An If-None-Match header over its length limit is refused with 400.
          response: {
            ...cachedResponses(Type.Object({ items: Type.Array(Institution) })),
            400: ErrorResponse,
          },
        },
      },
      async () => ({ items: await services.institutions.list() }),
    );

    app.get(
      '/institutions/:slug',
      {
        config: PUBLIC,
        schema: {
          tags: ['institutions'],
          operationId: 'getInstitution',
          security: [],
          summary: 'One institution with its office units',
          params: Type.Object({ slug: Type.String({ maxLength: 60 }) }),
          headers: ConditionalHeaders,
          response: { ...cachedResponses(InstitutionDetail), 404: ErrorResponse },
        },
      },
      async (req) => services.institutions.get(req.params.slug),
    );
  };
}
