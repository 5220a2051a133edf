import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ConditionalHeaders, cachedResponses, PUBLIC } from '../../platform/http/public-cache.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { Agreement, AgreementListQuery, AgreementPage } from './agreements.schemas.ts';

export function agreementsApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/agreements',
      {
        config: PUBLIC,
        schema: {
          tags: ['agreements'],
          operationId: 'listAgreements',
          security: [],
          summary: 'Published agreements, filtered and paged',
          description:
            'Twinnings, pacts and collaboration agreements. Pages are keyset-based: pass nextCursor back as cursor.',
          querystring: AgreementListQuery,
          headers: ConditionalHeaders,
          response: { ...cachedResponses(AgreementPage), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => services.agreements.list(req.query),
    );

    app.get(
      '/agreements/:id',
      {
        config: PUBLIC,
        schema: {
          tags: ['agreements'],
          operationId: 'getAgreement',
          security: [],
          summary: 'One agreement with its status history, sources and dates as the sources give them',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          headers: ConditionalHeaders,
          response: { ...cachedResponses(Agreement), 404: ErrorResponse },
        },
      },
      async (req) => services.agreements.get(req.params.id),
    );
  };
}
