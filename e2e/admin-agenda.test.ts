// The agenda in a real Chromium, as the Milan admin works: recording a delegation from Shanghai through the form
// (partner, interpreting, the twinning it concerns), adding a guided tour in English to its programme, and
// zero axe-core A/AA violations on the lists, records and forms of visits and missions (also with an error
// beside a field) in both languages, at 1280 and 390 px. SHOTS_DIR=dir keeps the screenshots.
import ICAL from 'ical.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BLANK_GIFT } from '../src/features/gifts/gifts.service.ts';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';
import {
  city,
  makeAgreement,
  makeFollowUp,
  makeMeeting,
  makeMission,
  makeVisit,
} from '../test/factories-backoffice.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let email: string;
let password: string;
let sample: {
  id: string;
  item: string;
  mission: string;
  traveller: string;
  meeting: string;
  followUp: string;
  gift: string;
};

beforeAll(async () => {
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  const { services } = server;
  const milan = (await makeInstitution(services, { slug: 'milano' })).id;
  await makeAgreement(services, 'milano', { slug: 'shanghai', partner: city('Shanghai', 'CN') });
  const created = await services.accounts.createUser({
    email: 'admin.visits.e2e@comune.milano.example',
    institution: 'milano',
    role: 'admin',
  });
  email = created.user.email;
  password = created.password!;
  const v = await makeVisit(services, milan, {
    titleIt: 'Delegazione di esempio',
    titleEn: 'Sample delegation',
  });
  const m = await makeMission(services, milan, { titleIt: 'Missione di esempio', titleEn: 'Sample mission' });
  const meeting = await makeMeeting(services, milan, { titleIt: 'Incontro di esempio' });
  const followUp = await makeFollowUp(server.database, milan, { kind: 'visit', id: v.id });
  const gift = await services.gifts.create(milan, {
    ...BLANK_GIFT,
    direction: 'received',
    onDay: '2027-03-15',
    occasion: `visit:${v.id}`,
    descriptionIt: 'Vaso di esempio',
    value: '300',
    disposition: 'on_display',
  });
  await services.attachments.add({
    institutionId: milan,
    giftId: gift.id,
    filename: 'vaso.png',
    bytes: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    actor: 'test',
  });
  sample = {
    gift: gift.id,
    id: v.id,
    item: v.item.id,
    mission: m.id,
    traveller: m.traveller.id,
    meeting: meeting.id,
    followUp: followUp.id,
  };
  page = await (await browser.newContext()).newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(lang: 'it' | 'en'): Promise<void> {
  await page.goto(`${server.baseUrl}/admin/${lang}/login`);
  await page.getByLabel(lang === 'it' ? 'Indirizzo e-mail' : 'E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: lang === 'it' ? 'Accedi' : 'Sign in' }).click();
  await page.waitForURL(`${server.baseUrl}/admin/${lang}/`);
}

/** Axe at both widths, and the screenshots when asked for. */
async function check(name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await runAxe(page), `${name} at ${width}px`).toEqual([]);
    const dir = process.env['SHOTS_DIR'];
    if (dir) await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('the agenda in Chromium', () => {
  test.each(['it', 'en'] as const)(
    'when signed in (%s), then the list, a visit, its forms and a form with an error have no A/AA violation',
    async (lang) => {
      await signIn(lang);
      const paths = {
        agenda: 'agenda?month=2027-03',
        agendaWeek: 'agenda?week=2027-03-15',
        list: 'visits',
        visit: `visits/${sample.id}`,
        edit: `visits/${sample.id}/edit`,
        new: 'visits/new',
        item: `visits/${sample.id}/programme/${sample.item}/edit`,
        missions: 'missions',
        mission: `missions/${sample.mission}`,
        missionEdit: `missions/${sample.mission}/edit`,
        missionNew: 'missions/new',
        traveller: `missions/${sample.mission}/travellers/${sample.traveller}/edit`,
        meetings: 'meetings',
        meeting: `meetings/${sample.meeting}`,
        meetingNew: 'meetings/new',
        followUp: `meetings/${sample.meeting}/follow-ups/new`,
        followUpEdit: `visits/${sample.id}/follow-ups/${sample.followUp}/edit`,
        gifts: 'gifts',
        gift: `gifts/${sample.gift}`,
        giftNew: 'gifts/new',
      };
      for (const [name, path] of Object.entries(paths)) {
        const res = await page.goto(`${server.baseUrl}/admin/${lang}/${path}`);
        expect(res?.status(), path).toBe(200);
        await check(`visits-${name}-${lang}`);
      }
      // The personal feed's address, shown once after it is made.
      await page.goto(`${server.baseUrl}/admin/${lang}/agenda?month=2027-03`);
      await page
        .getByRole('button', {
          name: lang === 'it' ? /^(Crea|Sostituisci) il mio indirizzo$/ : /^(Create|Replace) my address$/,
        })
        .click();
      await expect.poll(() => page.locator('#private-feed').count()).toBe(1);
      await check(`agenda-feed-${lang}`);
      await page.goto(`${server.baseUrl}/admin/${lang}/visits/new`);
      await page.getByLabel(lang === 'it' ? 'Titolo in italiano' : 'Title in Italian').fill('Prova');
      await page.getByLabel(lang === 'it' ? 'Primo giorno' : 'First day').fill('2027-05-10');
      await page
        .getByLabel(lang === 'it' ? 'Lingue parlate dalla delegazione' : 'Languages the delegation speaks')
        .fill('klingon');
      await page.getByRole('button', { name: lang === 'it' ? 'Crea' : 'Create' }).click();
      const languages = page.getByLabel(
        lang === 'it' ? 'Lingue parlate dalla delegazione' : 'Languages the delegation speaks',
      );
      await expect.poll(() => languages.getAttribute('aria-invalid')).toBe('true');
      await check(`visits-error-${lang}`);
    },
  );

  test('when the admin records a delegation from Shanghai with an interpreter and a guided tour in English, publishes it, marks a gift received and records a mission with costs, then the visit page, the public calendar, the briefing pack and the transparency page show them', async () => {
    await signIn('en');
    await page.goto(`${server.baseUrl}/admin/en/visits`);
    await page.getByRole('link', { name: 'Record a visit' }).click();
    await page.getByLabel('Title in Italian').fill('Delegazione della Municipalità di Shanghai');
    await page.getByLabel('Title in English').fill('Delegation of the Shanghai Municipality');
    await page.getByLabel('Status').selectOption('confirmed');
    await page.getByLabel('First day').fill('2027-04-12');
    await page.getByLabel('Last day').fill('2027-04-13');
    await page.getByLabel('Visiting city or organisation').selectOption({ label: 'Shanghai' });
    await page.getByLabel('Head of delegation', { exact: true }).fill('Li Wei');
    await page.getByLabel('Languages the delegation speaks').fill('Chinese, English');
    await page.getByLabel('Interpreting: languages').fill('Chinese-Italian');
    await page.getByLabel('Interpreter booked').selectOption('yes');
    await page.getByLabel('Interpreting: provider').fill('Studio Interpreti Milano');
    // bootstrap-italia draws the box on the label, which takes the click as it does a person's.
    await page.locator('label', { hasText: 'Twinning: Shanghai' }).click();
    expect(await page.getByLabel('Twinning: Shanghai').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Record created.');

    await page.getByRole('link', { name: 'Add an item to the programme' }).click();
    await page.getByLabel('Kind').selectOption('tour');
    await page.getByLabel('Day').fill('2027-04-13');
    await page.getByLabel('Start time').fill('10:00');
    await page.getByLabel('Place').fill('Pinacoteca di Brera');
    await page.getByLabel('Activity, in Italian').fill('Visita guidata della Pinacoteca');
    await page.getByLabel('Activity, in English').fill('Guided tour of the Pinacoteca');
    await page.getByLabel('Language of the guided tour').fill('English');
    await page.getByLabel('People in the group').fill('12');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Change saved.');
    const main = (await page.locator('main').textContent()) ?? '';
    for (const text of [
      'Shanghai',
      'Chinese – Italian',
      'Studio Interpreti Milano',
      'Guided tour of the Pinacoteca',
      'in English, 12 people',
      'Twinning: Shanghai',
    ]) {
      expect(main, text).toContain(text);
    }
    await check('visits-shanghai-en');
    const visitPage = page.url().split('?')[0]!;

    // Published, it is in the public calendar a calendar application reads.
    await page.getByRole('link', { name: 'Edit', exact: true }).first().click();
    await page.getByLabel('Published on the portal').selectOption('yes');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Change saved.');
    const feed = await page.request.get(`${server.baseUrl}/api/v1/agenda.ics?institution=milano&lang=en`);
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    const event = calendar
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.summary === 'Visit: Delegation of the Shanghai Municipality');
    expect(event?.startDate.toString()).toBe('2027-04-12');
    expect(event?.description ?? '').not.toContain('Studio Interpreti Milano');

    // A gift received on the visit, above the modest value: it needs a disposition.
    await page.goto(`${server.baseUrl}/admin/en/gifts/new`);
    await page.getByLabel('Received or given').selectOption('received');
    await page.getByLabel('Date').fill('2027-04-12');
    await page
      .getByLabel('Occasion')
      .selectOption({ label: 'Visit: Delegation of the Shanghai Municipality (12 April 2027)' });
    await page.getByLabel('Description in Italian').fill('Vaso in porcellana di Jingdezhen');
    await page.getByLabel('Estimated value').fill('300');
    await page.getByRole('button', { name: 'Create' }).click();
    const disposition = page.getByLabel('What became of it');
    await expect.poll(() => disposition.getAttribute('aria-invalid')).toBe('true');
    await disposition.selectOption('on_display');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Record created.');

    // The briefing pack lists the twinning with Shanghai, its history and the gift.
    const pdf = await page.request.get(`${visitPage}/briefing.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const doc = await getDocument({ data: new Uint8Array(await pdf.body()), isEvalSupported: false }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
    }
    for (const words of [
      'Briefing pack for the Mayor',
      'Twinning — Shanghai',
      '20 October 1970: Active',
      'Vaso in porcellana',
    ]) {
      expect(text.replace(/\s+/g, ' '), words).toContain(words);
    }

    // A mission with its costs appears on the transparency page.
    await page.goto(`${server.baseUrl}/admin/en/missions/new`);
    await page.getByLabel('Title in Italian').fill('Missione a Shanghai');
    await page.getByLabel('Status').selectOption('held');
    await page.getByLabel('First day').fill('2026-05-10');
    await page.getByLabel('Last day').fill('2026-05-13');
    await page.getByLabel('Destinations').fill('Shanghai, CN');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Record created.');
    await page.getByRole('link', { name: 'Add a person' }).click();
    await page.getByLabel('Full name').fill('Giulia Sindaca');
    await page.getByLabel('Office', { exact: true }).selectOption('mayor');
    await page.getByLabel('Travel costs').fill('1234.50');
    await page.getByLabel('Lodging costs').fill('600');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Change saved.');
    await page.goto(`${server.baseUrl}/milano/en/mission-costs/`);
    const costs = (await page.locator('main').textContent()) ?? '';
    expect(costs).toContain('Giulia Sindaca');
    expect(costs).toContain('€1,834.50');
    await check('portal-mission-costs-en');
  });
});
