// Accounts at the HTTP edge: the session cookie and CSRF tokens, and the one step that says who calls a route.
// A route declares who may call it (`config: { access }`); one hook, before the body is read, finds the caller
// (an API token, or the session cookie), answers 401 (a page: the sign-in page) or 403 when the caller may not,
// and otherwise sets `request.actor` (and `request.session` for a signed-in browser) once for the handler.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { langOfAddress } from '../../platform/i18n.ts';
import { type Access, type Actor, meets } from './accounts.access.ts';
import type { AccountsService, Session } from './accounts.service.ts';
import type { Role } from './accounts.table.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; routes without it are public. */
    access?: Access;
    /** 'in-handler' when the CSRF token comes inside a multipart body the handler streams (uploads). */
    csrf?: 'in-handler';
  }
  interface FastifyRequest {
    /** Who calls a route that declares `access`: set once, before the handler. */
    actor?: Actor;
    /** The signed-in browser's session, when the caller came with one. */
    session?: Session;
  }
}

export const SESSION_COOKIE = 'ponte_session';
/** Before sign-in there is no session to hold the CSRF token: the login form uses a cookie of its own. */
export const LOGIN_CSRF_COOKIE = 'ponte_login_csrf';

export function cookieOptions() {
  // Secure always: browsers accept Secure cookies from http://localhost and 127.0.0.1 too, and anywhere else
  // the back-office must be served over HTTPS. Lax keeps the cookie off cross-site form posts. Path "/" so that
  // a signed-in page may also call the JSON write routes under /api/v1 (with its X-CSRF-Token header).
  return { httpOnly: true, secure: true, sameSite: 'lax' as const, path: '/' };
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Equal strings in constant time; false for anything missing. */
export function sameToken(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The CSRF token a form or an htmx request sent: the `_csrf` field, or the X-CSRF-Token header. */
export function sentCsrf(request: FastifyRequest): unknown {
  const body = request.body as Record<string, unknown> | undefined;
  return body?.['_csrf'] ?? request.headers['x-csrf-token'];
}

export function requireCsrf(request: FastifyRequest, session: Session): void {
  if (!sameToken(sentCsrf(request), session.csrfToken)) {
    throw new AppError('forbidden', 'The form has expired or did not come from this site: reload the page', {
      details: { reason: 'csrf' },
    });
  }
}

/**
 * The institution a session works in, and the role there: the one chosen for the session if the user may
 * work there (a platform administrator works in any as its admin), else the first role the user holds.
 */
export function workplace(session: Session): { institutionId: string; institutionSlug: string; role: Role } {
  const chosen = session.chosen;
  if (chosen) {
    const held = session.user.roles.find((r) => r.institutionId === chosen.institutionId);
    if (held) return held;
    if (session.user.platformAdmin) return { ...chosen, role: 'admin' };
  }
  const first = session.user.roles[0];
  if (!first) throw new AppError('forbidden', 'This account has no role in any institution');
  return first;
}

const SESSION_IN_COOKIES = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);

/**
 * Whether a request comes with credentials (an Authorization header or the session cookie): its answers may
 * depend on who asks, so the public cache neither answers nor keeps them.
 */
export function carriesCredentials(headers: IncomingHttpHeaders): boolean {
  return headers.authorization !== undefined || SESSION_IN_COOKIES.test(headers.cookie ?? '');
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE];
}

export function redirectToLogin(reply: FastifyReply, lang: string): FastifyReply {
  return reply.redirect(`/admin/${lang}/login`, 303);
}

/** Who a session acts as: the user, in the institution the session works in, with the role held there. */
export function actorOfSession(session: Session): Actor {
  return {
    userId: session.user.id,
    label: session.user.email,
    ...workplace(session),
    platformAdmin: session.user.platformAdmin,
  };
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');
const isWrite = (request: FastifyRequest) => !['GET', 'HEAD', 'OPTIONS'].includes(request.method);

/** The caller of an API request: an API token (a write token acts as editor, a read token as viewer). */
async function tokenActor(accounts: AccountsService, header: string): Promise<Actor> {
  const token = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  const found = token ? await accounts.apiToken(token) : undefined;
  if (!found) throw new AppError('unauthorized', 'The API token is not valid or was revoked');
  return {
    userId: null,
    label: `token ${found.name}`,
    institutionId: found.institutionId,
    institutionSlug: found.institutionSlug,
    role: found.scope === 'write' ? 'editor' : 'viewer',
  };
}

/**
 * Registers the access step for every route that declares `config.access`. Call it on the root instance
 * before any route, after @fastify/cookie.
 */
export function registerAccess(app: FastifyInstance, accounts: AccountsService): void {
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    const authorization = request.headers.authorization;
    if (isApi(request) && authorization) {
      request.actor = await tokenActor(accounts, authorization);
    } else {
      const session = await accounts.session(sessionToken(request));
      if (!session) {
        if (!isApi(request)) return redirectToLogin(reply, langOfAddress(request.url));
        throw new AppError('unauthorized', 'Sign in, or send an API token as "Authorization: Bearer TOKEN"');
      }
      request.session = session;
      // A platform administrator who has not chosen where to work yet goes to the list of institutions.
      const adrift = !session.chosen && session.user.roles.length === 0;
      if (adrift && access !== 'signedIn') {
        if (isApi(request)) throw new AppError('forbidden', 'Choose an institution to work in first');
        return reply.redirect(`/admin/${langOfAddress(request.url)}/institutions`, 303);
      }
      // The API's session callers prove the page is ours with the X-CSRF-Token header; pages send the
      // form's token in the body, checked once it is read (preValidation, below).
      if (isApi(request) && isWrite(request)) requireCsrf(request, session);
      request.actor = adrift ? undefined : actorOfSession(session);
    }
    if (access !== 'signedIn' && (!request.actor || !meets(request.actor, access))) {
      throw new AppError('forbidden', 'Your role does not allow this');
    }
  });
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    if (!config.access || !request.session || isApi(request) || !isWrite(request)) return;
    if (config.csrf !== 'in-handler') requireCsrf(request, request.session);
  });
}

/** The actor of a route that declares access; calling it elsewhere is a programming error. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error(`${request.url}: the route declares no access, so it has no actor`);
  return request.actor;
}

/** The session of a page route that declares access. */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new Error(`${request.url}: the route declares no access, so it has no session`);
  return request.session;
}
