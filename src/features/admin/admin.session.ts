// The back-office's session plumbing: the session cookie, CSRF tokens, and the rule that every request of a
// signed-in user runs as that user's institution under row-level security (Database.scoped).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { Session } from '../accounts/accounts.service.ts';
import type { Role } from '../accounts/accounts.table.ts';

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
    throw new AppError('forbidden', 'The form has expired or did not come from this site: reload the page');
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

export function requireRole(session: Session, allowed: readonly Role[]): void {
  if (!allowed.includes(workplace(session).role)) {
    throw new AppError('forbidden', 'Your role does not allow this change');
  }
}

export type SessionRequest = FastifyRequest & { staff?: Session };

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE];
}

export function redirectToLogin(reply: FastifyReply, lang: string): FastifyReply {
  return reply.redirect(`/admin/${lang}/login`, 303);
}
