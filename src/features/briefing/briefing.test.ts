// The briefing pack read back as text (pdfjs): a visit from Shanghai lists the twinning with Shanghai and its
// history, the earlier meeting and its outcome, the open follow-up and the programme, in Italian and English;
// fonts are embedded; another institution's visit is not found; a viewer may download it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import {
  city,
  makeAgreement,
  makeFollowUp,
  makeMeeting,
  makeToken,
  makeVisit,
} from '../../../test/factories-backoffice.ts';
import { app, ctx, get, milan, milanId, signIn, useRecordsPages } from '../../../test/records-pages.ts';
import { BLANK_GIFT } from '../gifts/gifts.service.ts';

useRecordsPages();

/** The text of every page, and whether every font is embedded. */
async function read(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false })
    .promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += `${content.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`;
  }
  return text.replace(/\s+/g, ' ');
}

describe('the briefing pack', () => {
  it('when the Milan office downloads the pack of a visit from Shanghai, then it lists the twinning and its history, what came before and what is open', async () => {
    const twinning = await makeAgreement(ctx.services, 'milano', {
      partner: city('Shanghai', 'CN'),
      signed: { date: '1979-07-03' },
      statusHistory: [{ status: 'active', date: '1979-07-03', act: 'Delibera di esempio 1/1979' }],
    });
    const shanghai = (await ctx.services.counterparts.list(milanId)).find(
      (c) => c.id === twinning.partner.id,
    )!;
    const earlier = await makeMeeting(ctx.services, milanId, {
      titleIt: 'Incontro con il Console generale della Cina',
      startsOn: '2026-02-10',
      status: 'held',
      counterpartId: shanghai.id,
      outcomeIt: 'Proposta di una visita nel 2027',
    });
    await makeFollowUp(ctx.database, milanId, { kind: 'meeting', id: earlier.id });
    await ctx.services.gifts.create(milanId, {
      ...BLANK_GIFT,
      direction: 'received',
      onDay: '2026-02-10',
      occasion: `meeting:${earlier.id}`,
      descriptionIt: 'Rotolo di calligrafia',
      value: '90',
    });
    const visit = await makeVisit(ctx.services, milanId, {
      titleIt: 'Delegazione di Shanghai',
      titleEn: 'Delegation from Shanghai',
      counterpartId: shanghai.id,
      startsOn: '2027-04-12',
      endsOn: '2027-04-13',
      headName: 'Li Wei',
      headTitle: 'Vicesindaco',
    });
    const it = await get(`/admin/it/visits/${visit.id}/briefing.pdf`, milan.viewer);
    expect(it.statusCode).toBe(200);
    expect(it.headers['content-type']).toBe('application/pdf');
    const pdf = it.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FontFile2');
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
    const text = await read(pdf);
    for (const words of [
      'Dossier per il Sindaco',
      'Delegazione di Shanghai',
      'Li Wei, Vicesindaco',
      'Gemellaggio — Shanghai, firmato 3 luglio 1979',
      '3 luglio 1979: Attivo — Delibera di esempio 1/1979',
      'Incontro con il Console generale della Cina',
      'Proposta di una visita nel 2027',
      'Inviare il programma',
      'Incontro con il Sindaco',
      'Mappa: Shanghai',
      'ricevuto: Rotolo di calligrafia',
    ]) {
      expect(text, words).toContain(words);
    }
    const en = await read((await get(`/admin/en/visits/${visit.id}/briefing.pdf`, milan.viewer)).rawPayload);
    expect(en).toContain('Briefing pack for the Mayor');
    expect(en).toContain('Twinning — Shanghai, signed 3 July 1979');

    const token = await makeToken(ctx.services, 'milano', 'read', 'briefing');
    const api = await app.inject({
      method: 'GET',
      url: `/api/v1/visits/${visit.id}/briefing.pdf?lang=en`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.statusCode).toBe(200);
    expect(await read(api.rawPayload)).toContain('Delegation from Shanghai');

    const florence = await signIn('firenze', 'editor');
    expect((await get(`/admin/it/visits/${visit.id}/briefing.pdf`, florence)).statusCode).toBe(404);
  });
});
