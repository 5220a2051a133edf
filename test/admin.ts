// Driving the back-office in tests as a browser would: sign in through the login form, then GET and POST
// pages with the session cookie and the CSRF token the pages carry.
import { expect } from 'vitest';
import type { Role } from '../src/features/accounts/accounts.table.ts';
import type { App } from '../src/platform/http/types.ts';
import type { TestContext } from './support.ts';

export const cookieOf = (res: { headers: Record<string, unknown> }, name: string): string | undefined => {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return list.map((c) => String(c).match(new RegExp(`^${name}=([^;]*)`))?.[1]).find((v) => v !== undefined);
};
export const csrfIn = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let seq = 0;

export function adminClient(app: App, ctx: TestContext) {
  /** A new user of an institution with a role, signed in through the login form. */
  async function signIn(institution: string, role: Role): Promise<{ cookie: string; email: string }> {
    const email = `${role}${++seq}.${institution}.${process.pid}@example.org`;
    const { password } = await ctx.services.accounts.createUser({ email, institution, role });
    return { cookie: await login(email, password!), email };
  }

  /** Signs an existing user in through the login form: the session cookie. */
  async function login(email: string, password: string): Promise<string> {
    const page = await app.inject({ method: 'GET', url: '/admin/it/login' });
    const res = await app.inject({
      method: 'POST',
      url: '/admin/it/login',
      headers: { ...FORM, cookie: `ponte_login_csrf=${cookieOf(page, 'ponte_login_csrf')}` },
      payload: new URLSearchParams({ _csrf: csrfIn(page.body), email, password }).toString(),
    });
    expect(res.statusCode).toBe(303);
    return `ponte_session=${cookieOf(res, 'ponte_session')}`;
  }

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  /** Posts a form; repeated fields as arrays. The CSRF token is read from the dashboard unless given. */
  async function post(url: string, cookie: string, fields: Record<string, string | string[]>, csrf?: string) {
    const body = new URLSearchParams();
    body.append('_csrf', csrf ?? csrfIn((await get('/admin/it/', cookie)).body));
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    return app.inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: body.toString() });
  }

  return { signIn, login, get, post };
}
