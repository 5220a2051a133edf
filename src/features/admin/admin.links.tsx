// The back-office routes of a record's links (a person's "took part in", an objective's activities):
// POST /admin/{lang}/<base>/:id/links adds one ("record" is "kind:id" from the page's choice), POST
// .../links/:linkId/delete removes one. A refused link shows the record's page again with the reason beside
// the choice.
import type { FastifyRequest } from 'fastify';
import { isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import { type Ctx, type Rendered, type recordPages, WRITE_PAGE } from './admin.forms.tsx';
import { type Form, field, UUID } from './admin.kit.tsx';

type LinkRequest = FastifyRequest<{
  Params: { lang: string; id: string; linkId?: string };
  Body: Form;
}>;

const WORDS = {
  it: {
    unknown: 'Scegli dall’elenco uno dei documenti o delle attività del tuo ente.',
    linked: 'È già collegato.',
    role: 'Il ruolo è lungo al massimo 200 caratteri.',
  },
  en: {
    unknown: "Choose one of your institution's records or activities from the list.",
    linked: 'It is already linked.',
    role: 'The role is at most 200 characters long.',
  },
};

export const linkRefusalWords = (lang: Lang) => WORDS[lang];

export function recordLinkRoutes(
  app: App,
  pages: ReturnType<typeof recordPages>,
  opts: {
    base: string;
    add: (c: Ctx, id: string, link: { kind: string; recordId: string; role: string }) => Promise<unknown>;
    remove: (c: Ctx, id: string, linkId: string) => Promise<unknown>;
    /** The record's page, with the words of a refused link beside the choice. */
    render: (c: Ctx, id: string, linkError?: string) => Promise<Rendered>;
  },
) {
  const { base } = opts;
  const back = (c: Ctx, id: string) => `/admin/${c.lang}/${base}/${id}`;

  app.post(`/admin/:lang/${base}/:id/links`, WRITE_PAGE, async (request: LinkRequest, reply) => {
    const id = request.params.id;
    if (!UUID.test(id)) return reply.callNotFound();
    const c = await pages.enter(request, reply);
    if (!c) return reply;
    const [kind = '', recordId = ''] = field(request.body, 'record', 100).split(':');
    try {
      await opts.add(c, id, { kind, recordId, role: field(request.body, 'role', 200) });
      return reply.redirect(`${back(c, id)}?saved=1#links-title`, 303);
    } catch (err) {
      if (isAppError(err) && (err.field === 'recordId' || err.field === 'kind' || err.field === 'roleIt')) {
        const w = WORDS[c.lang];
        const text = err.code === 'conflict' ? w.linked : err.field === 'roleIt' ? w.role : w.unknown;
        try {
          return pages.show(reply, c, `${base}/${id}`, await opts.render(c, id, text), { status: 400 });
        } catch (again) {
          return pages.refusal(reply, c, `${base}/${id}`, `/admin/${c.lang}/${base}`, again);
        }
      }
      return pages.refusal(reply, c, `${base}/${id}`, `/admin/${c.lang}/${base}`, err);
    }
  });

  app.post(
    `/admin/:lang/${base}/:id/links/:linkId/delete`,
    WRITE_PAGE,
    async (request: LinkRequest, reply) => {
      const { id, linkId = '' } = request.params;
      if (!UUID.test(id) || !UUID.test(linkId)) return reply.callNotFound();
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      try {
        await opts.remove(c, id, linkId);
        return reply.redirect(`${back(c, id)}?saved=1#links-title`, 303);
      } catch (err) {
        return pages.refusal(reply, c, `${base}/${id}`, `/admin/${c.lang}/${base}`, err);
      }
    },
  );
}
