// Merging duplicates from the back-office: /admin/{lang}/people/duplicates lists the likely pairs
// (people.duplicates.ts); POST /admin/{lang}/organisations/:id/merge and /people/:id/merge merge the record
// named `from` into the one at the address, as the API's merges do, once the confirmation box is ticked.
import type { FastifyReply } from 'fastify';
import type { Services } from '../../deps.ts';
import type { App } from '../../platform/http/types.ts';
import {
  type Ctx,
  type IdRequest,
  type LangRequest,
  READ,
  recordPages,
  WRITE_PAGE,
} from '../admin/admin.forms.tsx';
import { type Form, field, UUID } from '../admin/admin.kit.tsx';
import { DuplicatesView, duplicatesWords } from './views/duplicates.tsx';

const PATH = 'people/duplicates';

export function mergePages(services: Services) {
  const pages = recordPages();
  const admin = services.peopleAdmin;
  const list = async (reply: FastifyReply, c: Ctx, opts: { status?: number; unconfirmed?: boolean } = {}) =>
    pages.show(
      reply,
      c,
      PATH,
      {
        title: duplicatesWords(c.lang).title,
        body: (
          <DuplicatesView
            lang={c.lang}
            session={c.session}
            canWrite={admin.canWrite(c.actor)}
            found={await services.duplicates.find(c.actor)}
          />
        ),
      },
      {
        status: opts.status ?? 200,
        ...(opts.unconfirmed
          ? { notice: { kind: 'danger' as const, text: duplicatesWords(c.lang).unconfirmed } }
          : {}),
      },
    );

  return async function routes(app: App) {
    app.get(`/admin/:lang/${PATH}`, READ, async (request: LangRequest, reply) => {
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      try {
        return await list(reply, c);
      } catch (err) {
        return pages.refusal(reply, c, PATH, `/admin/${c.lang}/people`, err);
      }
    });

    for (const base of ['organisations', 'people'] as const) {
      app.post(`/admin/:lang/${base}/:id/merge`, WRITE_PAGE, async (request: IdRequest, reply) => {
        const keep = request.params.id;
        if (!UUID.test(keep)) return reply.callNotFound();
        const c = await pages.enter(request, reply);
        if (!c) return reply;
        const body = request.body as Form | undefined;
        try {
          if (field(body, 'confirm') !== 'yes')
            return await list(reply, c, { status: 400, unconfirmed: true });
          const from = field(body, 'from', 40);
          if (base === 'organisations') await admin.mergeOrganisations(c.actor, keep, from);
          else await admin.mergePeople(c.actor, keep, from);
          return reply.redirect(`/admin/${c.lang}/${base}/${keep}?saved=1`, 303);
        } catch (err) {
          return pages.refusal(reply, c, PATH, `/admin/${c.lang}/${PATH}`, err);
        }
      });
    }
  };
}
