// Signing in to the back-office at the institution's OpenID Connect provider, when OIDC_ISSUER is set: a
// redirect to the provider, and the way back that opens the same session as the password login. What the
// browser must bring back (state, nonce, PKCE verifier) waits in a short-lived cookie. Without OIDC_ISSUER this
// plugin adds no route.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../platform/db/client.ts';
import type { App } from '../../platform/http/types.ts';
import { isLang, type Lang } from '../../platform/i18n.ts';
import { adminKit, langOf } from '../admin/admin.kit.tsx';
import { cookieOptions, SESSION_COOKIE } from './accounts.http.ts';
import type { AccountsService } from './accounts.service.ts';
import { oidcStrings } from './accounts.strings.ts';
import { createOidc, type OidcSettings, oidcFailureOf, type PendingSignIn } from './oidc.ts';

/** The cookie that holds a sign-in in progress at the provider: path /admin, ten minutes. */
export const OIDC_COOKIE = 'ponte_oidc';
const OIDC_COOKIE_SECONDS = 600;

export type OidcConfig = Partial<
  Pick<Config, 'oidcIssuer' | 'oidcClientId' | 'oidcClientSecret' | 'oidcInstitution' | 'oidcLabel'>
>;

/** The provider's settings when sign-in there is configured (loadConfig makes sure the four come together). */
export function oidcSettings(config: OidcConfig): OidcSettings | undefined {
  const { oidcIssuer, oidcClientId, oidcClientSecret, oidcInstitution } = config;
  if (!oidcIssuer || !oidcClientId || !oidcClientSecret || !oidcInstitution) return undefined;
  return {
    issuer: oidcIssuer,
    clientId: oidcClientId,
    clientSecret: oidcClientSecret,
    institution: oidcInstitution,
  };
}

/** The button of the sign-in form that starts a sign-in at the provider; undefined when it is not configured. */
export function oidcLoginLink(config: OidcConfig, lang: Lang): { href: string; label: string } | undefined {
  if (!oidcSettings(config)) return undefined;
  return { href: `/admin/${lang}/oidc/start`, label: config.oidcLabel || oidcStrings(lang).signInWith };
}

// The cookie holds "state.nonce.verifier.lang": base64url values never contain a dot.
const pack = (p: PendingSignIn, lang: Lang) => [p.state, p.nonce, p.verifier, lang].join('.');

function unpack(value: string | undefined, lang: Lang): PendingSignIn | undefined {
  const [state, nonce, verifier, from, ...rest] = (value ?? '').split('.');
  if (!state || !nonce || !verifier || !from || rest.length > 0 || !isLang(from) || from !== lang) {
    return undefined;
  }
  return { state, nonce, verifier };
}

export function adminOidc(deps: {
  accounts: AccountsService;
  database: Database;
  config: Pick<Config, 'publicUrl'> & OidcConfig;
}) {
  const settings = oidcSettings(deps.config);
  const { accounts } = deps;
  const cookies = cookieOptions();
  const { send } = adminKit();
  const oidc = settings ? createOidc({ database: deps.database, settings }) : undefined;
  // The provider must know both addresses (one per language) as redirect URIs of Ponte's client.
  const redirectUri = (lang: Lang) =>
    `${deps.config.publicUrl.replace(/\/+$/, '')}/admin/${lang}/oidc/callback`;

  /** A refusal as a page in the user's language with the way back; any other error goes on to the handler. */
  function refused(request: FastifyRequest, reply: FastifyReply, lang: Lang, err: unknown) {
    const reason = oidcFailureOf(err);
    if (!reason) throw err;
    const status = (err as { status: number }).status;
    if (reason === 'unreachable') request.log.warn({ err, reason }, 'OpenID Connect sign-in failed');
    else request.log.info({ reason }, (err as Error).message);
    const t = oidcStrings(lang);
    return send(
      reply,
      lang,
      'login',
      t.refusedTitle,
      <>
        <h1>{t.refusedTitle}</h1>
        <p>
          <a class="btn btn-primary" href={`/admin/${lang}/login`}>
            {t.backToSignIn}
          </a>
        </p>
      </>,
      { status, notice: { kind: 'danger', text: t.refused[reason] } },
    );
  }

  return async function routes(app: App) {
    if (!oidc) return;

    app.get<{ Params: { lang: string } }>(
      '/admin/:lang/oidc/start',
      { schema: { hide: true } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        try {
          const { url, pending } = await oidc.authorization(redirectUri(lang));
          reply.setCookie(OIDC_COOKIE, pack(pending, lang), { ...cookies, maxAge: OIDC_COOKIE_SECONDS });
          return reply.header('cache-control', 'no-store').redirect(url, 303);
        } catch (err) {
          return refused(request, reply, lang, err);
        }
      },
    );

    app.get<{ Params: { lang: string }; Querystring: Record<string, unknown> }>(
      '/admin/:lang/oidc/callback',
      { schema: { hide: true } },
      async (request, reply) => {
        const lang = langOf(request);
        if (!lang) return reply.callNotFound();
        // One use only: whatever happens next, the sign-in in progress ends here.
        const pending = unpack(request.cookies[OIDC_COOKIE], lang);
        reply.clearCookie(OIDC_COOKIE, cookies);
        try {
          const { state, code, error } = request.query;
          const userId = await oidc.complete(pending, { state, code, error }, redirectUri(lang));
          const session = await accounts.createSession(userId, { method: 'oidc', address: request.ip });
          reply.setCookie(SESSION_COOKIE, session.token, {
            ...cookies,
            expires: new Date(session.expiresAt),
          });
          return reply.redirect(`/admin/${lang}/`, 303);
        } catch (err) {
          return refused(request, reply, lang, err);
        }
      },
    );
  };
}
