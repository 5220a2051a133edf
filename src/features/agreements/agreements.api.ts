import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { ErrorResponse } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { Agreement, AgreementListQuery, AgreementPage } from './agreements.schemas.ts';

export function agreementsApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/agreements',
      {
        schema: {
          tags: ['agreements'],
          summary: 'Published agreements, filtered and paged',
          description:
            'Twinnings, pacts and collaboration agreements. Pages are keyset-based: pass nextCursor back as cursor.',
          querystring: AgreementListQuery,
          response: { 200: AgreementPage, 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (req) => services.agreements.list(req.query),
    );

    app.get(
      '/agreements/:id',
      {
        schema: {
          tags: ['agreements'],
          summary: 'One agreement with its status history, sources and dates as the sources give them',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: Agreement, 404: ErrorResponse },
        },
      },
      async (req) => services.agreements.get(req.params.id),
    );
  };
}
