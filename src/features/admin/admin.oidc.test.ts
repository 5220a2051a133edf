// Signing in at the institution's OpenID Connect provider, through HTTP against a real provider of the test's
// own on 127.0.0.1: discovery, JWKS, an authorize endpoint the test drives like a browser, and a token endpoint
// that checks the client's credentials and PKCE and signs ID tokens with a key made here.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf } from '../../../test/admin.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { createTestDeps, TEST_PUBLIC_URL, type TestContext, thrownSync } from '../../../test/support.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { App } from '../../platform/http/types.ts';
import { adminOidc, type OidcConfig, oidcLoginLink } from '../accounts/accounts.oidc.pages.tsx';
import { oidcStrings } from '../accounts/accounts.strings.ts';
import type { Role } from '../accounts/accounts.table.ts';

const CLIENT_ID = 'ponte-test';
const CLIENT_SECRET = `s3cret:${randomBytes(8).toString('hex')}`;

type Claims = Record<string, unknown>;

interface Grant {
  claims: Claims;
  redirectUri: string;
  challenge: string;
}

/** A provider of the test's own; `identity` is whoever signs in at its authorize endpoint next. */
async function startProvider(opts: { authMethod?: 'client_secret_basic' | 'client_secret_post' } = {}) {
  const authMethod = opts.authMethod ?? 'client_secret_basic';
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, Grant>();
  const provider = {
    issuer: '',
    identity: {} as Claims,
    /** Changes the claims of the next ID tokens (an attacker's or a broken provider's). */
    tweak: (claims: Claims): Claims => claims,
    signingKey: privateKey as CryptoKey,
    /** Changes the signed ID token before it is handed out. */
    afterSign: (jwt: string) => jwt,
    tokenRequests: 0,
    close: () => new Promise<void>((done) => server.close(() => done())),
    reset() {
      provider.tweak = (claims) => claims;
      provider.signingKey = privateKey;
      provider.afterSign = (jwt) => jwt;
    },
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const bodyOf = async (req: IncomingMessage) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    return new URLSearchParams(raw);
  };
  const s256 = (v: string) => createHash('sha256').update(v).digest('base64url');

  async function token(req: IncomingMessage, res: ServerResponse) {
    provider.tokenRequests += 1;
    const form = await bodyOf(req);
    const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${encodeURIComponent(CLIENT_SECRET)}`).toString('base64')}`;
    const authenticated =
      authMethod === 'client_secret_basic'
        ? req.headers.authorization === basic && !form.has('client_secret')
        : form.get('client_id') === CLIENT_ID &&
          form.get('client_secret') === CLIENT_SECRET &&
          !req.headers.authorization;
    if (!authenticated) return send(res, 401, { error: 'invalid_client' });
    const grant = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !grant ||
      grant.redirectUri !== form.get('redirect_uri') ||
      grant.challenge !== s256(form.get('code_verifier') ?? '')
    ) {
      return send(res, 400, { error: 'invalid_grant' });
    }
    const now = Math.floor(Date.now() / 1000);
    const claims = provider.tweak({
      iss: provider.issuer,
      aud: CLIENT_ID,
      iat: now,
      exp: now + 300,
      ...grant.claims,
    });
    const jwt = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(provider.signingKey);
    return send(res, 200, {
      access_token: 'opaque',
      token_type: 'Bearer',
      expires_in: 300,
      id_token: provider.afterSign(jwt),
    });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', provider.issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer: provider.issuer,
        authorization_endpoint: `${provider.issuer}/authorize`,
        token_endpoint: `${provider.issuer}/token`,
        jwks_uri: `${provider.issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: [authMethod],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return send(res, 200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (
        q.get('response_type') !== 'code' ||
        q.get('client_id') !== CLIENT_ID ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('scope')?.split(' ').includes('openid')
      ) {
        return send(res, 400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        claims: { ...provider.identity, nonce: q.get('nonce') },
        redirectUri: q.get('redirect_uri') ?? '',
        challenge: q.get('code_challenge') ?? '',
      });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      token(req, res).catch(() => send(res, 500, { error: 'server_error' }));
      return;
    }
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  provider.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return provider;
}

type Provider = Awaited<ReturnType<typeof startProvider>>;

let ctx: TestContext;
let provider: Provider;
let institution: string;
let app: App;
let seq = 0;

/** The real app, plus the OpenID Connect routes with this configuration (as app.ts registers them). */
async function appWith(ctx: TestContext, oidc: OidcConfig): Promise<App> {
  const a = await buildApp({ deps: ctx, config: { publicUrl: TEST_PUBLIC_URL } });
  await a.register(
    adminOidc({
      accounts: ctx.services.accounts,
      database: ctx.database,
      config: { publicUrl: TEST_PUBLIC_URL, ...oidc },
    }),
  );
  await a.ready();
  return a;
}

const configFor = (issuer: string): OidcConfig => ({
  oidcIssuer: issuer,
  oidcClientId: CLIENT_ID,
  oidcClientSecret: CLIENT_SECRET,
  oidcInstitution: institution,
});

beforeAll(async () => {
  ctx = await createTestDeps();
  institution = (await makeInstitution(ctx.services)).slug;
  provider = await startProvider();
  app = await appWith(ctx, configFor(provider.issuer));
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
  await ctx?.close();
});

const setCookie = (res: { headers: Record<string, unknown> }, name: string): string =>
  [res.headers['set-cookie']].flat().find((c) => String(c).startsWith(`${name}=`)) as string;

async function makeUser(opts: { role?: Role; institution?: string } = {}) {
  const email = `staff${++seq}.${randomBytes(3).toString('hex')}@example.org`;
  const { user } = await ctx.services.accounts.createUser({
    email,
    institution: opts.institution ?? institution,
    role: opts.role ?? 'editor',
  });
  return { id: user.id, email };
}

const subjectOf = async (id: string) =>
  (
    await ctx.database.query<{ oidc_subject: string | null }>(
      'select oidc_subject from users where id = $1',
      [id],
    )
  )[0]?.oidc_subject;

/**
 * A browser's sign-in: Ponte's start page, the provider's authorize endpoint (which signs in `identity` at
 * once), and the provider's redirect back to Ponte, which `alter` may change before it is followed.
 */
async function signInAs(
  identity: Claims,
  opts: { lang?: 'it' | 'en'; on?: App; alter?: (back: URL) => void; cookie?: (c: string) => string } = {},
) {
  const lang = opts.lang ?? 'it';
  const on = opts.on ?? app;
  const start = await on.inject({ method: 'GET', url: `/admin/${lang}/oidc/start` });
  expect(start.statusCode, start.body).toBe(303);
  const pending = cookieOf(start, 'ponte_oidc');
  expect(pending).toBeTruthy();
  provider.identity = identity;
  const authorize = await fetch(String(start.headers.location), { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  const back = new URL(authorize.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(`${TEST_PUBLIC_URL}/admin/${lang}/oidc/callback`);
  opts.alter?.(back);
  const cookie = opts.cookie ? opts.cookie(pending!) : `ponte_oidc=${pending}`;
  const res = await on.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie } });
  return { start, back, res, cookie };
}

const signedIn = async (res: { headers: Record<string, unknown> }) => {
  const token = cookieOf(res, 'ponte_session');
  if (!token) return undefined;
  return ctx.services.accounts.session(token);
};

function expectRefused(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
  text: string,
  lang: 'it' | 'en' = 'it',
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.body).toContain(`<html lang="${lang}"`);
  expect(res.body).toContain(text);
  expect(res.body).toContain(`href="/admin/${lang}/login"`);
  expect(cookieOf(res, 'ponte_session')).toBeUndefined();
}

const it_ = oidcStrings('it');

describe('signing in at the OpenID Connect provider', () => {
  it('when the sign-in starts, then the provider gets a PKCE S256 challenge, state and nonce, kept in a short HttpOnly cookie', async () => {
    const start = await app.inject({ method: 'GET', url: '/admin/it/oidc/start' });
    expect(start.statusCode).toBe(303);
    const to = new URL(String(start.headers.location));
    expect(`${to.origin}${to.pathname}`).toBe(`${provider.issuer}/authorize`);
    const q = to.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(`${TEST_PUBLIC_URL}/admin/it/oidc/callback`);
    expect(q.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email']));
    expect(q.get('code_challenge_method')).toBe('S256');
    for (const k of ['state', 'nonce', 'code_challenge']) expect(q.get(k)?.length).toBeGreaterThanOrEqual(43);
    expect(q.get('state')).not.toBe(q.get('nonce'));
    const pending = cookieOf(start, 'ponte_oidc')!;
    // The verifier stays in the cookie: only its hash goes to the provider.
    const verifier = pending.split('.')[2]!;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(q.get('code_challenge'));
    expect(String(start.headers.location)).not.toContain(verifier);
    const header = setCookie(start, 'ponte_oidc');
    for (const attr of [/HttpOnly/, /Secure/, /SameSite=Lax/, /Path=\/;/, /Max-Age=600/]) {
      expect(header).toMatch(attr);
    }
    const again = await app.inject({ method: 'GET', url: '/admin/it/oidc/start' });
    expect(cookieOf(again, 'ponte_oidc')).not.toBe(pending);
  });

  it('when a user of the institution signs in with a verified e-mail, then a session opens and the subject is stored; later the subject alone is enough', async () => {
    const user = await makeUser();
    const sub = `sub-${randomBytes(6).toString('hex')}`;
    const first = await signInAs({ sub, email: user.email.toUpperCase(), email_verified: true });
    expect(first.res.statusCode, first.res.body).toBe(303);
    expect(first.res.headers.location).toBe('/admin/it/');
    for (const attr of [/HttpOnly/, /Secure/, /SameSite=Lax/, /Path=\/;/, /Expires=/]) {
      expect(setCookie(first.res, 'ponte_session')).toMatch(attr);
    }
    expect((await signedIn(first.res))?.user.id).toBe(user.id);
    // The sign-in in progress is over: its cookie is cleared.
    expect(setCookie(first.res, 'ponte_oidc')).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    expect(await subjectOf(user.id)).toBe(`${provider.issuer}#${sub}`);
    const dashboard = await app.inject({
      method: 'GET',
      url: '/admin/it/',
      headers: { cookie: `ponte_session=${cookieOf(first.res, 'ponte_session')}` },
    });
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain(user.email);
    const audit = await ctx.database.query<{ action: string; actor: string }>(
      `select action, actor from audit_events where entity = 'user' and entity_id = $1 and action = 'link_oidc'`,
      [user.id],
    );
    expect(audit).toEqual([{ action: 'link_oidc', actor: user.email }]);

    // The provider no longer vouches for the address: the stored subject is what counts now.
    const second = await signInAs(
      { sub, email: 'someone.else@example.org', email_verified: false },
      { lang: 'en' },
    );
    expect(second.res.statusCode, second.res.body).toBe(303);
    expect(second.res.headers.location).toBe('/admin/en/');
    expect((await signedIn(second.res))?.user.id).toBe(user.id);
  });

  it('when the provider prefers client_secret_post, then the secret goes in the body and the sign-in works', async () => {
    const other = await startProvider({ authMethod: 'client_secret_post' });
    const postApp = await appWith(ctx, configFor(other.issuer));
    try {
      const user = await makeUser();
      const start = await postApp.inject({ method: 'GET', url: '/admin/it/oidc/start' });
      other.identity = { sub: 'post-1', email: user.email, email_verified: true };
      const authorize = await fetch(String(start.headers.location), { redirect: 'manual' });
      const back = new URL(authorize.headers.get('location') ?? '');
      const res = await postApp.inject({
        method: 'GET',
        url: `${back.pathname}${back.search}`,
        headers: { cookie: `ponte_oidc=${cookieOf(start, 'ponte_oidc')}` },
      });
      expect(res.statusCode, res.body).toBe(303);
      expect((await signedIn(res))?.user.id).toBe(user.id);
    } finally {
      await postApp.close();
      await other.close();
    }
  });

  it('when the state that comes back is not the one of this browser, or the cookie is missing, then the sign-in is refused before the code is used', async () => {
    const user = await makeUser();
    const identity = { sub: `s-${++seq}`, email: user.email, email_verified: true };
    const before = provider.tokenRequests;
    const forged = await signInAs(identity, {
      alter: (back) => back.searchParams.set('state', randomBytes(32).toString('base64url')),
    });
    expectRefused(forged.res, 400, it_.refused.bad_state);
    const noCookie = await signInAs(identity, { cookie: () => '' });
    expectRefused(noCookie.res, 400, it_.refused.bad_state);
    // A cookie of a sign-in started in the other language does not fit either.
    const otherLang = await signInAs(identity, { cookie: (c) => `ponte_oidc=${c.replace(/\.it$/, '.en')}` });
    expectRefused(otherLang.res, 400, it_.refused.bad_state);
    expect(provider.tokenRequests).toBe(before);
    expect(await subjectOf(user.id)).toBeNull();
  });

  it('when the answer of a completed sign-in is replayed, then the code is refused', async () => {
    const user = await makeUser();
    const first = await signInAs({ sub: `s-${++seq}`, email: user.email, email_verified: true });
    expect(first.res.statusCode).toBe(303);
    const replay = await app.inject({
      method: 'GET',
      url: `${first.back.pathname}${first.back.search}`,
      headers: { cookie: first.cookie },
    });
    expectRefused(replay, 400, it_.refused.rejected_code);
  });

  it('when the provider answers with an error, then a page says so in the page language with the way back', async () => {
    const start = await app.inject({ method: 'GET', url: '/admin/en/oidc/start' });
    const state = new URL(String(start.headers.location)).searchParams.get('state');
    const res = await app.inject({
      method: 'GET',
      url: `/admin/en/oidc/callback?error=access_denied&state=${state}`,
      headers: { cookie: `ponte_oidc=${cookieOf(start, 'ponte_oidc')}` },
    });
    expectRefused(res, 400, oidcStrings('en').refused.provider_error, 'en');
  });

  const badTokens: [string, (p: Provider, other: CryptoKey) => void][] = [
    ['is signed with another key', (p, other) => (p.signingKey = other)],
    [
      'was altered after signing',
      (p) =>
        (p.afterSign = (jwt) => {
          const [h, payload, s] = jwt.split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
          claims.sub = 'someone-else';
          return [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
        }),
    ],
    ['names another issuer', (p) => (p.tweak = (c) => ({ ...c, iss: 'https://elsewhere.example.org' }))],
    ['is meant for another client', (p) => (p.tweak = (c) => ({ ...c, aud: 'another-client' }))],
    [
      'has expired',
      (p) => (p.tweak = (c) => ({ ...c, iat: Number(c['iat']) - 7200, exp: Number(c['iat']) - 3600 })),
    ],
    [
      'carries a wrong nonce',
      (p) => (p.tweak = (c) => ({ ...c, nonce: randomBytes(32).toString('base64url') })),
    ],
    ['carries no nonce', (p) => (p.tweak = ({ nonce: _, ...c }) => c)],
  ];

  it.each(badTokens)(
    'when the ID token %s, then the sign-in is refused and nothing is stored',
    async (_, spoil) => {
      const user = await makeUser();
      const { privateKey: other } = await generateKeyPair('RS256');
      spoil(provider, other);
      try {
        const { res } = await signInAs({ sub: `s-${++seq}`, email: user.email, email_verified: true });
        expectRefused(res, 400, it_.refused.invalid_token);
      } finally {
        provider.reset();
      }
      expect(await subjectOf(user.id)).toBeNull();
    },
  );

  it('when no Ponte user has the e-mail, then the sign-in is refused and no user is created, in the page language', async () => {
    const email = `nobody${++seq}@example.org`;
    const { res } = await signInAs({ sub: `s-${seq}`, email, email_verified: true }, { lang: 'en' });
    expectRefused(res, 403, oidcStrings('en').refused.unknown_user, 'en');
    const rows = await ctx.database.query('select 1 from users where lower(email) = lower($1)', [email]);
    expect(rows).toHaveLength(0);
  });

  it('when the e-mail is not verified at the provider, then it is not matched', async () => {
    const user = await makeUser();
    for (const email_verified of [false, undefined, 'no']) {
      const { res } = await signInAs({ sub: `s-${++seq}`, email: user.email, email_verified });
      expectRefused(res, 403, it_.refused.unverified_email);
    }
    expect(await subjectOf(user.id)).toBeNull();
  });

  it('when the user is disabled, then the sign-in is refused, by e-mail and by stored subject alike', async () => {
    const byEmail = await makeUser();
    await ctx.database.query('update users set disabled = true where id = $1', [byEmail.id]);
    const first = await signInAs({ sub: `s-${++seq}`, email: byEmail.email, email_verified: true });
    expectRefused(first.res, 403, it_.refused.disabled_user);
    expect(await subjectOf(byEmail.id)).toBeNull();

    const linked = await makeUser();
    const sub = `s-${++seq}`;
    expect((await signInAs({ sub, email: linked.email, email_verified: true })).res.statusCode).toBe(303);
    await ctx.database.query('update users set disabled = true where id = $1', [linked.id]);
    const again = await signInAs({ sub });
    expectRefused(again.res, 403, it_.refused.disabled_user);
  });

  it('when the user has a role only in another institution, then the provider of this one does not let them in', async () => {
    const elsewhere = (await makeInstitution(ctx.services)).slug;
    const user = await makeUser({ institution: elsewhere });
    const { res } = await signInAs({ sub: `s-${++seq}`, email: user.email, email_verified: true });
    expectRefused(res, 403, it_.refused.unknown_user);
    expect(await subjectOf(user.id)).toBeNull();
  });

  it('when the user of the e-mail is already linked to another subject, then a second identity cannot take it over', async () => {
    const user = await makeUser();
    const first = await signInAs({ sub: `s-${++seq}`, email: user.email, email_verified: true });
    expect(first.res.statusCode).toBe(303);
    const intruder = await signInAs({ sub: `s-${++seq}`, email: user.email, email_verified: true });
    expectRefused(intruder.res, 403, it_.refused.linked_elsewhere);
  });

  it('when the provider cannot be reached, then a page says so, not a server error', async () => {
    const closed = await startProvider();
    const issuer = closed.issuer;
    await closed.close();
    const down = await appWith(ctx, configFor(issuer));
    try {
      const res = await down.inject({ method: 'GET', url: '/admin/it/oidc/start' });
      expectRefused(res, 503, it_.refused.unreachable);
    } finally {
      await down.close();
    }
  });
});

describe('when OpenID Connect is not configured', () => {
  it('then its routes do not exist and the sign-in form gets no button', async () => {
    const off = await appWith(ctx, {});
    try {
      for (const url of ['/admin/it/oidc/start', '/admin/en/oidc/callback?code=x&state=y']) {
        expect((await off.inject({ method: 'GET', url })).statusCode).toBe(404);
      }
    } finally {
      await off.close();
    }
    expect(oidcLoginLink({}, 'it')).toBeUndefined();
    expect(oidcLoginLink({ oidcIssuer: provider.issuer, oidcClientId: CLIENT_ID }, 'it')).toBeUndefined();
    expect(oidcLoginLink(configFor(provider.issuer), 'en')).toEqual({
      href: '/admin/en/oidc/start',
      label: oidcStrings('en').signInWith,
    });
    expect(oidcLoginLink({ ...configFor(provider.issuer), oidcLabel: 'Entra con MyID' }, 'it')?.label).toBe(
      'Entra con MyID',
    );
  });
});

describe('the OpenID Connect configuration', () => {
  const complete = {
    OIDC_ISSUER: 'https://id.comune.example.it/realms/staff',
    OIDC_CLIENT_ID: 'ponte',
    OIDC_CLIENT_SECRET: 'hunter2-do-not-print',
    OIDC_INSTITUTION: 'milano',
  };

  it('when the four keys are set, then they are read', () => {
    expect(loadConfig(complete)).toMatchObject({
      oidcIssuer: complete.OIDC_ISSUER,
      oidcClientId: 'ponte',
      oidcClientSecret: complete.OIDC_CLIENT_SECRET,
      oidcInstitution: 'milano',
      oidcLabel: undefined,
    });
    expect(loadConfig({}).oidcIssuer).toBeUndefined();
  });

  it('when only some of the keys are set, then the start fails naming each missing one and never the secret', () => {
    const { OIDC_INSTITUTION: _, OIDC_CLIENT_ID: __, ...partial } = complete;
    expect(() => loadConfig(partial)).toThrow(/OIDC_CLIENT_ID is missing[\s\S]*OIDC_INSTITUTION is missing/);
    expect(() => loadConfig({ OIDC_CLIENT_SECRET: complete.OIDC_CLIENT_SECRET })).toThrow(
      /OIDC_ISSUER is missing/,
    );
    const err = thrownSync(() => loadConfig({ OIDC_CLIENT_SECRET: complete.OIDC_CLIENT_SECRET }));
    expect(err.message).toMatch(/OIDC_ISSUER is missing/);
    expect(err.message).not.toContain('hunter2');
  });

  it('when the issuer is plain http on another machine, then it is refused; on localhost it is allowed', () => {
    expect(() => loadConfig({ ...complete, OIDC_ISSUER: 'http://id.example.it' })).toThrow(
      /OIDC_ISSUER must be an https/,
    );
    expect(loadConfig({ ...complete, OIDC_ISSUER: 'http://127.0.0.1:8080/realms/x' }).oidcIssuer).toBe(
      'http://127.0.0.1:8080/realms/x',
    );
  });
});
