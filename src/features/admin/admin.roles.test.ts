// Every write of the agreements and of the users page, through the pages and through the JSON API with a
// session, for every role: admin and editor write content, only an admin manages users and tokens, a viewer
// writes nothing, and an editor of another institution cannot even find Milan's records. Each case checks the
// answer and that the database changed, or did not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn } from '../../../test/admin.ts';
import { TEST_ACTOR } from '../../../test/factories.ts';
import { makeOffice } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { Agreement } from '../agreements/agreements.schemas.ts';

let ctx: TestContext;
let app: App;
let client: ReturnType<typeof adminClient>;
let seq = 0;
/** The slugs of two institutions made for this file: "Milan" keeps the records, "Florence" reaches for them. */
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

type Who = 'admin' | 'editor' | 'viewer' | 'florence-editor';
const WHO: Who[] = ['admin', 'editor', 'viewer', 'florence-editor'];

/** A fresh unpublished Milan agreement for one case, so that cases do not see each other's writes. */
const freshAgreement = () =>
  ctx.services.agreements.create(
    milan,
    {
      kind: 'collaboration_agreement',
      partner: {
        type: 'organisation',
        nameIt: `Ente di prova ${++seq}`,
        nameEn: `Test body ${seq}`,
        country: 'FR',
      },
      signed: { date: '2025-06' },
      // In force, so that suspending it is an ordinary change (a proposed one asks to confirm first).
      statusHistory: [{ status: 'active', date: '2025-06' }],
    },
    TEST_ACTOR,
  );
const reread = (a: Agreement) =>
  ctx.services.agreements.get(a.id, { includeUnpublished: true }).catch(() => null);

interface Case {
  name: string;
  /** Does the write; returns the HTTP status. */
  run: (cookie: string, csrf: string, a: Agreement) => Promise<number>;
  /** Whether the write took effect. */
  happened: (a: Agreement) => Promise<boolean>;
  /** Who may do it. */
  allowed: Who[];
}

const changed = async (a: Agreement) => (await reread(a))?.version !== a.version;
const json = { 'content-type': 'application/json' };
const CONTENT: Who[] = ['admin', 'editor'];

const CASES: Case[] = [
  {
    name: 'page: publish',
    run: async (cookie, csrf, a) =>
      (
        await client.post(
          `/admin/it/agreements/${a.id}/publish`,
          cookie,
          { version: String(a.version), published: 'true' },
          csrf,
        )
      ).statusCode,
    happened: changed,
    allowed: CONTENT,
  },
  {
    name: 'page: status change',
    run: async (cookie, csrf, a) =>
      (
        await client.post(
          `/admin/it/agreements/${a.id}/status`,
          cookie,
          { version: String(a.version), status: 'suspended', date: '2026-11', act: 'Delibera 1/2026' },
          csrf,
        )
      ).statusCode,
    happened: changed,
    allowed: CONTENT,
  },
  {
    name: 'page: edit',
    run: async (cookie, csrf, a) =>
      (
        await client.post(
          `/admin/it/agreements/${a.id}/edit`,
          cookie,
          {
            version: String(a.version),
            kind: a.kind,
            term: 'permanent',
            renewal: 'none',
            signed: '2025-06',
            descriptionIt: 'Modificato',
          },
          csrf,
        )
      ).statusCode,
    happened: changed,
    allowed: CONTENT,
  },
  {
    name: 'API: PATCH',
    run: async (cookie, csrf, a) =>
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/agreements/${a.id}`,
          headers: { ...json, cookie, 'x-csrf-token': csrf },
          payload: { titleIt: 'Nuovo titolo', version: a.version },
        })
      ).statusCode,
    happened: changed,
    allowed: CONTENT,
  },
  {
    name: 'API: status',
    run: async (cookie, csrf, a) =>
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/agreements/${a.id}/status`,
          headers: { ...json, cookie, 'x-csrf-token': csrf },
          payload: { status: 'terminated', date: '2026-11-01', version: a.version },
        })
      ).statusCode,
    happened: changed,
    allowed: CONTENT,
  },
  {
    name: 'API: DELETE',
    run: async (cookie, csrf, a) =>
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/v1/agreements/${a.id}?version=${a.version}`,
          headers: { cookie, 'x-csrf-token': csrf },
        })
      ).statusCode,
    happened: async (a) => (await reread(a)) === null,
    allowed: CONTENT,
  },
  {
    name: 'page: invite a person',
    run: async (cookie, csrf) =>
      (
        await client.post(
          '/admin/it/users',
          cookie,
          { email: `new${++seq}@example.org`, name: 'N', role: 'viewer' },
          csrf,
        )
      ).statusCode,
    happened: async () => {
      const [row] = await ctx.database.query<{ n: number }>(
        `select count(*)::int as n from invitations where email = $1 and revoked_at is null`,
        [`new${seq}@example.org`],
      );
      return row!.n === 1;
    },
    allowed: ['admin'],
  },
  {
    name: 'page: create a token',
    run: async (cookie, csrf) =>
      (await client.post('/admin/it/tokens', cookie, { tokenName: `t${++seq}`, scope: 'write' }, csrf))
        .statusCode,
    happened: async () => {
      const [row] = await ctx.database.query<{ n: number }>(
        'select count(*)::int as n from api_tokens where name = $1',
        [`t${seq}`],
      );
      return row!.n === 1;
    },
    allowed: ['admin'],
  },
];

/** What each one should get back when refused: viewers and editors are forbidden, Florence finds nothing. */
function refusal(who: Who, c: Case): number {
  if (who === 'florence-editor' && c.allowed === CONTENT) return 404;
  return 403;
}

describe('every write, every role', () => {
  for (const who of WHO) {
    for (const c of CASES) {
      const allowed = c.allowed.includes(who);
      it(`${who} → ${c.name}: ${allowed ? 'done' : 'refused'}`, async () => {
        const institution = who === 'florence-editor' ? florence : milan;
        const role = who === 'florence-editor' ? 'editor' : who;
        const { cookie } = await client.signIn(institution, role);
        const csrf = csrfIn((await client.get('/admin/it/password', cookie)).body);
        const a = await freshAgreement();
        const status = await c.run(cookie, csrf, a);
        if (allowed) {
          expect(status).toBeLessThan(400);
          expect(await c.happened(a)).toBe(true);
        } else {
          expect(status).toBe(refusal(who, c));
          expect(await c.happened(a)).toBe(false);
        }
      });
    }
  }
});
