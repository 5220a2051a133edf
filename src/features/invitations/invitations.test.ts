// Inviting a person: the admin's answer is the same whether or not the address has an account elsewhere; the
// person accepts once, with a new password or with the one they have, and lands signed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, cookieOf, csrfIn, FORM } from '../../../test/admin.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { createTestApp, createTestDeps, TEST_PUBLIC_URL, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;
let here: { id: string; slug: string };
let elsewhere: { id: string; slug: string };
let client: ReturnType<typeof adminClient>;
let admin: { cookie: string };
let seq = 0;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  here = await makeInstitution(ctx.services);
  elsewhere = await makeInstitution(ctx.services);
  client = adminClient(app, ctx);
  admin = await client.signIn(here.slug, 'admin');
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const LINK = /(http:\/\/ponte\.test\/admin\/(?:it|en)\/invitation\/[A-Za-z0-9_-]+)/;

/** Invites through the users page; the notice's text and the address it gives. */
async function invite(email: string, role = 'editor', lang = 'it') {
  const res = await client.post(`/admin/${lang}/users`, admin.cookie, {
    email,
    name: 'Persona Invitata',
    role,
  });
  const notice = res.body.match(/<div class="alert alert-success"[^>]*>([\s\S]*?)<\/div>/)?.[1] ?? '';
  return { res, notice, link: notice.match(LINK)?.[1] };
}

/** Opens an invitation and posts its form as a browser would, with the page's pre-session and token. */
async function accept(link: string, fields: Record<string, string>) {
  const url = link.replace(TEST_PUBLIC_URL, '');
  const page = await app.inject({ method: 'GET', url });
  const res = await app.inject({
    method: 'POST',
    url,
    headers: { ...FORM, cookie: `ponte_login_csrf=${cookieOf(page, 'ponte_login_csrf')}` },
    payload: new URLSearchParams({ _csrf: csrfIn(page.body), ...fields }).toString(),
  });
  return { page, res };
}

describe('invitations', () => {
  it('when an admin invites an address with an account elsewhere and one without, then both answers read the same', async () => {
    const known = `known${++seq}.${process.pid}@example.org`;
    await ctx.services.accounts.createUser({ email: known, institution: elsewhere.slug, role: 'admin' });
    const unknown = `unknown${++seq}.${process.pid}@example.org`;
    const a = await invite(known);
    const b = await invite(unknown);
    expect(a.res.statusCode).toBe(200);
    expect(b.res.statusCode).toBe(200);
    const shape = (n: string, email: string, link: string) => n.replace(email, 'EMAIL').replace(link, 'LINK');
    expect(shape(a.notice, known, a.link!)).toBe(shape(b.notice, unknown, b.link!));
    expect(a.notice).not.toMatch(/password/i);
  });

  it('when a person with an account elsewhere accepts with their own password, then they work here too with the invited role', async () => {
    const email = `member${++seq}.${process.pid}@example.org`;
    const { password } = await ctx.services.accounts.createUser({
      email,
      institution: elsewhere.slug,
      role: 'viewer',
    });
    const { link } = await invite(email, 'editor');
    const wrong = await accept(link!, { password: 'not the right one' });
    expect(wrong.page.body).toContain('inserisci la sua password');
    expect(wrong.res.statusCode).toBe(401);
    expect(wrong.res.body).toContain('La password non è corretta.');
    const ok = await accept(link!, { password: password! });
    expect(ok.res.statusCode).toBe(303);
    expect(cookieOf(ok.res, 'ponte_session')).toBeDefined();
    const user = await ctx.services.accounts.authenticate(email, password!, '192.0.2.20');
    expect(user.roles.map((r) => [r.institutionSlug, r.role]).sort()).toEqual(
      [
        [elsewhere.slug, 'viewer'],
        [here.slug, 'editor'],
      ].sort(),
    );
    // Once used, the address is gone.
    const again = await app.inject({ method: 'GET', url: link!.replace(TEST_PUBLIC_URL, '') });
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('Invito non più valido');
  });

  it('when a new person accepts, then they choose a password (long enough, typed twice) and are signed in', async () => {
    const email = `newcomer${++seq}.${process.pid}@example.org`;
    const { link } = await invite(email, 'viewer', 'en');
    const short = await accept(link!, { name: 'Nuova Persona', password: 'short', repeat: 'short' });
    expect(short.page.body).toContain('Choose the password');
    expect(short.res.statusCode).toBe(400);
    expect(short.res.body).toContain('at least 12 characters');
    const differ = await accept(link!, {
      name: 'Nuova Persona',
      password: 'a long password 1',
      repeat: 'a long password 2',
    });
    expect(differ.res.statusCode).toBe(400);
    expect(differ.res.body).toContain('The two passwords differ.');
    const ok = await accept(link!, {
      name: 'Nuova Persona',
      password: 'a long password 1',
      repeat: 'a long password 1',
    });
    expect(ok.res.statusCode).toBe(303);
    expect(ok.res.headers.location).toBe('/admin/en/');
    const user = await ctx.services.accounts.authenticate(email, 'a long password 1', '192.0.2.21');
    expect(user).toMatchObject({
      name: 'Nuova Persona',
      roles: [{ institutionSlug: here.slug, role: 'viewer' }],
    });
    const log = await ctx.database.query<{ action: string; actor: string }>(
      `select action, actor from audit_events where entity = 'invitation' and after->>'email' = $1 order by id`,
      [email],
    );
    expect(log.map((r) => r.action)).toEqual(['invite', 'accept']);
  });

  it('when an invitation is withdrawn, or its form token belongs to another pre-session, then it does not open the door', async () => {
    const email = `withdrawn${++seq}.${process.pid}@example.org`;
    const { link } = await invite(email);
    const url = link!.replace(TEST_PUBLIC_URL, '');
    const mine = await app.inject({ method: 'GET', url });
    const theirs = await app.inject({ method: 'GET', url });
    const forged = await app.inject({
      method: 'POST',
      url,
      headers: { ...FORM, cookie: `ponte_login_csrf=${cookieOf(mine, 'ponte_login_csrf')}` },
      payload: new URLSearchParams({
        _csrf: csrfIn(theirs.body),
        name: 'X',
        password: 'a long password 1',
        repeat: 'a long password 1',
      }).toString(),
    });
    expect(forged.statusCode).toBe(403);
    const [pending] = await ctx.services.invitations.pending({
      userId: null,
      label: 'test',
      institutionId: here.id,
      institutionSlug: here.slug,
      role: 'admin',
    });
    expect(pending).toMatchObject({ email });
    const withdrawn = await client.post(`/admin/it/invitations/${pending!.id}/withdraw`, admin.cookie, {});
    expect(withdrawn.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('when the address already works here, or an editor tries to invite, then it is refused in the page language', async () => {
    const email = `colleague${++seq}.${process.pid}@example.org`;
    await ctx.services.accounts.createUser({ email, institution: here.slug, role: 'viewer' });
    const { res } = await invite(email);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('lavora già in questo ente');
    const editor = await client.signIn(here.slug, 'editor');
    const refused = await client.post('/admin/en/users', editor.cookie, {
      email: `x${++seq}@example.org`,
      name: 'X',
      role: 'admin',
    });
    expect(refused.statusCode).toBe(403);
  });
});
