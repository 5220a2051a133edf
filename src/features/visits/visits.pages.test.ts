// The visits' back-office pages through HTTP: recording a delegation through the form (partner, languages,
// agreements and networks ticked), its programme with a guided tour, field errors in both languages, a stale
// edit, isolation between institutions and a viewer who only reads.
import { describe, expect, it } from 'vitest';
import { makeVisit } from '../../../test/factories-backoffice.ts';
import {
  ctx,
  errorOf,
  florenceEditor,
  get,
  membership,
  milan,
  milanId,
  one,
  organisation,
  post,
  rowNames,
  useRecordsPages,
} from '../../../test/records-pages.ts';

useRecordsPages();

const location = (res: { headers: Record<string, unknown> }) => String(res.headers['location'] ?? '');

describe('recording a visit', () => {
  it('when an editor fills in the form and adds a guided tour, then the visit page shows all of it', async () => {
    const partner = await organisation(milanId, 'Shanghai Foreign Affairs Office');
    const { network } = await membership('milano');
    const form = await get('/admin/en/visits/new', milan.editor);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Shanghai Foreign Affairs Office');
    expect(form.body).toContain(`value="${network.id}"`);

    const saved = await post('/admin/en/visits/new', milan.editor, {
      titleIt: 'Delegazione di Shanghai',
      titleEn: 'Delegation from Shanghai',
      status: 'confirmed',
      startsOn: '2027-04-12',
      endsOn: '2027-04-13',
      startsAt: '09:00',
      counterpartId: partner.id,
      headName: 'Li Wei',
      languages: 'Chinese, English',
      interpretingPair: 'zh-it',
      interpretingBooked: 'yes',
      networkIds: [network.id],
      published: '',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const page = location(saved);
    expect(page).toMatch(/\/admin\/en\/visits\/[0-9a-f-]{36}\?created=1$/);
    const id = page.split('/').pop()!.split('?')[0]!;
    expect(await one('select languages, network_ids from visits where id = $1', [id])).toEqual({
      languages: ['zh', 'en'],
      network_ids: [network.id],
    });

    const tour = await post(`/admin/en/visits/${id}/programme/new`, milan.editor, {
      kind: 'tour',
      day: '13/04/2027',
      startsAt: '10:00',
      endsAt: '11:30',
      place: 'Pinacoteca di Brera',
      activityIt: 'Visita guidata alla Pinacoteca',
      activityEn: 'Guided tour of the Pinacoteca',
      tourLanguage: 'English',
      guide: 'Anna Verdi',
      groupSize: '12',
    });
    expect(tour.statusCode, tour.body).toBe(303);

    const shown = await get(`/admin/en/visits/${id}`, milan.viewer);
    expect(shown.statusCode).toBe(200);
    for (const text of [
      'Delegation from Shanghai',
      'Shanghai Foreign Affairs Office',
      'Chinese, English',
      'Chinese – Italian',
      'Head of delegation (internal)',
      'Guided tour of the Pinacoteca',
      'Guided tour: in English, 12 people, guide: Anna Verdi',
      'programme item added',
    ]) {
      expect(shown.body, text).toContain(text);
    }
    // A viewer reads, without the buttons that write.
    expect(shown.body).not.toContain(`/admin/en/visits/${id}/edit`);
  });

  it('when the form has wrong fields, then each error is named in the page language and nothing is stored', async () => {
    const title = `Visita errata ${Date.now()}`;
    for (const lang of ['it', 'en'] as const) {
      const res = await post(`/admin/${lang}/visits/new`, milan.editor, {
        titleIt: title,
        startsOn: '2027-04-12',
        endsOn: '2027-04-10',
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body, 'endsOn')).toContain(
        lang === 'it' ? 'non prima del primo giorno' : 'not before the first day',
      );
      expect(res.body).toContain(`value="${title}"`);
    }
    const bad = await post('/admin/it/visits/new', milan.editor, {
      titleIt: title,
      startsOn: '2027-04-12',
      languages: 'klingon',
    });
    expect(errorOf(bad.body, 'languages')).toContain('Lingua sconosciuta');
    const place = await post('/admin/it/visits/new', milan.editor, {
      titleIt: title,
      startsOn: '2027-04-12',
      partnerCity: 'Xyzzyqwerty',
    });
    expect(errorOf(place.body, 'partnerCity')).toContain('Il gazzetteer non riconosce');
    expect(await one('select 1 from visits where title_it = $1', [title])).toBeUndefined();
  });

  it('when two people edit the same visit, then the second sees both versions and loses nothing', async () => {
    const v = await makeVisit(ctx.services, milanId);
    const fields = { version: '1', titleIt: v.titleIt, startsOn: v.startsOn, endsOn: v.endsOn };
    expect(
      (await post(`/admin/en/visits/${v.id}/edit`, milan.editor, { ...fields, status: 'held' })).statusCode,
    ).toBe(303);
    const stale = await post(`/admin/en/visits/${v.id}/edit`, milan.admin, {
      ...fields,
      status: 'cancelled',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Stored now');
    expect(stale.body).toContain('<strong>Cancelled</strong>');
  });
});

describe('isolation and lists', () => {
  it("when a Florence editor reaches for Milan's visit and its programme, then none of it exists for them", async () => {
    const v = await makeVisit(ctx.services, milanId);
    for (const url of [
      `/admin/en/visits/${v.id}`,
      `/admin/en/visits/${v.id}/edit`,
      `/admin/en/visits/${v.id}/programme/new`,
      `/admin/en/visits/${v.id}/programme/${v.item.id}/edit`,
    ]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    const del = await post(`/admin/en/visits/${v.id}/programme/${v.item.id}/delete`, florenceEditor, {
      version: '1',
    });
    expect(del.statusCode).toBe(404);
    expect(rowNames((await get('/admin/en/visits', florenceEditor)).body)).not.toContain(v.titleIt);
    expect(await one('select 1 from visit_items where id = $1', [v.item.id])).toEqual({ '?column?': 1 });
  });

  it('when the list is filtered by status and period, then only those visits are listed', async () => {
    const past = await makeVisit(ctx.services, milanId, {
      startsOn: '2020-01-10',
      endsOn: '2020-01-11',
      status: 'held',
    });
    const coming = await makeVisit(ctx.services, milanId, { startsOn: '2099-01-10', endsOn: '2099-01-11' });
    const upcoming = rowNames((await get('/admin/it/visits?when=upcoming', milan.viewer)).body);
    expect(upcoming).toContain(coming.titleIt);
    expect(upcoming).not.toContain(past.titleIt);
    const held = rowNames((await get('/admin/it/visits?status=held&when=past', milan.viewer)).body);
    expect(held).toContain(past.titleIt);
    expect(held).not.toContain(coming.titleIt);
  });
});
