// Editing an agreement and its attachments through the back-office and the JSON API: saved values, roles,
// isolation between institutions, stale versions showing both versions, field errors, type detection from
// the content, the size limit, and the portal following the edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, csrfIn } from '../../../test/admin.ts';
import {
  city,
  makeAgreement,
  makeOffice,
  makeToken,
  organisation,
} from '../../../test/factories-backoffice.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import { MAX_ATTACHMENT_BYTES } from '../attachments/attachments.service.ts';
import type { AgreementInput } from './agreements.schemas.ts';

let ctx: TestContext;
let app: App;
let client: ReturnType<typeof adminClient>;
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

/** A new agreement of Milan's with a partner city, for one test. */
const milanAgreement = (name: string, country: string, overrides: Partial<AgreementInput> = {}) =>
  makeAgreement(ctx.services, milan, { partner: city(name, country), ...overrides });
const stored = (id: string) => ctx.services.agreements.get(id, { includeUnpublished: true });

/** The edit form's fields for an agreement as stored, with some changed. */
async function formOf(id: string, cookie: string, changes: Record<string, string | string[]>) {
  const page = await client.get(`/admin/it/agreements/${id}/edit`, cookie);
  expect(page.statusCode).toBe(200);
  const a = await stored(id);
  return {
    csrf: csrfIn(page.body),
    fields: {
      version: String(a.version),
      kind: a.kind,
      signed: a.signed.date ?? '',
      signedSource: a.signed.source ?? '',
      ratified: a.ratified.date ?? '',
      ratifiedSource: a.ratified.source ?? '',
      signedPlace: a.signedPlace ?? '',
      term: a.term.type,
      endsOn: a.term.endsOn ?? '',
      renewal: a.term.renewal ?? 'none',
      renewalYears: '',
      sectors: a.sectors,
      titleIt: a.titleIt ?? '',
      titleEn: a.titleEn ?? '',
      descriptionIt: a.descriptionIt ?? '',
      descriptionEn: a.descriptionEn ?? '',
      unit: a.unit ?? '',
      sources: a.sources.map((s) => `${s.url} ${s.note ?? s.title ?? ''}`.trim()).join('\n'),
      ...changes,
    },
  };
}

describe('editing an agreement in the back-office', () => {
  it('when an editor saves the form, then the fields change, the audit log keeps before and after, and the portal shows it', async () => {
    const { cookie, email } = await client.signIn(milan, 'editor');
    const lyon = await milanAgreement('Lione', 'FR', { signed: { date: '1967-09-22' } });
    const { csrf, fields } = await formOf(lyon.id, cookie, {
      descriptionIt: 'Gemellaggio rinnovato con un programma di scambi tra scuole.',
      descriptionEn: 'Twinning renewed with a programme of school exchanges.',
      sectors: ['culture', 'education'],
      signedSource: 'Delibera di Giunta',
      sources: 'https://www.comune.milano.it/gemellaggi pagina del Comune\nhttps://www.lyon.fr/ page of Lyon',
    });
    const res = await client.post(`/admin/it/agreements/${lyon.id}/edit`, cookie, fields, csrf);
    expect(res.statusCode).toBe(303);
    const after = await stored(lyon.id);
    expect(after.version).toBe(lyon.version + 1);
    expect(after.descriptionEn).toBe('Twinning renewed with a programme of school exchanges.');
    expect(after.sectors.sort()).toEqual(['culture', 'education']);
    expect(after.signed.source).toBe('Delibera di Giunta');
    expect(after.sources).toEqual([
      { url: 'https://www.comune.milano.it/gemellaggi', note: 'pagina del Comune' },
      { url: 'https://www.lyon.fr/', note: 'page of Lyon' },
    ]);
    // Unchanged fields keep their values.
    expect(after.signed.date).toBe(lyon.signed.date);
    const history = await client.get(`/admin/en/agreements/${lyon.id}`, cookie);
    expect(history.body).toContain(email);
    expect(history.body).toContain('>changed</td>');
    expect(history.body).toContain('Description (English): ');
    expect(history.body).toContain('→ Twinning renewed with a programme of school exchanges.');
    expect(history.body).toContain('→ Culture, Education');
    expect(after.published).toBe(true);
    const portal = await app.inject({ method: 'GET', url: `/${milan}/en/partnerships/${after.slugEn}` });
    expect(portal.body).toContain('Twinning renewed with a programme of school exchanges.');
  });

  it('when only the description is changed, then the sources keep their titles and notes exactly', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Chicago', 'US', {
      ratified: { date: '1973-04', source: 'Comune di Milano, pagina del gemellaggio' },
      sources: [
        {
          url: 'https://www.comune.milano.it/gemellaggi/chicago',
          title: 'Comune di Milano — Gemellaggi: Chicago',
        },
        {
          url: 'https://www.chicago.gov/sister-cities',
          title: 'Sister Cities',
          note: 'Lists Milan since 1973',
        },
      ],
      alternativeDates: [{ field: 'ratified', date: '1973', precision: 'year', source: 'Sister Cities' }],
    });
    const before = await stored(a.id);
    expect(before.sources.some((x) => x.title)).toBe(true);
    const { csrf, fields } = await formOf(a.id, cookie, { descriptionEn: 'Chicago and Milan, since 1973.' });
    expect((await client.post(`/admin/en/agreements/${a.id}/edit`, cookie, fields, csrf)).statusCode).toBe(
      303,
    );
    const after = await stored(a.id);
    expect(after.descriptionEn).toBe('Chicago and Milan, since 1973.');
    expect(after.sources).toEqual(before.sources);
    expect(after.alternativeDates).toEqual(before.alternativeDates);
  });

  it('when a viewer posts the form, then it is refused and nothing changes', async () => {
    const { cookie } = await client.signIn(milan, 'viewer');
    const a = await milanAgreement('Francoforte', 'DE');
    const { csrf, fields } = await formOf(a.id, cookie, { descriptionIt: 'Non dovrebbe passare.' });
    const res = await client.post(`/admin/it/agreements/${a.id}/edit`, cookie, fields, csrf);
    expect(res.statusCode).toBe(403);
    expect((await stored(a.id)).version).toBe(a.version);
  });

  it('when a Florence editor opens or posts the form of a Milan agreement, then it is not found and nothing changes', async () => {
    const { cookie } = await client.signIn(florence, 'editor');
    const a = await milanAgreement('Francoforte', 'DE');
    expect((await client.get(`/admin/it/agreements/${a.id}/edit`, cookie)).statusCode).toBe(404);
    const res = await client.post(`/admin/it/agreements/${a.id}/edit`, cookie, {
      version: String(a.version),
      kind: 'twinning',
      term: 'permanent',
      renewal: 'none',
      descriptionIt: 'Scritto da Firenze.',
    });
    expect(res.statusCode).toBe(404);
    expect((await stored(a.id)).descriptionIt).not.toBe('Scritto da Firenze.');
  });

  it('when someone saved in between, then the save is refused with 409 and the page shows both versions and keeps the input', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Chicago', 'US');
    const { csrf, fields } = await formOf(a.id, cookie, { signedPlace: 'Palazzo Marino, sala Alessi' });
    // Someone else edits first.
    await ctx.services.agreements.update(a.id, { signedPlace: 'City Hall, Chicago' }, a.version);
    const res = await client.post(`/admin/en/agreements/${a.id}/edit`, cookie, fields, csrf);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Someone changed this agreement');
    expect(res.body).toContain('City Hall, Chicago');
    expect(res.body).toContain('Palazzo Marino, sala Alessi');
    expect(res.body).toContain(`name="version" value="${a.version + 1}"`);
    expect((await stored(a.id)).signedPlace).toBe('City Hall, Chicago');
  });

  it('when an agreement was edited, then its history names the fields and the operation in each language and shows no raw key or version', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Osaka', 'JP');
    const before = await stored(a.id);
    const { csrf, fields } = await formOf(a.id, cookie, {
      signedPlace: 'Palazzo Marino',
      titleEn: 'Osaka and Milan, friends since 1981',
    });
    expect((await client.post(`/admin/it/agreements/${a.id}/edit`, cookie, fields, csrf)).statusCode).toBe(
      303,
    );
    const historyIn = async (lang: 'it' | 'en') => {
      const page = await client.get(`/admin/${lang}/agreements/${a.id}`, cookie);
      const section = page.body.match(/<section[^>]*aria-labelledby="history-title".*?<\/section>/s)?.[0];
      expect(section, lang).toBeDefined();
      return section!;
    };
    const words = {
      it: {
        action: 'modifica',
        place: 'Luogo della firma',
        title: 'Titolo (inglese)',
        version: 'Versione',
      },
      en: { action: 'changed', place: 'Place of signing', title: 'Title (English)', version: 'Version' },
    };
    for (const lang of ['it', 'en'] as const) {
      const history = await historyIn(lang);
      const w = words[lang];
      expect(history, lang).toContain(`>${w.action}</td>`);
      expect(history, lang).toContain(`<li>${w.place}: ${before.signedPlace ?? '—'} → Palazzo Marino</li>`);
      expect(history, lang).toContain(
        `<li>${w.title}: ${before.titleEn ?? '—'} → Osaka and Milan, friends since 1981</li>`,
      );
      // No raw field key ("signedPlace: …", "version: 3 → 4"), raw action or bookkeeping value leaks in.
      expect(history, lang).not.toMatch(/<li>[a-z][A-Za-z]*: /);
      expect(history, lang).not.toMatch(/>(update|create|delete)<\/td>/);
      expect(history, lang).not.toContain(`${w.version}:`);
      expect(history, lang).not.toContain(`${before.version} → ${before.version + 1}`);
    }
  });

  it.each([
    ['signed', { signed: '31/02/1970' }, 'Scrivi una data vera'],
    ['sources', { sources: 'www.example senza indirizzo' }, 'indirizzo web completo'],
    ['endsOn', { term: 'permanent', endsOn: '2030-01-01' }, 'tempo indeterminato non ne ha'],
    ['renewalYears', { term: 'fixed', endsOn: '2030-01-01', renewalYears: 'tre' }, 'da 1 a 50'],
    // Refused by the API's schema in the service (the form keeps no copy of the lists), named in the page.
    ['kind', { kind: 'alleanza' }, 'Scegli un tipo dalla lista'],
    ['term', { term: 'per sempre' }, 'Scegli la durata dalla lista'],
    ['renewal', { term: 'fixed', endsOn: '2030-01-01', renewal: 'a volte' }, 'come si rinnova'],
    ['sectors', { sectors: 'astrologia' }, 'Scegli i settori dalla lista'],
  ])(
    'when %s is wrong, then the form comes back with the message beside it and the input kept',
    async (name, change, message) => {
      const { cookie } = await client.signIn(milan, 'editor');
      const a = await milanAgreement('Toronto', 'CA');
      const { csrf, fields } = await formOf(a.id, cookie, {
        ...change,
        descriptionIt: 'Testo da non perdere',
      });
      const res = await client.post(`/admin/it/agreements/${a.id}/edit`, cookie, fields, csrf);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(`id="e-${name}"`);
      expect(res.body).toContain(message);
      expect(res.body).toMatch(new RegExp(`aria-describedby="[^"]*e-${name}"`));
      expect(res.body).toContain('Testo da non perdere');
      expect((await stored(a.id)).version).toBe(a.version);
    },
  );

  it('when the form is in English, then the field message is in English', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Toronto', 'CA');
    const { csrf, fields } = await formOf(a.id, cookie, { ratified: 'ieri' });
    const res = await client.post(`/admin/en/agreements/${a.id}/edit`, cookie, fields, csrf);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Write a real date');
  });
});

describe('editing through the JSON API', () => {
  it('when a write token patches fields, then they change; a stale version gets 409 with the stored agreement', async () => {
    const token = await makeToken(ctx.services, milan, 'write', 'edit-test');
    const a = await milanAgreement('Melbourne', 'AU');
    const auth = { authorization: `Bearer ${token}` };
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${a.id}`,
      headers: auth,
      payload: { titleEn: 'Melbourne–Milan sister city agreement', version: a.version },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().titleEn).toBe('Melbourne–Milan sister city agreement');
    expect(ok.json().version).toBe(a.version + 1);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${a.id}`,
      headers: auth,
      payload: { titleEn: 'Lost update', version: a.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.titleEn).toBe('Melbourne–Milan sister city agreement');
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${a.id}`,
      headers: auth,
      payload: { signed: { date: '1970-13-01' }, version: a.version + 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('signed.date');
  });
});

/** A multipart body with the CSRF field first, then the file. */
function multipart(csrf: string, filename: string, type: string, bytes: Buffer) {
  const boundary = `----ponte${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('attachments', () => {
  async function upload(
    lang: string,
    id: string,
    cookie: string,
    filename: string,
    type: string,
    bytes: Buffer,
  ) {
    const page = await client.get(`/admin/${lang}/agreements/${id}`, cookie);
    const body = multipart(csrfIn(page.body), filename, type, bytes);
    return app.inject({
      method: 'POST',
      url: `/admin/${lang}/agreements/${id}/attachments`,
      headers: { ...body.headers, cookie },
      payload: body.payload,
    });
  }

  it('when an editor uploads a PDF, then it is listed, downloads as a PDF attachment, and the log records it; deleting removes it', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Dakar', 'SN');
    const res = await upload('it', a.id, cookie, 'Accordo firmato Dakar.pdf', 'application/pdf', PDF);
    expect(res.statusCode).toBe(303);
    const page = await client.get(`/admin/it/agreements/${a.id}`, cookie);
    const link = page.body.match(/href="(\/admin\/it\/attachments\/[0-9a-f-]+)"/)?.[1];
    expect(link).toBeDefined();
    expect(page.body).toContain('Accordo firmato Dakar.pdf');
    expect(page.body).toContain('attach');
    const file = await client.get(link!, cookie);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(String(file.headers['content-disposition'])).toMatch(
      /^attachment; filename="Accordo firmato Dakar.pdf"/,
    );
    expect(file.rawPayload.equals(PDF)).toBe(true);

    const attachmentId = link!.split('/').pop()!;
    const gone = await client.post(
      `/admin/it/agreements/${a.id}/attachments/${attachmentId}/delete`,
      cookie,
      {},
    );
    expect(gone.statusCode).toBe(303);
    expect((await client.get(link!, cookie)).statusCode).toBe(404);
  });

  it('when a file says it is a PDF but is not, then it is refused beside the field and not kept', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Dakar', 'SN');
    const html = Buffer.from('<html><script>alert(1)</script></html>'.repeat(3));
    const res = await upload('it', a.id, cookie, 'contratto.pdf', 'application/pdf', html);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="e-file"');
    expect(res.body).toContain('PDF, PNG, JPEG o WebP');
    expect(await ctx.services.attachments.list(a.id)).toHaveLength(0);
  });

  it('when a file is larger than the limit, then it is refused with 413 and not kept', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Dakar', 'SN');
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    const res = await upload('en', a.id, cookie, 'big.pdf', 'application/pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('up to 10 MB');
    expect(await ctx.services.attachments.list(a.id)).toHaveLength(0);
  });

  it('when a viewer uploads, or a Florence editor reaches a Milan file, then they are refused', async () => {
    const editor = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Tel Aviv', 'IL');
    expect((await upload('it', a.id, editor.cookie, 'foto.png', 'image/png', pngBytes())).statusCode).toBe(
      303,
    );
    const [kept] = await ctx.services.attachments.list(a.id);
    expect(kept?.contentType).toBe('image/png');

    const viewer = await client.signIn(milan, 'viewer');
    expect((await upload('it', a.id, viewer.cookie, 'altra.png', 'image/png', pngBytes())).statusCode).toBe(
      403,
    );
    expect((await client.get(`/admin/it/attachments/${kept!.id}`, viewer.cookie)).statusCode).toBe(200);

    const outsider = await client.signIn(florence, 'editor');
    expect((await client.get(`/admin/it/attachments/${kept!.id}`, outsider.cookie)).statusCode).toBe(404);
    expect((await upload('it', a.id, outsider.cookie, 'x.png', 'image/png', pngBytes())).statusCode).toBe(
      404,
    );
    const del = await client.post(
      `/admin/it/agreements/${a.id}/attachments/${kept!.id}/delete`,
      outsider.cookie,
      {},
    );
    expect(del.statusCode).toBe(404);
    expect(await ctx.services.attachments.list(a.id)).toHaveLength(1);
  });
});

function pngBytes(): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
}

describe('the agreement list', () => {
  const names = (html: string) =>
    [...html.matchAll(/<td><a href="\/admin\/(?:it|en)\/agreements\/[0-9a-f-]+">([^<]+)<\/a>/g)].map(
      (m) => m[1]!,
    );
  /** An institution of its own, so that the list holds exactly what this describe made. */
  let lister: string;
  const BODIES = Array.from({ length: 26 }, (_, i) => `Ente ${String(i + 1).padStart(2, '0')}`);
  const TOTAL = BODIES.length + 3;

  beforeAll(async () => {
    lister = await makeOffice(ctx.services);
    const make = (overrides: Partial<AgreementInput>) => makeAgreement(ctx.services, lister, overrides);
    for (const name of BODIES) await make({ kind: 'project_partnership', partner: organisation(name) });
    await make({ partner: city('Lione', 'FR') });
    await make({
      partner: city('San Pietroburgo', 'RU'),
      statusHistory: [
        { status: 'active', date: '1967-10-02' },
        { status: 'suspended', date: '2022-03-02' },
      ],
    });
    await make({ kind: 'collaboration_agreement', partner: city('Riga', 'LV') });
  });

  it('when sorted by name, then pages of 25 follow each other without repeating; the filters narrow the rows', async () => {
    const { cookie } = await client.signIn(lister, 'viewer');
    const first = await client.get('/admin/en/agreements?sort=name', cookie);
    expect(first.statusCode).toBe(200);
    const page1 = names(first.body);
    expect(page1).toHaveLength(25);
    expect([...page1].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(page1);
    const next = first.body.match(/href="([^"]*cursor=[^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    const page2 = names((await client.get(next!, cookie)).body);
    expect(page2).toHaveLength(TOTAL - 25);
    expect(page2.filter((n) => page1.includes(n))).toEqual([]);
    expect([...page1, ...page2].sort()).toEqual([...BODIES, 'Lyon', 'Riga', 'Saint Petersburg'].sort());
    const suspended = names((await client.get('/admin/en/agreements?status=suspended', cookie)).body);
    expect(suspended).toEqual(['Saint Petersburg']);
    const collaborations = names(
      (await client.get('/admin/en/agreements?kind=collaboration_agreement&sort=-signed', cookie)).body,
    );
    expect(collaborations).toEqual(['Riga']);
  });

  it('when the cursor is tampered with, then the first page is shown instead of an error', async () => {
    const { cookie } = await client.signIn(lister, 'viewer');
    const res = await client.get('/admin/it/agreements?sort=name&cursor=%27%3Bdrop', cookie);
    expect(res.statusCode).toBe(200);
    expect(names(res.body)).toHaveLength(25);
  });
});

describe('the status history from the back-office', () => {
  it('when an editor records an unusual change, then the page asks to confirm, keeps the values, and records it once confirmed', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const a = await milanAgreement('Lione', 'FR', { statusHistory: [] });
    expect(a.status).toBe('proposed');
    const page = await client.get(`/admin/en/agreements/${a.id}`, cookie);
    const csrf = csrfIn(page.body);
    const fields = {
      version: String(a.version),
      status: 'suspended',
      date: '2026-10',
      act: 'Council motion 12/2026',
      sources: 'https://example.org/motion-12 The motion\nCouncil minutes, October 2026',
    };
    const asked = await client.post(`/admin/en/agreements/${a.id}/status`, cookie, fields, csrf);
    expect(asked.statusCode).toBe(400);
    expect(asked.body).toContain('it never came into force');
    expect(asked.body).toContain('I confirm this status change');
    expect(asked.body).toContain('Council motion 12/2026');
    expect((await stored(a.id)).statusHistory).toHaveLength(1);

    const done = await client.post(
      `/admin/en/agreements/${a.id}/status`,
      cookie,
      { ...fields, confirm: 'yes' },
      csrf,
    );
    expect(done.statusCode).toBe(303);
    const after = await stored(a.id);
    expect(after.status).toBe('suspended');
    expect(after.statusHistory.at(-1)?.sources).toEqual([
      { url: 'https://example.org/motion-12', note: 'The motion' },
      { title: 'Council minutes, October 2026' },
    ]);
  });

  it('when a new agreement is recorded with its status and sectors, then both are kept and the status starts the history', async () => {
    const { cookie } = await client.signIn(milan, 'editor');
    const form = await client.get('/admin/it/agreements/new', cookie);
    expect(form.body).toContain('name="status"');
    expect(form.body).toContain('name="sectors"');
    const res = await client.post(
      '/admin/it/agreements/new',
      cookie,
      {
        kind: 'collaboration_agreement',
        partner: 'Riga',
        country: 'LV',
        signed: '2018-02-02',
        status: 'active',
        statusDate: '',
        sectors: ['culture', 'innovation'],
      },
      csrfIn(form.body),
    );
    expect(res.statusCode).toBe(303);
    const id = String(res.headers.location).match(/agreements\/([0-9a-f-]{36})/)![1]!;
    const a = await stored(id);
    expect(a.sectors).toEqual(['culture', 'innovation']);
    expect(a.statusHistory.map((e) => [e.status, e.date])).toEqual([['active', '2018-02-02']]);
  });
});
