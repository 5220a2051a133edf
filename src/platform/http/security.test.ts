// Security headers on every answer: the portal (through its routes and its fast path alike), the back-office,
// the API and its documentation, error pages; HSTS only behind an https PUBLIC_URL.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import { buildApp } from '../../app.ts';
import type { App } from './types.ts';

let ctx: TestContext;
let app: App;
let slug: string;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  slug = (await makeInstitution(ctx.services)).slug;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const csp = (headers: Record<string, unknown>) =>
  Object.fromEntries(
    String(headers['content-security-policy'] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  ) as Record<string, string[]>;

function expectCommon(headers: Record<string, unknown>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeDefined();
  expect(headers['x-powered-by']).toBeUndefined();
  const policy = csp(headers);
  expect(policy['script-src'] ?? policy['default-src']).not.toContain("'unsafe-inline'");
  return policy;
}

describe('security headers', () => {
  it('when a portal page is served by its route and then by the fast path, then both carry the same policy, framable only by the site itself', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/${slug}/it/`;
    const first = await fetch(url);
    const second = await fetch(url);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const names = ['content-security-policy', 'x-frame-options', 'referrer-policy', 'x-content-type-options'];
    for (const name of names) expect(second.headers.get(name), name).toBe(first.headers.get(name));
    const headers = Object.fromEntries(second.headers);
    const policy = expectCommon(headers);
    expect(policy['frame-ancestors']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['strict-transport-security']).toBeUndefined();

    // The page's one inline style block is allowed by its hash, and nothing else inline is.
    const html = await first.text();
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1];
    expect(style).toBeDefined();
    const hash = `'sha256-${createHash('sha256').update(style!).digest('base64')}'`;
    expect(policy['style-src']).toEqual(["'self'", hash]);
    const notModified = await fetch(url, { headers: { 'if-none-match': second.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('content-security-policy')).toBe(
      first.headers.get('content-security-policy'),
    );
  });

  it('when the back-office, the API, its documentation or a missing page answers, then each has its policy', async () => {
    const login = await app.inject({ method: 'GET', url: '/admin/it/login' });
    expect(login.statusCode).toBe(200);
    expect(expectCommon(login.headers)['frame-ancestors']).toEqual(["'none'"]);
    expect(login.headers['x-frame-options']).toBe('DENY');
    expect(login.headers['referrer-policy']).toBe('no-referrer');

    const api = await app.inject({ method: 'GET', url: `/api/v1/agreements?institution=${slug}` });
    expect(api.statusCode).toBe(200);
    expect(expectCommon(api.headers)['default-src']).toEqual(["'none'"]);

    const refused = await app.inject({ method: 'POST', url: '/api/v1/agreements', payload: {} });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expectCommon(refused.headers);

    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expectCommon(docs.headers);

    const missing = await app.inject({
      method: 'GET',
      url: `/${slug}/it/nessuna-pagina`,
      headers: { accept: 'text/html' },
    });
    expect(missing.statusCode).toBe(404);
    expectCommon(missing.headers);
  });

  it('when PUBLIC_URL is https, then answers ask browsers to keep to https (HSTS)', async () => {
    const secure = await buildApp({ deps: ctx, config: { publicUrl: 'https://relazioni.example.org' } });
    try {
      const res = await secure.inject({ method: 'GET', url: `/${slug}/it/` });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(csp(res.headers)['upgrade-insecure-requests']).toEqual([]);
    } finally {
      await secure.close();
    }
  });
});
