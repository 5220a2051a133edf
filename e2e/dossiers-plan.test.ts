// Candidacies and the plan's links in a real Chromium: an editor of a test institution (with its international
// relations unit) creates a candidacy through the form (what for, who awards it, the call's page, the lead unit),
// is refused a candidacy won without the day of the decision and with a call page that is no web address (each
// error beside its field, in the page's language), adds three deadlines through the deadline form (tomorrow, in
// a week, two days ago) and marks one done through its edit form; a viewer of the same institution finds the
// open ones on the dashboard with their badges and a link to the candidacy, in Italian and English, and not the
// done one. Then a project and an event of 2023, linked to an objective of 2022-2024 through its page's choice
// (by their labels inside the right group), are counted in its 2023 report. Zero axe-core A/AA violations and
// nothing scrolling sideways at 1280 and 390 px, in both languages, on every page of both (the new candidacy's
// form also after the refused save); screenshots in /tmp/shots (SHOTS_DIR) to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BLANK_EVENT } from '../src/features/events/events.service.ts';
import { todayIso } from '../src/platform/dates.ts';
import { formatDate } from '../src/platform/i18n.ts';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeInstitution } from '../test/factories.ts';
import { makeObjective, makeProject } from '../test/factories-backoffice.ts';

type Lang = 'it' | 'en';
type Who = { email: string; password: string };

const SHOTS = process.env['SHOTS_DIR'] ?? '/tmp/shots';
const WIDTHS = [1280, 390] as const;
const LANGS = ['it', 'en'] as const;
const SLUG = 'como-dp';
const DOSSIER = { it: 'Capitale europea della cultura 2033', en: 'European Capital of Culture 2033' };
const BODY = 'Commissione europea';
const CALL =
  'https://culture.ec.europa.eu/policies/culture-in-cities-and-regions/european-capitals-of-culture';
const UNIT = 'Relazioni internazionali';
/** The day `n` days from today (Rome's, as the dashboard counts), YYYY-MM-DD. */
const dayFrom = (n: number) =>
  new Date(Date.parse(`${todayIso()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const DEADLINES = [
  { it: 'Lettera di intenti', en: 'Letter of intent', days: 1, badge: { it: 'domani', en: 'tomorrow' } },
  { it: 'Dossier completo', en: 'Full bid book', days: 7, badge: { it: 'tra 7 giorni', en: 'in 7 days' } },
  {
    it: 'Preiscrizione',
    en: 'Pre-registration',
    days: -2,
    badge: { it: 'scaduta da 2 giorni', en: '2 days overdue' },
  },
] as const;
/** The deadline the editor marks done: the one two days ago. */
const DONE = DEADLINES[2];
const OBJECTIVE = { it: 'Una città aperta all’Europa', en: 'A city open to Europe' };
const PROJECT = { it: 'Scuole gemelle sul Lario', en: 'Twin schools on Lake Como', day: '2023-03-15' };
const EVENT = { it: 'Festival delle città d’acqua', en: 'Water cities festival', day: '2023-09-23' };
/** What the services say in English when a form lets them speak for themselves. */
const SERVICE_WORDS = /decided candidacy|is not a web address/;

let server: RunningServer;
let browser: Browser;
/** The editor's page, reused through the journey; the viewer's for the dashboard. */
let page: Page;
let viewer: Page;
let institutionId: string;
let dossierId: string;
let objectiveId: string;
const users: Record<'editor' | 'viewer', Who> = {} as never;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ seed: false }), launchBrowser()]);
  mkdirSync(SHOTS, { recursive: true });
  const { services } = server;
  institutionId = (await makeInstitution(services, { slug: SLUG })).id;
  const user = async (email: string, role: 'editor' | 'viewer') => {
    const created = await services.accounts.createUser({ email, institution: SLUG, role });
    return { email: created.user.email, password: created.password! };
  };
  users.editor = await user('redazione.candidature.e2e@comune.como.example', 'editor');
  users.viewer = await user('lettura.candidature.e2e@comune.como.example', 'viewer');
  page = await (await browser.newContext()).newPage();
  viewer = await (await browser.newContext()).newPage();
  await signIn(page, users.editor);
  await signIn(viewer, users.viewer);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(p: Page, who: Who): Promise<void> {
  await p.goto(`${server.baseUrl}/admin/it/login`);
  await p.getByLabel('Indirizzo e-mail').fill(who.email);
  await p.getByLabel('Password').fill(who.password);
  await p.getByRole('button', { name: 'Accedi' }).click();
  await p.waitForURL(`${server.baseUrl}/admin/it/`);
}

const text = async (p: Page = page) => (await p.locator('main').innerText()).replace(/\s+/g, ' ');
const open = async (path: string, p: Page = page) => {
  const res = await p.goto(`${server.baseUrl}${path}`);
  expect(res?.status(), path).toBe(200);
};
const field = (name: string) => page.locator(`main [name="${name}"]`);
const labelled = (label: string) => page.locator('main').getByLabel(label, { exact: true });
const invalid = () =>
  page.locator('[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('name')));
const submit = async (name: string) => {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState();
};
const day = (iso: string, lang: Lang) => formatDate(iso, 'day', lang)!;

/** A field's error: what the control points to with aria-describedby, drawn right below it. */
async function errorOf(name: string): Promise<string> {
  const control = page.locator(`#f-${name}`);
  expect((await control.getAttribute('aria-describedby'))?.split(' '), name).toContain(`e-${name}`);
  const beside = await control.evaluate(
    (el, id) => document.getElementById(id)?.parentElement === el.parentElement,
    `e-${name}`,
  );
  expect(beside, `${name}'s error sits beside it`).toBe(true);
  return (await page.locator(`#e-${name}`).innerText()).trim();
}

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
    await p.screenshot({ path: join(SHOTS, `dp-${shot}-${width}.png`), fullPage: true });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}

/** The dashboard's candidacy deadlines, one line each, as the viewer reads them. */
async function dashboardDeadlines(lang: Lang): Promise<string[]> {
  await open(`/admin/${lang}/`, viewer);
  const section = viewer.locator('section', {
    has: viewer.getByRole('heading', {
      name: lang === 'it' ? 'Scadenze delle candidature' : 'Candidacy deadlines',
    }),
  });
  const links = section.getByRole('link', { name: DOSSIER[lang], exact: true });
  const lines = (await section.locator('li').allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim());
  expect(await links.count(), 'each line links to the candidacy').toBe(lines.length);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    expect(href).toBe(`/admin/${lang}/dossiers/${dossierId}`);
  return lines;
}
const dashboardLine = (d: (typeof DEADLINES)[number], lang: Lang) =>
  `${d.badge[lang]} ${day(dayFrom(d.days), lang)} — ${d[lang]}: ${DOSSIER[lang]}`;

describe('candidacies with their deadlines on the dashboard, and the plan’s links to projects and events, in Chromium', () => {
  test('when the editor creates a candidacy through the form, then its page and the list show it', async () => {
    for (const lang of LANGS) {
      await open(`/admin/${lang}/dossiers`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        lang === 'it' ? 'Candidature' : 'Candidacies',
      );
      await page
        .getByRole('link', { name: lang === 'it' ? 'Aggiungi una candidatura' : 'Add a candidacy' })
        .click();
      await page.waitForURL(`**/admin/${lang}/dossiers/new`);
      await check(`new-${lang}`);
    }
    await open('/admin/it/dossiers/new');
    await labelled('Titolo in italiano').fill(DOSSIER.it);
    await labelled('Titolo in inglese').fill(DOSSIER.en);
    await labelled('Per che cosa').selectOption({ label: 'Riconoscimento' });
    await labelled('Chi assegna').fill(BODY);
    await labelled('Bando o invito').fill('Invito a presentare candidature per il 2033');
    await labelled('Pagina del bando').fill(CALL);
    await labelled('Ufficio capofila').selectOption({ label: UNIT });
    await submit('Crea');
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}\?created=1$/);
    dossierId = page.url().match(/dossiers\/([0-9a-f-]{36})/)![1]!;
    for (const lang of LANGS) {
      const it = lang === 'it';
      await open(`/admin/${lang}/dossiers/${dossierId}`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(DOSSIER[lang]);
      const read = await text();
      expect(read).toContain(it ? 'Riconoscimento · In preparazione' : 'Recognition · Preparing');
      expect(read).toContain(BODY);
      expect(await page.getByRole('link', { name: CALL }).getAttribute('href')).toBe(CALL);
      expect(read).toContain(it ? 'Nessuna scadenza registrata.' : 'No deadline recorded.');
      await open(`/admin/${lang}/dossiers/${dossierId}/edit`);
      expect(await field('callUrl').inputValue()).toBe(CALL);
      expect(await field('unit').inputValue()).toBe('relazioni');
      expect(await field('kind').inputValue()).toBe('recognition');
      await check(`edit-${lang}`);
    }
  });

  test('when the editor saves a candidacy won without the day of the decision and a call page “javascript:alert(1)”, then nothing is saved and each field says why in the page’s language', async () => {
    for (const lang of LANGS) {
      const it = lang === 'it';
      await open(`/admin/${lang}/dossiers/new`);
      await field('titleIt').fill('Candidatura rifiutata');
      await field('callUrl').fill('javascript:alert(1)');
      await labelled(it ? 'Stato' : 'Status').selectOption({ label: it ? 'Vinta' : 'Won' });
      await submit(it ? 'Crea' : 'Create');
      await expect.poll(() => invalid()).toEqual(['callUrl', 'decidedOn']);
      expect(await field('titleIt').inputValue(), 'what was typed stays').toBe('Candidatura rifiutata');
      expect(await field('status').inputValue()).toBe('won');
      for (const name of ['callUrl', 'decidedOn']) {
        const error = await errorOf(name);
        expect(error.startsWith(it ? 'Controlla questo campo: ' : 'Check this field: '), error).toBe(true);
        // The service's own English words are no message for an Italian page.
        if (it) expect.soft(error, `${name}'s error in Italian`).not.toMatch(SERVICE_WORDS);
      }
      await check(`new-refused-${lang}`);
    }
    expect((await server.services.dossiers.page(institutionId, {})).total, 'nothing saved').toBe(1);
  });

  test('when the editor adds three deadlines through the deadline form, then a viewer’s dashboard shows each with its badge and a link to the candidacy', async () => {
    for (const lang of LANGS) {
      await open(`/admin/${lang}/dossiers/${dossierId}/deadlines/new`);
      await check(`deadline-${lang}`);
    }
    for (const d of DEADLINES) {
      await open(`/admin/it/dossiers/${dossierId}`);
      await page.getByRole('link', { name: 'Aggiungi una scadenza' }).click();
      await page.waitForURL(/\/deadlines\/new$/);
      await labelled('Scadenza, in italiano').fill(d.it);
      await labelled('Scadenza, in inglese').fill(d.en);
      await labelled('Entro il').fill(dayFrom(d.days));
      await submit('Salva');
      await page.waitForURL(/\?saved=1$/);
    }
    for (const lang of LANGS) {
      // Soonest first: the overdue one leads.
      expect(await dashboardDeadlines(lang)).toEqual(
        [DONE, DEADLINES[0], DEADLINES[1]].map((d) => dashboardLine(d, lang)),
      );
      await check(`dashboard-${lang}`, viewer);
    }
  });

  test('when the editor marks the overdue deadline done through its edit form, then the dossier and the list say so and the dashboard no longer shows it', async () => {
    await open(`/admin/it/dossiers/${dossierId}`);
    await page.getByRole('link', { name: `Modifica la scadenza ${DONE.it}` }).click();
    await page.waitForURL(/\/deadlines\/[0-9a-f-]{36}\/edit$/);
    expect(await field('dueOn').inputValue()).toBe(dayFrom(DONE.days));
    await check('deadline-edit-it');
    // Done the day before it was due.
    await labelled('Fatto il').fill(dayFrom(DONE.days - 1));
    await submit('Salva');
    await page.waitForURL(/\?saved=1$/);
    for (const lang of LANGS) {
      const it = lang === 'it';
      await open(`/admin/${lang}/dossiers/${dossierId}`);
      const listed = page.locator('section', { has: page.locator('#deadlines-title') }).locator('li');
      const done = ` (${it ? 'fatto il' : 'done on'} ${day(dayFrom(DONE.days - 1), lang)})`;
      expect((await listed.allInnerTexts()).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(
        [DONE, DEADLINES[0], DEADLINES[1]].map((d) =>
          expect.stringContaining(`${day(dayFrom(d.days), lang)} — ${d[lang]}${d === DONE ? done : ''}`),
        ),
      );
      await check(`dossier-${lang}`);
      // The list: found by a word and its status; the next deadline is the first not done.
      await open(`/admin/${lang}/dossiers?q=cultur&status=preparing`);
      const row = page.locator('tbody tr', { has: page.getByRole('link', { name: DOSSIER[lang] }) });
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(
        `${it ? 'Riconoscimento In preparazione' : 'Recognition Preparing'} ${day(dayFrom(1), lang)} — ${DEADLINES[0][lang]}`,
      );
      await check(`list-${lang}`);
      await open(`/admin/${lang}/dossiers?status=won`);
      expect(await page.getByRole('link', { name: DOSSIER[lang] }).count(), 'not among the won').toBe(0);
      const lines = await dashboardDeadlines(lang);
      expect(lines).toEqual([DEADLINES[0], DEADLINES[1]].map((d) => dashboardLine(d, lang)));
      expect(lines.join(' ')).not.toContain(DONE[lang]);
    }
  });

  test('when the editor links a project and an event of 2023 to an objective through its page, then the 2023 report counts them', async () => {
    const { services } = server;
    objectiveId = (
      await makeObjective(services, institutionId, {
        titleIt: OBJECTIVE.it,
        titleEn: OBJECTIVE.en,
        firstYear: '2022',
        lastYear: '2024',
      })
    ).id;
    await makeProject(services, institutionId, {
      titleIt: PROJECT.it,
      titleEn: PROJECT.en,
      startsOn: PROJECT.day,
    });
    await services.events.create(institutionId, {
      ...BLANK_EVENT,
      titleIt: EVENT.it,
      titleEn: EVENT.en,
      startsOn: EVENT.day,
    });
    await open(`/admin/it/plan/${objectiveId}`);
    await check('objective-before-it');
    // Each by its label inside its kind's group, as a person picks it.
    for (const [group, what, kind] of [
      ['Progetti', PROJECT, 'project'],
      ['Eventi', EVENT, 'event'],
    ] as const) {
      const options = page.locator(`#link-record optgroup[label="${group}"] > option`);
      const labels = (await options.allTextContents()).map((l) => l.trim());
      const label = `${what.it} (${day(what.day, 'it')})`;
      expect(labels, group).toContain(label);
      const value = await options.nth(labels.indexOf(label)).getAttribute('value');
      expect(value).toMatch(new RegExp(`^${kind}:[0-9a-f-]{36}$`));
      await page.getByLabel('A che cosa').selectOption(value!);
      await submit('Collega');
    }
    for (const lang of LANGS) {
      const it = lang === 'it';
      await open(`/admin/${lang}/plan/${objectiveId}`);
      const section = page.locator('section', { has: page.locator('#links-title') });
      const read = (await section.innerText()).replace(/\s+/g, ' ');
      expect(read).toContain(`${it ? 'Progetto' : 'Project'}: ${PROJECT[lang]} (${day(PROJECT.day, lang)})`);
      expect(read).toContain(`${it ? 'Evento' : 'Event'}: ${EVENT[lang]} (${day(EVENT.day, lang)})`);
      await check(`objective-${lang}`);
      await open(`/admin/${lang}/plan/${objectiveId}/report/2023`);
      const report = await text();
      expect(report).toContain(it ? 'Progetti: 1' : 'Projects: 1');
      expect(report).toContain(it ? 'Eventi: 1' : 'Events: 1');
      expect(report).toContain(PROJECT[lang]);
      expect(report).toContain(EVENT[lang]);
    }
    await open(`/admin/en/plan/${objectiveId}/report/2022`);
    expect(await text(), 'nothing linked is of 2022').not.toContain('Projects: 1');
  });
});
