// The invited person's page: /admin/{lang}/invitation/{secret}. No session yet, so the form's CSRF token is
// bound to a pre-session cookie as on the sign-in page; accepting opens a session and lands on the dashboard.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import {
  cookieOptions,
  LOGIN_CSRF_COOKIE,
  newToken,
  SESSION_COOKIE,
  sentCsrf,
} from '../accounts/accounts.http.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import { adminKit, type Form, field, langOf } from '../admin/admin.kit.tsx';
import { type InvitationsService, invitationPath, type OpenInvitation } from './invitations.service.ts';
import { invitationStrings } from './invitations.strings.ts';
import { InvitationForm, InvitationGone } from './views/invitation.tsx';

type InvitationRequest = FastifyRequest<{ Params: { lang: string; token: string }; Body: Form }>;

export function invitationPages(deps: { accounts: AccountsService; invitations: InvitationsService }) {
  const { accounts, invitations } = deps;
  const { send } = adminKit();
  const cookies = cookieOptions();

  /** The form, with a new pre-session and its token each time it is drawn. */
  async function form(
    request: InvitationRequest,
    reply: FastifyReply,
    lang: Lang,
    invitation: OpenInvitation,
    extra: { errors?: Record<string, string>; name?: string; status?: number } = {},
  ) {
    const preSession = newToken();
    reply.setCookie(LOGIN_CSRF_COOKIE, preSession, { ...cookies, maxAge: 3600 });
    return send(
      reply,
      lang,
      `invitation/${request.params.token}`,
      invitationStrings(lang).title,
      <InvitationForm
        lang={lang}
        invitation={invitation}
        action={invitationPath(lang, request.params.token)}
        csrf={await accounts.signInFormToken(preSession)}
        {...(extra.errors ? { errors: extra.errors } : {})}
        {...(extra.name !== undefined ? { name: extra.name } : {})}
      />,
      { status: extra.status ?? 200 },
    );
  }

  const gone = (reply: FastifyReply, lang: Lang) =>
    send(reply, lang, '', invitationStrings(lang).goneTitle, <InvitationGone lang={lang} />, { status: 404 });

  /** The invitation the address names, or undefined once the "gone" page has been sent. */
  async function opened(request: InvitationRequest, reply: FastifyReply, lang: Lang) {
    try {
      return await invitations.open(request.params.token);
    } catch (err) {
      if (isAppError(err) && err.code === 'not_found') {
        await gone(reply, lang);
        return undefined;
      }
      throw err;
    }
  }

  return async (app: App) => {
    app.get(
      '/admin/:lang/invitation/:token',
      { schema: { hide: true } },
      async (request: InvitationRequest, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const invitation = await opened(request, reply, lang);
        return invitation ? form(request, reply, lang, invitation) : reply;
      },
    );

    app.post(
      '/admin/:lang/invitation/:token',
      { schema: { hide: true } },
      async (request: InvitationRequest, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        const invitation = await opened(request, reply, lang);
        if (!invitation) return reply;
        const t = invitationStrings(lang).errors;
        const name = field(request.body, 'name', 200);
        const password = String(request.body?.['password'] ?? '');
        const again = (errors: Record<string, string>, status: number) =>
          form(request, reply, lang, invitation, { errors, name, status });
        if (!(await accounts.checkSignInForm(request.cookies[LOGIN_CSRF_COOKIE], sentCsrf(request)))) {
          return again({ password: t.expiredForm }, 403);
        }
        if (!invitation.hasAccount && password !== String(request.body?.['repeat'] ?? '')) {
          return again({ repeat: t.repeat }, 400);
        }
        try {
          const userId = await invitations.accept(request.params.token, {
            name,
            password,
            address: request.ip,
          });
          const session = await accounts.createSession(userId, { method: 'password', address: request.ip });
          reply.clearCookie(LOGIN_CSRF_COOKIE, cookies);
          reply.setCookie(SESSION_COOKIE, session.token, {
            ...cookies,
            expires: new Date(session.expiresAt),
          });
          return reply.redirect(`/admin/${lang}/`, 303);
        } catch (err) {
          if (!isAppError(err)) throw err;
          if (err.code === 'not_found') return gone(reply, lang);
          if (err.code === 'unauthorized') return again({ password: t.wrongPassword }, 401);
          if (err.code === 'rate_limited') return again({ password: t.throttled }, 429);
          if (err.code === 'invalid_input') return again({ password: t.password }, 400);
          throw err;
        }
      },
    );
  };
}
