// The contacts register's journey in a real Chromium, the "done when" of issue 13: an admin imports a consular
// list saved by Excel (semicolons, Latin-1) after a dry run, sees the consular corps on the portal in both
// languages with its map sketch, records a change of consul general that keeps the predecessor in the post's
// history, downloads the consular corps as vCards that ical.js reads back, exports and then erases a private
// person; a viewer and an editor of another institution are refused the restricted fields through pages, API,
// export and search. Zero axe-core A/AA violations, nothing scrolling sideways at 390 px, on the new pages in
// both languages (the import form and its report with problems and likely duplicates, the duplicates page, the
// people form grouped in fieldsets and after a refused save, a person's page with the erasure). With
// screenshots in /tmp/shots (SHOTS_DIR) to look at.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDate } from '../src/platform/i18n.ts';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';
import { makeOrganisation, makePerson } from '../test/factories-backoffice.ts';

type Lang = 'it' | 'en';

const SHOTS = process.env['SHOTS_DIR'] ?? '/tmp/shots';
const WIDTHS = [1280, 390] as const;

// The consular list as an office keeps it: Italian headers, semicolons, decimal commas, days as DD/MM/YYYY,
// saved by Excel in Windows-1252 (Latin-1 for these characters). Example data: example addresses and phones.
const CONSULAR_LIST = [
  'Paese;Sede;Nome;Indirizzo;Città;Telefono;Circoscrizione;Capo sede;Qualifica;Dal;Pubblicato;Latitudine;Longitudine',
  'Perù;Consolato generale;Consolato generale del Perù;Via Esempio 12;Milano;+39 02 0000 0101;Lombardia, Piemonte;José Pérez;Console generale;01/09/2022;sì;45,4706;9,2052',
  'Brasile;Consolato generale;Consolato generale del Brasile;Corso Esempio 5;Milano;+39 02 0000 0102;Lombardia, Liguria;João Gonçalves;Console generale;15/03/2023;sì;45,4668;9,1905',
  'Svizzera;Consolato generale;Consolato generale di Svizzera;Via Esempio 3;Milano;+39 02 0000 0103;Lombardia;;;;sì;45,4784;9,2009',
  'Malta;Consolato onorario;Consolato onorario di Malta;Via Esempio 9;Bergamo;+39 035 000 0104;Lombardia;;;;no;45,6983;9,6773',
].join('\r\n');

// A second list with a problem (a website that is a script) and likely duplicates of what the first kept: the
// same post under another spelling, and its head without accents.
const FAULTY_LIST = [
  'Paese;Sede;Nome;Indirizzo;Città;Sito;Capo sede;Qualifica;Dal;Pubblicato',
  'Perù;Consolato generale;Consolato Generale del Peru;Via Esempio 12;Milano;https://www.example.org/peru;Jose Perez;Console generale;01/09/2022;sì',
  "Islanda;Consolato onorario;Consolato onorario d'Islanda;Via Esempio 20;Brescia;javascript:alert(1);;;;no",
].join('\r\n');

const PUBLISHED_POSTS = [
  'Consolato generale del Perù',
  'Consolato generale del Brasile',
  'Consolato generale di Svizzera',
];

let server: RunningServer;
let browser: Browser;
/** The admin's page, reused through the journey. */
let page: Page;
let dir: string;
const users: Record<'admin' | 'viewer' | 'florence', { email: string; password: string }> = {} as never;
let wang: { id: string; name: string; address: string; email: string };

beforeAll(async () => {
  server = await startServer({ seed: false });
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'ponte-contacts-'));
  const { services } = server;
  const milan = (await makeInstitution(services, { slug: 'milano' })).id;
  await makeInstitution(services, { slug: 'firenze' });
  const user = async (email: string, institution: string, role: 'admin' | 'editor' | 'viewer') => {
    const created = await services.accounts.createUser({ email, institution, role });
    return { email: created.user.email, password: created.password! };
  };
  users.admin = await user('admin.contatti.e2e@comune.milano.example', 'milano', 'admin');
  users.viewer = await user('lettura.contatti.e2e@comune.milano.example', 'milano', 'viewer');
  users.florence = await user('redazione.contatti.e2e@comune.firenze.example', 'firenze', 'editor');
  // An association kept twice under two spellings, and a person twice: the duplicates page has pairs to list.
  const association = await makeOrganisation(services, milan, {
    kind: 'association',
    postKind: '',
    district: '',
    nameIt: 'Associazione culturale Italia-Cina',
    country: '',
    communities: 'Cina',
    city: 'Milano',
    notes: '',
  });
  await makeOrganisation(services, milan, {
    kind: 'association',
    postKind: '',
    district: '',
    nameIt: 'Associazione Culturale Italia Cina',
    country: '',
    communities: 'Cina',
    city: 'Milano',
    notes: '',
  });
  await makePerson(services, milan, { name: 'Lucía Fernández', phone: '', email: '' });
  await makePerson(services, milan, { name: 'Lucia Fernandez', phone: '', email: '' });
  // The association's president: seen by the whole staff, but their address and e-mail only by editors.
  const made = await makePerson(services, milan, {
    name: 'Wang Fang',
    languages: 'cinese, italiano',
    address: 'Via Paolo Sarpi 99, 20154 Milano',
    addressVisibility: 'editors',
    email: 'wang.fang@associazione.example',
    emailVisibility: 'editors',
    phone: '',
    visibility: 'staff',
  });
  await services.people.addRole(
    milan,
    made.id,
    {
      organisationId: association.id,
      titleIt: 'Presidente',
      titleEn: 'President',
      head: 'yes',
      startsOn: '2024-01-15',
      endsOn: '',
    },
    made.version,
  );
  wang = {
    id: made.id,
    name: 'Wang Fang',
    address: 'Via Paolo Sarpi 99',
    email: 'wang.fang@associazione.example',
  };
  page = await (await browser.newContext()).newPage();
  await signIn(page, users.admin);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signIn(p: Page, who: { email: string; password: string }, lang: Lang = 'it'): Promise<void> {
  await p.goto(`${server.baseUrl}/admin/${lang}/login`);
  await p.getByLabel(lang === 'it' ? 'Indirizzo e-mail' : 'E-mail address').fill(who.email);
  await p.getByLabel('Password').fill(who.password);
  await p.getByRole('button', { name: lang === 'it' ? 'Accedi' : 'Sign in' }).click();
  await p.waitForURL(`${server.baseUrl}/admin/${lang}/`);
}

/** A file as Excel on Windows saves it: Latin-1 bytes. */
function latin1File(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(text, 'latin1'));
  return path;
}

const main = async (p: Page = page) => (await p.locator('main').innerText()).replace(/\s+/g, ' ');

/**
 * Axe on the page as it is, at 1280 and 390 px, with nothing scrolling sideways; a full-page screenshot of
 * each when `shot` names it. Soft: the journey goes on, and every page's faults are reported together.
 */
async function check(name: string, shot?: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect.soft(await runAxe(page), `${name} at ${width}px`).toEqual([]);
    const sideways = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect.soft(sideways, `${name} scrolls sideways at ${width}px`).toBe(0);
    if (shot) await page.screenshot({ path: join(SHOTS, `${shot}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Uploads a list on the import page in the language, as consular posts; the report page is then open. */
async function upload(lang: Lang, file: string): Promise<void> {
  await page.goto(`${server.baseUrl}/admin/${lang}/people/import`);
  // Ticked by its label, as bootstrap-italia draws it there.
  await page.locator('label[for="kind-consular_post"]').click();
  expect(await page.getByLabel(lang === 'it' ? 'Sedi consolari' : 'Consular posts').isChecked()).toBe(true);
  await page.getByLabel(lang === 'it' ? 'File CSV' : 'CSV file').setInputFiles(file);
  await page.getByRole('button', { name: lang === 'it' ? 'Controlla il file' : 'Check the file' }).click();
  await page
    .getByRole('heading', { level: 1, name: lang === 'it' ? 'Esito del controllo' : 'What the check found' })
    .waitFor();
}

/** The rows of the post's "People and roles" table on its back-office page, as text. */
async function holders(): Promise<string[]> {
  const section = page.locator('section', {
    has: page.getByRole('heading', { name: 'Persone e incarichi' }),
  });
  return (await section.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

const day = (iso: string, lang: Lang = 'it') => formatDate(iso, 'day', lang)!;

/** The people of the journey, found as it goes. */
const ids: { peru?: string; perez?: string; quispe?: string } = {};

describe('the contacts register, from a consular list to an erasure, in Chromium', () => {
  test('when the admin checks a Latin-1 semicolon consular list and confirms it, then every post and head is imported', async () => {
    for (const lang of ['en', 'it'] as const) {
      await page.goto(`${server.baseUrl}/admin/${lang}/people/import`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await check(`/admin/${lang}/people/import`, `import-form-${lang}`);
    }
    await upload('it', latin1File('consolati.csv', CONSULAR_LIST));
    const report = await main();
    expect(report).toContain('Sedi consolari · Righe lette: 4');
    expect(report).toContain('Verrebbero create 4 organizzazioni e 2 persone (i capi sede).');
    expect(report).not.toContain('Problemi da correggere nel file');
    await check('the import report', 'import-report-it');
    await page.getByRole('button', { name: /^Importa/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Importazione riuscita: create 4 organizzazioni e 2 persone.');
    expect(await page.getByRole('button', { name: /^Importa/ }).count(), 'no second import button').toBe(0);
  });

  test('when the consular corps is opened on the portal in Italian and English, then the published posts are listed with a map sketch and no head who is not public', async () => {
    for (const [lang, path] of [
      ['it', '/milano/it/corpo-consolare/'],
      ['en', '/milano/en/consular-corps/'],
    ] as const) {
      const res = await page.goto(`${server.baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const text = await main();
      expect(text).toContain(lang === 'it' ? 'Corpo consolare' : 'Consular corps');
      for (const post of PUBLISHED_POSTS) expect(text, `${path} lists ${post}`).toContain(post);
      expect(text).toContain(lang === 'it' ? '3 voci' : '3 entries');
      expect(text, 'an unpublished post is not listed').not.toContain('Consolato onorario di Malta');
      expect(text).toContain(lang === 'it' ? 'Perù' : 'Peru');
      // The imported heads are seen by the staff only: the portal does not name them.
      expect(text).not.toContain('Pérez');
      expect(text).not.toContain('Gonçalves');
      const sketch = page.locator('main figure svg[role="img"]');
      expect(await sketch.count(), `${path} has the map sketch`).toBe(1);
      expect(await sketch.locator('circle').count(), 'a mark for each placed post').toBe(3);
      expect(await page.locator('main figure figcaption').textContent()).toContain(
        lang === 'it' ? 'Schema della posizione di 3 sedi' : '3 posts',
      );
    }
  });

  test('when a new consul general replaces the imported one, then the post keeps the predecessor with the end of the role', async () => {
    // The imported head, found by the name without its accents.
    await page.goto(`${server.baseUrl}/admin/it/people?q=perez`);
    await page.getByRole('link', { name: 'José Pérez' }).click();
    await page.waitForURL(/\/admin\/it\/people\/[0-9a-f-]{36}$/);
    ids.perez = page.url().split('/').at(-1)!;
    expect(await main()).toContain('Console generale (capo della sede)');
    await page.getByRole('link', { name: /^Modifica ?: Console generale$/ }).click();
    await page.getByLabel('Fino al').fill('2026-08-31');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(/\?saved=1$/);
    expect(await main()).toContain(`dal ${day('2022-09-01')} fino al ${day('2026-08-31')}`);
    await page.getByRole('link', { name: 'Consolato generale del Perù' }).click();
    await page.waitForURL(/\/admin\/it\/organisations\/[0-9a-f-]{36}$/);
    ids.peru = page.url().split('/').at(-1)!;

    // The successor: a new person, public like a head of post the portal names, and their role on the post.
    await page.goto(`${server.baseUrl}/admin/it/people/new`);
    await page.getByLabel('Nome e cognome').fill('Ana Lucía Quispe');
    await page.getByLabel('Chi vede la persona').selectOption('public');
    await page.getByRole('button', { name: 'Crea' }).click();
    await page.waitForURL(/\/admin\/it\/people\/[0-9a-f-]{36}\?created=1$/);
    ids.quispe = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('link', { name: 'Aggiungi un incarico' }).click();
    await page.getByLabel('Organizzazione').selectOption({ label: 'Consolato generale del Perù' });
    await page.getByLabel('Incarico, in italiano').fill('Console generale');
    await page.getByLabel('Incarico, in inglese').fill('Consul General');
    await page.getByLabel('Capo della sede').selectOption('yes');
    await page.getByLabel('Dal', { exact: true }).fill('2026-09-01');
    await page.getByRole('button', { name: 'Crea' }).click();
    await page.waitForURL(/\?saved=1$/);

    await page.goto(`${server.baseUrl}/admin/it/organisations/${ids.peru}`);
    const rows = await holders();
    expect(rows).toHaveLength(2);
    const successor = rows.find((r) => r.includes('Ana Lucía Quispe'));
    const predecessor = rows.find((r) => r.includes('José Pérez'));
    expect(successor).toContain('Console generale (capo della sede)');
    expect(successor).toContain(`dal ${day('2026-09-01')} · in corso`);
    expect(predecessor).toContain('Console generale (capo della sede)');
    expect(predecessor).toContain(`dal ${day('2022-09-01')} fino al ${day('2026-08-31')}`);
    expect(predecessor).not.toContain('in corso');
  });

  test('when the consular corps is downloaded as vCards from the portal, then ical.js reads every post back', async () => {
    await page.goto(`${server.baseUrl}/milano/it/corpo-consolare/`);
    // The new head is public: the portal names them now, and still not their predecessor.
    const text = await main();
    expect(text).toContain('Ana Lucía Quispe, Console generale');
    expect(text).not.toContain('Pérez');
    const link = page.getByRole('link', { name: 'Tutti i contatti (vCard)' });
    expect(await link.getAttribute('href')).toBe('/milano/data/consular-corps-it.vcf');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const vcf = readFileSync((await download.path())!, 'utf8');
    const cards = vcf
      .split(/(?=BEGIN:VCARD)/)
      .filter(Boolean)
      .map((c) => new ICAL.Component(ICAL.parse(c)));
    expect(cards).toHaveLength(3);
    expect(cards.map((c) => c.getFirstPropertyValue('fn')).sort()).toEqual([...PUBLISHED_POSTS].sort());
    const peru = cards.find((c) => c.getFirstPropertyValue('fn') === 'Consolato generale del Perù')!;
    expect(peru.getFirstPropertyValue('kind')).toBe('org');
    expect(peru.getFirstPropertyValue('tel')).toBe('tel:+390200000101');
    expect(peru.getFirstPropertyValue('geo')).toBe('geo:45.4706,9.2052');
    expect(String(peru.getFirstPropertyValue('note'))).toContain('Ana Lucía Quispe, Console generale');
    expect(vcf).not.toContain('Pérez');
  });

  test('when the admin records a private person on consent, then their data download as JSON and the erasure needs its box ticked', async () => {
    for (const lang of ['en', 'it'] as const) {
      await page.goto(`${server.baseUrl}/admin/${lang}/people/new`);
      expect(await page.locator('fieldset legend').allTextContents()).toEqual(
        lang === 'it'
          ? [
              'Chi è',
              'Recapiti e chi può vederli',
              'Note dell’ufficio',
              'Dati personali: visibilità, base giuridica, revisione',
            ]
          : [
              'Who they are',
              'Contact details and who may see them',
              'The office’s notes',
              'Personal data: visibility, legal basis, review',
            ],
      );
      await check(`/admin/${lang}/people/new`, `people-form-${lang}`);
    }
    const consent =
      'Acconsento che l’Ufficio relazioni internazionali conservi i miei recapiti per gli inviti.';
    await page.getByLabel('Nome e cognome').fill('Carmen Huamán');
    await page.locator('[name="email"]').fill('carmen.huaman@posta.example');
    await page.getByLabel('Base giuridica del trattamento').selectOption('consent');
    await page.getByLabel('Data del consenso').fill('2026-11-20');
    await page.getByLabel('Testo a cui ha acconsentito').fill(consent);
    await page.getByRole('button', { name: 'Crea' }).click();
    await page.waitForURL(/\/admin\/it\/people\/[0-9a-f-]{36}\?created=1$/);
    const person = `${server.baseUrl}${new URL(page.url()).pathname}`;
    const shown = await main();
    expect(shown).toContain('Consenso della persona');
    expect(shown).toContain(consent);
    await check('a private person’s page with the erasure (it)', 'person-page-it');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Scarica tutti i dati (JSON)' }).click(),
    ]);
    expect(download.url()).toMatch(/\/export\.json$/);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toContain('Carmen Huamán');
    expect(exported).toContain(consent);
    expect(JSON.parse(exported)).toBeTruthy();

    // Unticked, the browser's own check stops the erasure: no request leaves, the person stays.
    const erasures: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/delete')) erasures.push(r.url());
    });
    const erase = page.getByRole('button', { name: 'Cancella la persona' });
    await erase.click();
    await page.waitForTimeout(300);
    expect(erasures).toEqual([]);
    expect(
      await page.locator('#erase-confirm').evaluate((e) => (e as HTMLInputElement).validity.valueMissing),
    ).toBe(true);
    expect((await page.request.get(person)).status()).toBe(200);

    // bootstrap-italia draws the box on the label (the input itself is transparent): a person clicks that.
    const box = page.getByLabel(/^Confermo di voler cancellare Carmen Huamán/);
    await page.locator('label[for="erase-confirm"]').click();
    expect(await box.isChecked()).toBe(true);
    await erase.click();
    await page.waitForURL(/\/admin\/it\/people\?deleted=1$/);
    expect(erasures).toHaveLength(1);
    expect(await main()).not.toContain('Carmen Huamán');
    expect((await page.goto(person))?.status()).toBe(404);
    await page.goto(`${server.baseUrl}/admin/it/people?q=huaman`);
    expect(await main()).not.toContain('Carmen Huamán');
  });

  test('when a viewer and an editor of another institution look, then the fields restricted to editors are refused through pages, API, export and search', async () => {
    // What the admin sees, so that its absence below means something.
    const asAdmin = await (await page.request.get(`${server.baseUrl}/api/v1/people/${wang.id}`)).json();
    expect(asAdmin.address).toContain(wang.address);
    expect(asAdmin.email).toBe(wang.email);
    const adminList = await (
      await page.request.get(`${server.baseUrl}/admin/it/people/lists.vcf?kind=association`)
    ).text();
    expect(adminList).toContain(wang.email);

    const viewer = await (await browser.newContext()).newPage();
    await signIn(viewer, users.viewer);
    const res = await viewer.goto(`${server.baseUrl}/admin/it/people/${wang.id}`);
    expect(res?.status()).toBe(200);
    const personPage = await main(viewer);
    expect(personPage).toContain('Wang Fang');
    expect(personPage).toContain('2 dati di questa persona non sono visibili con il tuo ruolo.');
    expect(personPage).not.toContain(wang.address);
    expect(personPage).not.toContain(wang.email);
    expect(await viewer.content()).not.toContain('Sarpi');
    // Page search, API search and record, the distribution list's exports.
    await viewer.goto(`${server.baseUrl}/admin/it/people?q=wang`);
    expect(await main(viewer)).toContain('Wang Fang');
    expect(await viewer.content()).not.toContain('Sarpi');
    const search = await (await viewer.request.get(`${server.baseUrl}/api/v1/people?q=wang`)).json();
    expect(search.items.map((p: { name: string }) => p.name)).toEqual(['Wang Fang']);
    expect(search.items[0].address).toBeNull();
    expect(search.items[0].email).toBeNull();
    expect(search.items[0].withheld).toEqual(expect.arrayContaining(['address', 'email']));
    const record = await viewer.request.get(`${server.baseUrl}/api/v1/people/${wang.id}`);
    expect(record.status()).toBe(200);
    expect(await record.text()).not.toContain('Sarpi');
    for (const format of ['csv', 'vcf']) {
      const list = await viewer.request.get(
        `${server.baseUrl}/admin/it/people/lists.${format}?kind=association`,
      );
      expect(list.status()).toBe(200);
      const body = await list.text();
      expect(body, `lists.${format}`).toContain('Wang Fang');
      expect(body, `lists.${format}`).not.toContain(wang.email);
    }
    const exported = await viewer.request.get(`${server.baseUrl}/admin/it/people/${wang.id}/export.json`);
    expect(exported.status(), 'a viewer may not download a person’s data').not.toBe(200);
    expect(await exported.text()).not.toContain('Sarpi');

    const florence = await (await browser.newContext()).newPage();
    await signIn(florence, users.florence);
    expect((await florence.goto(`${server.baseUrl}/admin/it/people/${wang.id}`))?.status()).toBe(404);
    expect((await florence.goto(`${server.baseUrl}/admin/it/people/${ids.perez}`))?.status()).toBe(404);
    expect((await florence.request.get(`${server.baseUrl}/api/v1/people/${wang.id}`)).status()).toBe(404);
    const theirs = await (await florence.request.get(`${server.baseUrl}/api/v1/people?q=wang`)).json();
    expect(theirs.items).toEqual([]);
    await florence.goto(`${server.baseUrl}/admin/it/people?q=wang`);
    expect(await main(florence)).not.toContain('Wang Fang');
    const theirList = await (
      await florence.request.get(`${server.baseUrl}/admin/it/people/lists.vcf?kind=association`)
    ).text();
    expect(theirList).not.toContain('Wang Fang');
    expect(
      (await florence.request.get(`${server.baseUrl}/admin/it/people/${wang.id}/export.json`)).status(),
    ).not.toBe(200);
    await viewer.context().close();
    await florence.context().close();
  });

  test('when a list with a problem and likely duplicates is checked, and on the duplicates page and a refused people form, then there is no A/AA violation', async () => {
    const faulty = latin1File('consolati-errati.csv', FAULTY_LIST);
    for (const lang of ['it', 'en'] as const) {
      await upload(lang, faulty);
      const text = await main();
      const it = lang === 'it';
      expect(text).toContain(it ? 'Problemi da correggere nel file' : 'Problems to correct in the file');
      const problems = (await page.locator('#problems-title ~ div tbody tr').allInnerTexts()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^3 website /);
      expect(problems[0], 'the problem says what a website must be').toContain('https://');
      expect(text).toContain(it ? 'Possibili doppioni' : 'Likely duplicates');
      expect(text).toContain(
        it
          ? 'l’organizzazione «Consolato Generale del Peru» somiglia a «Consolato generale del Perù», già registrata'
          : 'the organisation “Consolato Generale del Peru” looks like “Consolato generale del Perù”, already kept',
      );
      expect(text).toContain(
        it
          ? 'la persona «Jose Perez» somiglia a «José Pérez», già registrata'
          : 'the person “Jose Perez” looks like “José Pérez”, already kept',
      );
      expect(await page.getByRole('button', { name: it ? /^Importa/ : /^Import/ }).count()).toBe(0);
      await check(`the report with problems (${lang})`, `import-report-problems-${lang}`);
    }

    for (const lang of ['it', 'en'] as const) {
      const res = await page.goto(`${server.baseUrl}/admin/${lang}/people/duplicates`);
      expect(res?.status()).toBe(200);
      const text = await main();
      for (const name of [
        'Associazione culturale Italia-Cina',
        'Associazione Culturale Italia Cina',
        'Lucía Fernández',
        'Lucia Fernandez',
      ]) {
        expect(text, `the duplicates page (${lang}) names ${name}`).toContain(name);
      }
      await check(`/admin/${lang}/people/duplicates`, `duplicates-${lang}`);
    }

    for (const lang of ['it', 'en'] as const) {
      const it = lang === 'it';
      await page.goto(`${server.baseUrl}/admin/${lang}/people/new`);
      // No name, an e-mail that is not one, an unknown language, consent without its day and text.
      await page.locator('[name="email"]').fill('non-una-mail');
      await page.locator('[name="preferredLanguage"]').fill('klingon');
      await page.locator('[name="legalBasis"]').selectOption('consent');
      await page.getByRole('button', { name: it ? 'Crea' : 'Create' }).click();
      await expect.poll(() => page.locator('[name="name"]').getAttribute('aria-invalid')).toBe('true');
      const invalid = await page
        .locator('[aria-invalid="true"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('name')));
      expect(invalid.sort()).toEqual(['consentOn', 'consentText', 'email', 'name', 'preferredLanguage']);
      // Each says why, beside it.
      for (const name of invalid) {
        const describedBy = (await page.locator(`[name="${name}"]`).getAttribute('aria-describedby')) ?? '';
        const said = await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent();
        expect(said, `${name} says why`).toBeTruthy();
      }
      await check(`/admin/${lang}/people/new refused`, `people-form-errors-${lang}`);
    }
    // The person page (en) with the erasure, for the second language.
    await page.goto(`${server.baseUrl}/admin/en/people/${ids.quispe}`);
    expect(await main()).toContain('Erase the person');
    await check('a person’s page with the erasure (en)', 'person-page-en');
  });

  test.each(['it', 'en'] as const)(
    'when a new user writes the headers the import page (%s) says it recognises, then the check knows every one',
    async (lang) => {
      await page.goto(`${server.baseUrl}/admin/${lang}/people/import`);
      // The columns the page lists, each as a person would copy it ("Nome (obbligatoria)" without the note).
      const headers = (await page.locator('main ul#columns li').allInnerTexts()).map((h) =>
        h.replace(/\((obbligatoria|required)\)/, '').trim(),
      );
      expect(headers.length).toBeGreaterThan(10);
      const row: string[] = headers.map((h) =>
        /^(nome|name)$/i.test(h) ? 'Consolato generale di Prova' : /^(paese|country)$/i.test(h) ? 'Cile' : '',
      );
      // A post's kind is required: "Consolato generale" in the column that names it.
      row[headers.findIndex((h) => /sede|post kind/i.test(h) && !/capo|head/i.test(h))] =
        'Consolato generale';
      await upload(lang, latin1File(`colonne-${lang}.csv`, `${headers.join(';')}\r\n${row.join(';')}`));
      const unknown = (await page.locator('#problems-title ~ div tbody tr').allInnerTexts()).map((t) =>
        t.replace(/\s+/g, ' ').trim(),
      );
      expect(unknown, `headers the page names: ${headers.join(' | ')}`).toEqual([]);
    },
  );
});
