// The JSON write routes: API tokens (scoped, revocable) and sessions with CSRF, every role against every
// write, and institutions that cannot touch each other's records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACTOR } from '../../../test/factories.ts';
import { city, makeAgreement, makeOffice, makeToken } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;
/** The slugs of two institutions made for this file: "Milan" holds the tokens, "Florence" is out of reach. */
let milan: string;
let florence: string;
let milanWrite: string;
let milanRead: string;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  milan = await makeOffice(ctx.services);
  florence = await makeOffice(ctx.services);
  milanWrite = await makeToken(ctx.services, milan, 'write', 'sync');
  milanRead = await makeToken(ctx.services, milan, 'read', 'bi');
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const reread = async (id: string) => ctx.services.agreements.get(id, { includeUnpublished: true });
/** A new agreement of Milan's with a partner city, for one test. */
const milanAgreement = (name: string, country: string) =>
  makeAgreement(ctx.services, milan, { partner: city(name, country) });
const NEW_PACT = {
  kind: 'friendship_pact',
  partner: { type: 'city', name: 'Monaco di Baviera', country: 'DE' },
  signed: { date: '2026-10' },
  descriptionIt: 'Patto di amicizia di prova.',
  descriptionEn: 'A test friendship pact.',
};

describe('JSON write routes', () => {
  it('when no credentials come, then 401; a revoked or made-up token, 401', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/agreements', payload: NEW_PACT });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
    const made = await ctx.services.accounts.createApiToken({
      institution: milan,
      name: 'old',
      scope: 'write',
      actor: TEST_ACTOR,
    });
    await ctx.services.accounts.revokeApiToken(made.id, TEST_ACTOR);
    for (const token of [made.token, 'ponte_made_up']) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/agreements',
        headers: bearer(token),
        payload: NEW_PACT,
      });
      expect(r.statusCode).toBe(401);
    }
  });

  it('when a write token creates an agreement, then it belongs to its institution and the audit log names the token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: bearer(milanWrite),
      payload: NEW_PACT,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ institution: milan, kind: 'friendship_pact', published: false });
    expect(created.partner.place.geonamesId).toBe(2867714);
    const [audit] = await ctx.database.query<{ actor: string; action: string }>(
      'select actor, action from audit_events where entity_id = $1',
      [created.id],
    );
    expect(audit).toEqual({ actor: 'token sync', action: 'create' });
  });

  it('when a read token tries any write, then 403 and nothing changes', async () => {
    const chicago = await milanAgreement('Chicago', 'US');
    const create = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: bearer(milanRead),
      payload: NEW_PACT,
    });
    expect(create.statusCode).toBe(403);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${chicago.id}`,
      headers: bearer(milanRead),
      payload: { published: false, version: chicago.version },
    });
    expect(patch.statusCode).toBe(403);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/agreements/${chicago.id}?version=${chicago.version}`,
      headers: bearer(milanRead),
    });
    expect(del.statusCode).toBe(403);
    expect((await reread(chicago.id)).version).toBe(chicago.version);
  });

  it("when Milan's token reaches for Florence's agreement, then it does not exist (404) and stays as it was", async () => {
    const theirs = await ctx.services.agreements.create(
      florence,
      {
        ...NEW_PACT,
        partner: { type: 'city', name: 'Edimburgo', country: 'GB' },
      } as never,
      TEST_ACTOR,
    );
    for (const req of [
      {
        method: 'PATCH' as const,
        url: `/api/v1/agreements/${theirs.id}`,
        payload: { published: true, version: 1 },
      },
      {
        method: 'POST' as const,
        url: `/api/v1/agreements/${theirs.id}/status`,
        payload: { status: 'suspended', date: '2026', version: 1 },
      },
      { method: 'DELETE' as const, url: `/api/v1/agreements/${theirs.id}?version=1` },
    ]) {
      const res = await app.inject({ ...req, headers: bearer(milanWrite) });
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(404);
    }
    expect(await reread(theirs.id)).toEqual(theirs);
  });

  it('when a status change comes with a stale version, then 409 with the current version; with the right one, 200', async () => {
    const osaka = await milanAgreement('Osaka', 'JP');
    const stale = await app.inject({
      method: 'POST',
      url: `/api/v1/agreements/${osaka.id}/status`,
      headers: bearer(milanWrite),
      payload: { status: 'suspended', date: '2026-11', act: 'Delibera 5', version: osaka.version - 1 || 99 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const ok = await app.inject({
      method: 'POST',
      url: `/api/v1/agreements/${osaka.id}/status`,
      headers: bearer(milanWrite),
      payload: { status: 'suspended', date: '2026-11', act: 'Delibera 5', version: osaka.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'suspended',
      statusSince: '2026-11',
      version: osaka.version + 1,
    });
  });

  it('when the body is wrong, then 400 names the field and nothing is written', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: bearer(milanWrite),
      payload: { ...NEW_PACT, kind: 'alliance' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('kind');
  });

  it('when a partner city names a GeoNames id of 2^31 or more, then 400 names partner.geonamesId and nothing is written', async () => {
    const before = (await ctx.services.agreements.listDetailed(milan, { includeUnpublished: true })).length;
    for (const geonamesId of [2 ** 31, 2 ** 53]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/agreements',
        headers: bearer(milanWrite),
        payload: { ...NEW_PACT, partner: { type: 'city', name: 'Lione', geonamesId } },
      });
      expect(res.statusCode, String(geonamesId)).toBe(400);
      expect(res.json().error.field).toBe('partner.geonamesId');
    }
    const after = (await ctx.services.agreements.listDetailed(milan, { includeUnpublished: true })).length;
    expect(after).toBe(before);
  });

  it('when a session calls without its CSRF header, then 403; with it, the write goes through; delete needs the version', async () => {
    const { user, password } = await ctx.services.accounts.createUser({
      email: 'api.editor@example.org',
      institution: milan,
      role: 'editor',
    });
    await ctx.services.accounts.authenticate(user.email, password!, '10.9.0.1');
    const { token, csrfToken } = await ctx.services.accounts.createSession(user.id, {
      method: 'password',
      address: '127.0.0.1',
    });
    const cookie = `ponte_session=${token}`;
    const created = await ctx.services.agreements.create(
      milan,
      {
        ...NEW_PACT,
        partner: { type: 'city', name: 'Lipsia', country: 'DE' },
      } as never,
      TEST_ACTOR,
    );
    const without = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${created.id}`,
      headers: { cookie },
      payload: { published: true, version: created.version },
    });
    expect(without.statusCode).toBe(403);
    const withHeader = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${created.id}`,
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: { published: true, version: created.version },
    });
    expect(withHeader.statusCode).toBe(200);
    expect(withHeader.json().published).toBe(true);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/agreements/${created.id}?version=${created.version + 1}`,
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/v1/agreements/${created.id}` })).statusCode).toBe(
      404,
    );
  });

  it('when a caller without valid credentials sends a bad or malformed body, then the answer is 401, not a validation error', async () => {
    const chicago = await milanAgreement('Chicago', 'US');
    const requests = [
      { method: 'POST' as const, url: '/api/v1/agreements', payload: { kind: 'nonsense' } },
      { method: 'POST' as const, url: '/api/v1/agreements', payload: '{"kind": ', type: 'application/json' },
      { method: 'PATCH' as const, url: `/api/v1/agreements/${chicago.id}`, payload: { foo: 1 } },
      { method: 'PATCH' as const, url: '/api/v1/agreements/not-a-uuid', payload: {} },
      { method: 'POST' as const, url: `/api/v1/agreements/${chicago.id}/status`, payload: { status: 42 } },
      { method: 'DELETE' as const, url: '/api/v1/agreements/not-a-uuid?version=x' },
      { method: 'POST' as const, url: '/api/v1/counterparts', payload: { nameIt: 7 } },
      { method: 'PATCH' as const, url: '/api/v1/units/not-a-uuid', payload: { unknown: true } },
    ];
    for (const { type, ...req } of requests) {
      for (const headers of [{}, bearer('ponte_made_up')]) {
        const res = await app.inject({
          ...req,
          headers: { ...headers, ...(type ? { 'content-type': type } : {}) },
        });
        expect(res.statusCode, `${req.method} ${req.url} ${JSON.stringify(headers)}`).toBe(401);
      }
    }
  });

  it('when a PATCH carries a field the route does not know, then 400 names it and the version does not move', async () => {
    const chicago = await milanAgreement('Chicago', 'US');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${chicago.id}`,
      headers: bearer(milanWrite),
      payload: { institution: 'firenze', foo: 1, version: chicago.version },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toMatch(/institution|foo/);
    const status = await app.inject({
      method: 'POST',
      url: `/api/v1/agreements/${chicago.id}/status`,
      headers: bearer(milanWrite),
      payload: { status: 'active', version: chicago.version, extra: true },
    });
    expect(status.statusCode).toBe(400);
    expect((await reread(chicago.id)).version).toBe(chicago.version);
  });
});
