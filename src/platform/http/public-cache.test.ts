// The public API's GET answers are cached like the portal's pages: the same body and ETag until a change,
// 304 on a match, the API's security headers, and never for a caller with credentials.
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeAgreements, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import {
  createTestApp,
  createTestDeps,
  TEST_PUBLIC_URL,
  type TestContext,
  uniqueSlug,
  until,
} from '../../../test/support.ts';
import { buildApp } from '../../app.ts';
import type { Agreement, AgreementPage } from '../../features/agreements/agreements.schemas.ts';
import type { App } from './types.ts';

let ctx: TestContext;
let app: App;
let writeToken: string;
/** An institution of this file's own: eleven published agreements and one unpublished, in one network. */
let inst: string;
let renamed: Agreement;
let unpublished: Agreement;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  inst = (await makeInstitution(ctx.services)).slug;
  const made = await makeAgreements(ctx.services, inst, 12, (i) => (i === 3 ? { published: false } : {}));
  renamed = made[2]!;
  unpublished = made[3]!;
  const network = uniqueSlug('net');
  await ctx.services.networks.create({ slug: network, nameIt: 'Rete di prova', nameEn: 'Test network' });
  await ctx.services.networks.join(inst, { network, unit: 'relazioni' });
  writeToken = (
    await ctx.services.accounts.createApiToken({
      institution: inst,
      name: 'cache-test',
      scope: 'write',
      actor: TEST_ACTOR,
    })
  ).token;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });
const list = (query: string) => `/api/v1/agreements?institution=${inst}&${query}`;
const LIST_QUERY = 'kind=twinning&limit=50';
/**
 * The change notification reaches the cache after the commit, on its own connection: waits until the
 * anonymous answer at `url` is no longer `before` (its ETag changed).
 */
const changed = (url: string, before: { headers: Record<string, unknown> }) =>
  until(
    async () => {
      const res = await get(url);
      return res.headers['etag'] !== before.headers['etag'] && res;
    },
    { message: `the cached answer of ${url} to be dropped` },
  );

describe('public API cache', () => {
  it('when an anonymous GET is asked again, then the same body comes from the cache, with ETag and the API headers', async () => {
    const listed = vi.spyOn(ctx.services.agreements, 'list');
    try {
      const first = await get(list('limit=7'));
      expect(first.statusCode).toBe(200);
      const second = await get(list('limit=7'));
      expect(second.statusCode).toBe(200);
      expect(listed).toHaveBeenCalledTimes(1);
      expect(second.body).toBe(first.body);
      expect((second.json() as AgreementPage).items).toHaveLength(7);
      for (const res of [first, second]) {
        expect(res.headers['etag']).toMatch(/^"[\w-]+"$/);
        expect(res.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['content-security-policy']).toContain("default-src 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
      expect(second.headers['etag']).toBe(first.headers['etag']);
      // A different query is a different answer.
      await get(list('limit=8'));
      expect(listed).toHaveBeenCalledTimes(2);
    } finally {
      listed.mockRestore();
    }
  });

  it('when the ETag comes back in If-None-Match, then 304 with no body; compressed when the client accepts it', async () => {
    const first = await get(list(LIST_QUERY), { 'accept-encoding': 'br, gzip' });
    expect(first.headers['content-encoding']).toBe('br');
    const again = await get(list(LIST_QUERY), { 'if-none-match': String(first.headers['etag']) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['etag']).toBe(first.headers['etag']);
    expect(again.headers['content-security-policy']).toContain("default-src 'none'");
    // The first answer of an address is already conditional.
    const detail = (JSON.parse(brotliDecompressSync(first.rawPayload).toString()) as AgreementPage).items[0]!;
    const fresh = await get(`/api/v1/agreements/${detail.id}`, { 'if-none-match': '"nope"' });
    expect(fresh.statusCode).toBe(200);
    const fresh304 = await get(`/api/v1/agreements/${detail.id}`, {
      'if-none-match': String(fresh.headers['etag']),
    });
    expect(fresh304.statusCode).toBe(304);
  });

  it('when an agreement is changed through the API, then the next GET shows the change', async () => {
    const LIST = list(LIST_QUERY);
    const before = await get(LIST);
    const target = (before.json() as AgreementPage).items.find((a) => a.id === renamed.id)!;
    const detailBefore = await get(`/api/v1/agreements/${target.id}`);
    expect(detailBefore.json().titleEn).not.toBe('Renamed by the cache test');
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${target.id}`,
      headers: { authorization: `Bearer ${writeToken}` },
      payload: { titleEn: 'Renamed by the cache test', version: target.version },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const after = await changed(LIST, before);
    // Asked with the old ETag, the new answer is a full 200.
    const conditional = await get(LIST, { 'if-none-match': String(before.headers['etag']) });
    expect(conditional.statusCode).toBe(200);
    expect(conditional.headers['etag']).toBe(after.headers['etag']);
    const changedItem = (after.json() as AgreementPage).items.find((a) => a.id === target.id)!;
    expect(changedItem.version).toBe(target.version + 1);
    expect((await get(`/api/v1/agreements/${target.id}`)).json().titleEn).toBe('Renamed by the cache test');
  });

  it('when a GET comes with an API token or a session cookie, then it is neither answered from nor kept in the cache', async () => {
    const url = list('limit=9');
    const listed = vi.spyOn(ctx.services.agreements, 'list');
    try {
      const anonymous = await get(url);
      const withToken = await get(url, { authorization: `Bearer ${writeToken}` });
      const withSession = await get(url, { cookie: 'theme=dark; ponte_session=whatever' });
      expect(listed).toHaveBeenCalledTimes(3);
      for (const res of [withToken, withSession]) {
        expect(res.statusCode).toBe(200);
        expect(res.body).toBe(anonymous.body);
        expect(res.headers['etag']).toBeUndefined();
        expect(res.headers['cache-control']).toBeUndefined();
      }
      // An If-None-Match does not make a credentialed GET a cache hit either.
      const conditional = await get(url, {
        authorization: `Bearer ${writeToken}`,
        'if-none-match': String(anonymous.headers['etag']),
      });
      expect(conditional.statusCode).toBe(200);
      // After a change, a credentialed GET of the address leaves nothing for the anonymous one to find.
      // Wait for the change to reach the cache through a neighbouring address, leaving this one untouched.
      const neighbour = await get(list('limit=10'));
      await ctx.services.agreements.setPublished(unpublished.id, true, unpublished.version);
      await changed(list('limit=10'), neighbour);
      listed.mockClear();
      await get(url, { authorization: `Bearer ${writeToken}` });
      await get(url);
      expect(listed).toHaveBeenCalledTimes(2);
      // Other cookies do not count as credentials.
      await get(url, { cookie: 'theme=dark' });
      expect(listed).toHaveBeenCalledTimes(2);
    } finally {
      listed.mockRestore();
    }
  });

  it('when an address is not found, then the 404 is not kept', async () => {
    const missing = await get('/api/v1/institutions/gotham');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['etag']).toBeUndefined();
    expect((await get('/api/v1/institutions/gotham')).statusCode).toBe(404);
  });

  // Only a real socket goes through the fast path (inject does not), so this test listens.
  it('when an answer is asked again over the network, then the fast path sends the same bytes and headers, except to a caller with credentials', async () => {
    const server = await buildApp({ deps: ctx, config: { publicUrl: TEST_PUBLIC_URL } });
    let routed = 0;
    server.addHook('onRequest', async () => {
      routed++;
    });
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const fetchApi = (headers: Record<string, string> = {}) =>
        fetch(`${base}/api/v1/networks?institution=${inst}`, { headers });
      const HEADERS = [
        'etag',
        'cache-control',
        'vary',
        'content-type',
        'content-security-policy',
        'x-frame-options',
        'cross-origin-resource-policy',
        'referrer-policy',
      ];
      const headersOf = (res: Response) => Object.fromEntries(HEADERS.map((h) => [h, res.headers.get(h)]));
      const first = await fetchApi({ 'accept-encoding': 'gzip' });
      const firstBody = await first.text();
      expect(routed).toBe(1);
      const second = await fetchApi({ 'accept-encoding': 'gzip' });
      expect(second.status).toBe(200);
      expect(routed).toBe(1);
      expect(headersOf(second)).toEqual(headersOf(first));
      expect(second.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await second.text()).toBe(firstBody);
      const again = await fetchApi({ 'if-none-match': String(first.headers.get('etag')) });
      expect(again.status).toBe(304);
      expect(routed).toBe(1);
      const withToken = await fetchApi({ authorization: `Bearer ${writeToken}` });
      expect(withToken.headers.get('etag')).toBeNull();
      expect(await withToken.text()).toBe(firstBody);
      expect(routed).toBe(2);
    } finally {
      await server.close();
    }
  });
});
