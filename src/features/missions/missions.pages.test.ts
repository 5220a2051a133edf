// The missions' back-office pages through HTTP: recording a mission with its destinations typed one per line,
// adding a traveller with costs written the Italian way, field errors in both languages, isolation.
import { describe, expect, it } from 'vitest';
import { makeMission } from '../../../test/factories-backoffice.ts';
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

useRecordsPages();

describe('recording a mission', () => {
  it('when an editor records a mission and its traveller, then the page shows places and costs in the page language', async () => {
    const saved = await post('/admin/it/missions/new', milan.editor, {
      titleIt: 'Missione a Kyoto',
      status: 'held',
      startsOn: '2027-11-02',
      endsOn: '2027-11-05',
      destinations: 'Kyoto, Giappone\nTokyo',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const id = String(saved.headers['location']).split('/').pop()!.split('?')[0]!;
    const added = await post(`/admin/it/missions/${id}/travellers/new`, milan.editor, {
      name: 'Anna Sindaca',
      office: 'mayor',
      travelCost: '1.234,50',
      lodgingCost: '600',
      currency: '',
      publicMoney: 'yes',
    });
    expect(added.statusCode, added.body).toBe(303);
    expect(
      await one('select travel_cost, currency from mission_travellers where mission_id = $1', [id]),
    ).toEqual({
      travel_cost: '1234.50',
      currency: 'EUR',
    });
    const page = await get(`/admin/en/missions/${id}`, milan.viewer);
    for (const text of [
      'Kyoto, Tokyo',
      'Anna Sindaca',
      'Mayor',
      '€1,234.50',
      '€1,834.50',
      'traveller added',
    ]) {
      expect(page.body, text).toContain(text);
    }
    const it = await get(`/admin/it/missions/${id}`, milan.viewer);
    expect(it.body).toContain('1234,50\u00a0€');
  });

  it('when the form has wrong fields, then each error is named in the page language and nothing is stored', async () => {
    const title = `Missione errata ${Date.now()}`;
    for (const lang of ['it', 'en'] as const) {
      const res = await post(`/admin/${lang}/missions/new`, milan.editor, {
        titleIt: title,
        startsOn: '2027-04-12',
        destinations: 'Xyzzyqwerty',
      });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body, 'destinations')).toContain(
        lang === 'it' ? 'una città per riga' : 'one city per line',
      );
    }
    const m = await makeMission(ctx.services, milanId);
    const bad = await post(`/admin/en/missions/${m.id}/travellers/new`, milan.editor, {
      name: 'X',
      office: 'mayor',
      travelCost: 'tanti',
    });
    expect(errorOf(bad.body, 'travelCost')).toContain('Write an amount');
    expect(await one('select 1 from missions where title_it = $1', [title])).toBeUndefined();
  });

  it("when a Florence editor reaches for Milan's mission and its travellers, then none of it exists for them", async () => {
    const m = await makeMission(ctx.services, milanId);
    for (const url of [
      `/admin/en/missions/${m.id}`,
      `/admin/en/missions/${m.id}/edit`,
      `/admin/en/missions/${m.id}/travellers/${m.traveller.id}/edit`,
    ]) {
      expect((await get(url, florenceEditor)).statusCode, url).toBe(404);
    }
    const del = await post(`/admin/en/missions/${m.id}/travellers/${m.traveller.id}/delete`, florenceEditor, {
      version: '1',
    });
    expect(del.statusCode).toBe(404);
    expect(await one('select 1 as n from mission_travellers where id = $1', [m.traveller.id])).toEqual({
      n: 1,
    });
  });
});
