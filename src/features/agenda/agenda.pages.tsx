// The agenda's pages: the calendar at /admin/{it,en}/agenda (?month=YYYY-MM, or ?week=YYYY-MM-DD for the week
// that holds the day), the person's private feed created, replaced or revoked there, and the private feed
// itself at /feeds/agenda/<secret>.ics, read by calendar applications without a session.
import type { FastifyReply } from 'fastify';
import type { Services } from '../../deps.ts';
import { todayIso } from '../../platform/dates.ts';
import type { App, Site } from '../../platform/http/types.ts';
import { type Ctx, type LangRequest, READ, recordPages } from '../admin/admin.forms.tsx';
import { type Form, field } from '../admin/admin.kit.tsx';
import { monthGrid, weekOf } from './agenda.service.ts';
import { agendaStrings } from './agenda.strings.ts';
import { type CalendarData, CalendarView } from './views/calendar.tsx';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};
const shiftDay = (day: string, by: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
};
const realDay = (day: string) =>
  DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && shiftDay(day, 0) === day;

/** The period asked for: a month (the default: this one) or the week of a day. */
function periodOf(query: Form, today: string) {
  const week = field(query, 'week');
  if (realDay(week) && week >= '1900-01-01' && week <= '2999-12-31') {
    const days = weekOf(week);
    return {
      mode: 'week' as const,
      anchor: days[0]!,
      days,
      previous: shiftDay(days[0]!, -7),
      next: shiftDay(days[0]!, 7),
    };
  }
  const asked = field(query, 'month');
  const month = MONTH.test(asked) && asked >= '1900-01' && asked <= '2999-12' ? asked : today.slice(0, 7);
  return {
    mode: 'month' as const,
    anchor: month,
    days: monthGrid(month).days,
    previous: shiftMonth(month, -1),
    next: shiftMonth(month, 1),
  };
}

export function agendaPages(services: Services, site: Site) {
  const agenda = services.agenda;
  const pages = recordPages();
  const publicFeed = (slug: string, lang: string) =>
    `${site.publicUrl}/api/v1/agenda.ics?institution=${slug}&lang=${lang}`;
  const privateFeed = (token: string, lang: string) =>
    `${site.publicUrl}/feeds/agenda/${token}.ics?lang=${lang}`;

  const calendar = async (c: Ctx, query: Form, issued?: string) => {
    const today = todayIso();
    const period = periodOf(query, today);
    const entries = await agenda.entries(c.actor, period.days[0]!, period.days.at(-1)!);
    const data: CalendarData = { ...period, entries, today };
    return {
      title: agendaStrings(c.lang).title,
      body: (
        <CalendarView
          lang={c.lang}
          session={c.session}
          data={data}
          canWrite={services.visitsAdmin.canWrite(c.actor)}
          feeds={{
            publicUrl: publicFeed(c.actor.institutionSlug, c.lang),
            private: await agenda.feedOf(c.actor),
            issued: issued ? privateFeed(issued, c.lang) : undefined,
          }}
        />
      ),
    };
  };

  return async function routes(app: App) {
    app.get('/admin/:lang/agenda', READ, async (request: LangRequest, reply: FastifyReply) => {
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      return pages.readPage(reply, c, 'agenda', `/admin/${c.lang}/`, () => calendar(c, request.query ?? {}));
    });

    // Any role reads the agenda, so any role may have its own feed (a POST, so the CSRF token is checked).
    app.post('/admin/:lang/agenda/feed', READ, async (request: LangRequest, reply: FastifyReply) => {
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      const token = await agenda.issueFeed(c.actor);
      return pages.show(reply, c, 'agenda', await calendar(c, {}, token), {
        notice: { kind: 'success', text: agendaStrings(c.lang).feedCreated },
      });
    });

    app.post('/admin/:lang/agenda/feed/revoke', READ, async (request: LangRequest, reply: FastifyReply) => {
      const c = await pages.enter(request, reply);
      if (!c) return reply;
      await agenda.revokeFeed(c.actor);
      return pages.show(reply, c, 'agenda', await calendar(c, {}), {
        notice: { kind: 'success', text: agendaStrings(c.lang).feedRevoked },
      });
    });

    app.get('/feeds/agenda/:file', { schema: { hide: true } }, async (request, reply) => {
      const { file } = request.params as { file: string };
      const lang = field(request.query as Form, 'lang') === 'en' ? 'en' : 'it';
      const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
      const body = await agenda.privateFeed(
        token,
        lang,
        (e) => `${site.publicUrl}/admin/${lang}/${e.kind}s/${e.id}`,
      );
      if (body === undefined) return reply.callNotFound();
      return reply
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .type('text/calendar; charset=utf-8')
        .send(body);
    });
  };
}
