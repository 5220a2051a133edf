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

  it('when an editor adds a photograph to a gift, then it is listed, downloads as itself, is logged, and can be deleted; a file of another type is refused', async () => {
    const g = await ctx.services.gifts.create(milanId, {
      ...BLANK_GIFT,
      direction: 'received',
      onDay: '2026-05-02',
      descriptionIt: 'Piatto',
    });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const upload = (name: string, type: string, bytes: Buffer) => {
      const boundary = `----ponte${Date.now()}`;
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${milan.editor.csrf}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      );
      return app.inject({
        method: 'POST',
        url: `/admin/en/gifts/${g.id}/photos`,
        headers: { cookie: milan.editor.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      });
    };
    const saved = await upload('piatto.png', 'image/png', png);
    expect(saved.statusCode, saved.body.slice(0, 500)).toBe(303);
    const page = await get(`/admin/en/gifts/${g.id}`, milan.viewer);
    const photo = page.body.match(/href="\/admin\/en\/attachments\/([0-9a-f-]{36})">piatto\.png</)?.[1];
    expect(photo).toBeDefined();
    const file = await get(`/admin/en/attachments/${photo}`, milan.viewer);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(png)).toBe(true);
    const refused = await upload('note.txt', 'text/plain', Buffer.from('hello'));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The file was not uploaded');
    expect((await get(`/admin/en/attachments/${photo}`, florenceEditor)).statusCode).toBe(404);
    const removed = await post(`/admin/en/gifts/${g.id}/photos/${photo}/delete`, milan.editor, {
      version: '1',
    });
    expect(removed.statusCode).toBe(303);
    expect(await one('select 1 from attachments where id = $1', [photo])).toBeUndefined();
    const audit = await ctx.database.query<{ action: string }>(
      'select action from audit_events where entity_id = $1 order by at, id',
      [g.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['attach', 'detach']);
  });
});
