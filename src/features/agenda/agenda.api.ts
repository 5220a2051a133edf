// The agenda's JSON and calendar routes under /api/v1: the public feed of an institution (iCalendar, published
// entries only, no internal field), and, for the staff, the entries of a period.
import { Type } from '@sinclair/typebox';
import type { Services } from '../../deps.ts';
import { AppError } from '../../platform/errors.ts';
import { ConditionalHeaders, PUBLIC } from '../../platform/http/public-cache.ts';
import { API_SECURITY, ERRORS } from '../../platform/http/record-writes.ts';
import { ErrorResponse, Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';

const AgendaEntry = Type.Object(
  {
    kind: StringEnum(['visit', 'mission', 'meeting', 'event'] as const),
    id: Type.String({ format: 'uuid' }),
    titleIt: Type.String(),
    titleEn: Nullable(Type.String()),
    status: StringEnum(['proposed', 'confirmed', 'held', 'cancelled'] as const),
    startsOn: Type.String({ format: 'date' }),
    startsAt: Nullable(Type.String({ description: 'HH:MM, Europe/Rome' })),
    endsOn: Type.String({ format: 'date' }),
    endsAt: Nullable(Type.String()),
    published: Type.Boolean(),
    example: Type.Boolean(),
  },
  { title: 'AgendaEntry' },
);

const DAY = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export function agendaApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/agenda.ics',
      {
        config: PUBLIC,
        schema: {
          tags: ['agenda'],
          operationId: 'getPublicAgendaFeed',
          security: [],
          summary: "An institution's public agenda as an iCalendar feed",
          description:
            'RFC 5545, for calendar applications to subscribe to: the published visits, missions and meetings ' +
            'of the past year and the future, without internal fields; times in Europe/Rome. Each event keeps ' +
            'its UID across edits and its SEQUENCE rises; a cancelled one stays with STATUS:CANCELLED.',
          querystring: Type.Object({
            institution: Type.String({ maxLength: 60, description: 'e.g. milano' }),
            lang: Type.Optional(StringEnum(['it', 'en'] as const, { description: 'Italian by default' })),
          }),
          headers: ConditionalHeaders,
          produces: ['text/calendar'],
          response: {
            200: Type.String({ description: 'text/calendar' }),
            304: Type.Null({ description: 'Not modified' }),
            400: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const body = await services.agenda.publicFeed(request.query.institution, request.query.lang ?? 'it');
        return reply.type('text/calendar; charset=utf-8').send(body);
      },
    );

    app.get(
      '/agenda',
      {
        config: { access: 'viewer' },
        schema: {
          tags: ['agenda'],
          operationId: 'listAgendaEntries',
          summary: 'Visits, missions and meetings that take place in a period',
          description: 'At most 400 days at a time. Needs a token or a session of the institution.',
          security: API_SECURITY,
          querystring: Type.Object({ from: DAY, to: DAY }),
          response: { 200: Type.Object({ items: Type.Array(AgendaEntry) }), ...ERRORS },
        },
      },
      async (request) => {
        const { from, to } = request.query;
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
        if (!(days >= 0 && days <= 400))
          throw AppError.invalid('to', 'to comes on or after from, at most 400 days later');
        const rows = await services.agenda.entries(actorOf(request), from, to);
        return {
          items: rows.map((e) => ({
            kind: e.kind,
            id: e.id,
            titleIt: e.title_it,
            titleEn: e.title_en,
            status: e.status,
            startsOn: e.starts_on,
            startsAt: e.starts_at,
            endsOn: e.ends_on,
            endsAt: e.ends_at,
            published: e.published,
            example: e.example,
          })),
        };
      },
    );
  };
}
