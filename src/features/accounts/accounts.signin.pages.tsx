// Signing in with a password (the form carries a CSRF token of its own, kept in a cookie, as there is no
// session yet) and signing out.
import { isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import type { Lang } from '../../platform/i18n.ts';
import { adminKit, type Form, langOf } from '../admin/admin.kit.tsx';
import { adminStrings } from '../admin/admin.strings.ts';
import {
  cookieOptions,
  LOGIN_CSRF_COOKIE,
  newToken,
  redirectToLogin,
  requireCsrf,
  SESSION_COOKIE,
  sentCsrf,
  sessionToken,
} from './accounts.http.ts';
import type { AccountsService } from './accounts.service.ts';
import { accountsStrings } from './accounts.strings.ts';
import { LoginForm } from './views/signin.tsx';

export interface SignInDeps {
  accounts: AccountsService;
  /** The sign-in button of the institution's identity provider, when one is configured. */
  oidcLink?: ((lang: Lang) => { href: string; label: string } | undefined) | undefined;
}

export function signInRoutes(app: App, deps: SignInDeps) {
  const { accounts } = deps;
  const cookies = cookieOptions();
  const { send } = adminKit();

  app.get<{ Params: { lang: string } }>(
    '/admin/:lang/login',
    { schema: { hide: true } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const preSession = newToken();
      const csrf = await accounts.signInFormToken(preSession);
      reply.setCookie(LOGIN_CSRF_COOKIE, preSession, { ...cookies, maxAge: 3600 });
      return send(
        reply,
        lang,
        'login',
        adminStrings(lang).signIn,
        <LoginForm lang={lang} csrf={csrf} oidc={deps.oidcLink?.(lang)} />,
      );
    },
  );

  app.post<{ Params: { lang: string }; Body: Form }>(
    '/admin/:lang/login',
    { schema: { hide: true } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const t = { ...adminStrings(lang), ...accountsStrings(lang) };
      const email = String(request.body?.['email'] ?? '');
      const again = async (error: string, status: number) => {
        const preSession = newToken();
        const csrf = await accounts.signInFormToken(preSession);
        reply.setCookie(LOGIN_CSRF_COOKIE, preSession, { ...cookies, maxAge: 3600 });
        return send(
          reply,
          lang,
          'login',
          t.signIn,
          <LoginForm lang={lang} csrf={csrf} email={email} error={error} oidc={deps.oidcLink?.(lang)} />,
          {
            status,
          },
        );
      };
      if (!(await accounts.checkSignInForm(request.cookies[LOGIN_CSRF_COOKIE], sentCsrf(request))))
        return again(t.expiredForm, 403);
      try {
        const user = await accounts.authenticate(email, String(request.body?.['password'] ?? ''), request.ip);
        const session = await accounts.createSession(user.id, { method: 'password', address: request.ip });
        reply.clearCookie(LOGIN_CSRF_COOKIE, cookies);
        reply.setCookie(SESSION_COOKIE, session.token, {
          ...cookies,
          expires: new Date(session.expiresAt),
        });
        return reply.redirect(`/admin/${lang}/`, 303);
      } catch (err) {
        if (isAppError(err) && err.code === 'unauthorized') return again(t.wrongCredentials, 401);
        if (isAppError(err) && err.code === 'rate_limited') return again(t.throttled, 429);
        throw err;
      }
    },
  );

  app.post<{ Params: { lang: string }; Body: Form }>(
    '/admin/:lang/logout',
    { schema: { hide: true } },
    async (request, reply) => {
      const lang = langOf(request) ?? 'it';
      const session = await accounts.session(sessionToken(request));
      if (session) {
        requireCsrf(request, session);
        await accounts.endSession(sessionToken(request));
      }
      reply.clearCookie(SESSION_COOKIE, cookies);
      return redirectToLogin(reply, lang);
    },
  );
}
