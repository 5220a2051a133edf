// The back-office through HTTP: sign-in with CSRF and throttling, roles, isolation between institutions (a
// Florence editor against Milan's records), versions, the audit log, and the portal following every change.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, cookieOf, csrfIn, FORM } from '../../../test/admin.ts';
import { city, makeAgreement, makeOffice } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext, until } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { AgreementInput } from '../agreements/agreements.schemas.ts';

let ctx: TestContext;
let app: App;
let seq = 0;
/** The slugs of two institutions made for this file: "Milan" keeps the records, "Florence" reaches for them. */
let milan: string;
let florence: string;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  ({ signIn, get, post } = adminClient(app, ctx));
  milan = await makeOffice(ctx.services);
  florence = await makeOffice(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
let signIn: ReturnType<typeof adminClient>['signIn'];
let get: ReturnType<typeof adminClient>['get'];
let post: ReturnType<typeof adminClient>['post'];
/** A new agreement of Milan's with a partner city (published, active, permanent unless overridden). */
const milanAgreement = (name: string, country: string, overrides: Partial<AgreementInput> = {}) =>
  makeAgreement(ctx.services, milan, { partner: city(name, country), ...overrides });
const reread = (id: string) => ctx.services.agreements.get(id, { includeUnpublished: true });

describe('the dashboard', () => {
  it("when a fixed-term agreement's end has passed with no renewal recorded, then it is listed for review", async () => {
    // An institution of its own, so that the dashboard lists only what this test made.
    const office = await makeOffice(ctx.services);
    const ended = (name: string, country: string, endsOn: string) =>
      makeAgreement(ctx.services, office, {
        kind: 'collaboration_agreement',
        partner: city(name, country),
        term: { type: 'fixed', endsOn, renewal: 'none' },
      });
    await ended('Riga', 'LV', '2020-02-02');
    await ended('Betlemme', 'PS', '2018-11-25');
    await makeAgreement(ctx.services, office, { partner: city('Chicago', 'US') });
    const { cookie } = await signIn(office, 'viewer');
    const body = (await get('/admin/en/', cookie)).body;
    const section = body.slice(body.indexOf('Needs review'), body.indexOf('Expiring within 90 days'));
    expect(section).toContain('term ended on 2 February 2020');
    expect(section).toContain('term ended on 25 November 2018');
    // Twinnings without an end date are never listed there.
    expect(section).not.toContain('Chicago');
  });
});

describe('signing in', () => {
  it('when the login form is used, then the session cookie is HttpOnly, Secure and SameSite, and pages open', async () => {
    const page = await app.inject({ method: 'GET', url: '/admin/en/login' });
    expect(page.body).toContain('<html lang="en"');
    const { cookie } = await signIn(milan, 'viewer');
    const dashboard = await get('/admin/it/', cookie);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('Cruscotto');
    const res = await app.inject({ method: 'GET', url: '/admin/it/login' });
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/);
  });

  it('when the password is wrong or the form has no CSRF token, then sign-in is refused in the page language', async () => {
    const email = `wrong${++seq}@example.org`;
    await ctx.services.accounts.createUser({ email, institution: milan, role: 'viewer' });
    const page = await app.inject({ method: 'GET', url: '/admin/it/login' });
    const headers = { ...FORM, cookie: `ponte_login_csrf=${cookieOf(page, 'ponte_login_csrf')}` };
    const wrong = await app.inject({
      method: 'POST',
      url: '/admin/it/login',
      headers,
      payload: form({ _csrf: csrfIn(page.body), email, password: 'not the password' }),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('o la password non sono corretti.');
    expect(cookieOf(wrong, 'ponte_session')).toBeUndefined();
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/admin/en/login',
      headers,
      payload: form({ email, password: 'not the password' }),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.body).toContain('The form has expired');
  });

  it("when a sign-in form's token does not belong to the browser's pre-session, then sign-in is refused even with the right password", async () => {
    const email = `bound${++seq}@example.org`;
    const { password } = await ctx.services.accounts.createUser({
      email,
      institution: milan,
      role: 'viewer',
    });
    const mine = await app.inject({ method: 'GET', url: '/admin/it/login' });
    const theirs = await app.inject({ method: 'GET', url: '/admin/it/login' });
    const preSession = cookieOf(mine, 'ponte_login_csrf')!;
    const attempt = (cookie: string, token: string) =>
      app.inject({
        method: 'POST',
        url: '/admin/it/login',
        headers: { ...FORM, cookie: `ponte_login_csrf=${cookie}` },
        payload: form({ _csrf: token, email, password: password! }),
      });
    // Another browser's token; the pre-session itself as its token (a cookie an attacker could plant); a
    // token made up to match a planted cookie.
    for (const [cookie, token] of [
      [preSession, csrfIn(theirs.body)],
      [preSession, preSession],
      ['planted-value-planted-value-planted-value', 'planted-value-planted-value-planted-value'],
    ] as const) {
      const res = await attempt(cookie, token);
      expect(res.statusCode).toBe(403);
      expect(cookieOf(res, 'ponte_session')).toBeUndefined();
    }
    expect((await attempt(preSession, csrfIn(mine.body))).statusCode).toBe(303);
  });

  it('when a session is older than seven days, then the request that crosses the limit is already refused', async () => {
    const { cookie } = await signIn(milan, 'viewer');
    const token = cookie.replace('ponte_session=', '');
    // Used all week, so its idle expiry still lies ahead: only the absolute limit can end it.
    await ctx.database.query(
      `update sessions set created_at = now() - interval '7 days 1 minute', expires_at = now() + interval '1 hour'
        where token_hash = $1`,
      [createHash('sha256').update(token).digest('hex')],
    );
    expect(await ctx.services.accounts.session(token)).toBeUndefined();
    const res = await app.inject({ method: 'GET', url: '/admin/it/', headers: { cookie } });
    expect(res.statusCode).toBe(303);
  });

  it('when nobody is signed in, then back-office pages send to the sign-in page', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/en/agreements' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/en/login');
  });

  it('when a sign-out form comes without its CSRF token, then a page in the user language says the form expired and the session stays', async () => {
    const { cookie } = await signIn(milan, 'viewer');
    const res = await app.inject({
      method: 'POST',
      url: '/admin/it/logout',
      headers: { ...FORM, cookie },
      payload: '',
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('Modulo scaduto');
    expect(res.body).toContain('href="/admin/it/"');
    expect((await get('/admin/it/', cookie)).statusCode).toBe(200);
  });

  it('when signing out, then the session no longer opens pages', async () => {
    const { cookie } = await signIn(milan, 'viewer');
    const out = await post('/admin/it/logout', cookie, {});
    expect(out.statusCode).toBe(303);
    expect((await get('/admin/it/', cookie)).statusCode).toBe(303);
  });
});

describe('roles and isolation', () => {
  it('when a viewer tries to publish or change a status, then it is refused and nothing changes', async () => {
    const { cookie } = await signIn(milan, 'viewer');
    const chicago = await milanAgreement('Chicago', 'US');
    const page = await get(`/admin/it/agreements/${chicago.id}`, cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/publish"');
    const res = await post(`/admin/it/agreements/${chicago.id}/publish`, cookie, {
      version: String(chicago.version),
      published: 'false',
    });
    expect(res.statusCode).toBe(403);
    expect((await reread(chicago.id)).published).toBe(true);
  });

  it("when a Florence editor reaches for Milan's agreement, then it does not exist for them", async () => {
    const { cookie } = await signIn(florence, 'editor');
    const chicago = await milanAgreement('Chicago', 'US');
    expect((await get(`/admin/it/agreements/${chicago.id}`, cookie)).statusCode).toBe(404);
    const res = await post(`/admin/it/agreements/${chicago.id}/publish`, cookie, {
      version: String(chicago.version),
      published: 'false',
    });
    expect(res.statusCode).toBe(404);
    const status = await post(`/admin/it/agreements/${chicago.id}/status`, cookie, {
      version: String(chicago.version),
      status: 'suspended',
      date: '2026-11',
    });
    expect(status.statusCode).toBe(404);
    expect((await reread(chicago.id)).status).toBe('active');
    const list = await get('/admin/it/agreements?q=Chicago', cookie);
    expect(list.body).not.toContain('>Chicago</a>');
    expect(list.body).toContain('0 accordi');
  });

  it('when a form comes without the CSRF token, then it is refused', async () => {
    const { cookie } = await signIn(milan, 'editor');
    const chicago = await milanAgreement('Chicago', 'US');
    const res = await post(
      `/admin/it/agreements/${chicago.id}/publish`,
      cookie,
      { version: String(chicago.version), published: 'false' },
      'forged',
    );
    expect(res.statusCode).toBe(403);
    expect((await reread(chicago.id)).published).toBe(true);
  });
});

describe('keeping the record', () => {
  it('when an editor suspends a twinning with its act, then the portal shows it and the audit log says who', async () => {
    const { cookie, email } = await signIn(milan, 'editor');
    const toronto = await milanAgreement('Toronto', 'CA');
    const portalPage = () =>
      app.inject({
        method: 'GET',
        url: `/${milan}/it/partenariati/${toronto.slug}`,
        headers: { accept: 'text/html' },
      });
    // Read once so that the portal holds the page before the change: the change must replace it.
    const shown = await portalPage();
    expect(shown.statusCode).toBe(200);
    expect(shown.body).not.toContain('Delibera n. 99/2026');
    const res = await post(`/admin/it/agreements/${toronto.id}/status`, cookie, {
      version: String(toronto.version),
      status: 'suspended',
      date: '2026-11-20',
      reasonIt: 'Sospeso in attesa di verifica',
      act: 'Delibera n. 99/2026',
    });
    expect(res.statusCode).toBe(303);
    // The portal drops its copy when the change notification arrives: wait for that, not a fixed time.
    const portal = await until(
      async () => {
        const page = await portalPage();
        return page.body.includes('Delibera n. 99/2026') && page;
      },
      { message: 'the portal page to show the new act' },
    );
    expect(portal.body).toContain('Sospeso');
    expect(portal.body).toContain('Delibera n. 99/2026');
    const detail = await get(`/admin/it/agreements/${toronto.id}`, cookie);
    expect(detail.body).toContain(email);
    expect(detail.body).toContain('>cambio di stato</td>');
    expect(detail.body).toContain('<li>Stato: Attivo → Sospeso</li>');
    expect(detail.body).toContain('Delibera n. 99/2026');
    expect(detail.body).not.toContain('change_status');
    const [audit] = await ctx.database.query<{
      actor: string;
      before: { status: string };
      after: { status: string };
    }>(`select actor, before, after from audit_events where entity_id = $1 order by id desc limit 1`, [
      toronto.id,
    ]);
    expect(audit).toMatchObject({
      actor: email,
      before: { status: 'active' },
      after: { status: 'suspended' },
    });
  });

  it('when the form is stale, then the change is refused and the page shows the current version and the request', async () => {
    const { cookie } = await signIn(milan, 'editor');
    const osaka = await milanAgreement('Osaka', 'JP', { published: false });
    await ctx.services.agreements.setPublished(osaka.id, true, osaka.version);
    const res = await post(`/admin/en/agreements/${osaka.id}/status`, cookie, {
      version: String(osaka.version),
      status: 'suspended',
      date: '2026',
      act: 'Resolution 7',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Someone else changed this agreement');
    expect(res.body).toContain('act: Resolution 7');
    expect((await reread(osaka.id)).status).toBe('active');
  });

  it('when a date is not a date, then the error is beside the field and what was typed is kept', async () => {
    const { cookie } = await signIn(milan, 'editor');
    const lyon = await milanAgreement('Lione', 'FR');
    const res = await post(`/admin/it/agreements/${lyon.id}/status`, cookie, {
      version: String(lyon.version),
      status: 'suspended',
      date: '31/02/2026',
      act: 'Delibera 1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/id="e-date"[^>]*>Controlla questo campo: Scrivi una data vera/);
    expect(res.body).toContain('value="31/02/2026"');
    expect(res.body).toContain('value="Delibera 1"');
  });
});

describe('the audit log', () => {
  it("when the log is opened or downloaded, then it lists the institution's changes and none of another's", async () => {
    const editor = await signIn(milan, 'editor');
    const birmingham = await milanAgreement('Birmingham', 'GB');
    const res = await post(`/admin/it/agreements/${birmingham.id}/publish`, editor.cookie, {
      version: String(birmingham.version),
      published: 'false',
    });
    expect(res.statusCode).toBe(303);
    const page = await get('/admin/en/audit', editor.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(editor.email);
    const csv = await get('/admin/it/audit.csv', editor.cookie);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('at,actor,action,entity,entity_id,before,after');
    const mine = lines.find((l) => l.includes(birmingham.id));
    expect(mine).toContain(`${editor.email},unpublish,agreement`);
    expect(mine).toContain('""published"":true');

    const outsider = await signIn(florence, 'admin');
    const theirs = await get('/admin/it/audit.csv', outsider.cookie);
    expect(theirs.body).not.toContain(birmingham.id);
    expect(theirs.body).not.toContain(editor.email);
  });
});

describe('creating an agreement', () => {
  it('when the partner field is typed in Italian, then the gazetteer suggests the city with country and population', async () => {
    const { cookie } = await signIn(milan, 'editor');
    const res = await get('/admin/it/places?partner=Francoforte&country=DE', cookie);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Francoforte sul Meno, Germania');
    expect(res.body).toMatch(/name="geonamesId" value="2925533"[^>]*checked/);
    expect(res.body).toContain('<svg');
  });

  it('when the form names a city in Italian, then the agreement is created unpublished in the own institution', async () => {
    const { cookie } = await signIn(milan, 'editor');
    const csrf = csrfIn((await get('/admin/it/agreements/new', cookie)).body);
    const res = await post(
      '/admin/it/agreements/new',
      cookie,
      {
        kind: 'friendship_pact',
        partner: 'Lipsia',
        country: 'Germania',
        signed: '2026-10',
        descriptionIt: 'Prova',
      },
      csrf,
    );
    expect(res.statusCode).toBe(303);
    const created = await ctx.services.agreements.list(
      { institution: milan, q: 'Leipzig' },
      { includeUnpublished: true },
    );
    expect(created.items[0]).toMatchObject({ kind: 'friendship_pact', published: false });
    expect(created.items[0]!.partner.nameIt).toBe('Lipsia');
    // The history lists the values of the creation in words, without its id, version or timestamps.
    const { id, version } = created.items[0]!;
    for (const [lang, action, kind, partner] of [
      ['it', 'creazione', 'Tipo: Patto di amicizia', 'Partner: Lipsia'],
      ['en', 'created', 'Kind: Friendship pact', 'Partner: Leipzig'],
    ] as const) {
      const page = await get(`/admin/${lang}/agreements/${id}`, cookie);
      const history = page.body.match(/<section[^>]*aria-labelledby="history-title".*?<\/section>/s)?.[0];
      expect(history, lang).toContain(`>${action}</td>`);
      expect(history, lang).toContain(`<li>${kind}</li>`);
      expect(history, lang).toContain(`<li>${partner}</li>`);
      expect(history, lang).not.toContain(id);
      expect(history, lang).not.toMatch(/<li>[a-z][A-Za-z]*: /);
      expect(history, lang).not.toMatch(new RegExp(`<li>(Versione|Version): ${version}<`));
    }
  });

  it('when the city name is ambiguous, then the form asks which one and keeps what was typed', async () => {
    const { cookie } = await signIn(milan, 'editor');
    const res = await post('/admin/en/agreements/new', cookie, {
      kind: 'twinning',
      partner: 'Valencia',
      signed: '2026',
      descriptionEn: 'Kept text',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Several cities match the name');
    expect(res.body).toContain('Valencia, Spain');
    expect(res.body).toContain('Valencia, Venezuela');
    expect(res.body).toContain('value="Kept text"');
  });

  it('when a viewer submits the form, then it is refused', async () => {
    const { cookie } = await signIn(milan, 'viewer');
    const res = await post('/admin/it/agreements/new', cookie, {
      kind: 'twinning',
      partner: 'Lipsia',
      country: 'DE',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('users and tokens', () => {
  it('when an editor opens the users page or adds a user, then it is refused', async () => {
    const { cookie } = await signIn(milan, 'editor');
    expect((await get('/admin/it/users', cookie)).statusCode).toBe(403);
    const res = await post('/admin/it/users', cookie, {
      email: `x${++seq}@example.org`,
      name: 'X',
      role: 'admin',
    });
    expect(res.statusCode).toBe(403);
  });

  it("when an admin creates and revokes a token, then it works and stops; another institution's admin cannot revoke it", async () => {
    const admin = await signIn(milan, 'admin');
    const res = await post('/admin/en/tokens', admin.cookie, { tokenName: 'website sync', scope: 'write' });
    const token = res.body.match(/Token created: (ponte_[\w-]+)/)?.[1];
    expect(token).toBeDefined();
    const [row] = await ctx.database.query<{ id: string }>(
      `select id from api_tokens where name = 'website sync'`,
    );
    const outsider = await signIn(florence, 'admin');
    expect((await post(`/admin/en/tokens/${row!.id}/revoke`, outsider.cookie, {})).statusCode).toBe(404);
    expect(await ctx.services.accounts.apiToken(token!)).toBeDefined();
    expect((await post(`/admin/en/tokens/${row!.id}/revoke`, admin.cookie, {})).statusCode).toBe(200);
    expect(await ctx.services.accounts.apiToken(token!)).toBeUndefined();
  });
});
