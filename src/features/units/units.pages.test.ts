// The units' back-office pages through HTTP: the list's pages and sort, isolation between institutions,
// field errors in both languages, deleting a unit in use.
import { describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories.ts';
import { makeAgreement } from '../../../test/factories-backoffice.ts';
import {
  ctx,
  errorOf,
  florenceEditor,
  get,
  membership,
  milan,
  milanId,
  one,
  post,
  rowNames,
  signIn,
  unit,
  useRecordsPages,
} from '../../../test/records-pages.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsPages();

describe('lists', () => {
  it('when units fill more than a page, then pages and sort change the rows', async () => {
    const office = await makeInstitution(ctx.services);
    const viewer = await signIn(office.slug, 'viewer');
    const prefix = uniqueSlug('pagunit');
    for (let i = 1; i <= 27; i++) await unit(office.id, `${prefix}-${String(i).padStart(2, '0')}`);
    const first = await get(`/admin/en/units?q=${prefix}&sort=name`, viewer);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("<caption>Your institution's units</caption>");
    const names = rowNames(first.body);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe(`Unit ${prefix}-01`);
    expect(rowNames((await get(`/admin/en/units?q=${prefix}&sort=name&page=2`, viewer)).body)).toEqual([
      `Unit ${prefix}-26`,
      `Unit ${prefix}-27`,
    ]);
    expect(rowNames((await get(`/admin/en/units?q=${prefix}&sort=-name`, viewer)).body)[0]).toBe(
      `Unit ${prefix}-27`,
    );
    const milanUnits = rowNames((await get('/admin/it/units', milan.viewer)).body);
    expect(milanUnits.some((n) => n.includes(prefix))).toBe(false);
  });
});

describe('isolation between institutions', () => {
  it("when a Florence editor reaches for Milan's unit, then it does not exist for them and nothing changes", async () => {
    const u = await unit(milanId);
    for (const url of [`/admin/en/units/${u.id}`, `/admin/en/units/${u.id}/edit`]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    const edit = await post(`/admin/en/units/${u.id}/edit`, florenceEditor, {
      version: '1',
      slug: 'taken',
      nameIt: 'Preso',
      nameEn: 'Taken',
    });
    expect(edit.statusCode).toBe(404);
    expect((await post(`/admin/en/units/${u.id}/delete`, florenceEditor, { version: '1' })).statusCode).toBe(
      404,
    );
    expect(await one('select slug, version from units where id = $1', [u.id])).toEqual({
      slug: u.slug,
      version: 1,
    });
  });
});

describe('field errors in the page language', () => {
  it('when a unit slug is malformed or taken, then the error is beside the field in both languages', async () => {
    const it = await post('/admin/it/units/new', milan.editor, {
      slug: 'Affari Europei',
      nameIt: 'A',
      nameEn: 'B',
    });
    expect(it.statusCode).toBe(400);
    expect(errorOf(it.body, 'slug')).toContain('Usa solo lettere minuscole');
    expect(it.body).toContain('value="Affari Europei"');
    const en = await post('/admin/en/units/new', milan.editor, {
      slug: 'relazioni',
      nameIt: 'A',
      nameEn: 'B',
    });
    expect(en.statusCode).toBe(409);
    expect(errorOf(en.body, 'slug')).toBe(
      'Check this field: This identifier is already taken: choose another one.',
    );
  });
});

describe('contacts and sources', () => {
  it('when an editor gives a unit an e-mail, a telephone and a source, then its page and form show them; a bad telephone is named in both languages', async () => {
    const u = await unit(milanId);
    const fields = { slug: u.slug, nameIt: 'Sportello', nameEn: 'Desk', version: '1' };
    const bad = await post(`/admin/it/units/${u.id}/edit`, milan.editor, { ...fields, phone: 'chiamami' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body, 'phone')).toContain('Scrivi un numero di telefono');
    expect(bad.body).toContain('value="chiamami"');
    const badEn = await post(`/admin/en/units/${u.id}/edit`, milan.editor, { ...fields, email: 'desk' });
    expect(errorOf(badEn.body, 'email')).toContain('Write an e-mail address');
    const saved = await post(`/admin/en/units/${u.id}/edit`, milan.editor, {
      ...fields,
      email: 'desk@comune.example.it',
      phone: '+39 02 8845 1',
      sources: 'https://www.comune.example.it/desk The desk page',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const page = await get(`/admin/en/units/${u.id}`, milan.editor);
    expect(page.body).toContain('desk@comune.example.it');
    expect(page.body).toContain('href="https://www.comune.example.it/desk"');
    const form = await get(`/admin/en/units/${u.id}/edit`, milan.editor);
    expect(form.body).toContain('https://www.comune.example.it/desk The desk page</textarea>');
    expect(await one('select phone, sources from units where id = $1', [u.id])).toEqual({
      phone: '+39 02 8845 1',
      sources: [{ url: 'https://www.comune.example.it/desk', note: 'The desk page' }],
    });
  });
});

describe('deleting what is in use', () => {
  it('when a unit follows a network, then deleting it is refused with the reason and it stays', async () => {
    const u = await unit(milanId);
    await membership('milano', u.slug);
    await makeAgreement(ctx.services, 'milano', { slug: uniqueSlug('a'), unit: u.slug });
    const res = await post(`/admin/en/units/${u.id}/delete`, milan.admin, { version: '1' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('This unit cannot be deleted: it follows 1 network and 1 agreement.');
    expect(await one('select 1 from units where id = $1', [u.id])).toBeDefined();
  });
});

describe('where the navigation says you are', () => {
  it('when on the list, a unit or its form, then the units link says so and no other does', async () => {
    const u = await unit(milanId, uniqueSlug('navunit'));
    const currentLinks = (body: string) =>
      [...body.matchAll(/<a class="nav-link[^"]*" href="([^"]+)" aria-current="(page|true)"/g)].map(
        (m) => `${m[1]} ${m[2]}`,
      );
    expect(currentLinks((await get('/admin/en/units', milan.admin)).body)).toEqual(['/admin/en/units page']);
    expect(currentLinks((await get(`/admin/en/units/${u.id}`, milan.admin)).body)).toEqual([
      '/admin/en/units true',
    ]);
    expect(currentLinks((await get(`/admin/it/units/${u.id}/edit`, milan.admin)).body)).toEqual([
      '/admin/it/units true',
    ]);
    expect(currentLinks((await get('/admin/en/', milan.admin)).body)).toEqual(['/admin/en/ page']);
  });
});
