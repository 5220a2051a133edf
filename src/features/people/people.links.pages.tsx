// A person's links from the back-office: POST /admin/{lang}/people/:id/links adds one ("record" is
// "kind:id" from the page's choice), POST .../links/:linkId/delete removes one. A refused link shows the
// person's page again with the reason beside the choice.
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../deps.ts';
import { isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { type Ctx, type Rendered, type recordPages, WRITE_PAGE } from '../admin/admin.forms.tsx';
import { type Form, field, UUID } from '../admin/admin.kit.tsx';

type LinkRequest = FastifyRequest<{
  Params: { lang: string; id: string; linkId?: string };
  Body: Form;
}>;

const WORDS = {
  it: {
    unknown: 'Scegli un accordo, una visita, una missione, un incontro o una rete dell’elenco.',
    linked: 'La persona è già collegata a questo.',
    role: 'Il ruolo è lungo al massimo 200 caratteri.',
  },
  en: {
    unknown: 'Choose an agreement, a visit, a mission, a meeting or a network from the list.',
    linked: 'The person is already linked to this.',
    role: 'The role is at most 200 characters long.',
  },
};

export function linkRoutes(
  app: App,
  services: Services,
  pages: ReturnType<typeof recordPages>,
  personRender: (c: Ctx, id: string, linkError?: string) => Promise<Rendered>,
) {
  const links = services.personLinks;
  const back = (c: Ctx, id: string) => `/admin/${c.lang}/people/${id}`;

  app.post('/admin/:lang/people/:id/links', WRITE_PAGE, async (request: LinkRequest, reply) => {
    const id = request.params.id;
    if (!UUID.test(id)) return reply.callNotFound();
    const c = await pages.enter(request, reply);
    if (!c) return reply;
    const [kind = '', recordId = ''] = field(request.body, 'record', 100).split(':');
    try {
      await links.add(c.actor, id, { kind, recordId, roleIt: field(request.body, 'role', 200) });
      return reply.redirect(`${back(c, id)}?saved=1#links-title`, 303);
    } catch (err) {
      if (isAppError(err) && (err.field === 'recordId' || err.field === 'kind' || err.field === 'roleIt')) {
        const w = WORDS[c.lang];
        const text = err.code === 'conflict' ? w.linked : err.field === 'roleIt' ? w.role : w.unknown;
        try {
          return pages.show(reply, c, `people/${id}`, await personRender(c, id, text), { status: 400 });
        } catch (again) {
          return pages.refusal(reply, c, `people/${id}`, `/admin/${c.lang}/people`, again);
        }
      }
      return pages.refusal(reply, c, `people/${id}`, `/admin/${c.lang}/people`, err);
    }
  });

  app.post(
    '/admin/:lang/people/:id/links/:linkId/delete',
    WRITE_PAGE,
    async (request: LinkRequest, reply) => {
      const { id, linkId = '' } = request.params;
      if (!UUID.test(id) || !UUID.test(linkId)) return reply.callNotFound();
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      try {
        await links.remove(c.actor, id, linkId);
        return reply.redirect(`${back(c, id)}?saved=1#links-title`, 303);
      } catch (err) {
        return pages.refusal(reply, c, `people/${id}`, `/admin/${c.lang}/people`, err);
      }
    },
  );
}
