// The back-office in a real Chromium: zero axe-core A/AA violations on its pages in both languages, and the
// journey of the issue: the Milan admin signs in, records a suspension with its council act, and the public
// page changes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let email: string;
let password: string;

beforeAll(async () => {
  // On the demo on purpose: these journeys are the demo's acceptance as a new user meets it (Milan's admin,
  // Florence's "to verify" list, Kassel's twinning rule). Journeys that need no demo content build their own
  // data (admin-registry.test.ts).
  server = await startServer();
  browser = await launchBrowser();
  const created = await server.services.accounts.createUser({
    email: 'admin.e2e@comune.milano.example',
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

async function signIn(lang: 'it' | 'en'): Promise<void> {
  await page.goto(`${server.baseUrl}/admin/${lang}/login`);
  await page.getByLabel(lang === 'it' ? 'Indirizzo e-mail' : 'E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: lang === 'it' ? 'Accedi' : 'Sign in' }).click();
  await page.waitForURL(`${server.baseUrl}/admin/${lang}/`);
}

describe('the back-office in Chromium', () => {
  test('when the sign-in page is opened in each language, then it has no A/AA violation', async () => {
    for (const lang of ['it', 'en'] as const) {
      await page.goto(`${server.baseUrl}/admin/${lang}/login`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await runAxe(page), `/admin/${lang}/login`).toEqual([]);
    }
  });

  // One test per language and group of pages, so that each stays well inside the time limit on a slow machine.
  const PAGE_GROUPS: Record<string, (chicago: string) => string[]> = {
    'dashboard and agreements': (chicago) => [
      '',
      'agreements',
      `agreements/${chicago}`,
      `agreements/${chicago}/edit`,
      'agreements?status=active&sort=-signed',
      'agreements/new',
    ],
    'workplaces, users, log, feedback and password': () => [
      'institutions',
      'users',
      'audit',
      'feedback',
      'password',
    ],
  };
  test.each(
    (['it', 'en'] as const).flatMap((lang) => Object.keys(PAGE_GROUPS).map((group) => ({ lang, group }))),
  )('when signed in ($lang), then the pages of $group have no A/AA violation', async ({ lang, group }) => {
    const chicago = (await server.services.agreements.list({ institution: 'milano', q: 'Chicago' }))
      .items[0]!;
    await signIn(lang);
    for (const path of PAGE_GROUPS[group]!(chicago.id)) {
      await page.goto(`${server.baseUrl}/admin/${lang}/${path}`);
      expect(await runAxe(page), `/admin/${lang}/${path}`).toEqual([]);
    }
  });

  test('when the admin records a suspension with its act, then the public page shows it', async () => {
    await signIn('it');
    await page.getByRole('link', { name: 'Accordi', exact: true }).click();
    await page.getByLabel('Cerca per città o ente partner').fill('Chicago');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByRole('link', { name: 'Chicago' }).click();
    await page.getByLabel('Nuovo stato').selectOption('suspended');
    await page.getByLabel('Data (AAAA, AAAA-MM o AAAA-MM-GG)').fill('2026-11-20');
    await page.getByLabel('Motivo (italiano)').fill('Sospensione decisa dal Consiglio comunale');
    await page.getByLabel('Atto di approvazione (es. delibera n. …)').fill('Delibera n. 123/2026');
    await page.getByRole('button', { name: 'Registra' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Modifica salvata');
    expect(await page.content()).toContain('Delibera n. 123/2026');

    await page.goto(`${server.baseUrl}/milano/it/partenariati/chicago`);
    const body = await page.locator('main').textContent();
    expect(body).toContain('Sospeso');
    expect(body).toContain('Delibera n. 123/2026');
  });

  test('when the admin creates an agreement with a partner typed in Italian and publishes it, then the portal lists it', async () => {
    await signIn('it');
    await page.goto(`${server.baseUrl}/admin/it/agreements/new`);
    await page.getByLabel('Tipo').selectOption('friendship_pact');
    await page
      .getByLabel('Città partner (in qualsiasi lingua, es. Monaco di Baviera)')
      .pressSequentially('Dresda');
    // htmx asks the gazetteer while typing and shows the city with its country.
    const suggestion = page.getByRole('radio', { name: /^Dresda, Germania/ });
    await expect.poll(() => suggestion.count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await suggestion.isChecked()).toBe(true);
    await page.getByLabel('Data della firma (AAAA, AAAA-MM o AAAA-MM-GG)').fill('2026-11-21');
    await page.getByLabel('Descrizione (italiano)').fill('Patto di amicizia tra Milano e Dresda.');
    await page.getByRole('button', { name: 'Crea' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Modifica salvata');
    await page.getByRole('button', { name: 'Pubblica' }).click();
    await expect.poll(() => page.content()).toContain('Questo accordo è pubblicato sul portale.');
    expect(await runAxe(page)).toEqual([]);

    await page.goto(`${server.baseUrl}/milano/it/partenariati/`);
    expect(await page.locator('main').textContent()).toContain('Dresda');
  });

  test('when a Florence editor sees the partnerships to verify, clears one, and records a second German twinning, then every page passes axe and the form asks first', async () => {
    const florence = await server.services.accounts.createUser({
      email: 'editor.e2e@comune.firenze.example',
      institution: 'firenze',
      role: 'editor',
    });
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/admin/it/login`);
    await page.getByLabel('Indirizzo e-mail').fill(florence.user.email);
    await page.getByLabel('Password').fill(florence.password!);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL(`${server.baseUrl}/admin/it/`);
    expect(await page.locator('main').textContent()).toContain('Dati da verificare');
    expect(await runAxe(page), 'dashboard').toEqual([]);

    const kassel = (await server.services.agreements.list({ institution: 'firenze', q: 'Kassel' })).items[0]!;
    await page.goto(`${server.baseUrl}/admin/it/agreements/${kassel.id}`);
    expect(await runAxe(page), 'agreement to verify').toEqual([]);
    await page.getByRole('button', { name: 'Segna come verificato' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Modifica salvata');
    expect(await page.getByRole('button', { name: 'Segna come da verificare' }).count()).toBe(1);

    await page.goto(`${server.baseUrl}/admin/it/agreements/new`);
    await page.getByLabel('Tipo').selectOption('twinning');
    await page
      .getByLabel('Città partner (in qualsiasi lingua, es. Monaco di Baviera)')
      .pressSequentially('Lipsia');
    await page.getByLabel('Paese').fill('DE');
    await page.getByRole('button', { name: 'Crea' }).click();
    await expect.poll(() => page.content()).toContain('Registra come patto di amicizia');
    expect(await runAxe(page), 'twinning rule warning').toEqual([]);
    await page.getByRole('button', { name: 'Registra come patto di amicizia' }).click();
    await page.waitForURL(/\/admin\/it\/agreements\/[0-9a-f-]{36}/);
    expect(await page.locator('main .lead').textContent()).toContain('Patto di amicizia');
    await page.context().clearCookies();
  });

  test('when the admin edits an agreement and attaches the signed text, then the English portal page shows the new description', async () => {
    await signIn('en');
    const toronto = (await server.services.agreements.list({ institution: 'milano', q: 'Toronto' }))
      .items[0]!;
    await page.goto(`${server.baseUrl}/admin/en/agreements/${toronto.id}`);
    await page.getByRole('link', { name: 'Edit details' }).click();
    await page
      .getByLabel('Description (English)')
      .fill('Toronto and Milan renewed their twinning with a design week.');
    // The styled checkbox is drawn by its label, which is what a person clicks.
    await page.locator('label[for="f-sector-culture"]').click();
    expect(await page.getByLabel('Culture').isChecked()).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Change saved');

    await page.getByLabel('Add a file').setInputFiles({
      name: 'signed-agreement.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'signed-agreement.pdf' }).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);

    await page.goto(`${server.baseUrl}/milano/en/partnerships/${toronto.slug}`);
    expect(await page.locator('main').textContent()).toContain('renewed their twinning with a design week');
  });

  test('when a signed-in page calls the JSON API with its CSRF token, then the browser sends the session and the write goes through', async () => {
    await signIn('en');
    const riga = (await server.services.agreements.list({ institution: 'milano', q: 'Riga' })).items[0]!;
    await page.goto(`${server.baseUrl}/admin/en/agreements/${riga.id}`);
    const result = await page.evaluate(
      async ({ id, version }) => {
        const csrf = (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value;
        const call = (headers: Record<string, string>) =>
          fetch(`/api/v1/agreements/${id}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ titleEn: 'Riga–Milan cooperation', version }),
          }).then((r) => r.status);
        return { without: await call({}), with: await call({ 'x-csrf-token': csrf }) };
      },
      { id: riga.id, version: riga.version },
    );
    expect(result).toEqual({ without: 403, with: 200 });
  });

  test('when the admin invites a person, then the invited person opens the address, chooses a password and is signed in', async () => {
    await signIn('it');
    await page.goto(`${server.baseUrl}/admin/it/users`);
    await page.getByLabel('Indirizzo e-mail', { exact: true }).fill('nuova.collega@comune.milano.example');
    await page.getByLabel('Nome', { exact: true }).fill('Nuova Collega');
    await page.getByRole('button', { name: 'Invita una persona' }).click();
    const notice = (await page.locator('.alert-success').textContent()) ?? '';
    const link = notice.match(/http:\/\/ponte\.test(\/admin\/it\/invitation\/[A-Za-z0-9_-]+)/)?.[1];
    expect(link, notice).toBeDefined();
    expect(await runAxe(page)).toEqual([]);

    const guest = await (await browser.newContext()).newPage();
    try {
      await guest.goto(`${server.baseUrl}${link}`);
      expect(await runAxe(guest), link).toEqual([]);
      await guest.getByLabel('Nuova password').fill('una password lunga');
      await guest.getByLabel('Ripeti la password').fill('una password diversa');
      await guest.getByRole('button', { name: "Accetta l'invito" }).click();
      expect(await guest.getByText('Le due password non coincidono.').count()).toBe(1);
      expect(await runAxe(guest)).toEqual([]);
      await guest.getByLabel('Nuova password').fill('una password lunga');
      await guest.getByLabel('Ripeti la password').fill('una password lunga');
      await guest.getByRole('button', { name: "Accetta l'invito" }).click();
      await guest.waitForURL(`${server.baseUrl}/admin/it/`);
    } finally {
      await guest.close();
    }
  });

  test('when a form comes back expired or with a bad value, then the browser gets a page in its language, with no A/AA violation', async () => {
    await signIn('it');
    await page.goto(`${server.baseUrl}/admin/it/password`);
    // A form whose token no longer matches the session, as after signing in again in another tab.
    await page.locator('form[action$="/password"] input[name="_csrf"]').evaluate((input) => {
      (input as HTMLInputElement).value = 'stale';
    });
    await page.locator('input[name="current"]').fill('whatever it was');
    await page.locator('input[name="next"]').fill('a new password, long enough');
    await page.locator('form[action$="/password"] button[type="submit"]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Modulo scaduto');
    expect(await page.getByRole('link', { name: 'Torna al back-office' }).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
    await shoot(page, 'error-admin-expired');

    // A feedback form posted with a rating out of range, from the English portal.
    await page.goto(`${server.baseUrl}/milano/en/networks/`);
    await page.evaluate(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/milano/en/feedback';
      for (const [name, value] of [
        ['page', '/milano/en/networks/'],
        ['rating', '9'],
      ]) {
        const input = document.createElement('input');
        input.name = name!;
        input.value = value!;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    });
    await expect.poll(() => page.locator('h1').textContent()).toBe('Request not valid');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('main').textContent()).toContain('Field concerned: rating.');
    expect(await runAxe(page)).toEqual([]);
    await shoot(page, 'error-portal-invalid');
  });
});

/** Screenshots at desktop and phone width for a person to look at (SCREENSHOT_DIR, when set). */
async function shoot(p: Page, name: string): Promise<void> {
  const dir = process.env['SCREENSHOT_DIR'];
  if (!dir) return;
  for (const width of [1280, 390]) {
    await p.setViewportSize({ width, height: 900 });
    await p.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}
