// Working in more than one institution: a user with roles in two switches between them and acts with the
// role held in each; nobody can switch into an institution where they hold none; a platform administrator
// works in any institution as its admin, and the audit log names them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn } from '../../../test/admin.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { city, makeAgreement } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { Institution } from '../institutions/institutions.schemas.ts';

let ctx: TestContext;
let app: App;
let client: ReturnType<typeof adminClient>;
/** Three institutions made for this file, each with an agreement: Milan, Florence and a third one. */
let milan: Institution;
let florence: Institution;
let third: Institution;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  client = adminClient(app, ctx);
  [milan, florence, third] = [
    await makeInstitution(ctx.services),
    await makeInstitution(ctx.services),
    await makeInstitution(ctx.services),
  ];
  await makeAgreement(ctx.services, milan.slug, { partner: city('Francoforte', 'DE') });
  await makeAgreement(ctx.services, florence.slug, { partner: city('Edimburgo', 'GB') });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** The one agreement of an institution, as stored now. */
const agreementOf = async (institution: Institution) =>
  (await ctx.services.agreements.list({ institution: institution.slug }, { includeUnpublished: true }))
    .items[0]!;
const publish = (id: string, version: number, cookie: string) =>
  client.post(`/admin/it/agreements/${id}/publish`, cookie, { version: String(version), published: 'false' });

describe('working in several institutions', () => {
  it('when a Milan editor who is also a Florence viewer switches to Florence, then Milan records are out of reach and Florence is read-only', async () => {
    const { cookie, email } = await client.signIn(milan.slug, 'editor');
    await ctx.database.query(
      `insert into user_roles (user_id, institution_id, role)
       select u.id, i.id, 'viewer' from users u, institutions i where u.email = $1 and i.slug = $2`,
      [email, florence.slug],
    );
    const list = await client.get('/admin/it/institutions', cookie);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(florence.nameIt);
    expect(list.body).toContain('Ente attuale');

    const a = await agreementOf(milan);
    const switched = await client.post('/admin/it/institutions', cookie, { institution: florence.slug });
    expect(switched.statusCode).toBe(303);
    expect((await client.get(`/admin/it/agreements/${a.id}`, cookie)).statusCode).toBe(404);
    // Working as Florence's viewer, no write gets past the access step, Milan's record least of all.
    expect((await publish(a.id, a.version, cookie)).statusCode).toBe(403);
    expect((await agreementOf(milan)).version).toBe(a.version);

    const theirs = await agreementOf(florence);
    expect((await publish(theirs.id, theirs.version, cookie)).statusCode).toBe(403);
    expect((await agreementOf(florence)).version).toBe(theirs.version);

    expect(
      (await client.post('/admin/it/institutions', cookie, { institution: milan.slug })).statusCode,
    ).toBe(303);
    expect((await client.get(`/admin/it/agreements/${a.id}`, cookie)).statusCode).toBe(200);
  });

  it('when someone tries to switch into an institution where they hold no role, then it is refused', async () => {
    const { cookie } = await client.signIn(florence.slug, 'admin');
    const res = await client.post('/admin/en/institutions', cookie, { institution: milan.slug });
    expect(res.statusCode).toBe(403);
    const a = await agreementOf(milan);
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
    for (const { nameEn } of [milan, florence, third]) expect(list.body).toContain(nameEn);
    const chose = await client.post(
      '/admin/en/institutions',
      cookie,
      { institution: milan.slug },
      csrfIn(list.body),
    );
    expect(chose.statusCode).toBe(303);
    expect((await client.get('/admin/en/users', cookie)).statusCode).toBe(200);
    const a = await agreementOf(milan);
    expect((await publish(a.id, a.version, cookie)).statusCode).toBe(303);
    const audit = await client.get('/admin/en/audit', cookie);
    expect(audit.body).toContain(email);
  });
});
