// The users page (admins only): invite a person, withdraw an invitation, change a role or remove access, and
// create or revoke API tokens. Every action shows the page again with its outcome.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import { actorOfSession, sessionOf } from '../accounts/accounts.http.ts';
import type { Session } from '../accounts/accounts.service.ts';
import { type InvitationsService, invitationPath } from '../invitations/invitations.service.ts';
import { adminKit, type Form, field, fieldMessage, langOf, noticeOf, UUID } from './admin.kit.tsx';
import type { AdminService } from './admin.service.ts';
import { adminStrings } from './admin.strings.ts';
import type { Notice } from './views/admin.tsx';
import { UsersView } from './views/users.tsx';

export interface UsersPagesDeps {
  admin: AdminService;
  invitations: InvitationsService;
  publicUrl: string;
}

/** The users page, a refusal as a page, and an action that shows the page again with its outcome. */
function usersKit(deps: UsersPagesDeps) {
  const { admin } = deps;
  const { send } = adminKit();

  async function usersPage(
    reply: FastifyReply,
    lang: Lang,
    session: Session,
    extra: {
      notice?: Notice;
      fieldErrors?: Record<string, string>;
      status?: number;
      query?: Form;
    } = {},
  ) {
    const actor = actorOfSession(session);
    const q = extra.query ?? {};
    const role = field(q, 'role');
    const sort = field(q, 'sort');
    const filters = {
      q: field(q, 'q', 200),
      role: ['admin', 'editor', 'viewer'].includes(role) ? role : '',
      sort: ['email', 'name', 'role'].includes(sort) ? sort : 'email',
    };
    const page = Number(field(q, 'page', 6)) || 1;
    const users = await admin.listUsers(actor, { ...filters, page });
    const data = {
      ...users,
      filters,
      tokens: await admin.listTokens(actor),
      invitations: await deps.invitations.pending(actor),
    };
    return send(
      reply,
      lang,
      'users',
      adminStrings(lang).users,
      <UsersView
        lang={lang}
        session={session}
        data={data}
        {...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors } : {})}
      />,
      {
        session,
        ...(extra.notice ? { notice: extra.notice } : {}),
        ...(extra.status ? { status: extra.status } : {}),
      },
    );
  }

  /** A refusal (role, stale form) as a page of its own. */
  const refused = (reply: FastifyReply, lang: Lang, session: Session, notice: Notice) =>
    send(reply, lang, 'users', adminStrings(lang).users, <p>{notice.text}</p>, {
      session,
      notice,
      status: 403,
    });

  /** Runs an admin's action from the users page, then shows the page with its outcome. */
  async function usersAction(
    request: FastifyRequest,
    reply: FastifyReply,
    fn: (session: Session, lang: Lang) => Promise<Notice & { status?: number }>,
  ) {
    const lang = langOf(request);
    if (!lang) return reply.callNotFound();
    const session = sessionOf(request);
    try {
      const { status, ...notice } = await fn(session, lang);
      return await usersPage(reply, lang, session, { notice, ...(status ? { status } : {}) });
    } catch (err) {
      if (!isAppError(err)) throw err;
      const notice = noticeOf(err, lang);
      if (notice) return refused(reply, lang, session, notice);
      if (err.code === 'not_found') throw err;
      const field = err.field ?? 'email';
      const message =
        err.code === 'conflict' && field === 'email'
          ? `${adminStrings(lang).fieldError}: ${adminStrings(lang).alreadyHere(String(request.body && (request.body as Form)['email']))}`
          : fieldMessage(lang, field, err.message);
      return usersPage(reply, lang, session, {
        fieldErrors: {
          [field === 'name' && request.url.endsWith('/tokens') ? 'tokenName' : field]: message,
        },
        status: err.status,
      });
    }
  }

  return { usersPage, refused, usersAction };
}

export function usersRoutes(app: App, deps: UsersPagesDeps) {
  const { admin } = deps;
  const { usersPage, refused, usersAction } = usersKit(deps);

  app.get<{ Params: { lang: string } }>(
    '/admin/:lang/users',
    { schema: { hide: true }, config: { access: 'admin' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      try {
        return await usersPage(reply, lang, session, { query: request.query as Form });
      } catch (err) {
        const notice = noticeOf(err, lang);
        if (!notice) throw err;
        return refused(reply, lang, session, notice);
      }
    },
  );

  app.post<{ Params: { lang: string }; Body: Form }>(
    '/admin/:lang/users',
    { schema: { hide: true }, config: { access: 'admin' } },
    async (request, reply) =>
      usersAction(request, reply, async (session, lang) => {
        const b = request.body ?? {};
        const role = String(b['role'] ?? '');
        if (role !== 'admin' && role !== 'editor' && role !== 'viewer') {
          throw AppError.invalid('role', 'choose a role');
        }
        const email = field(b, 'email', 300);
        const { token, expiresAt } = await deps.invitations.invite(actorOfSession(session), {
          email,
          name: field(b, 'name', 300),
          role,
        });
        const link = `${deps.publicUrl}${invitationPath(lang, token)}`;
        return { kind: 'success', text: adminStrings(lang).invited(email, link, expiresAt) };
      }),
  );

  app.post<{ Params: { lang: string; id: string }; Body: Form }>(
    '/admin/:lang/invitations/:id/withdraw',
    { schema: { hide: true }, config: { access: 'admin' } },
    async (request, reply) =>
      usersAction(request, reply, async (session, lang) => {
        await deps.invitations.withdraw(actorOfSession(session), request.params.id);
        return { kind: 'success', text: adminStrings(lang).invitationWithdrawn };
      }),
  );

  app.post<{ Params: { lang: string; id: string }; Body: Form }>(
    '/admin/:lang/users/:id/role',
    { schema: { hide: true }, config: { access: 'admin' } },
    async (request, reply) =>
      usersAction(request, reply, async (session, lang) => {
        const t = adminStrings(lang);
        if (!UUID.test(request.params.id)) throw AppError.notFound('User', request.params.id);
        const raw = field(request.body, 'role');
        if (raw !== '' && raw !== 'admin' && raw !== 'editor' && raw !== 'viewer') {
          throw AppError.invalid('role', 'choose a role');
        }
        const version = Number(field(request.body, 'version'));
        try {
          await admin.setUserRole(actorOfSession(session), request.params.id, raw || null, version);
        } catch (err) {
          if (isAppError(err) && err.code === 'conflict') {
            return { kind: 'danger', text: t.lastAdmin, status: 409 };
          }
          if (isAppError(err) && err.code === 'version_conflict') {
            return { kind: 'warning', text: t.userChanged, status: 409 };
          }
          throw err;
        }
        return { kind: 'success', text: raw ? t.roleSaved : t.accessRemoved };
      }),
  );
}

export function tokenRoutes(app: App, deps: UsersPagesDeps) {
  const { admin } = deps;
  const { usersAction } = usersKit(deps);

  app.post<{ Params: { lang: string }; Body: Form }>(
    '/admin/:lang/tokens',
    { schema: { hide: true }, config: { access: 'admin' } },
    async (request, reply) =>
      usersAction(request, reply, async (session, lang) => {
        const b = request.body ?? {};
        const scope = b['scope'] === 'write' ? 'write' : 'read';
        const { token } = await admin.createToken(actorOfSession(session), {
          name: String(b['tokenName'] ?? ''),
          scope,
        });
        return { kind: 'success', text: adminStrings(lang).tokenCreated(token) };
      }),
  );

  app.post<{ Params: { lang: string; id: string }; Body: Form }>(
    '/admin/:lang/tokens/:id/revoke',
    { schema: { hide: true }, config: { access: 'admin' } },
    async (request, reply) =>
      usersAction(request, reply, async (session, lang) => {
        await admin.revokeToken(actorOfSession(session), request.params.id);
        return { kind: 'success', text: adminStrings(lang).saved };
      }),
  );
}
