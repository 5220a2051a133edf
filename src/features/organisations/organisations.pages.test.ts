// The organisations register's back-office pages through HTTP: a consular post recorded through the form and
// shown with its district, contacts and internal notes marked; field errors in both languages that keep what was
// typed; search without accents and the filters; a viewer who only reads; isolation between institutions.
import { describe, expect, it } from 'vitest';
import { makeOrganisation } from '../../../test/factories-backoffice.ts';
import {
  ctx,
  errorOf,
  florenceEditor,
  get,
  milan,
  milanId,
  one,
  post,
  rowNames,
  useRecordsPages,
} from '../../../test/records-pages.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsPages();

describe('organisations', () => {
  it('when an editor records a consular post, then its page shows its district, contacts and map link, and a viewer reads without buttons', async () => {
    const name = `Consolato generale del Perù ${uniqueSlug('p')}`;
    const saved = await post('/admin/en/organisations/new', milan.editor, {
      kind: 'consular_post',
      postKind: 'consulate_general',
      nameIt: name,
      country: 'Peru',
      district: 'Lombardia, piedmont',
      languages: 'spagnolo, quechua',
      address: 'Via Siusi 7',
      city: 'Milano',
      coordinates: '45.4903, 9.2170',
      phone: '+39 02 1234 5678',
      notes: 'Festa nazionale il 28 luglio',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const id = String(saved.headers['location']).split('/').pop()!.split('?')[0]!;
    const page = await get(`/admin/en/organisations/${id}`, milan.viewer);
    for (const text of [
      'Consulate general · Peru',
      'Lombardia, Piemonte',
      'Spanish, Quechua',
      'Via Siusi 7, Milano',
      'https://www.openstreetmap.org/?mlat=45.4903&amp;mlon=9.217',
      'href="tel:+390212345678"',
      'Notes (internal)',
      'Festa nazionale il 28 luglio',
    ]) {
      expect(page.body, text).toContain(text);
    }
    expect(page.body).not.toContain(`/admin/en/organisations/${id}/edit`);
  });

  it('when a post has no kind of post or an unknown region, then the form says so in the page language and keeps what was typed', async () => {
    const name = `Consolato errato ${uniqueSlug('e')}`;
    for (const lang of ['it', 'en'] as const) {
      const noPost = await post(`/admin/${lang}/organisations/new`, milan.editor, {
        kind: 'consular_post',
        nameIt: name,
        district: 'Lombardia',
      });
      expect(noPost.statusCode).toBe(400);
      expect(errorOf(noPost.body, 'postKind')).toContain(
        lang === 'it' ? 'scegli il tipo di sede' : 'choose the kind of post',
      );
      expect(noPost.body).toContain(`value="${name}"`);
      const badRegion = await post(`/admin/${lang}/organisations/new`, milan.editor, {
        kind: 'consular_post',
        postKind: 'consulate',
        nameIt: name,
        district: 'Lombardia, Baviera',
      });
      expect(errorOf(badRegion.body, 'district')).toContain(
        lang === 'it' ? 'Regione sconosciuta' : 'Unknown region',
      );
      const notPost = await post(`/admin/${lang}/organisations/new`, milan.editor, {
        kind: 'association',
        nameIt: name,
        district: 'Lombardia',
      });
      expect(errorOf(notPost.body, 'district')).toContain(
        lang === 'it' ? 'Solo una sede consolare' : 'Only a consular post',
      );
    }
    expect(await one('select 1 from organisations where name_it = $1', [name])).toBeUndefined();
  });

  it('when the list is searched without accents and filtered by kind and country, then only the matching organisations remain', async () => {
    const tag = uniqueSlug('l');
    const post1 = await makeOrganisation(ctx.services, milanId, {
      nameIt: `Consolato di Côte d’Ivoire ${tag}`,
      country: 'CI',
    });
    await makeOrganisation(ctx.services, milanId, {
      kind: 'association',
      postKind: '',
      district: '',
      nameIt: `Associazione ivoriana ${tag}`,
      country: 'CI',
      communities: 'Costa d’Avorio',
    });
    const found = await get(`/admin/it/organisations?q=${encodeURIComponent(`cote ${tag}`)}`, milan.viewer);
    expect(rowNames(found.body)).toEqual([post1.nameIt]);
    const byKind = await get(`/admin/en/organisations?q=${tag}&kind=association&country=CI`, milan.viewer);
    expect(rowNames(byKind.body)).toEqual([`Associazione ivoriana ${tag}`]);
    expect(byKind.body).toContain('<option value="CI" selected>');
  });

  it("when a Florence editor reaches for Milan's organisation, then it does not exist for them", async () => {
    const o = await makeOrganisation(ctx.services, milanId);
    for (const url of [`/admin/en/organisations/${o.id}`, `/admin/en/organisations/${o.id}/edit`]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    expect(
      (await post(`/admin/en/organisations/${o.id}/delete`, florenceEditor, { version: '1' })).statusCode,
    ).toBe(404);
    expect(await one('select version from organisations where id = $1', [o.id])).toEqual({ version: 1 });
  });

  it("when a partner's page is opened, then it lists who the office knows in the partner's country", async () => {
    const tag = uniqueSlug('k');
    const [partner] = await ctx.services.counterparts.ensureMany(milanId, [
      {
        type: 'organisation',
        nameIt: `Prefettura di Kyoto ${tag}`,
        nameEn: `Kyoto Prefecture ${tag}`,
        country: 'JP',
      },
    ]);
    const post = await makeOrganisation(ctx.services, milanId, {
      nameIt: `Consolato del Giappone ${tag}`,
      country: 'JP',
    });
    const assoc = await makeOrganisation(ctx.services, milanId, {
      kind: 'association',
      postKind: '',
      district: '',
      nameIt: `Associazione giapponese ${tag}`,
      communities: 'Giappone',
    });
    await makeOrganisation(ctx.services, milanId, { nameIt: `Consolato del Perù ${tag}`, country: 'PE' });
    const page = await get(`/admin/en/counterparts/${partner!.id}`, milan.viewer);
    expect(page.body).toContain('Who we know in this country');
    expect(page.body).toContain(`/admin/en/organisations/${post.id}`);
    expect(page.body).toContain(`/admin/en/organisations/${assoc.id}`);
    expect(page.body).not.toContain(`Consolato del Perù ${tag}`);
  });
});
