// What an agreement's history says and where it is read: the initial status as an event, changes an office seldom
// means asked to be confirmed, sources on status events, English addresses and English source labels on the
// portal. Through the service and through HTTP, on data made here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { makeToken } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext, thrown } from '../../../test/support.ts';
import type { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('the status history', () => {
  it('when an agreement is recorded without a status, then its history starts with "proposed", date not known', async () => {
    const inst = await makeInstitution(ctx.services);
    const { statusHistory: _, ...rest } = agreementInput();
    const a = await ctx.services.agreements.create(inst.slug, rest, TEST_ACTOR);
    expect(a.status).toBe('proposed');
    expect(a.statusHistory).toEqual([expect.objectContaining({ status: 'proposed', date: null })]);
    expect(a.statusSince).toBeNull();
  });

  it('when a proposed agreement is suspended, then it is refused until confirmed, and both events are kept', async () => {
    const inst = await makeInstitution(ctx.services);
    const { statusHistory: _, ...rest } = agreementInput();
    const a = await ctx.services.agreements.create(inst.slug, rest, TEST_ACTOR);
    const err = (await thrown(() =>
      ctx.services.agreements.recordStatus(a.id, { status: 'suspended', date: '2026-11' }, a.version),
    )) as AppError;
    expect(err).toMatchObject({
      code: 'invalid_input',
      field: 'status',
      details: { reason: 'needs_confirmation', transition: 'never_in_force', from: 'proposed' },
    });
    const unchanged = await ctx.services.agreements.get(a.id, { includeUnpublished: true });
    expect(unchanged.version).toBe(a.version);
    expect(unchanged.statusHistory).toHaveLength(1);

    const after = await ctx.services.agreements.recordStatus(
      a.id,
      { status: 'suspended', date: '2026-11' },
      a.version,
      { confirmed: true },
    );
    expect(after.status).toBe('suspended');
    expect(after.statusHistory.map((e) => e.status)).toEqual(['proposed', 'suspended']);
  });

  it('when an active agreement is suspended, or a motion to suspend is rejected, then no confirmation is asked', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    const rejected = await ctx.services.agreements.recordStatus(
      a.id,
      { status: 'suspended', outcome: 'rejected', date: '2025-10-13', act: 'Mozione' },
      a.version,
    );
    const suspended = await ctx.services.agreements.recordStatus(
      a.id,
      { status: 'suspended', date: '2026-01' },
      rejected.version,
    );
    expect(suspended.status).toBe('suspended');
    // Suspending it again is a "change" to the status it has: asked.
    const again = (await thrown(() =>
      ctx.services.agreements.recordStatus(a.id, { status: 'suspended', date: '2026-02' }, suspended.version),
    )) as AppError;
    expect(again.details).toMatchObject({ reason: 'needs_confirmation', transition: 'same' });
  });

  it('when a status change cites its sources, then they are kept; a source with neither address nor title is refused by name', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(inst.slug, agreementInput(), TEST_ACTOR);
    const bad = (await thrown(() =>
      ctx.services.agreements.recordStatus(
        a.id,
        { status: 'suspended', date: '2012-11', sources: [{ url: 'https://example.org/m' }, { note: 'x' }] },
        a.version,
      ),
    )) as AppError;
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'sources.1.title' });
    const after = await ctx.services.agreements.recordStatus(
      a.id,
      {
        status: 'suspended',
        date: '2012-11',
        act: 'Mozione del Consiglio comunale',
        sources: [{ title: 'Verbale del Consiglio comunale', titleEn: 'City Council minutes' }],
      },
      a.version,
    );
    expect(after.statusHistory.at(-1)?.sources).toEqual([
      { title: 'Verbale del Consiglio comunale', titleEn: 'City Council minutes' },
    ]);
  });
});

describe('through HTTP', () => {
  it('when the API is sent an unusual change, then 400 says it needs confirming, and confirm: true records it', async () => {
    const inst = await makeInstitution(ctx.services);
    const { statusHistory: _, ...rest } = agreementInput();
    const a = await ctx.services.agreements.create(inst.slug, rest, TEST_ACTOR);
    const auth = { authorization: `Bearer ${await makeToken(ctx.services, inst.slug, 'write')}` };
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/agreements/${a.id}/status`,
      headers: auth,
      payload: { status: 'expired', date: '2026-11', version: a.version },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      field: 'status',
      details: { reason: 'needs_confirmation' },
    });
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/agreements/${a.id}/status`,
      headers: auth,
      payload: { status: 'expired', date: '2026-11', version: a.version, confirm: true },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('expired');
  });

  it('when a partnership has an English name, then the English page has its own address and the other one leads there', async () => {
    const inst = await makeInstitution(ctx.services);
    const a = await ctx.services.agreements.create(
      inst.slug,
      agreementInput({
        partner: { type: 'city', name: 'Lione', country: 'FR' },
        signed: { date: '1967-09-22', source: 'Pagina del gemellaggio', sourceEn: "The twinning's page" },
        sources: [
          { url: 'https://example.org/lione', title: 'Gemellaggi: Lione', titleEn: 'Twinnings: Lyon' },
        ],
      }),
      TEST_ACTOR,
    );
    expect([a.slug, a.slugEn]).toEqual(['lione', 'lyon']);

    const en = await app.inject({ method: 'GET', url: `/${inst.slug}/en/partnerships/lyon` });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain("(The twinning's page)");
    expect(en.body).toContain('>Twinnings: Lyon</a>');
    expect(en.body).not.toContain('Gemellaggi: Lione');
    // The language switch leads to the Italian address.
    expect(en.body).toContain(`href="/${inst.slug}/it/partenariati/lione"`);

    const it = await app.inject({ method: 'GET', url: `/${inst.slug}/it/partenariati/lione` });
    expect(it.body).toContain('(Pagina del gemellaggio)');
    expect(it.body).toContain('>Gemellaggi: Lione</a>');

    for (const [url, to] of [
      [`/${inst.slug}/en/partnerships/lione`, `/${inst.slug}/en/partnerships/lyon`],
      [`/${inst.slug}/en/partenariati/lione`, `/${inst.slug}/en/partnerships/lyon`],
      [`/${inst.slug}/it/partenariati/lyon`, `/${inst.slug}/it/partenariati/lione`],
    ] as const) {
      const moved = await app.inject({ method: 'GET', url });
      expect(moved.statusCode, url).toBe(301);
      expect(moved.headers.location, url).toBe(to);
    }
    expect(
      (await app.inject({ method: 'GET', url: `/${inst.slug}/en/partnerships/nowhere` })).statusCode,
    ).toBe(404);
  });
});
