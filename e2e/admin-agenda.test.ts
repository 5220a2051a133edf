// The agenda in a real Chromium, as the Milan admin works: recording a delegation from Shanghai through the form
// (partner, interpreting, the twinning it concerns), adding a guided tour in English to its programme, and
// zero axe-core A/AA violations on the lists, records and forms of visits and missions (also with an error
// beside a field) in both languages, at 1280 and 390 px. SHOTS_DIR=dir keeps the screenshots.
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

  test('when the admin records a delegation from Shanghai with an interpreter and a guided tour in English, then its page shows them', async () => {
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
  });
});
