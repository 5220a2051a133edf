// Input the back-office's agreement forms once turned into a 500 or stored whole: a GeoNames id beyond
// PostgreSQL's integer, a missing or unknown kind, texts longer than the API takes, uploads that are not a
// whole multipart form. Each is refused with 400 and the message beside its field, in the page's language,
// and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn } from '../../../test/admin.ts';
import { city, makeAgreement, makeOffice } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;
let client: ReturnType<typeof adminClient>;
let cookie: string;
/** The slug of the institution made for this file, whose editor signs in. */
let milan: string;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  client = adminClient(app, ctx);
  milan = await makeOffice(ctx.services);
  ({ cookie } = await client.signIn(milan, 'editor'));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

/** A new agreement of Milan's, for one test. */
const dakar = () => makeAgreement(ctx.services, milan, { partner: city('Dakar', 'SN') });
const count = async () =>
  (await ctx.services.agreements.listDetailed(milan, { includeUnpublished: true })).length;
/** The text of the field messages a page shows. */
const alerts = (html: string) =>
  [...html.matchAll(/text-danger fw-semibold"[^>]*>([^<]*)</g)].map((m) => m[1]).join(' | ');

describe('the new-agreement form', () => {
  it('when it carries a GeoNames id of 2^31, then 400 with the message beside the city choice, and nothing is stored', async () => {
    const before = await count();
    for (const geonamesId of [String(2 ** 31), '99999999999999999999']) {
      const res = await client.post('/admin/it/agreements/new', cookie, {
        kind: 'twinning',
        partner: 'Lione',
        country: 'FR',
        geonamesId,
      });
      expect(res.statusCode, geonamesId).toBe(400);
      expect(alerts(res.body)).toContain('non è nel gazzetteer');
    }
    expect(await count()).toBe(before);
  });

  it('when the kind is missing or not one of the list, then 400 with the message beside the kind, and nothing is stored', async () => {
    const before = await count();
    for (const kind of [undefined, '', 'alliance']) {
      const res = await client.post('/admin/en/agreements/new', cookie, {
        ...(kind === undefined ? {} : { kind }),
        partner: 'Lione',
        country: 'FR',
      });
      expect(res.statusCode, String(kind)).toBe(400);
      expect(alerts(res.body)).toContain('Choose a kind from the list.');
    }
    expect(await count()).toBe(before);
  });

  it('when a description is longer than the API takes, then 400 says the limit in the page language, and nothing is stored', async () => {
    const before = await count();
    const res = await client.post('/admin/it/agreements/new', cookie, {
      kind: 'twinning',
      partner: 'Lione',
      country: 'FR',
      descriptionIt: 'x'.repeat(300_000),
    });
    expect(res.statusCode).toBe(400);
    expect(alerts(res.body)).toContain('al massimo 20.000 caratteri');
    expect(await count()).toBe(before);
  });
});

describe('the edit and status forms', () => {
  it('when an edit carries a description longer than the API takes, then 400 beside it and the agreement stays as it was', async () => {
    const a = await dakar();
    const stored = await ctx.services.agreements.get(a.id, { includeUnpublished: true });
    const page = await client.get(`/admin/en/agreements/${a.id}/edit`, cookie);
    const res = await client.post(
      `/admin/en/agreements/${a.id}/edit`,
      cookie,
      {
        version: String(stored.version),
        kind: stored.kind,
        term: stored.term.type,
        descriptionEn: 'y'.repeat(20_001),
      },
      csrfIn(page.body),
    );
    expect(res.statusCode).toBe(400);
    expect(alerts(res.body)).toContain('at most 20,000 characters');
    const after = await ctx.services.agreements.get(a.id, { includeUnpublished: true });
    expect(after.version).toBe(stored.version);
    expect(after.descriptionEn).toBe(stored.descriptionEn);
  });

  it('when a status change gives a reason longer than the API takes, then 400 beside it and no event is recorded', async () => {
    const a = await dakar();
    const stored = await ctx.services.agreements.get(a.id, { includeUnpublished: true });
    const res = await client.post(`/admin/it/agreements/${a.id}/status`, cookie, {
      version: String(stored.version),
      status: 'suspended',
      date: '2026-01-01',
      reasonIt: 'z'.repeat(4001),
    });
    expect(res.statusCode).toBe(400);
    expect(alerts(res.body)).toContain('al massimo 4000 caratteri');
    const after = await ctx.services.agreements.get(a.id, { includeUnpublished: true });
    expect(after.statusHistory).toHaveLength(stored.statusHistory.length);
  });
});

describe('uploads that are not a whole multipart form', () => {
  it('when the content type has no boundary, or the body is cut short, then 400 beside the file and nothing is kept', async () => {
    const a = await dakar();
    const csrf = csrfIn((await client.get(`/admin/it/agreements/${a.id}`, cookie)).body);
    const head = [
      '--XX',
      'Content-Disposition: form-data; name="_csrf"',
      '',
      csrf,
      '--XX',
      'Content-Disposition: form-data; name="file"; filename="a.pdf"',
      'Content-Type: application/pdf',
      '',
      '%PDF-1.4 cut short',
    ].join('\r\n');
    const sent = [
      { type: 'multipart/form-data', payload: `${head}\r\n--XX--\r\n` },
      { type: 'multipart/form-data; boundary=XX', payload: head },
    ];
    for (const { type, payload } of sent) {
      const res = await app.inject({
        method: 'POST',
        url: `/admin/it/agreements/${a.id}/attachments`,
        headers: { cookie, 'content-type': type },
        payload,
      });
      expect(res.statusCode, type).toBe(400);
      expect(alerts(res.body)).toContain('non è arrivato per intero');
    }
    expect(await ctx.services.attachments.list(a.id)).toHaveLength(0);
  });
});
