// The back-office's partners, networks and units in a real Chromium: zero axe-core A/AA violations on the
// three lists, record pages and edit forms (also with an error beside a field) in both languages, and the
// lists' filters and pages working as plain GET forms and links.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';
import { city, makeAgreement } from '../test/factories-backoffice.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let email: string;
let password: string;
let ids: { lyon: string; unit: string; eurocities: string; membership: string };

beforeAll(async () => {
  // The data is made here, not taken from the demo: an institution "milano", a twinning with Lyon, and a
  // network the institution follows through its unit.
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  const { services } = server;
  const milan = (await makeInstitution(services, { slug: 'milano' })).id;
  await makeAgreement(services, 'milano', { slug: 'lione', partner: city('Lione', 'FR') });
  const created = await services.accounts.createUser({
    email: 'admin.registry.e2e@comune.milano.example',
    institution: 'milano',
    role: 'admin',
  });
  email = created.user.email;
  password = created.password!;
  const lyon = (await services.counterparts.list(milan)).find((c) => c.nameEn === 'Lyon')!;
  const unit = (await services.institutions.unitsOf(milan)).find((u) => u.slug === 'relazioni')!;
  const network = await services.networks.create({
    slug: 'eurocities',
    nameIt: 'EUROCITIES',
    nameEn: 'EUROCITIES',
  });
  const membership = await services.networks.join('milano', {
    network: 'eurocities',
    unit: 'relazioni',
    since: '1990',
    roleIt: 'Membro',
  });
  ids = { lyon: lyon.id, unit: unit.id, eurocities: network.id, membership: membership.id };
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

describe('partners, networks and units in Chromium', () => {
  // One test per language and register, so that each stays well inside the time limit on a slow machine.
  const REGISTERS: Record<string, () => string[]> = {
    partners: () => [
      'counterparts',
      'counterparts?kind=city&sort=-agreements',
      `counterparts/${ids.lyon}`,
      `counterparts/${ids.lyon}/edit`,
      'counterparts/new',
    ],
    networks: () => [
      'networks',
      `networks/${ids.eurocities}`,
      `memberships/${ids.membership}/edit`,
      'networks/new',
    ],
    units: () => ['units', `units/${ids.unit}`, `units/${ids.unit}/edit`],
  };
  test.each(
    (['it', 'en'] as const).flatMap((lang) => Object.keys(REGISTERS).map((register) => ({ lang, register }))),
  )(
    'when signed in ($lang), then the lists, record pages and edit forms of $register have no A/AA violation',
    async ({ lang, register }) => {
      await signIn(lang);
      for (const path of REGISTERS[register]!()) {
        const res = await page.goto(`${server.baseUrl}/admin/${lang}/${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await runAxe(page), `/admin/${lang}/${path}`).toEqual([]);
      }
    },
  );

  test('when a form comes back with an error beside a field, then it has no A/AA violation and the field says why', async () => {
    for (const lang of ['it', 'en'] as const) {
      await signIn(lang);
      await page.goto(`${server.baseUrl}/admin/${lang}/units/${ids.unit}/edit`);
      const slug = page.getByLabel(lang === 'it' ? 'Identificativo' : 'Identifier', { exact: true });
      await slug.fill('Not A Slug');
      await page.getByRole('button', { name: lang === 'it' ? 'Salva' : 'Save' }).click();
      await expect.poll(() => slug.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await slug.getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toContain(
        lang === 'it' ? 'Usa solo lettere minuscole' : 'Use only lower-case letters',
      );
      expect(await runAxe(page), `units edit with an error (${lang})`).toEqual([]);
    }
  });

  test('when the admin filters, sorts and edits a partner without JavaScript help, then the list and the page follow', async () => {
    await signIn('en');
    await page.goto(`${server.baseUrl}/admin/en/counterparts`);
    await page.getByLabel('Search by name (in Italian or English)').fill('lyo');
    await page.getByLabel('Kind').selectOption('city');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=lyo/);
    expect(await page.locator('tbody th[scope="row"]').allTextContents()).toEqual(['Lyon']);
    await page.getByRole('link', { name: 'Lyon' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Name in English').fill('Lyon (France)');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Change saved.');
    expect(await page.locator('h1').textContent()).toBe('Lyon (France)');
    expect(await page.locator('main').textContent()).toContain('Name in English: Lyon → Lyon (France)');
    expect(await runAxe(page)).toEqual([]);
  });
});
