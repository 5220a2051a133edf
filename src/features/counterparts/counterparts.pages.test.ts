// The partners' back-office pages through HTTP: lists with search, filters, sort and pages; isolation
// between institutions; stale forms; field errors in both languages; deleting a partner in use; its page
// and history. Milan's partners here are made for the file: Lyon (two agreements), Chicago, the World Bank.
import { beforeAll, describe, expect, it } from 'vitest';
import { city, makeAgreement } from '../../../test/factories-backoffice.ts';
import {
  ctx,
  errorOf,
  florenceEditor,
  get,
  milan,
  milanId,
  one,
  organisation,
  post,
  rowNames,
  signIn,
  useRecordsPages,
} from '../../../test/records-pages.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsPages();

beforeAll(async () => {
  const services = ctx.services;
  await makeAgreement(services, 'milano', { slug: 'lione', partner: city('Lione', 'FR') });
  await makeAgreement(services, 'milano', {
    slug: 'lione-accordo',
    kind: 'collaboration_agreement',
    partner: city('Lione', 'FR'),
  });
  await makeAgreement(services, 'milano', { slug: 'chicago', partner: city('Chicago', 'US') });
  await makeAgreement(services, 'milano', {
    slug: 'banca-mondiale',
    kind: 'collaboration_agreement',
    partner: { type: 'organisation', nameIt: 'Banca Mondiale', nameEn: 'World Bank' },
  });
});

describe('lists', () => {
  it("when a viewer lists partners, then search, kind and country filter Milan's partners", async () => {
    const all = await get('/admin/it/counterparts', milan.viewer);
    expect(all.statusCode).toBe(200);
    expect(rowNames(all.body)).toEqual(expect.arrayContaining(['Lione', 'Chicago', 'Banca Mondiale']));
    expect(all.body).toMatch(/<caption>Partner del tuo ente<\/caption>/);
    expect(all.body).toContain('<th scope="col">Paese</th>');

    const search = await get('/admin/en/counterparts?q=lyo', milan.viewer);
    expect(rowNames(search.body)).toEqual(['Lyon']);
    expect(search.body).toContain('1 result — page 1 of 1');

    const orgs = rowNames((await get('/admin/it/counterparts?kind=organisation', milan.viewer)).body);
    expect(orgs).toContain('Banca Mondiale');
    expect(orgs).not.toContain('Lione');

    const french = rowNames((await get('/admin/it/counterparts?country=fr&kind=city', milan.viewer)).body);
    expect(french).toContain('Lione');
    expect(french).not.toContain('Chicago');

    const florence = await signIn('firenze', 'viewer');
    const theirs = await get('/admin/it/counterparts?q=Lione', florence);
    expect(rowNames(theirs.body)).toEqual([]);
    expect(theirs.body).toContain('0 risultati');
  });

  it('when partners fill more than a page, then pages and sort change the rows and page links keep the filters', async () => {
    const prefix = `Paginata ${uniqueSlug('p')}`;
    for (let i = 1; i <= 30; i++) await organisation(milanId, `${prefix} ${String(i).padStart(2, '0')}`);
    const q = encodeURIComponent(prefix);
    const first = await get(`/admin/en/counterparts?q=${q}&kind=organisation&sort=name`, milan.viewer);
    const names = rowNames(first.body);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe(`${prefix} 01`);
    expect(names.at(-1)).toBe(`${prefix} 25`);
    expect(first.body).toContain('30 results — page 1 of 2');
    expect(first.body).toMatch(/<nav class="pagination-wrapper[^"]*" aria-label="Result pages">/);
    const next = first.body.match(/href="([^"]*page=2[^"]*)" rel="next"/)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toBeDefined();
    expect(next).toContain('kind=organisation');
    expect(next).toContain('sort=name');
    expect(next).toContain(`q=${prefix.replace(/ /g, '+')}`);

    const second = rowNames((await get(next!, milan.viewer)).body);
    expect(second).toEqual([26, 27, 28, 29, 30].map((n) => `${prefix} ${n}`));

    const reversed = rowNames(
      (await get(`/admin/en/counterparts?q=${q}&kind=organisation&sort=-name`, milan.viewer)).body,
    );
    expect(reversed[0]).toBe(`${prefix} 30`);
    expect(reversed).not.toContain(`${prefix} 01`);
  });

  it('when partners are sorted by agreements, then those with the most come first', async () => {
    const rows = rowNames((await get('/admin/it/counterparts?sort=-agreements', milan.viewer)).body);
    const fewest = rowNames((await get('/admin/it/counterparts?sort=agreements', milan.viewer)).body);
    const counts = await ctx.database.query<{ name_it: string; n: number }>(
      `select cp.name_it, count(a.id)::int as n from counterparts cp left join agreements a on a.counterpart_id = cp.id
        where cp.institution_id = $1 group by cp.id order by n desc, lower(cp.name_it) limit 1`,
      [milanId],
    );
    expect(rows[0]).toBe(counts[0]!.name_it);
    expect(fewest[0]).not.toBe(rows[0]);
  });
});

describe('isolation between institutions', () => {
  it("when a Florence editor reaches for Milan's partner, then it does not exist for them and nothing changes", async () => {
    const cp = await organisation(milanId);
    for (const url of [`/admin/it/counterparts/${cp.id}`, `/admin/it/counterparts/${cp.id}/edit`]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    const edit = await post(`/admin/it/counterparts/${cp.id}/edit`, florenceEditor, {
      version: '1',
      nameIt: 'Preso',
      nameEn: 'Taken',
    });
    expect(edit.statusCode).toBe(404);
    expect(edit.body).toContain('appartiene a un altro ente');
    expect(
      (await post(`/admin/it/counterparts/${cp.id}/delete`, florenceEditor, { version: '1' })).statusCode,
    ).toBe(404);
    expect(await one('select name_it, version from counterparts where id = $1', [cp.id])).toEqual({
      name_it: cp.nameIt,
      version: 1,
    });
  });
});

describe('versions', () => {
  it('when a partner form is stale, then the save is refused (409) and the page shows both versions', async () => {
    const cp = await organisation(milanId);
    const fields = { nameEn: cp.nameEn, website: '', country: '' };
    const first = await post(`/admin/it/counterparts/${cp.id}/edit`, milan.editor, {
      ...fields,
      version: '1',
      nameIt: 'Salvato da Anna',
    });
    expect(first.statusCode).toBe(303);
    const stale = await post(`/admin/it/counterparts/${cp.id}/edit`, milan.admin, {
      ...fields,
      version: '1',
      nameIt: 'Inviato da Bruno',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Qualcun altro ha modificato questa scheda');
    expect(stale.body).toContain('<caption>La versione salvata ora e quella che hai inviato</caption>');
    expect(stale.body).toMatch(
      /<th scope="row">Nome in italiano<\/th><td>Salvato da Anna<\/td><td><strong>Inviato da Bruno<\/strong>/,
    );
    // The form keeps what was sent and now carries the current version.
    expect(stale.body).toContain('value="Inviato da Bruno"');
    expect(stale.body).toContain('name="version" value="2"');
    expect(
      (await one<{ name_it: string }>('select name_it from counterparts where id = $1', [cp.id]))!.name_it,
    ).toBe('Salvato da Anna');
  });
});

describe('field errors in the page language', () => {
  it('when a partner name is empty or the website is not an address, then the error is beside the field, in Italian and English', async () => {
    const cp = await organisation(milanId);
    const it = await post(`/admin/it/counterparts/${cp.id}/edit`, milan.editor, {
      version: '1',
      nameIt: '   ',
      nameEn: cp.nameEn,
      website: 'https://ok.example.org',
    });
    expect(it.statusCode).toBe(400);
    expect(errorOf(it.body, 'nameIt')).toBe(
      'Controlla questo campo: Scrivi il nome in italiano, al massimo 200 caratteri.',
    );
    expect(it.body).toMatch(/id="f-nameIt"[^>]*aria-describedby="e-nameIt"/);
    expect(it.body).toContain('value="https://ok.example.org"');
    const en = await post(`/admin/en/counterparts/${cp.id}/edit`, milan.editor, {
      version: '1',
      nameIt: 'Nome',
      nameEn: cp.nameEn,
      website: 'www.example.org',
    });
    expect(en.statusCode).toBe(400);
    expect(errorOf(en.body, 'website')).toBe(
      'Check this field: Write a full address starting with https:// or http://, or leave it empty.',
    );
    expect(en.body).toMatch(/id="f-website"[^>]*aria-describedby="h-website e-website"/);
    expect(
      (await one<{ version: number }>('select version from counterparts where id = $1', [cp.id]))!.version,
    ).toBe(1);
  });

  it('when a new organisation names an unknown country or an existing name, then each is refused beside its field', async () => {
    const cp = await organisation(milanId);
    const country = await post('/admin/it/counterparts/new', milan.editor, {
      nameIt: 'Ente',
      nameEn: `Body ${uniqueSlug('b')}`,
      country: 'Atlantide',
    });
    expect(country.statusCode).toBe(400);
    expect(errorOf(country.body, 'country')).toContain('Paese sconosciuto');
    const taken = await post('/admin/en/counterparts/new', milan.editor, {
      nameIt: 'Doppione',
      nameEn: cp.nameEn.toUpperCase(),
    });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken.body, 'nameEn')).toBe(
      'Check this field: A partner organisation with this English name already exists.',
    );
  });
});

describe('deleting what is in use', () => {
  it('when a partner has agreements, then deleting it is refused with the reason and it stays', async () => {
    const chicago = await one<{ id: string; version: number }>(
      "select id, version from counterparts where institution_id = $1 and name_en = 'Chicago'",
      [milanId],
    );
    const res = await post(`/admin/it/counterparts/${chicago!.id}/delete`, milan.admin, {
      version: String(chicago!.version),
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Questo partner non si può eliminare: un accordo lo nomina.');
    expect(await one('select 1 from counterparts where id = $1', [chicago!.id])).toBeDefined();
  });
});

describe('record pages and history', () => {
  it('when a partner is edited, then its page lists its agreements and the history says who changed what', async () => {
    const lyon = await one<{ id: string }>(
      "select id from counterparts where institution_id = $1 and name_en = 'Lyon'",
      [milanId],
    );
    const before = await get(`/admin/it/counterparts/${lyon!.id}`, milan.editor);
    const agreement = await one<{ id: string }>('select id from agreements where counterpart_id = $1', [
      lyon!.id,
    ]);
    expect(before.body).toContain(`href="/admin/it/agreements/${agreement!.id}"`);
    expect(before.body).toContain('Nessuna modifica registrata.');
    expect(before.body).toContain('<dt class="col-sm-4">Sito web</dt><dd class="col-sm-8">—</dd>');
    const edit = await get(`/admin/it/counterparts/${lyon!.id}/edit`, milan.editor);
    const version = edit.body.match(/name="version" value="(\d+)"/)?.[1];
    const res = await post(`/admin/it/counterparts/${lyon!.id}/edit`, milan.editor, {
      version: version!,
      nameIt: 'Lione (Francia)',
      nameEn: 'Lyon',
      website: 'https://www.lyon.fr',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/it/counterparts/${lyon!.id}?saved=1`);
    const after = await get(res.headers.location as string, milan.editor);
    expect(after.body).toContain('Modifica salvata.');
    expect(after.body).toContain(milan.editor.email);
    expect(after.body).toContain('Nome in italiano: Lione → Lione (Francia)');
    expect(after.body).toContain('Sito web: — → https://www.lyon.fr');
    // The agreements follow the new name in the lists and in search.
    const list = await ctx.services.agreements.list(
      { institution: 'milano', q: 'Francia', lang: 'it', sort: 'name' },
      { includeUnpublished: true },
    );
    expect(list.items.map((a) => a.partner.nameIt)).toContain('Lione (Francia)');
  });

  it('when a city is edited, then its place and country stay whatever the form sends', async () => {
    const chicago = await one<{ id: string; version: number }>(
      "select id, version from counterparts where institution_id = $1 and name_en = 'Chicago'",
      [milanId],
    );
    const res = await post(`/admin/it/counterparts/${chicago!.id}/edit`, milan.editor, {
      version: String(chicago!.version),
      nameIt: 'Chicago',
      nameEn: 'Chicago',
      country: 'Germania',
    });
    expect(res.statusCode).toBe(303);
    expect(
      await one('select country_code, place_id is not null as placed from counterparts where id = $1', [
        chicago!.id,
      ]),
    ).toEqual({
      country_code: 'US',
      placed: true,
    });
  });
});
