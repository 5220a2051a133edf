// The gifts register through the API and the pages: a gift received above the modest value needs a disposition
// (the field's words in both languages), below it does not; the flag; a year's register as CSV for the staff
// and the public register without people or notes; isolation between institutions.
import { describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories.ts';
import { makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
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
import { BLANK_GIFT } from './gifts.service.ts';

useRecordsPages();

const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

describe('the gifts register', () => {
  it('when a gift received is worth more than EUR 150, then it is flagged and needs a disposition; below, it needs none', async () => {
    const token = await makeToken(ctx.services, 'milano', 'write', 'gifts');
    const refused = await api('POST', '/api/v1/gifts', token, {
      direction: 'received',
      onDay: '2027-04-12',
      descriptionIt: 'Vaso di porcellana',
      value: '480',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      field: 'disposition',
      details: { reason: 'required_above_modest_value' },
    });
    const kept = await api('POST', '/api/v1/gifts', token, {
      direction: 'received',
      onDay: '2027-04-12',
      descriptionIt: 'Vaso di porcellana',
      value: '480',
      disposition: 'on_display',
      person: 'Il Sindaco',
    });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json()).toMatchObject({
      aboveModestValue: true,
      value: '480.00',
      currency: 'EUR',
      disposition: 'on_display',
    });
    const modest = await api('POST', '/api/v1/gifts', token, {
      direction: 'received',
      onDay: '2027-04-12',
      descriptionIt: 'Libro fotografico',
      value: '45.50',
    });
    expect(modest.json()).toMatchObject({ aboveModestValue: false, disposition: null });
    const flagged = await api('GET', '/api/v1/gifts?flagged=true&year=2027', token);
    const ids = flagged.json().items.map((g: { id: string }) => g.id);
    expect(ids).toContain(kept.json().id);
    expect(ids).not.toContain(modest.json().id);

    for (const lang of ['it', 'en'] as const) {
      const page = await post(`/admin/${lang}/gifts/new`, milan.editor, {
        direction: 'received',
        onDay: '2027-04-13',
        descriptionIt: 'Orologio',
        value: '1.200,00',
      });
      expect(page.statusCode).toBe(400);
      expect(errorOf(page.body, 'disposition')).toContain(
        lang === 'it' ? 'deve avere una destinazione' : 'must say what became of it',
      );
    }
  });

  it("when the year's register is exported, then the staff's CSV names who received each gift and the public one only the published gifts, without people", async () => {
    const office = await makeInstitution(ctx.services);
    await ctx.services.gifts.create(office.id, {
      ...BLANK_GIFT,
      direction: 'given',
      onDay: '2026-05-02',
      descriptionIt: 'Medaglia della città',
      value: '60',
      person: 'Assessora alla cultura',
      published: 'yes',
    });
    await ctx.services.gifts.create(office.id, {
      ...BLANK_GIFT,
      direction: 'received',
      onDay: '2026-06-02',
      descriptionIt: 'Dono riservato',
    });
    const token = await makeToken(ctx.services, office.slug, 'read', 'gifts');
    const staff = await api('GET', '/api/v1/gifts.csv?year=2026', token);
    expect(staff.headers['content-type']).toContain('text/csv');
    expect(staff.body).toContain('Assessora alla cultura');
    expect(staff.body).toContain('Dono riservato');
    const open = await app.inject({ method: 'GET', url: `/${office.slug}/data/gifts.csv` });
    expect(open.statusCode).toBe(200);
    const lines = open.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'date,direction,occasion,counterpart,description_it,description_en,value,currency,disposition,disposition_date,above_modest_value',
      '2026-05-02,given,,,Medaglia della città,,60.00,EUR,,,no',
    ]);
  });

  it("when Florence reaches for Milan's gift, then it does not exist for them", async () => {
    const g = await ctx.services.gifts.create(milanId, {
      ...BLANK_GIFT,
      direction: 'given',
      onDay: '2026-05-02',
      descriptionIt: 'Targa',
    });
    for (const url of [`/admin/en/gifts/${g.id}`, `/admin/en/gifts/${g.id}/edit`]) {
      expect((await get(url, florenceEditor)).statusCode).toBe(404);
    }
    expect((await post(`/admin/en/gifts/${g.id}/delete`, florenceEditor, { version: '1' })).statusCode).toBe(
      404,
    );
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'gifts');
    expect(
      (await api('PATCH', `/api/v1/gifts/${g.id}`, florence, { descriptionIt: 'X', version: 1 })).statusCode,
    ).toBe(404);
    expect(await one('select version from gifts where id = $1', [g.id])).toEqual({ version: 1 });
  });
});
