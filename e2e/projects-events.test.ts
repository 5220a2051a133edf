// Projects and events in a real Chromium: an editor of a test institution (its tax code set, as IATI needs)
// creates a decentralised cooperation project through the form as the office types it (Italian amounts), adds a
// partner from the registry and one by name, a co-funding source and the budget per year, publishes it, and a
// visitor finds it on the portal's Progetti page in both languages and through its filters, and downloads it
// as IATI XML; the editor then creates an event with its venue and point on the map, publishes it, and the
// visitor finds it on the portal's agenda and in its calendar feed. Zero axe-core A/AA violations and nothing
// scrolling sideways at 1280 and 390 px, in both languages, on every page of both (forms also after a refused
// save); screenshots in /tmp/shots (SHOTS_DIR) to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';

type Lang = 'it' | 'en';

const SHOTS = process.env['SHOTS_DIR'] ?? '/tmp/shots';
const WIDTHS = [1280, 390] as const;
const LANGS = ['it', 'en'] as const;
const SLUG = 'bergamo-pe';
const TAX_CODE = '80034840167';
const CODE = 'COOP-2025-07';
const TITLE = { it: 'Acqua potabile nei quartieri di Thiès', en: 'Drinking water in the districts of Thiès' };
const PARTNER = 'Comune di Thiès';
const PORTAL = { it: `/${SLUG}/it/progetti/`, en: `/${SLUG}/en/projects/` };
const AGENDA = { it: `/${SLUG}/it/agenda-internazionale/`, en: `/${SLUG}/en/international-agenda/` };
const EVENT = { it: 'Festa delle città gemellate', en: 'Twin cities festival' };
/** The event's first day, a month from now, so that the agenda lists it among the coming ones. */
const EVENT_DAY = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const DAY_BEFORE = new Date(Date.now() + 29 * 86_400_000).toISOString().slice(0, 10);
const YES = { it: 'sì', en: 'yes' };

/** "5.000,00" as the pages print it in euros (grouped from four digits, as Italian budgets do), spaces as " ". */
const euros = (typed: string, lang: Lang) =>
  new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    useGrouping: 'always',
  } as unknown as Intl.NumberFormatOptions)
    .format(Number(typed.replace(/\./g, '').replace(',', '.')))
    .replace(/\s/g, ' ');

let server: RunningServer;
let browser: Browser;
/** The editor's page, reused through the journey. */
let page: Page;
let visitor: Page;
let editor: { email: string; password: string };
let institutionId: string;
let projectId: string;
let eventId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seed: false }), launchBrowser()]);
  mkdirSync(SHOTS, { recursive: true });
  const { services, database } = server;
  const inst = await makeInstitution(services, { slug: SLUG });
  institutionId = inst.id;
  await database.query('update institutions set tax_code = $1 where id = $2', [TAX_CODE, inst.id]);
  await services.counterparts.ensureMany(inst.id, [
    { type: 'organisation', nameIt: PARTNER, nameEn: 'City of Thiès', country: 'SN' },
  ]);
  const created = await services.accounts.createUser({
    email: 'redazione.progetti.e2e@comune.bergamo.example',
    institution: SLUG,
    role: 'editor',
  });
  editor = { email: created.user.email, password: created.password! };
  page = await (await browser.newContext()).newPage();
  visitor = await (await browser.newContext()).newPage();
  await page.goto(`${server.baseUrl}/admin/it/login`);
  await page.getByLabel('Indirizzo e-mail').fill(editor.email);
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.waitForURL(`${server.baseUrl}/admin/it/`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const text = async (p: Page = page) => (await p.locator('main').innerText()).replace(/\s+/g, ' ');
const open = async (path: string, p: Page = page) => {
  const res = await p.goto(`${server.baseUrl}${path}`);
  expect(res?.status(), path).toBe(200);
};
const field = (name: string, p: Page = page) => p.locator(`main [name="${name}"]`);
const invalid = (p: Page = page) =>
  p.locator('[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('name')));
const submit = async (name: string) => {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState();
};

/**
 * Axe on the page as it is, at 1280 and 390 px, with nothing scrolling sideways, and a full-page screenshot
 * of each. Soft: the journey goes on, and every page's faults are reported together.
 */
async function check(shot: string, p: Page = page): Promise<void> {
  for (const width of WIDTHS) {
    await p.setViewportSize({ width, height: 900 });
    expect.soft(await runAxe(p), `${shot} at ${width}px`).toEqual([]);
    const sideways = await p.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect.soft(sideways, `${shot} scrolls sideways at ${width}px`).toBe(0);
    await p.screenshot({ path: join(SHOTS, `pe-${shot}-${width}.png`), fullPage: true });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}

describe('a cooperation project and an event, from the back-office to the portal, in Chromium', () => {
  test('when the editor opens the projects’ list and the new project’s form, and saves an unknown country and a share above the total, then nothing is saved and every field at fault says why', async () => {
    for (const lang of LANGS) {
      const it = lang === 'it';
      await open(`/admin/${lang}/projects`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(it ? 'Progetti' : 'Projects');
      await page.getByRole('link', { name: it ? 'Aggiungi un progetto' : 'Add a project' }).click();
      await page.waitForURL(`**/admin/${lang}/projects/new`);
      await check(`project-new-${lang}`);
      await field('code').fill('COOP-RIFIUTATO');
      await field('titleIt').fill('Progetto rifiutato');
      await page
        .getByLabel(it ? 'Paesi in cui si svolge' : 'Countries where it takes place')
        .fill('Atlantide');
      await field('totalBudget').pressSequentially('100.000,00');
      await field('ownShare').pressSequentially('150.000,00');
      await submit(it ? 'Crea' : 'Create');
      await expect.poll(() => invalid()).toEqual(['countries', 'ownShare']);
      const read = await text();
      expect(read).toContain(it ? 'Paese sconosciuto' : 'Unknown country');
      expect(read).toContain(it ? 'supera il budget totale' : 'larger than the total budget');
      expect(await field('titleIt').inputValue(), 'what was typed stays').toBe('Progetto rifiutato');
      await check(`project-new-refused-${lang}`);
    }
    expect((await server.services.projects.page(institutionId, {})).total, 'nothing saved').toBe(0);
  });

  test('when the editor creates the project typing Italian amounts, then its page shows them in euros', async () => {
    await open('/admin/it/projects/new');
    await field('code').fill(CODE);
    await page.getByLabel('Tipo di progetto').selectOption({ label: 'Cooperazione decentrata' });
    await page.getByLabel('Titolo in italiano').fill(TITLE.it);
    await page.getByLabel('Titolo in inglese').fill(TITLE.en);
    await field('descriptionIt').fill(
      'Pozzi e reti idriche in tre quartieri di Thiès, con il Comune di Thiès.',
    );
    await field('descriptionEn').fill(
      'Wells and water networks in three districts of Thiès, with its council.',
    );
    await page.getByLabel('Programma o finanziatore').fill('AICS');
    await page.getByLabel('Ruolo dell’ente').selectOption({ label: 'Capofila' });
    await page.getByLabel('Stato').selectOption({ label: 'In corso' });
    await field('startsOn').fill('2025-03-01');
    await field('endsOn').fill('2027-02-28');
    await page.getByLabel('Paesi in cui si svolge').fill('Senegal');
    await field('totalBudget').pressSequentially('250.000,00');
    await field('ownShare').pressSequentially('40.000,00');
    await submit('Crea');
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}\?created=1$/);
    projectId = page.url().match(/projects\/([0-9a-f-]{36})/)![1]!;
    for (const lang of LANGS) {
      await open(`/admin/${lang}/projects/${projectId}`);
      const read = await text();
      expect(read).toContain(TITLE[lang]);
      expect(read).toContain(CODE);
      expect(read).toContain(euros('250.000,00', lang));
      expect(read).toContain(euros('40.000,00', lang));
      expect(read).toContain('01/03/2025 – 28/02/2027');
      await open(`/admin/${lang}/projects?status=running&kind=cooperation`);
      const row = page.locator('tbody tr', { has: page.getByRole('link', { name: TITLE[lang] }) });
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(lang === 'it' ? 'In corso' : 'Running');
      await check(`projects-list-${lang}`);
    }
  });

  test('when the editor adds a partner from the registry and one by name, a co-funding source and the budget per year, then the page lists them', async () => {
    // The forms on their own pages first, as a link or a refused save leads to them.
    for (const lang of LANGS) {
      await open(`/admin/${lang}/projects/${projectId}/partners/new`);
      await check(`partner-form-${lang}`);
      await open(`/admin/${lang}/projects/${projectId}/funding/new`);
      await check(`funding-form-${lang}`);
    }
    // From the registry, on the project's page.
    await open(`/admin/it/projects/${projectId}`);
    await page.getByLabel('Partner già in anagrafica').selectOption({ label: PARTNER });
    await page.getByLabel('Ruolo del partner').selectOption({ label: 'Partner' });
    await submit('Aggiungi un partner');
    await page.waitForURL(/\?saved=1$/);
    // By name, on the partner's own form.
    await open(`/admin/it/projects/${projectId}/partners/new`);
    await field('name').fill('ONG Acqua Viva');
    await field('role').selectOption({ label: 'Partner associato' });
    await field('country').fill('Italia');
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL(/\?saved=1$/);
    // The co-funding, on the project's page.
    await page.getByLabel('Fonte del cofinanziamento').fill('Regione Lombardia');
    await page.getByLabel('Importo').pressSequentially('60.000,50');
    await submit('Aggiungi una fonte di cofinanziamento');
    await page.waitForURL(/\?saved=1$/);
    await page.getByRole('link', { name: 'Registra gli importi annuali' }).click();
    await page.waitForURL(/\/years$/);
    for (const [year, amount] of [
      [2025, '15.000,00'],
      [2026, '20.000,00'],
      [2027, '5.000,00'],
    ] as const) {
      await page.getByLabel(`Anno ${year}`).pressSequentially(amount);
    }
    await submit('Salva');
    await page.waitForURL(/\?saved=1$/);
    for (const lang of LANGS) {
      await open(`/admin/${lang}/projects/${projectId}`);
      const partners = page.locator('section', { has: page.locator('#partners-title') });
      const listed = (await partners.locator('li').allInnerTexts()).map((x) => x.replace(/\s+/g, ' '));
      expect(listed[0]).toContain(`${PARTNER} — Partner, ${lang === 'it' ? 'Senegal' : 'Senegal'}`);
      expect(listed[1]).toContain(
        `ONG Acqua Viva — ${lang === 'it' ? 'Partner associato, Italia' : 'Associate partner, Italy'}`,
      );
      const read = await text();
      expect(read).toContain(`Regione Lombardia ${euros('60.000,50', lang)}`);
      const years = page.locator('section', { has: page.locator('#years-title') }).locator('tbody tr');
      expect((await years.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
        `2025 ${euros('15.000,00', lang)}`,
        `2026 ${euros('20.000,00', lang)}`,
        `2027 ${euros('5.000,00', lang)}`,
      ]);
      await check(`project-${lang}`);
      await open(`/admin/${lang}/projects/${projectId}/years`);
      expect(await page.getByLabel(lang === 'it' ? 'Anno 2026' : 'Year 2026').inputValue()).toBe('20000.00');
      await check(`project-years-${lang}`);
    }
  });

  test('when the editor publishes the project through its edit form, then the portal shows it in both languages and through its filters', async () => {
    for (const lang of LANGS) {
      await open(`/admin/${lang}/projects/${projectId}/edit`);
      expect(await field('code').inputValue()).toBe(CODE);
      await check(`project-edit-${lang}`);
    }
    await open(`/admin/it/projects/${projectId}/edit`);
    await page.getByLabel('Pubblicato sul portale').selectOption({ label: YES.it });
    await submit('Salva');
    await page.waitForURL(/\?saved=1$/);
    for (const lang of LANGS) {
      await open(PORTAL[lang], visitor);
      const card = visitor.locator('article', { has: visitor.getByRole('heading', { name: TITLE[lang] }) });
      const read = (await card.innerText()).replace(/\s+/g, ' ');
      expect(read).toContain('AICS');
      expect(read).toContain(euros('250.000,00', lang));
      expect(read).toContain(euros('40.000,00', lang));
      expect(read).toContain(PARTNER);
      expect(read).toContain(lang === 'it' ? 'Capofila' : 'Lead partner');
      await check(`portal-projects-${lang}`, visitor);
      // The filters, chosen as a visitor does, with a plain GET form.
      const it = lang === 'it';
      await visitor.getByLabel(it ? 'Stato' : 'Status').selectOption({ label: it ? 'In corso' : 'Running' });
      await visitor.getByLabel(it ? 'Paese' : 'Country').selectOption({ label: 'Senegal' });
      await visitor.getByRole('button', { name: it ? 'Applica' : 'Apply' }).click();
      await visitor.waitForURL(/stato=running/);
      expect(visitor.url()).toContain('paese=SN');
      expect(await visitor.getByRole('status').innerText()).toBe(it ? '1 progetto' : '1 project');
      await check(`portal-projects-filtered-${lang}`, visitor);
      await open(`${PORTAL[lang]}?stato=closed`, visitor);
      expect(await text(visitor), 'an unknown filter value is ignored').toContain(TITLE[lang]);
    }
  });

  test('when the visitor downloads the IATI file, then it is XML naming the project by the institution’s tax code', async () => {
    const res = await visitor.request.get(`${server.baseUrl}/api/v1/institutions/${SLUG}/projects.iati.xml`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('xml');
    const xml = await res.text();
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain(`<iati-identifier>IT-CF-${TAX_CODE}-${CODE}</iati-identifier>`);
    expect(xml).toContain(TITLE.en);
    const csv = await visitor.request.get(`${server.baseUrl}/${SLUG}/data/projects.csv`);
    expect(await csv.text()).toContain(CODE);
  });

  test('when the editor opens the events’ list and the new event’s form, and saves it without a title, ending before it starts and with no real point, then nothing is saved and each field says why', async () => {
    for (const lang of LANGS) {
      const it = lang === 'it';
      await open(`/admin/${lang}/events`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        it ? 'Eventi internazionali' : 'International events',
      );
      await page.getByRole('link', { name: it ? 'Aggiungi un evento' : 'Add an event' }).click();
      await page.waitForURL(`**/admin/${lang}/events/new`);
      await check(`event-new-${lang}`);
      await field('startsOn').fill(EVENT_DAY);
      await field('endsOn').fill(DAY_BEFORE);
      await field('coordinates').fill('nord, est');
      await submit(it ? 'Crea' : 'Create');
      await expect.poll(() => invalid()).toContain('titleIt');
      expect(await invalid()).toEqual(['titleIt', 'endsOn', 'coordinates']);
      expect(await text()).toContain(it ? 'non prima del primo giorno' : 'not before the first day');
      await check(`event-new-refused-${lang}`);
    }
  });

  test('when the editor creates the event with its venue and point, then publishes it, then the portal’s agenda and calendar show it', async () => {
    await open('/admin/it/events/new');
    await page.getByLabel('Titolo in italiano').fill(EVENT.it);
    await page.getByLabel('Titolo in inglese').fill(EVENT.en);
    await page.getByLabel('Ruolo dell’ente').selectOption({ label: 'Organizzatore' });
    await page.getByLabel('Stato').selectOption({ label: 'Confermato' });
    await field('startsOn').fill(EVENT_DAY);
    await field('startsAt').fill('18:00');
    await field('endsAt').fill('22:30');
    await page.getByLabel('Luogo', { exact: true }).fill('Piazza Vecchia');
    await page.getByLabel('Città', { exact: true }).fill('Bergamo');
    await field('coordinates').fill('45.7037, 9.6623');
    await page.getByLabel('Partner', { exact: true }).fill('Comune di Thiès; Comune di Mulhouse');
    await page.getByLabel('Pubblico, in italiano').fill('Cittadinanza e scuole');
    await submit('Crea');
    await page.waitForURL(/\/events\/[0-9a-f-]{36}\?created=1$/);
    eventId = page.url().match(/events\/([0-9a-f-]{36})/)![1]!;
    for (const lang of LANGS) {
      await open(`/admin/${lang}/events/${eventId}`);
      const read = await text();
      expect(read).toContain(EVENT[lang]);
      expect(read).toContain('Piazza Vecchia, Bergamo');
      const map = page.getByRole('link', { name: /45\.7037, 9\.6623/ });
      expect(await map.getAttribute('href')).toContain('mlat=45.7037&mlon=9.6623');
      await check(`event-${lang}`);
      await open(`/admin/${lang}/events?when=upcoming`);
      expect(await page.getByRole('link', { name: EVENT[lang] }).count()).toBe(1);
      await check(`events-list-${lang}`);
      await open(`/admin/${lang}/events/${eventId}/edit`);
      expect(await field('coordinates').inputValue()).toBe('45.7037, 9.6623');
      await check(`event-edit-${lang}`);
    }
    await open(AGENDA.it, visitor);
    expect(await text(visitor), 'not published yet').not.toContain(EVENT.it);
    await open(`/admin/it/events/${eventId}/edit`);
    await page.getByLabel('Pubblicato sul portale').selectOption({ label: YES.it });
    await submit('Salva');
    await page.waitForURL(/\?saved=1$/);
    for (const lang of LANGS) {
      await open(AGENDA[lang], visitor);
      const read = await text(visitor);
      expect(read).toContain(EVENT[lang]);
      expect(read).toContain('Piazza Vecchia');
    }
    const ics = await visitor.request.get(`${server.baseUrl}/api/v1/agenda.ics?institution=${SLUG}&lang=en`);
    expect(ics.status()).toBe(200);
    const feed = (await ics.text()).replace(/\r\n[ \t]/g, '');
    expect(feed).toContain(`SUMMARY:Event: ${EVENT.en}`);
    expect(feed).toContain('LOCATION:Piazza Vecchia\\, Bergamo');
  });
});
