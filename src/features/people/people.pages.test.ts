// People's back-office pages through HTTP: a person recorded through the form and shown with the legal basis;
// a viewer is told what their role does not show, and never sees it; a consul's change on the post's page; the
// review asked on the dashboard and confirmed; an admin's export and an erasure.
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makePerson, makeVisit } from '../../../test/factories-backoffice.ts';
import {
  ctx,
  errorOf,
  florenceEditor,
  get,
  milan,
  milanId,
  one,
  post,
  useRecordsPages,
} from '../../../test/records-pages.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsPages();

describe('people', () => {
  it('when an editor records a private person with consent, then the page shows the basis, and a viewer does not see the address', async () => {
    const name = `Lucía Fernández ${uniqueSlug('f')}`;
    const saved = await post('/admin/en/people/new', milan.editor, {
      name,
      languages: 'spagnolo, inglese',
      email: 'lucia@example.org',
      address: 'Via dei Mille 12, Milano',
      addressVisibility: 'editors',
      legalBasis: 'consent',
      consentOn: '2026-10-01',
      consentText: 'Acconsento a ricevere gli inviti della comunità.',
      visibility: 'staff',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const id = String(saved.headers['location']).split('/').pop()!.split('?')[0]!;
    const asEditor = await get(`/admin/en/people/${id}`, milan.editor);
    for (const text of [
      "The person's consent",
      '1 October 2026',
      'Via dei Mille 12, Milano',
      'Spanish, English',
    ]) {
      expect(asEditor.body, text).toContain(text);
    }
    const asViewer = await get(`/admin/en/people/${id}`, milan.viewer);
    expect(asViewer.body).toContain("One of this person's details is not visible to your role.");
    expect(asViewer.body).not.toContain('Via dei Mille');
    expect(asViewer.body).not.toContain(`/admin/en/people/${id}/edit`);
    expect(asViewer.body).not.toContain('export.json');
  });

  it('when consent is chosen without its day, then the form says so in the page language and nothing is stored', async () => {
    const name = `Senza data ${uniqueSlug('d')}`;
    for (const lang of ['it', 'en'] as const) {
      const res = await post(`/admin/${lang}/people/new`, milan.editor, {
        name,
        legalBasis: 'consent',
        consentText: 'Testo',
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body, 'consentOn')).toContain(lang === 'it' ? 'Con il consenso' : 'With consent');
      expect(res.body).toContain(`value="${name}"`);
    }
    expect(await one('select 1 from people where name = $1', [name])).toBeUndefined();
  });

  it('when a form has several fields at fault, then each is marked at once, in fieldsets that name the parts of the form', async () => {
    const res = await post('/admin/en/people/new', milan.editor, {
      name: '',
      email: 'not an address',
      legalBasis: 'consent',
      consentText: 'Testo',
      reviewOn: '31/31/2026',
    });
    expect(res.statusCode).toBe(400);
    for (const name of ['name', 'email', 'consentOn', 'reviewOn'])
      expect(errorOf(res.body, name), name).toMatch(/\S/);
    expect(res.body).toContain('<legend class="h5 mb-4">Contact details and who may see them</legend>');
    const api = await ctx.services.people
      .create(milanId, {
        name: 'x'.repeat(300),
        email: 'nope',
        legalBasis: 'public_task',
      } as never)
      .catch((err) => err);
    expect(api.field).toBe('name');
    expect(api.details.also.map((x: { field: string }) => x.field)).toEqual(['email']);
  });

  it("when a post's consul general changes, then the post's page lists the new one and the predecessor with the end", async () => {
    const org = await makeOrganisation(ctx.services, milanId);
    const before = await makePerson(ctx.services, milanId, { name: `Console uscente ${uniqueSlug('u')}` });
    const after = await makePerson(ctx.services, milanId, { name: `Console entrante ${uniqueSlug('e')}` });
    const role = { organisationId: org.id, titleIt: 'Console generale', head: 'yes' };
    expect(
      (
        await post(`/admin/it/people/${before.id}/roles/new`, milan.editor, {
          ...role,
          startsOn: '2021-09-01',
          endsOn: '2025-08-31',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await post(`/admin/it/people/${after.id}/roles/new`, milan.editor, {
          ...role,
          startsOn: '2025-09-01',
        })
      ).statusCode,
    ).toBe(303);
    const page = await get(`/admin/it/organisations/${org.id}`, milan.viewer);
    const names = [...page.body.matchAll(/people\/[0-9a-f-]+">([^<]+)</g)].map((m) => m[1]);
    expect(names).toEqual([after.name, before.name]);
    expect(page.body).toContain('fino al 31 agosto 2025');
    expect(page.body).toContain('dal 1 settembre 2025 · in corso');
  });

  it('when a review is due, then the dashboard asks for it, and confirming moves it 24 months on', async () => {
    const person = await makePerson(ctx.services, milanId, {
      name: `Da rivedere ${uniqueSlug('r')}`,
      reviewOn: '2026-01-01',
    });
    const home = await get('/admin/it/', milan.editor);
    expect(home.body).toContain('Dati personali da rivedere');
    expect(home.body).toContain(person.name);
    const done = await post(`/admin/it/people/${person.id}/review`, milan.editor, { version: '1' });
    expect(done.statusCode).toBe(303);
    const [row] = await ctx.database.query<{ review_on: string }>(
      'select review_on::text from people where id = $1',
      [person.id],
    );
    expect(row!.review_on > '2028-01-01').toBe(true);
    expect((await get('/admin/it/', milan.editor)).body).not.toContain(person.name);
  });

  it('when an admin downloads a person and an editor erases them, then the file holds everything and, once the erasure is confirmed, the person is gone', async () => {
    const person = await makePerson(ctx.services, milanId, {
      name: `Da cancellare ${uniqueSlug('c')}`,
      notes: 'Nota interna',
    });
    expect((await get(`/admin/it/people/${person.id}/export.json`, milan.editor)).statusCode).toBe(403);
    const file = await get(`/admin/it/people/${person.id}/export.json`, milan.admin);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(JSON.parse(file.body).person).toMatchObject({
      name: person.name,
      notes: 'Nota interna',
      email: 'console@example.org',
    });
    // Without the confirmation box ticked, nothing is erased and the page says why.
    const unconfirmed = await post(`/admin/it/people/${person.id}/delete`, milan.editor, { version: '1' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('spunta la conferma');
    expect(await one('select 1 from people where id = $1', [person.id])).toBeDefined();
    const gone = await post(`/admin/it/people/${person.id}/delete`, milan.editor, {
      version: '1',
      confirm: 'yes',
    });
    expect(gone.statusCode).toBe(303);
    expect(await one('select 1 from people where id = $1', [person.id])).toBeUndefined();
    expect((await get(`/admin/it/people/${person.id}`, florenceEditor)).statusCode).toBe(404);
  });

  it('when an editor links a person to a visit on their page, then the page lists it, a visit of another institution is refused in the page language, and the link can be removed', async () => {
    const person = await makePerson(ctx.services, milanId);
    const visit = await makeVisit(ctx.services, milanId, {
      titleIt: 'Delegazione di Kyoto',
      titleEn: 'Kyoto delegation',
    });
    const page = await get(`/admin/it/people/${person.id}`, milan.editor);
    expect(page.body).toContain('Ha preso parte a');
    expect(page.body).toContain(`value="visit:${visit.id}"`);
    const added = await post(`/admin/it/people/${person.id}/links`, milan.editor, {
      record: `visit:${visit.id}`,
      role: 'Interprete',
    });
    expect(added.statusCode).toBe(303);
    const shown = await get(`/admin/en/people/${person.id}`, milan.viewer);
    expect(shown.body).toContain(`href="/admin/en/visits/${visit.id}">Kyoto delegation (15 March 2027)</a>`);
    expect(shown.body).toContain('— Interprete');
    expect(shown.body).not.toContain(`/links"`);
    const theirs = await makeVisit(ctx.services, (await ctx.services.institutions.idOf('firenze'))!);
    const refused = await post(`/admin/it/people/${person.id}/links`, milan.editor, {
      record: `visit:${theirs.id}`,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Scegli dall’elenco uno dei documenti o delle attività del tuo ente.');
    const linkId = /\/links\/([0-9a-f-]{36})\/delete/.exec(
      (await get(`/admin/it/people/${person.id}`, milan.editor)).body,
    )?.[1];
    expect(linkId).toBeDefined();
    expect(
      (await post(`/admin/it/people/${person.id}/links/${linkId}/delete`, milan.viewer, {})).statusCode,
    ).toBe(403);
    expect(
      (await post(`/admin/it/people/${person.id}/links/${linkId}/delete`, milan.editor, {})).statusCode,
    ).toBe(303);
    expect(await one('select 1 from person_links where id = $1', [linkId])).toBeUndefined();
  });
});
