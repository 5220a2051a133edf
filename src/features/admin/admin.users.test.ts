// The users page of an institution admin: search, sort and pages; role changes and removal at the version
// the form started from; the last admin kept; other roles and other institutions refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn } from '../../../test/admin.ts';
import { makeOffice } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;
let client: ReturnType<typeof adminClient>;
/** The slugs of two institutions made for this file: "Milan" has the users, "Florence" reaches for them. */
let milan: string;
let florence: string;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  client = adminClient(app, ctx);
  milan = await makeOffice(ctx.services);
  florence = await makeOffice(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const emails = (html: string) => [...html.matchAll(/<tr><td>([^<]+@[^<]+)<\/td>/g)].map((m) => m[1]!);
const userRow = async (email: string) => {
  const [row] = await ctx.database.query<{ id: string; version: number; role: string | null }>(
    `select u.id, u.version, r.role from users u
       left join user_roles r on r.user_id = u.id and r.institution_id = (select id from institutions where slug = $2)
      where u.email = $1`,
    [email, milan],
  );
  return row!;
};

describe('the users page', () => {
  it('when there are more than 25 users, then they come in pages; search and role filter narrow them; sort by name works', async () => {
    const { cookie } = await client.signIn(milan, 'admin');
    for (let i = 0; i < 27; i++) {
      await ctx.services.accounts.createUser({
        email: `staff${String(i).padStart(2, '0')}@milano.example.org`,
        name: `Persona ${String.fromCharCode(90 - i)}`,
        institution: milan,
        role: i % 3 === 0 ? 'editor' : 'viewer',
      });
    }
    const first = await client.get('/admin/en/users', cookie);
    expect(first.statusCode).toBe(200);
    const page1 = emails(first.body);
    expect(page1).toHaveLength(25);
    expect([...page1].sort()).toEqual(page1);
    const page2 = emails((await client.get('/admin/en/users?page=2', cookie)).body);
    // The admin who signed in and the 27 made above.
    expect(page2).toHaveLength(28 - 25);
    expect(page2.filter((e) => page1.includes(e))).toEqual([]);

    const found = emails((await client.get('/admin/en/users?q=staff0', cookie)).body);
    expect(found).toHaveLength(10);
    const editors = emails((await client.get('/admin/en/users?q=staff&role=editor', cookie)).body);
    expect(editors).toHaveLength(9);
    const byName = emails((await client.get('/admin/en/users?q=staff&sort=name', cookie)).body);
    expect(byName[0]).toBe('staff26@milano.example.org');
    const wild = emails((await client.get('/admin/en/users?q=%25', cookie)).body);
    expect(wild).toEqual([]);
    // Twenty-seven argon2id hashes: slow on a busy machine, and not what this test is about.
  }, 90_000);

  it('when an admin changes a role or removes access, then it is saved and logged; a stale form is refused with 409', async () => {
    const { cookie } = await client.signIn(milan, 'admin');
    await ctx.services.accounts.createUser({
      email: 'changing@milano.example.org',
      institution: milan,
      role: 'viewer',
    });
    const page = await client.get('/admin/en/users?q=changing', cookie);
    const before = await userRow('changing@milano.example.org');
    const csrf = csrfIn(page.body);
    const url = `/admin/en/users/${before.id}/role`;
    const ok = await client.post(url, cookie, { role: 'editor', version: String(before.version) }, csrf);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Role updated.');
    expect((await userRow('changing@milano.example.org')).role).toBe('editor');
    const stale = await client.post(url, cookie, { role: 'admin', version: String(before.version) }, csrf);
    expect(stale.statusCode).toBe(409);
    expect((await userRow('changing@milano.example.org')).role).toBe('editor');
    const removed = await client.post(url, cookie, { role: '', version: String(before.version + 1) }, csrf);
    expect(removed.statusCode).toBe(200);
    expect((await userRow('changing@milano.example.org')).role).toBeNull();
    const audit = await client.get('/admin/en/audit', cookie);
    expect(audit.body).toContain('>role changed</td>');
    expect(audit.body).toContain('<li>Role: Viewer → Editor</li>');
    expect(audit.body).toContain('>access removed</td>');
  });

  it('when the last admin of an institution would lose the role, then it is refused', async () => {
    const lonely = await makeOffice(ctx.services);
    const { cookie, email } = await client.signIn(lonely, 'admin');
    const [me] = await ctx.database.query<{ id: string; version: number }>(
      'select id, version from users where email = $1',
      [email],
    );
    const [{ n } = { n: 0 }] = await ctx.database.query<{ n: number }>(
      `select count(*)::int as n from user_roles r join institutions i on i.id = r.institution_id
        where i.slug = $1 and r.role = 'admin'`,
      [lonely],
    );
    expect(n).toBe(1);
    const res = await client.post(`/admin/it/users/${me!.id}/role`, cookie, {
      role: 'viewer',
      version: String(me!.version),
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('almeno un amministratore');
  });

  it('when an editor or another institution’s admin changes a Milan user, then it is refused and nothing changes', async () => {
    await ctx.services.accounts.createUser({
      email: 'target@milano.example.org',
      institution: milan,
      role: 'viewer',
    });
    const target = await userRow('target@milano.example.org');
    const editor = await client.signIn(milan, 'editor');
    const asEditor = await client.post(`/admin/it/users/${target.id}/role`, editor.cookie, {
      role: 'admin',
      version: String(target.version),
    });
    expect(asEditor.statusCode).toBe(403);
    const outsider = await client.signIn(florence, 'admin');
    const asFlorence = await client.post(`/admin/it/users/${target.id}/role`, outsider.cookie, {
      role: 'admin',
      version: String(target.version),
    });
    expect(asFlorence.statusCode).toBe(404);
    expect(emails((await client.get('/admin/it/users?q=target', outsider.cookie)).body)).toEqual([]);
    expect((await userRow('target@milano.example.org')).role).toBe('viewer');
  });
});
