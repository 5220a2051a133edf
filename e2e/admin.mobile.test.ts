// The back-office on a 390 px phone in a real Chromium: no page scrolls sideways (tables scroll inside their
// own box), the menu folds behind a button that opens and closes it, and axe-core finds no A/AA violation.
// Then the same frame at 1280 px: the menu is a row of links and there is no button.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';
import { city, makeAgreement, makeToken } from '../test/factories-backoffice.ts';

let server: RunningServer;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
let paths: string[];
/** The pages axe checks at 390 px: one of each layout. */
let axeOn: Set<string>;
let credentials: { email: string; password: string };

const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  // Data of its own, with long names where a phone would feel them: a long e-mail address, a token and a unit.
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  const { services } = server;
  const milan = (await makeInstitution(services, { slug: 'milano' })).id;
  const lyon = await makeAgreement(services, 'milano', { slug: 'lione', partner: city('Lione', 'FR') });
  const created = await services.accounts.createUser({
    email: 'amministratrice.relazioni.internazionali@comune.milano.example',
    institution: 'milano',
    role: 'admin',
  });
  credentials = { email: created.user.email, password: created.password! };
  await makeToken(services, 'milano', 'read', 'Sito istituzionale del Comune (sezione gemellaggi)');
  const partner = (await services.counterparts.list(milan)).find((c) => c.nameEn === 'Lyon')!;
  const unit = (await services.institutions.unitsOf(milan))[0]!;
  const network = await services.networks.create({
    slug: 'eurocities',
    nameIt: 'EUROCITIES',
    nameEn: 'EUROCITIES',
  });
  const membership = await services.networks.join('milano', {
    network: 'eurocities',
    unit: unit.slug,
    since: '1990',
  });
  paths = [
    '',
    'agreements',
    `agreements/${lyon.id}`,
    `agreements/${lyon.id}/edit`,
    'agreements/new',
    'counterparts',
    `counterparts/${partner.id}`,
    `counterparts/${partner.id}/edit`,
    'units',
    `units/${unit.id}`,
    'networks',
    `networks/${network.id}`,
    `memberships/${membership.id}/edit`,
    'users',
    'audit',
    'password',
  ];
  axeOn = new Set([
    '',
    'agreements',
    `agreements/${lyon.id}`,
    `agreements/${lyon.id}/edit`,
    'users',
    'audit',
  ]);
  phone = await browser.newContext({ viewport: PHONE });
  page = await phone.newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** How far the page scrolls sideways beyond the window: 0 when nothing sticks out. */
const sideways = (p: Page) => p.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

async function signIn(p: Page): Promise<void> {
  await p.goto(`${server.baseUrl}/admin/it/login`);
  await p.getByLabel('Indirizzo e-mail').fill(credentials.email);
  await p.getByLabel('Password').fill(credentials.password);
  await p.getByRole('button', { name: 'Accedi' }).click();
  await p.waitForURL(`${server.baseUrl}/admin/it/`);
}

describe('the back-office on a 390 px phone', () => {
  test('when each page is opened, then nothing scrolls sideways and axe finds no violation on each layout', async () => {
    await page.goto(`${server.baseUrl}/admin/it/login`);
    expect(await sideways(page), 'login').toBe(0);
    expect(await runAxe(page), 'login').toEqual([]);
    await signIn(page);
    for (const path of paths) {
      const res = await page.goto(`${server.baseUrl}/admin/it/${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await sideways(page), path).toBe(0);
      // axe on one page of each layout (admin.test.ts and admin-registry.test.ts run it on every page at
      // the default width): the frame, a list, a record with its tables and forms, a form, the users' tables.
      if (axeOn.has(path)) expect(await runAxe(page), path).toEqual([]);
    }
    // A table wider than the phone scrolls inside its box, which a keyboard can reach and which is named.
    await page.goto(`${server.baseUrl}/admin/it/users`);
    const box = page.getByRole('region', { name: "Token per l'API" });
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  test('when the menu button is used, then the menu opens, its links are reachable, and it closes', async () => {
    await page.goto(`${server.baseUrl}/admin/it/`);
    const button = page.getByRole('button', { name: 'Menu' });
    const menu = page.locator('#ponte-admin-menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const links = menu.getByRole('link');
    // Dashboard, agreements, agenda, contacts, partners, networks, planning, units, settings, users, log, password.
    expect(await links.count()).toBe(12);
    for (const link of await links.all()) {
      const rect = (await link.boundingBox())!;
      expect(rect.height, (await link.textContent()) ?? '').toBeGreaterThanOrEqual(24);
      expect(rect.x + rect.width).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await runAxe(page), 'menu open').toEqual([]);

    // Escape closes it and gives the focus back to the button; the keyboard reaches the links once open.
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cruscotto');

    await button.click();
    await page.keyboard.press('Escape');
    await button.click();
    await menu.getByRole('link', { name: 'Accordi', exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/admin/it/agreements`);
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
  });

  test('when an invitation is made and opened on the phone, then its page fits too', async () => {
    await page.goto(`${server.baseUrl}/admin/it/users`);
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill('nuova.collega@comune.milano.example');
    await page.getByLabel('Nome', { exact: true }).fill('Nuova Collega');
    await page.getByRole('button', { name: 'Invita una persona' }).click();
    const notice = (await page.getByRole('status').first().textContent()) ?? '';
    const link = notice.match(/\/admin\/it\/invitation\/[A-Za-z0-9_-]+/)?.[0];
    expect(link, notice).toBeDefined();
    expect(await sideways(page), 'users with the notice').toBe(0);
    const stranger = await (await browser.newContext({ viewport: PHONE })).newPage();
    await stranger.goto(`${server.baseUrl}${link}`);
    expect(await sideways(stranger), 'invitation').toBe(0);
    expect(await runAxe(stranger), 'invitation').toEqual([]);
    await stranger.context().close();
  });
});

describe('the back-office at 1280 px', () => {
  test('when a page is opened, then the menu is a row of links with no button, and nothing scrolls sideways', async () => {
    const wide = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(wide);
    expect(await wide.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    const tops = await wide
      .locator('#ponte-admin-menu a')
      .evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    for (const path of ['', 'users', paths[2]!]) {
      await wide.goto(`${server.baseUrl}/admin/it/${path}`);
      expect(await sideways(wide), path).toBe(0);
    }
    await wide.context().close();
  });
});
