// The institution's settings page and what the portal makes of it, in a real Chromium: an admin saves the
// contacts and the accessibility statement, a wrong e-mail comes back beside its field, and the portal's footer
// links the institution's own statement; zero axe-core A/AA violations on each, at desktop and phone widths.
// With SHOTS_DIR set, each screen is also saved there as a PNG to look at.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let email: string;
let password: string;

beforeAll(async () => {
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  await makeInstitution(server.services, { slug: 'milano' });
  const created = await server.services.accounts.createUser({
    email: 'admin.settings.e2e@comune.milano.example',
    institution: 'milano',
    role: 'admin',
  });
  email = created.user.email;
  password = created.password!;
  page = await (await browser.newContext()).newPage();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const WIDTHS = [1280, 390];

/** Axe at both widths, and the screenshots when asked for. */
async function check(name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect(await runAxe(page), `${name} at ${width}px`).toEqual([]);
    const dir = process.env['SHOTS_DIR'];
    if (dir) await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
}

describe('institution settings in Chromium', () => {
  test('when an admin saves the settings, then the page, its error and the portal footer have no A/AA violation', async () => {
    await page.goto(`${server.baseUrl}/admin/it/login`);
    await page.getByLabel('Indirizzo e-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/it/`);
    await page.getByRole('link', { name: 'Impostazioni dell’ente' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/it/settings`);
    await check('settings-it');

    await page.getByLabel('Indirizzo', { exact: true }).fill('Piazza della Scala 2, 20121 Milano');
    await page.getByLabel('E-mail', { exact: true }).fill('non-una-email');
    await page.getByLabel('Telefono').fill('+39 02 0202');
    await page.getByRole('button', { name: 'Salva' }).click();
    const mail = page.getByLabel('E-mail', { exact: true });
    await expect.poll(() => mail.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Telefono').inputValue()).toBe('+39 02 0202');
    await check('settings-error-it');

    await mail.fill('relazioni@comune.milano.example');
    await page
      .getByLabel('Dichiarazione di accessibilità')
      .fill('https://form.agid.gov.it/view/milano-example');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(/settings\?saved=1/);

    await page.goto(`${server.baseUrl}/milano/en/`);
    const statement = page.locator('footer [data-element="accessibility-link"]');
    expect(await statement.getAttribute('href')).toBe('https://form.agid.gov.it/view/milano-example');
    expect(await page.locator('footer address').textContent()).toContain('+39 02 0202');
    await check('portal-footer-en');
  });
});
