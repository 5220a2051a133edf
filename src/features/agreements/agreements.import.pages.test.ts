// Importing agreements from the back-office with Florence's list of partnerships (facts.md) as an office would
// save it from a spreadsheet: Latin-1 and semicolons, the dry run's report by line and column in both
// languages, an ambiguous city picked from its candidates, all or nothing, one "import" in the audit log, and
// the upload out of reach of anyone but the session that made it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn } from '../../../test/admin.ts';
import { makeAgreement, makeOffice } from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import { toCsv } from './agreements.files.ts';
import { MAX_IMPORT_BYTES } from './agreements.import.pages.tsx';

let ctx: TestContext;
let app: App;
let client: ReturnType<typeof adminClient>;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  client = adminClient(app, ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

// Florence's partnerships (facts.md, "Florence's partnerships"), the Italian names and words of the office.
// Line 10 names Bethlehem without its country: the gazetteer has several.
const HEADER = 'kind;partner;country;signed;published';
const FLORENCE = [
  HEADER,
  'gemellaggio;Reims;Francia;1954-07-03;sì',
  'gemellaggio;Kassel;Germania;1952;sì',
  'gemellaggio;Filadelfia;Stati Uniti;1964;sì',
  'gemellaggio;Edimburgo;Regno Unito;1964;sì',
  'gemellaggio;Kyoto;Giappone;1965-11-06;sì',
  'gemellaggio;Dresda;Germania;1978;sì',
  'patto di amicizia;Cracovia;Polonia;1985;sì',
  'gemellaggio;Turku;Finlandia;1991;sì',
  'gemellaggio;Bethlehem;;1962;sì',
  'gemellaggio;Valladolid;Spagna;2007-01-24;sì',
  'gemellaggio;Atene;Grecia;;no',
];
const BETHLEHEM_PS = 284315;

/** The file as a spreadsheet on Windows saves it: Latin-1, CRLF. */
const latin1 = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');

/** A multipart body with the CSRF field first, then the file. */
function multipart(csrf: string, filename: string, bytes: Buffer) {
  const boundary = `----ponte${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      'Content-Type: text/csv\r\n\r\n',
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

async function upload(cookie: string, filename: string, bytes: Buffer, lang = 'it') {
  const form = await client.get(`/admin/${lang}/agreements/import`, cookie);
  expect(form.statusCode).toBe(200);
  const body = multipart(csrfIn(form.body), filename, bytes);
  return app.inject({
    method: 'POST',
    url: `/admin/${lang}/agreements/import`,
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
}

const count = async (slug: string) =>
  (await ctx.services.agreements.listDetailed(slug, { includeUnpublished: true })).length;
const imports = (slug: string) =>
  ctx.database.query<{ actor: string; after: { rows: number; created: number } }>(
    `select e.actor, e.after from audit_events e join institutions i on i.id = e.institution_id
      where i.slug = $1 and e.action = 'import'`,
    [slug],
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('importing from the back-office', () => {
  it('when a row has a date that is not one, then the report names its line and column in Italian and English, offers no import, and writes nothing', async () => {
    const florence = await makeOffice(ctx.services);
    const { cookie } = await client.signIn(florence, 'editor');
    const lines = [...FLORENCE];
    lines[6] = 'gemellaggio;Dresda;Germania;31/02/1978;sì';
    const res = await upload(cookie, 'gemellaggi.csv', latin1(lines));
    expect(res.statusCode).toBe(303);
    const report = await client.get(res.headers.location as string, cookie);
    expect(report.statusCode).toBe(200);
    const it = text(report.body);
    expect(it).toContain('11 righe: 9 pronte da importare, 2 problemi');
    expect(report.body).toMatch(
      /<td>7<\/td><td><code>signed<\/code><\/td><td>«31\/02\/1978» non è un giorno del calendario<\/td>/,
    );
    // Every problem in the table, the ambiguous city included, and no confirmation to send.
    expect(report.body).toMatch(/<td>10<\/td><td><code>partner<\/code><\/td><td>«Bethlehem» è ambiguo/);
    expect(report.body).not.toContain(`action="${res.headers.location}"`);
    const en = await client.get((res.headers.location as string).replace('/it/', '/en/'), cookie);
    expect(en.body).toMatch(
      /<td>7<\/td><td><code>signed<\/code><\/td><td>“31\/02\/1978” is not a day of the calendar<\/td>/,
    );
    // A confirmation sent anyway imports nothing: the importer is all or nothing.
    const forced = await client.post(res.headers.location as string, cookie, {});
    expect(forced.statusCode).toBe(400);
    expect(await count(florence)).toBe(0);
    expect(await imports(florence)).toEqual([]);
  });

  it("when Florence's list is uploaded and Bethlehem picked among its candidates, then every row is created and the log has one import with the count", async () => {
    const florence = await makeOffice(ctx.services);
    const { cookie, email } = await client.signIn(florence, 'editor');
    const res = await upload(cookie, 'gemellaggi firenze.csv', latin1(FLORENCE));
    expect(res.statusCode).toBe(303);
    const reportUrl = res.headers.location as string;
    const report = await client.get(reportUrl, cookie);
    // The dry run: Latin-1 noticed, the ambiguous row's candidates with country and population, nothing written.
    expect(report.body).toContain('è stato letto come Latin-1');
    expect(text(report.body)).toContain('11 righe: 10 pronte da importare, 1 problema');
    expect(report.body).toContain(`name="place-10" value="${BETHLEHEM_PS}"`);
    expect(text(report.body)).toMatch(/Betlemme, Palestina — [\d.]+ abitanti/);
    expect(await count(florence)).toBe(0);

    // Confirming without a pick is refused, and still writes nothing.
    const unpicked = await client.post(reportUrl, cookie, {}, csrfIn(report.body));
    expect(unpicked.statusCode).toBe(400);
    expect(unpicked.body).toContain('Scegli una città per ogni riga');
    expect(await count(florence)).toBe(0);

    const done = await client.post(
      reportUrl,
      cookie,
      { 'place-10': String(BETHLEHEM_PS) },
      csrfIn(report.body),
    );
    // The answer streams the progress, then the outcome; the upload's page shows the result from then on.
    expect(done.statusCode).toBe(200);
    expect(text(done.body)).toMatch(/Scrittura: 11 di 11 righe\..*Importati 11 accordi su 11 righe/);
    const result = await client.get(reportUrl, cookie);
    expect(text(result.body)).toContain('Importati 11 accordi su 11 righe');

    const all = await ctx.services.agreements.listDetailed(florence, { includeUnpublished: true });
    expect(all).toHaveLength(11);
    const bethlehem = all.find((a) => a.partner.place?.geonamesId === BETHLEHEM_PS);
    expect(bethlehem).toMatchObject({ kind: 'twinning', signed: { date: '1962' } });
    expect(all.find((a) => a.partner.nameEn === 'Kraków')?.kind).toBe('friendship_pact');
    expect(await imports(florence)).toEqual([
      { actor: email, after: expect.objectContaining({ rows: 11, created: 11, format: 'csv' }) },
    ]);

    // Sent again, the same confirmation cannot import twice.
    const again = await client.post(
      reportUrl,
      cookie,
      { 'place-10': String(BETHLEHEM_PS) },
      csrfIn(report.body),
    );
    expect(again.statusCode).toBe(303);
    expect(await count(florence)).toBe(11);
  });

  it('when a pick names a place the check did not offer, then it is refused', async () => {
    const florence = await makeOffice(ctx.services);
    const { cookie } = await client.signIn(florence, 'editor');
    const res = await upload(cookie, 'f.csv', latin1([HEADER, 'gemellaggio;Bethlehem;;1962;sì']));
    const url = res.headers.location as string;
    const csrf = csrfIn((await client.get(url, cookie)).body);
    const bad = await client.post(url, cookie, { 'place-2': '2925533' }, csrf);
    expect(bad.statusCode).toBe(400);
    expect(await count(florence)).toBe(0);
  });

  it('when the file changes the database between check and confirmation (a slug taken meanwhile), then nothing is written and the report says why', async () => {
    const florence = await makeOffice(ctx.services);
    const { cookie } = await client.signIn(florence, 'editor');
    const res = await upload(
      cookie,
      'f.csv',
      latin1([
        'slug;kind;partner;country;signed;published',
        'reims;gemellaggio;Reims;FR;1954;sì',
        'kyoto;gemellaggio;Kyoto;JP;1965;sì',
      ]),
    );
    const url = res.headers.location as string;
    const csrf = csrfIn((await client.get(url, cookie)).body);
    await makeAgreement(ctx.services, florence, { slug: 'kyoto' });
    const done = await client.post(url, cookie, {}, csrf);
    expect(done.statusCode).toBe(200);
    expect(text(done.body)).toContain('Nessun accordo importato');
    const page = await client.get(url, cookie);
    expect(page.body).toMatch(/<td>3<\/td><td><code>slug<\/code><\/td><td>«kyoto» è già usato/);
    expect(await count(florence)).toBe(1);
    expect(await imports(florence)).toEqual([]);
  });

  it('when an editor of another institution, a viewer or a form without its token reaches for the upload, then they get nothing of it', async () => {
    const florence = await makeOffice(ctx.services);
    const other = await makeOffice(ctx.services);
    const { cookie } = await client.signIn(florence, 'editor');
    const res = await upload(cookie, 'f.csv', latin1(FLORENCE));
    const url = res.headers.location as string;
    const intruder = await client.signIn(other, 'editor');
    const seen = await client.get(url, intruder.cookie);
    expect(seen.statusCode).toBe(404);
    expect(seen.body).not.toContain('Reims');
    const posted = await client.post(url, intruder.cookie, { 'place-10': String(BETHLEHEM_PS) });
    expect(posted.statusCode).toBe(404);
    // The owner's own confirmation without its form's token is refused too.
    const forged = await client.post(url, cookie, { 'place-10': String(BETHLEHEM_PS) }, 'not-the-token');
    expect(forged.statusCode).toBe(403);
    const noToken = multipart('', 'f.csv', latin1(FLORENCE));
    const blind = await app.inject({
      method: 'POST',
      url: '/admin/it/agreements/import',
      headers: { ...noToken.headers, cookie },
      payload: noToken.payload,
    });
    expect(blind.statusCode).toBe(403);
    const viewer = await client.signIn(florence, 'viewer');
    expect((await client.get(url, viewer.cookie)).statusCode).toBe(403);
    expect((await client.get('/admin/it/agreements/import', viewer.cookie)).statusCode).toBe(403);
    expect(await count(florence)).toBe(0);
    expect(await count(other)).toBe(0);
  });

  it('when the file is larger than the limit, then the page says so and keeps nothing', async () => {
    const florence = await makeOffice(ctx.services);
    const { cookie } = await client.signIn(florence, 'editor');
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 10, 'a');
    const res = await upload(cookie, 'big.csv', big, 'en');
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('The file is too large: at most 5 MB');
  });

  it('when a CSV exported from Ponte is uploaded to an empty institution, then the same agreements come back', async () => {
    const from = await makeOffice(ctx.services);
    await makeAgreement(ctx.services, from, { slug: 'francoforte' });
    await makeAgreement(ctx.services, from, {
      slug: 'nanchino',
      partner: { type: 'city', name: 'Nanchino', country: 'CN' },
    });
    const exported = toCsv(await ctx.services.agreements.listDetailed(from, { includeUnpublished: true }));
    const to = await makeOffice(ctx.services);
    const { cookie } = await client.signIn(to, 'editor');
    const res = await upload(cookie, 'export.csv', Buffer.from(exported), 'en');
    const url = res.headers.location as string;
    const report = await client.get(url, cookie);
    expect(text(report.body)).toContain('2 rows: 2 ready to import, 0 problems');
    const done = await client.post(url, cookie, {}, csrfIn(report.body));
    expect(text(done.body)).toContain('Imported 2 agreements from 2 rows');
    const slugs = (await ctx.services.agreements.listDetailed(to, { includeUnpublished: true })).map(
      (a) => a.slug,
    );
    expect(slugs.sort()).toEqual(['francoforte', 'nanchino']);
  });
});
