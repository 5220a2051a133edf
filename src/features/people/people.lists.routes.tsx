// Distribution lists' addresses: GET /api/v1/distribution-list (JSON, CSV or vCard) for a token, and the
// back-office page /admin/{lang}/people/lists with its downloads. What the caller may not see is left out.
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { Services } from '../../deps.ts';
import { API_SECURITY, ERRORS } from '../../platform/http/record-writes.ts';
import { StringEnum } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { type LangRequest, READ, recordPages, typed } from '../admin/admin.forms.tsx';
import { ORGANISATION_KINDS } from '../organisations/organisations.service.ts';
import { type ListCriteria, type ListEntry, listCsv, listVcards } from './people.lists.ts';
import { ListsView } from './views/lists.tsx';

const Criteria = {
  kind: Type.Optional(StringEnum(ORGANISATION_KINDS)),
  country: Type.Optional(
    Type.String({ maxLength: 100, description: "The organisation's country (name or code)" }),
  ),
  community: Type.Optional(
    Type.String({ maxLength: 100, description: "A community's country (name or code)" }),
  ),
  language: Type.Optional(Type.String({ maxLength: 60, description: 'A language spoken (name or code)' })),
  role: Type.Optional(
    Type.String({ maxLength: 100, description: 'Words of a current role\'s title: "console"' }),
  ),
};

function send(reply: FastifyReply, entries: ListEntry[], format: 'csv' | 'vcf') {
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/vcard; charset=utf-8')
    .header('content-disposition', `attachment; filename="distribution-list.${format}"`)
    .header('cache-control', 'private, no-store')
    .send(format === 'csv' ? listCsv(entries) : listVcards(entries));
}

export function listsApi(services: Services) {
  return async (app: App) => {
    app.get(
      '/distribution-list',
      {
        config: { access: 'viewer' },
        schema: {
          tags: ['people'],
          operationId: 'getDistributionList',
          summary:
            'A distribution list: organisations and the people in them, picked by kind, country, community, language or role',
          description:
            'E.g. `kind=consular_post` for the whole consular corps, or `kind=association&community=CN`. `format` csv ' +
            'or vcf downloads it. A person or field above the caller’s role is left out.',
          security: API_SECURITY,
          querystring: Type.Object({
            ...Criteria,
            format: Type.Optional(StringEnum(['json', 'csv', 'vcf'] as const)),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  organisation: Type.Object(
                    { id: Type.String(), nameIt: Type.String(), kind: Type.String() },
                    { additionalProperties: true },
                  ),
                  people: Type.Array(
                    Type.Object({
                      name: Type.String(),
                      title: Type.String(),
                      email: Type.Union([Type.String(), Type.Null()]),
                      phone: Type.Union([Type.String(), Type.Null()]),
                    }),
                  ),
                }),
              ),
            }),
            ...ERRORS,
          },
        },
      },
      async (request, reply) => {
        const { format = 'json', ...criteria } = request.query;
        const entries = await services.distributionLists.list(actorOf(request), criteria);
        if (format !== 'json') return send(reply, entries, format);
        return {
          items: entries.map((e) => ({
            organisation: e.organisation,
            people: e.people.map(({ person, title }) => ({
              name: person.name,
              title,
              email: person.email,
              phone: person.phone,
            })),
          })),
        };
      },
    );
  };
}

export function listsPages(services: Services) {
  const pages = recordPages();
  const criteriaOf = (q: Record<string, unknown> | undefined): ListCriteria => {
    const kind = typed(q as never, 'kind', 40);
    return {
      kind: (ORGANISATION_KINDS as readonly string[]).includes(kind) ? kind : '',
      country: typed(q as never, 'country', 100),
      community: typed(q as never, 'community', 100),
      language: typed(q as never, 'language', 60),
      role: typed(q as never, 'role', 100),
    };
  };
  return async (app: App) => {
    app.get('/admin/:lang/people/lists', READ, async (request: LangRequest, reply) => {
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      const criteria = criteriaOf(request.query);
      try {
        const entries = await services.distributionLists.list(c.actor, criteria);
        return pages.show(reply, c, 'people/lists', {
          title: c.lang === 'it' ? 'Liste di distribuzione' : 'Distribution lists',
          body: <ListsView lang={c.lang} criteria={criteria} entries={entries} />,
        });
      } catch (err) {
        return pages.refusal(reply, c, 'people/lists', `/admin/${c.lang}/people`, err);
      }
    });
    for (const format of ['csv', 'vcf'] as const) {
      app.get(`/admin/:lang/people/lists.${format}`, READ, async (request: LangRequest, reply) => {
        const c = await pages.enter(request, reply);
        if (!c) return reply;
        try {
          return send(
            reply,
            await services.distributionLists.list(c.actor, criteriaOf(request.query)),
            format,
          );
        } catch (err) {
          return pages.refusal(reply, c, 'people/lists', `/admin/${c.lang}/people`, err);
        }
      });
    }
  };
}
