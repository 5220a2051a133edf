// No input makes a back-office route answer 500: every agreement and users-page route gets empty bodies,
// arrays where one value is expected, NUL bytes, huge and odd values, bad ids and bad versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn, FORM } from '../../../test/admin.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;
let cookie: string;
let csrf: string;
let id: string;

beforeAll(async () => {
  ctx = await createTestDeps({ seed: true });
  app = await createTestApp(ctx);
  const client = adminClient(app, ctx);
  ({ cookie } = await client.signIn('milano', 'admin'));
  csrf = csrfIn((await client.get('/admin/it/password', cookie)).body);
  id = (await ctx.services.agreements.list({ institution: 'milano', q: 'Lione' })).items[0]!.id;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const ODD = [
  '',
  '\u0000',
  'x'.repeat(5000),
  '-1',
  '1e309',
  '99999999999999999999',
  '<script>',
  '🙂',
  '../../',
];
const FIELDS = [
  'version',
  'kind',
  'partner',
  'country',
  'geonamesId',
  'signed',
  'ratified',
  'term',
  'endsOn',
  'renewal',
  'renewalYears',
  'sectors',
  'sources',
  'unit',
  'status',
  'date',
  'published',
  'rejected',
  'email',
  'role',
  'tokenName',
  'scope',
  'institution',
  'current',
  'next',
];

const postRoutes = () => [
  '/admin/it/agreements/new',
  `/admin/it/agreements/${id}/edit`,
  `/admin/it/agreements/${id}/status`,
  `/admin/it/agreements/${id}/publish`,
  `/admin/en/agreements/${id}/attachments`,
  `/admin/en/agreements/${id}/attachments/00000000-0000-0000-0000-000000000000/delete`,
  '/admin/it/users',
  '/admin/it/users/00000000-0000-0000-0000-000000000000/role',
  '/admin/it/tokens',
  '/admin/it/tokens/not-a-uuid/revoke',
  '/admin/it/institutions',
  '/admin/it/password',
  '/admin/xx/agreements/new',
  '/admin/it/agreements/not-a-uuid/edit',
];

describe('odd input', () => {
  it('when forms carry odd values, repeated fields or nothing at all, then no route answers 500', async () => {
    for (const url of postRoutes()) {
      for (const value of ODD) {
        const body = new URLSearchParams({ _csrf: csrf });
        for (const f of FIELDS) {
          body.append(f, value);
          body.append(f, value);
        }
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { ...FORM, cookie },
          payload: body.toString(),
        });
        expect(res.statusCode, `${url} with ${JSON.stringify(value.slice(0, 20))}`).toBeLessThan(500);
      }
      const empty = await app.inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: '' });
      expect(empty.statusCode, `${url} empty`).toBeLessThan(500);
      const json = await app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', cookie },
        payload: '{"version": [1], "kind": {"$ne": 1}}',
      });
      expect(json.statusCode, `${url} json`).toBeLessThan(500);
    }
  });

  it('when list and page addresses carry odd query strings, then no page answers 500', async () => {
    const pages = [
      'agreements',
      'users',
      'audit',
      'institutions',
      `agreements/${id}`,
      `agreements/${id}/edit`,
      'places',
    ];
    for (const path of pages) {
      for (const value of ODD) {
        const q = encodeURIComponent(value);
        const url = `/admin/en/${path}?q=${q}&status=${q}&kind=${q}&sort=${q}&cursor=${q}&page=${q}&role=${q}&partner=${q}&country=${q}&q=${q}`;
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(res.statusCode, url.slice(0, 120)).toBeLessThan(500);
      }
    }
  });
});
