// The institution's settings through the JSON API (PATCH /institutions/{slug}/settings) and the units' contacts:
// an admin changes them at a version, audited; bad addresses are refused naming the field; editors, tokens and
// another institution are refused.
import { describe, expect, it } from 'vitest';
import {
  app,
  auditOf,
  bearer,
  milanId,
  milanWrite,
  rowOf,
  session,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug, until } from '../../../test/support.ts';

useRecordsApi();

const settingsUrl = (slug = 'milano') => `/api/v1/institutions/${slug}/settings`;
/** The stored version (the public answer may lag a write by a moment on a PostgreSQL server: its cache). */
const versionNow = async () => Number((await rowOf('institutions', milanId))!['version']);
const patch = (headers: Record<string, string>, payload: Record<string, unknown>, slug = 'milano') =>
  app.inject({ method: 'PATCH', url: settingsUrl(slug), headers, payload });

describe('institution settings', () => {
  it('when an admin sets the contacts, the statement and the privacy notice, then the answer, the database, the public record and the log follow', async () => {
    const admin = await session('milano', 'admin');
    const version = await versionNow();
    const res = await patch(admin.withCsrf, {
      version,
      email: 'relazioni.internazionali@comune.example.it',
      pec: 'protocollo@pec.comune.example.it',
      phone: '+39 02 1234 5678',
      accessibilityUrl: 'https://form.agid.gov.it/view/example-statement',
      privacyTextIt: 'Primo paragrafo.\n\nSecondo paragrafo.',
      sources: [{ url: 'https://www.comune.example.it/contatti', note: 'Contatti dell’ente' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: version + 1,
      phone: '+39 02 1234 5678',
      accessibilityUrl: 'https://form.agid.gov.it/view/example-statement',
      privacyTextEn: null,
      sources: [{ url: 'https://www.comune.example.it/contatti', note: 'Contatti dell’ente' }],
    });
    expect(await rowOf('institutions', milanId)).toMatchObject({
      email: 'relazioni.internazionali@comune.example.it',
      pec: 'protocollo@pec.comune.example.it',
      version: version + 1,
    });
    const shown = await until(async () => {
      const body = (await app.inject({ method: 'GET', url: '/api/v1/institutions/milano' })).json();
      return body.version === version + 1 && body;
    });
    expect(shown).toMatchObject({
      email: 'relazioni.internazionali@comune.example.it',
      phone: '+39 02 1234 5678',
    });
    const log = await auditOf(milanId);
    expect(log.at(-1)).toMatchObject({ actor: admin.email, action: 'update', entity: 'institution' });

    // A field left out keeps its value; null clears it.
    const cleared = await patch(admin.withCsrf, { version: version + 1, phone: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ phone: null, pec: 'protocollo@pec.comune.example.it' });
  });

  it.each([
    ['email', 'not-an-address'],
    ['pec', 'pec@nowhere'],
    ['phone', 'call me'],
    ['accessibilityUrl', 'javascript:alert(1)'],
    ['website', 'ftp://example.org/'],
  ])('when %s is %j, then 400 names the field and nothing changes', async (field, value) => {
    const admin = await session('milano', 'admin');
    const version = await versionNow();
    const res = await patch(admin.withCsrf, { version, [field]: value });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(await versionNow()).toBe(version);
  });

  it('when a source is not a web address, then 400 names the sources', async () => {
    const admin = await session('milano', 'admin');
    const res = await patch(admin.withCsrf, {
      version: await versionNow(),
      sources: [{ url: 'javascript:x' }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.field).toMatch(/^sources/);
  });

  it('when the version is stale, then 409 version_conflict carries the stored settings', async () => {
    const admin = await session('milano', 'admin');
    const version = await versionNow();
    expect((await patch(admin.withCsrf, { version, taxCode: '01199250158' })).statusCode).toBe(200);
    const stale = await patch(admin.withCsrf, { version, taxCode: '00000000000' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { current: { taxCode: '01199250158', version: version + 1 } },
    });
  });

  it('when an editor, a write token or an admin of another institution asks, then 403 or 404 and nothing changes', async () => {
    const version = await versionNow();
    const editor = await session('milano', 'editor');
    expect((await patch(editor.withCsrf, { version, phone: '+39 02 1' })).statusCode).toBe(403);
    expect((await patch(bearer(milanWrite), { version, phone: '+39 02 1' })).statusCode).toBe(403);
    const florenceAdmin = await session('firenze', 'admin');
    expect((await patch(florenceAdmin.withCsrf, { version, phone: '+39 055 1234567' })).statusCode).toBe(404);
    const admin = await session('milano', 'admin');
    // An admin's session without its CSRF header is refused too.
    expect((await patch(admin.cookie, { version, phone: '+39 02 123456' })).statusCode).toBe(403);
    expect(await versionNow()).toBe(version);
  });
});

describe('units contacts', () => {
  it('when a unit gets an e-mail, a telephone and a source, then the institution shows them; a bad e-mail names the field', async () => {
    const slug = uniqueSlug('desk');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: bearer(milanWrite),
      payload: {
        slug,
        nameIt: 'Sportello',
        nameEn: 'Desk',
        email: 'sportello@comune.example.it',
        phone: '02 8845 0000',
        sources: [{ url: 'https://www.comune.example.it/sportello' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    // On a PostgreSQL server the public answer's cache hears of the write through LISTEN/NOTIFY, a moment later.
    const unit = await until(
      async () =>
        (await app.inject({ method: 'GET', url: '/api/v1/institutions/milano' }))
          .json()
          .units.find((u: { slug: string }) => u.slug === slug),
      { message: 'the new unit in the institution' },
    );
    expect(unit).toMatchObject({
      email: 'sportello@comune.example.it',
      phone: '02 8845 0000',
      sources: [{ url: 'https://www.comune.example.it/sportello' }],
    });
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${created.json().id}`,
      headers: bearer(milanWrite),
      payload: { version: 1, email: 'sportello at comune' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('email');
  });
});
