// The signed-in person's own settings: the institution to work in (for those with more than one) and the
// password.
import { isAppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';
import { adminKit, type Form, field, fieldMessage, langOf, noticeOf } from '../admin/admin.kit.tsx';
import type { AdminService } from '../admin/admin.service.ts';
import { adminStrings } from '../admin/admin.strings.ts';
import { sessionOf, sessionToken, workplace } from './accounts.http.ts';
import type { AccountsService } from './accounts.service.ts';
import { accountsStrings } from './accounts.strings.ts';
import { InstitutionsView, PasswordForm } from './views/account.tsx';

export interface AccountDeps {
  accounts: AccountsService;
  /** The institutions a person can work in are counted by the back-office's service. */
  admin: Pick<AdminService, 'workplaces'>;
}

/** The institutions the person can work in, and choosing one. */
export function institutionRoutes(app: App, deps: AccountDeps) {
  const { accounts, admin } = deps;
  const { send } = adminKit();

  app.get<{ Params: { lang: string } }>(
    '/admin/:lang/institutions',
    { schema: { hide: true }, config: { access: 'signedIn' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const rows = await admin.workplaces(session.user);
      const current =
        session.chosen || session.user.roles.length > 0 ? workplace(session).institutionSlug : undefined;
      return send(
        reply,
        lang,
        'institutions',
        adminStrings(lang).workplaces.title,
        <InstitutionsView lang={lang} session={session} rows={rows} {...(current ? { current } : {})} />,
        { session },
      );
    },
  );

  app.post<{ Params: { lang: string }; Body: Form }>(
    '/admin/:lang/institutions',
    { schema: { hide: true }, config: { access: 'signedIn' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      try {
        await accounts.chooseInstitution(sessionToken(request), field(request.body, 'institution', 100));
        return reply.redirect(`/admin/${lang}/`, 303);
      } catch (err) {
        const notice = noticeOf(err, lang);
        if (!notice) throw err;
        const rows = await admin.workplaces(session.user);
        return send(
          reply,
          lang,
          'institutions',
          adminStrings(lang).workplaces.title,
          <InstitutionsView lang={lang} session={session} rows={rows} />,
          { session, notice, status: 403 },
        );
      }
    },
  );
}

/** The password form and its change. */
export function passwordRoutes(app: App, deps: Pick<AccountDeps, 'accounts'>) {
  const { accounts } = deps;
  const { send } = adminKit();

  app.get<{ Params: { lang: string } }>(
    '/admin/:lang/password',
    { schema: { hide: true }, config: { access: 'signedIn' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      return send(
        reply,
        lang,
        'password',
        adminStrings(lang).changePassword,
        <PasswordForm lang={lang} session={session} />,
        {
          session,
        },
      );
    },
  );

  app.post<{ Params: { lang: string }; Body: Form }>(
    '/admin/:lang/password',
    { schema: { hide: true }, config: { access: 'signedIn' } },
    async (request, reply) => {
      const lang = langOf(request);
      if (!lang) return reply.callNotFound();
      const session = sessionOf(request);
      const t = { ...adminStrings(lang), ...accountsStrings(lang) };
      try {
        await accounts.changePassword(
          session.user.id,
          String(request.body?.['current'] ?? ''),
          String(request.body?.['next'] ?? ''),
          sessionToken(request),
        );
        return send(
          reply,
          lang,
          'password',
          t.changePassword,
          <PasswordForm lang={lang} session={session} />,
          {
            session,
            notice: { kind: 'success', text: t.passwordChanged },
          },
        );
      } catch (err) {
        if (!isAppError(err)) throw err;
        const notice = noticeOf(err, lang);
        const field = err.field ?? 'current';
        const fieldErrors = notice ? {} : { [field]: fieldMessage(lang, field, err.message) };
        return send(
          reply,
          lang,
          'password',
          t.changePassword,
          <PasswordForm lang={lang} session={session} fieldErrors={fieldErrors} />,
          { session, ...(notice ? { notice } : {}), status: notice ? err.status : 400 },
        );
      }
    },
  );
}
