// The setting of the record types' back-office page tests (features/*/<type>.pages.test.ts and
// record-types.pages.test.ts): two institutions made for the file, "milano" and "firenze" (named after the
// demo's so the tests read as before; nothing comes from the demo seed), Milan's staff in every role and a
// Florence editor signed in through the login form, requests as they would send them, and fixtures written
// as the database owner.
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../src/features/accounts/accounts.table.ts';
import type { App } from '../src/platform/http/types.ts';
import { adminClient, csrfIn, FORM } from './admin.ts';
import { makeInstitution } from './factories.ts';
import { createTestApp, createTestDeps, type TestContext, uniqueSlug } from './support.ts';

export let ctx: TestContext;
export let app: App;
export let seq = 0;
export let milanId: string;

export interface Staff {
  cookie: string;
  email: string;
  csrf: string;
}

/** A user of an institution with a role (or a platform admin there), signed in through the login form. */
export async function signIn(institution: string, role: Role, platformAdmin = false): Promise<Staff> {
  const email = `${platformAdmin ? 'platform' : role}${++seq}.${institution}@example.org`;
  const { password } = await ctx.services.accounts.createUser({ email, institution, role, platformAdmin });
  const cookie = await adminClient(app, ctx).login(email, password!);
  const home = await app.inject({ method: 'GET', url: '/admin/it/', headers: { cookie } });
  return { cookie, email, csrf: csrfIn(home.body) };
}

export const get = (url: string, who: Staff) =>
  app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
export const post = (url: string, who: Staff, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  body.append('_csrf', who.csrf);
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...FORM, cookie: who.cookie },
    payload: body.toString(),
  });
};

/** The names in the first column of a list page's table, in order. */
export const rowNames = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a><\/th>/g)].map((m) => m[1]!);

/** The text of the error paragraph beside a field. */
export const errorOf = (html: string, name: string) =>
  html.match(new RegExp(`<p id="e-${name}"[^>]*>([^<]*)</p>`))?.[1];

export const one = async <T>(sql: string, params: unknown[]): Promise<T | undefined> =>
  (await ctx.database.query<T>(sql, params))[0];

export async function organisation(institutionId: string, name = `Org ${uniqueSlug('o')}`) {
  const [row] = await ctx.services.counterparts.ensureMany(institutionId, [
    { type: 'organisation', nameIt: `${name} (it)`, nameEn: name },
  ]);
  return row!;
}

export async function unit(institutionId: string, slug = uniqueSlug('u')) {
  return ctx.services.institutions.addUnit(
    institutionId,
    { slug, nameIt: `Ufficio ${slug}`, nameEn: `Unit ${slug}` },
    50,
  );
}

export async function network(name = uniqueSlug('net')) {
  return ctx.services.networks.create({ slug: name, nameIt: `Rete ${name}`, nameEn: `Network ${name}` });
}

export async function membership(institution = 'milano', unit?: string) {
  const net = await network();
  const row = await ctx.services.networks.join(institution, {
    network: net.slug,
    roleIt: 'Membro',
    ...(unit ? { unit } : {}),
  });
  return { network: net, membership: row };
}

export const auditCount = async (entity: string, actor: string) =>
  (await one<{ n: number }>('select count(*)::int as n from audit_events where entity = $1 and actor = $2', [
    entity,
    actor,
  ]))!.n;

export let milan: Record<'admin' | 'editor' | 'viewer' | 'platform', Staff>;
export let florenceEditor: Staff;

/** Registers the test file's setting: a database with two institutions, the app, and what the tests share. */
export function useRecordsPages() {
  beforeAll(async () => {
    ctx = await createTestDeps();
    app = await createTestApp(ctx);
    milanId = (await makeInstitution(ctx.services, { slug: 'milano' })).id;
    await makeInstitution(ctx.services, { slug: 'firenze' });
    milan = {
      admin: await signIn('milano', 'admin'),
      editor: await signIn('milano', 'editor'),
      viewer: await signIn('milano', 'viewer'),
      platform: await signIn('milano', 'admin', true),
    };
    florenceEditor = await signIn('firenze', 'editor');
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
  });
}
