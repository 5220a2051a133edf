// The briefing pack's addresses: /admin/{lang}/{visits|missions|meetings}/:id/briefing.pdf for the staff's
// browsers (the record page links it) and GET /api/v1/{visits|missions|meetings}/{id}/briefing.pdf for a token.
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { Services } from '../../deps.ts';
import { todayIso } from '../../platform/dates.ts';
import { API_SECURITY, ERRORS, IdParams } from '../../platform/http/record-writes.ts';
import { StringEnum } from '../../platform/http/schema-helpers.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import { actorOf } from '../accounts/accounts.http.ts';
import { type IdRequest, READ, recordPages } from '../admin/admin.forms.tsx';
import { UUID } from '../admin/admin.kit.tsx';
import { briefingPdf } from './briefing.pdf.ts';
import type { BriefingKind } from './briefing.service.ts';

const BASES: Record<BriefingKind, string> = { visit: 'visits', mission: 'missions', meeting: 'meetings' };
const NAMES: Record<BriefingKind, string> = { visit: 'Visit', mission: 'Mission', meeting: 'Meeting' };

async function send(
  reply: FastifyReply,
  services: Services,
  actor: Parameters<Services['briefing']['pack']>[0],
  kind: BriefingKind,
  id: string,
  lang: Lang,
) {
  const data = await services.briefing.pack(actor, kind, id);
  const pdf = await briefingPdf(data, lang, todayIso());
  return reply
    .type('application/pdf')
    .header(
      'content-disposition',
      `attachment; filename="${lang === 'it' ? 'dossier' : 'briefing'}-${BASES[kind]}-${id.slice(0, 8)}.pdf"`,
    )
    .header('cache-control', 'private, no-store')
    .send(pdf);
}

export function briefingApi(services: Services) {
  return async (app: App) => {
    for (const [kind, base] of Object.entries(BASES) as [BriefingKind, string][]) {
      app.get(
        `/${base}/:id/briefing.pdf`,
        {
          config: { access: 'viewer' },
          schema: {
            tags: [base],
            operationId: `get${NAMES[kind]}Briefing`,
            summary: `The briefing pack of a ${kind}, as a PDF`,
            description:
              'For the mayor: the record and its programme, the partner with a map, every agreement with it and ' +
              'its status history, what came before and its outcome, the follow-ups still open, the networks ' +
              'concerned. Internal: it holds non-public data.',
            security: API_SECURITY,
            params: IdParams,
            querystring: Type.Object({ lang: Type.Optional(StringEnum(['it', 'en'] as const)) }),
            produces: ['application/pdf'],
            response: { 200: Type.String({ description: 'application/pdf' }), ...ERRORS },
          },
        },
        (request, reply) =>
          send(reply, services, actorOf(request), kind, request.params.id, request.query.lang ?? 'it'),
      );
    }
  };
}

export function briefingPages(services: Services) {
  const pages = recordPages();
  return async (app: App) => {
    for (const [kind, base] of Object.entries(BASES) as [BriefingKind, string][]) {
      app.get(`/admin/:lang/${base}/:id/briefing.pdf`, READ, async (request: IdRequest, reply) => {
        if (!UUID.test(request.params.id)) return reply.callNotFound();
        const c = await pages.enter(request, reply);
        if (!c) return reply;
        try {
          return await send(reply, services, c.actor, kind, request.params.id, c.lang);
        } catch (err) {
          return pages.refusal(reply, c, `${base}/${request.params.id}`, `/admin/${c.lang}/${base}`, err);
        }
      });
    }
  };
}
