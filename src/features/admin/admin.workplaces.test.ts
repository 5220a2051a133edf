// Working in more than one institution: a user with roles in two switches between them and acts with the
// role held in each; nobody can switch into an institution where they hold none; a platform administrator
// works in any institution as its admin, and the audit log names them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn } from '../../../test/admin.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;
let client: ReturnType<typeof adminClient>;

beforeAll(async () => {
  ctx = await createTestDeps({ seed: true });
  app = await createTestApp(ctx);
  client = adminClient(app, ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const milan = async (q: string) =>
  (await ctx.services.agreements.list({ institution: 'milano', q }, { includeUnpublished: true })).items[0]!;
const publish = (id: string, version: number, cookie: string) =>
  client.post(`/admin/it/agreements/${id}/publish`, cookie, { version: String(version), published: 'false' });

describe('working in several institutions', () => {
  it('when a Milan editor who is also a Florence viewer switches to Florence, then Milan records are out of reach and Florence is read-only', async () => {
    const { cookie, email } = await client.signIn('milano', 'editor');
    await ctx.database.query(
      `insert into user_roles (user_id, institution_id, role)
       select u.id, i.id, 'viewer' from users u, institutions i where u.email = $1 and i.slug = 'firenze'`,
      [email],
    );
    const list = await client.get('/admin/it/institutions', cookie);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Comune di Firenze');
    expect(list.body).toContain('Ente attuale');

    const a = await milan('Francoforte');
    const switched = await client.post('/admin/it/institutions', cookie, { institution: 'firenze' });
    expect(switched.statusCode).toBe(303);
    expect((await client.get(`/admin/it/agreements/${a.id}`, cookie)).statusCode).toBe(404);
    // Working as Florence's viewer, no write gets past the access step, Milan's record least of all.
    expect((await publish(a.id, a.version, cookie)).statusCode).toBe(403);
    expect((await milan('Francoforte')).version).toBe(a.version);

    const florence = (
      await ctx.services.agreements.list({ institution: 'firenze', limit: 1 }, { includeUnpublished: true })
    ).items[0];
    if (florence) expect((await publish(florence.id, florence.version, cookie)).statusCode).toBe(403);

    expect((await client.post('/admin/it/institutions', cookie, { institution: 'milano' })).statusCode).toBe(
      303,
    );
    expect((await client.get(`/admin/it/agreements/${a.id}`, cookie)).statusCode).toBe(200);
  });

  it('when someone tries to switch into an institution where they hold no role, then it is refused', async () => {
    const { cookie } = await client.signIn('firenze', 'admin');
    const res = await client.post('/admin/en/institutions', cookie, { institution: 'milano' });
    expect(res.statusCode).toBe(403);
    const a = await milan('Francoforte');
    expect((await client.get(`/admin/en/agreements/${a.id}`, cookie)).statusCode).toBe(404);
  });
});

describe('the platform administrator', () => {
  it('when signed in, then every institution is listed; after choosing Milan they act as its admin and the log names them', async () => {
    const email = `platform.${process.pid}@example.org`;
    const { password } = await ctx.services.accounts.createUser({ email, platformAdmin: true });
    const cookie = await client.login(email, password!);
    const home = await client.get('/admin/en/', cookie);
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/admin/en/institutions');
    const list = await client.get('/admin/en/institutions', cookie);
    for (const name of ['City of Milan', 'City of Florence', 'Metropolitan City of Florence']) {
      expect(list.body).toContain(name);
    }
    const chose = await client.post(
      '/admin/en/institutions',
      cookie,
      { institution: 'milano' },
      csrfIn(list.body),
    );
    expect(chose.statusCode).toBe(303);
    expect((await client.get('/admin/en/users', cookie)).statusCode).toBe(200);
    const a = await milan('Francoforte');
    expect((await publish(a.id, a.version, cookie)).statusCode).toBe(303);
    const audit = await client.get('/admin/en/audit', cookie);
    expect(audit.body).toContain(email);
  });
});
