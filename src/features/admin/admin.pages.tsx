// The back-office shell's routes under /admin/{it,en}/: the dashboard and the audit log here, the users and
// tokens in their own file. Sign-in, sign-out and the account (institution, password) are the accounts' pages
// (features/accounts/); the record types' pages register themselves (features/record-types.ts). Handlers are thin: read the session, call one
// service, render; the access step has already checked the role and, for a form, its CSRF token.
import multipart from '@fastify/multipart';
import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../platform/csv.ts';
import type { App } from '../../platform/http/types.ts';
import { actorOfSession, sessionOf, workplace } from '../accounts/accounts.http.ts';
import type { DossiersAdmin } from '../dossiers/dossiers.service.ts';
import type { PeopleAdmin } from '../people/people.service.ts';
import { pageNumber } from './admin.forms.tsx';
import { adminKit, langOf } from './admin.kit.tsx';
import { adminStrings } from './admin.strings.ts';
import { tokenRoutes, type UsersPagesDeps, usersRoutes } from './admin.users.pages.tsx';
import { AuditLogView, DashboardView } from './views/dashboard.tsx';
import { FeedbackCommentsView } from './views/feedback.tsx';

/**
 * The dashboard also asks the people's service which personal data are due for review, and the dossiers'
 * which deadlines are near.
 */
export type AdminPagesDeps = UsersPagesDeps & { people: PeopleAdmin; dossiers: DossiersAdmin };

export function adminPages(deps: AdminPagesDeps) {
  return async function routes(app: App) {
    // These routes lived beside the agreements' upload: a multipart body reaches them parsed, not a 415.
    await app.register(multipart);
    app.get('/admin', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/admin/it/'));
    homeRoutes(app, deps);
    usersRoutes(app, deps);
    tokenRoutes(app, deps);
  };
}

/** The dashboard, the page feedback's comments and the institution's audit log, as a page and as CSV. */
function homeRoutes(app: App, deps: AdminPagesDeps) {
  const { admin } = deps;
  const { send } = adminKit();

  app.get<{ Params: { lang: string } }>(
    '/admin/:lang/',
    { schema: { hide: true }, config: { access: 'viewer' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const actor = actorOfSession(session);
      const data = await admin.dashboard(actor);
      const reviews = await deps.people.dueReviews(actor);
      const deadlines = await deps.dossiers.due(actor);
      return send(
        reply,
        lang,
        '',
        adminStrings(lang).dashboard,
        <DashboardView lang={lang} data={data} reviews={reviews} deadlines={deadlines} />,
        {
          session,
        },
      );
    },
  );

  app.get<{ Params: { lang: string } }>(
    '/admin/:lang/audit',
    { schema: { hide: true }, config: { access: 'viewer' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const { rows, names } = await admin.auditLogNamed(actorOfSession(session), 200);
      return send(
        reply,
        lang,
        'audit',
        adminStrings(lang).auditTitle,
        <AuditLogView lang={lang} rows={rows} names={names} />,
        {
          session,
        },
      );
    },
  );

  app.get<{ Params: { lang: string }; Querystring: { page?: string } }>(
    '/admin/:lang/feedback',
    { schema: { hide: true }, config: { access: 'viewer' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const page = pageNumber(String(request.query?.page ?? ''));
      const data = await admin.feedbackComments(actorOfSession(session), page);
      const here = page > 1 ? `feedback?page=${data.page}` : 'feedback';
      return send(
        reply,
        lang,
        here,
        adminStrings(lang).feedback.allTitle,
        <FeedbackCommentsView lang={lang} data={data} />,
        { session },
      );
    },
  );

  app.get<{ Params: { lang: string } }>(
    '/admin/:lang/audit.csv',
    { schema: { hide: true }, config: { access: 'viewer' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const rows = await admin.auditLog(actorOfSession(session), 100_000);
      const csv = stringify(
        rows.map((r) =>
          Object.fromEntries(
            Object.entries({
              at: r.at,
              actor: r.actor,
              action: r.action,
              entity: r.entity,
              entity_id: r.entityId,
              before: r.before === null ? '' : JSON.stringify(r.before),
              after: r.after === null ? '' : JSON.stringify(r.after),
            }).map(([k, v]) => [k, guardCell(String(v))]),
          ),
        ),
        { header: true, columns: ['at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after'] },
      );
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="audit-${workplace(session).institutionSlug}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(`\ufeff${csv}`);
    },
  );
}
