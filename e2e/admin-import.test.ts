// Importing from the back-office in a real Chromium, as an editor who never opens a terminal: Florence's list
// uploaded, the report read, Bethlehem picked, the import confirmed; zero axe-core A/AA violations on the
// upload, report and result pages, at a desktop's width and a phone's. SHOTS_DIR, when set, keeps screenshots.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';

let server: RunningServer;
let browser: Browser;
let institution: string;
const shots = process.env['SHOTS_DIR'];

// Florence's partnerships (facts.md), as an office's spreadsheet saves them: semicolons, Latin-1.
const FLORENCE = [
  'kind;partner;country;signed;published',
  'gemellaggio;Reims;Francia;1954-07-03;sì',
  'gemellaggio;Kassel;Germania;1952;sì',
  'gemellaggio;Kyoto;Giappone;1965-11-06;sì',
  'patto di amicizia;Cracovia;Polonia;1985;sì',
  'gemellaggio;Bethlehem;;1962;sì',
  'gemellaggio;Valladolid;Spagna;2007-01-24;sì',
];

beforeAll(async () => {
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  institution = (await makeInstitution(server.services)).slug;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

describe('importing agreements from the back-office in Chromium', () => {
  test.each([
    { lang: 'it' as const, width: 1280 },
    { lang: 'en' as const, width: 390 },
  ])(
    "when an editor imports Florence's list ($lang, $width px), then each page has no A/AA violation and the agreements are there",
    async ({ lang, width }) => {
      const email = `import.${lang}.${width}@example.org`;
      const { password } = await server.services.accounts.createUser({ email, institution, role: 'editor' });
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      const it = lang === 'it';
      await page.goto(`${server.baseUrl}/admin/${lang}/login`);
      await page.getByLabel(it ? 'Indirizzo e-mail' : 'E-mail address').fill(email);
      await page.getByLabel('Password').fill(password!);
      await page.getByRole('button', { name: it ? 'Accedi' : 'Sign in' }).click();
      await page.waitForURL(`${server.baseUrl}/admin/${lang}/`);

      await page.goto(`${server.baseUrl}/admin/${lang}/agreements`);
      await page.getByRole('link', { name: it ? 'Importa da un file' : 'Import from a file' }).click();
      expect(await runAxe(page), 'upload').toEqual([]);
      await shot(page, `upload-${lang}-${width}`);

      const file = join(tmpdir(), `firenze-${lang}-${process.pid}.csv`);
      const rows =
        lang === 'it'
          ? FLORENCE
          : FLORENCE.map((l) => l.replace('Reims', 'Riga').replace('Francia', 'Lettonia'));
      writeFileSync(file, Buffer.from(`${rows.join('\r\n')}\r\n`, 'latin1'));
      await page.getByLabel(it ? 'File CSV o JSON' : 'CSV or JSON file').setInputFiles(file);
      await page.getByRole('button', { name: it ? 'Controlla il file' : 'Check the file' }).click();
      await page.waitForURL(/\/agreements\/import\/[\w-]{24}$/);
      expect(await runAxe(page), 'report').toEqual([]);
      await shot(page, `report-${lang}-${width}`);

      // Bootstrap Italia draws the radio on its label, which is what a person clicks.
      await page.locator('label', { hasText: it ? /^Betlemme, Palestina/ : /^Bethlehem, Palestine/ }).click();
      if (shots) {
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        console.log(`report ${lang} ${width}: scrollWidth ${widths[0]}, innerWidth ${widths[1]}`);
      }
      await page.getByRole('button', { name: it ? 'Importa 6 accordi' : 'Import 6 agreements' }).click();
      // The confirmation's page streams the progress, then the outcome under its own heading.
      await expect
        .poll(() => page.locator('main h2').last().textContent(), { timeout: 60_000 })
        .toBe(it ? 'Importazione completata' : 'Import complete');
      expect(await runAxe(page), 'result').toEqual([]);
      await shot(page, `result-${lang}-${width}`);
      await page.context().close();
    },
  );

  test('when a large file is confirmed, then its progress streams in and the result follows', async () => {
    const slug = (await makeInstitution(server.services)).slug;
    const email = `import.large@example.org`;
    const { password } = await server.services.accounts.createUser({
      email,
      institution: slug,
      role: 'editor',
    });
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${server.baseUrl}/admin/en/login`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/en/`);
    const cities = ['Reims;FR', 'Kassel;DE', 'Kyoto;JP', 'Turku;FI', 'Valladolid;ES', 'Riga;LV', 'Tirana;AL'];
    const lines = ['kind;partner;country;signed;published'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`twinning;${cities[i % cities.length]};${1950 + (i % 70)};no`);
    const file = join(tmpdir(), `large-${process.pid}.csv`);
    writeFileSync(file, lines.join('\n'));
    await page.goto(`${server.baseUrl}/admin/en/agreements/import`);
    await page.getByLabel('CSV or JSON file').setInputFiles(file);
    // Ten thousand rows take a while to check, and the machine may be busy.
    await page.getByRole('button', { name: 'Check the file' }).click({ timeout: 180_000 });
    await page.waitForURL(/\/agreements\/import\/[\w-]{24}$/, { timeout: 180_000 });
    await page.getByRole('button', { name: 'Import 10000 agreements' }).click({ noWaitAfter: true });
    // The answer streams: progress lines arrive while the import runs, before the outcome's heading.
    await expect.poll(() => page.locator('main li').count(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect(await page.locator('main h2').count()).toBe(1);
    await shot(page, 'progress-en-1280');
    await expect
      .poll(() => page.locator('main h2').last().textContent(), { timeout: 180_000 })
      .toBe('Import complete');
    const shown = await page.locator('main li').allTextContents();
    expect(shown.at(-1)).toBe('Writing: 10000 of 10000 rows.');
    expect(shown.length).toBeGreaterThan(5);
    expect(await page.locator('main').textContent()).toContain('Imported 10000 agreements from 10000 rows');
    expect(await runAxe(page), 'streamed result').toEqual([]);
    await page.setViewportSize({ width: 390, height: 900 });
    await shot(page, 'progress-en-390');
    await page.context().close();
  }, 300_000);

  test('then the institution holds both imports, once each', async () => {
    const all = await server.services.agreements.listDetailed(institution, { includeUnpublished: true });
    // The English run names Riga instead of Reims; the other five partners are the same cities again.
    expect(all.filter((a) => a.partner.place?.geonamesId === 284315)).toHaveLength(2);
    expect(all).toHaveLength(12);
  });
});
