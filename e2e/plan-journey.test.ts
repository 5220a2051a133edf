// The plan's journey in a real Chromium, the "done when" of issue 14 for the DUP objectives: a visitor reads the
// Metropolitan City of Florence's operational objective 1901/0159 on the portal in both languages as the seed
// states it; its admin types the expenditure and income of 2022-2024 into the money form, adds an indicator with
// targets and actual values, links a visit of 2023 through the objective's page, and opens the 2023 report (the
// visit counted, the indicator against its target, the money, the chart) and its PDF, read back by pdfjs; the
// portal then shows the amounts; a viewer sees no write button, an editor of another institution a 404. Zero
// axe-core A/AA violations and nothing scrolling sideways at 1280 and 390 px, in both languages, on every page
// of the plan (forms also after a refused save); screenshots in /tmp/shots (SHOTS_DIR) to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, type RunningServer, runAxe, startServer } from '../test/browser.ts';
import { makeVisit } from '../test/factories-backoffice.ts';

type Lang = 'it' | 'en';
type Who = { email: string; password: string };

const SHOTS = process.env['SHOTS_DIR'] ?? '/tmp/shots';
const WIDTHS = [1280, 390] as const;
const LANGS = ['it', 'en'] as const;
const CODE = '1901/0159';
const TITLE = { it: 'LA CITTÀ METROPOLITANA NEL MONDO', en: 'The Metropolitan City in the world' };
/** The visit of 2023 the admin links to the objective. */
const VISIT = { it: 'Delegazione della Prefettura di Kyoto', en: 'Delegation of the Kyoto Prefecture' };
const PORTAL = { it: '/cm-firenze/it/obiettivi-e-risorse/', en: '/cm-firenze/en/objectives-and-resources/' };
/** The beginning of the seed's description, in each language. */
const DESCRIPTION = {
  it: "Nel prossimo triennio la Città Metropolitana di Firenze si pone l'obiettivo di sviluppare i rapporti",
  en: 'Over the next three years the Metropolitan City of Florence aims to develop its relations',
};

// The amounts as the office types them (Italian style), and as the pages then print them.
const AMOUNT_KEYS = [
  'expensePlanned',
  'expenseCommitted',
  'expensePaid',
  'incomePlanned',
  'incomeCommitted',
  'incomePaid',
] as const;
const LABELS: Record<(typeof AMOUNT_KEYS)[number], string> = {
  expensePlanned: 'Spese: previsione',
  expenseCommitted: 'Spese: impegnato',
  expensePaid: 'Spese: pagato',
  incomePlanned: 'Entrate: previsione',
  incomeCommitted: 'Entrate: accertato',
  incomePaid: 'Entrate: riscosso',
};
const MONEY: Record<number, string[]> = {
  2022: ['12.500,00', '11.000,00', '9.800,50', '5.000,00', '4.000,00', '3.500,00'],
  2023: ['15.000,00', '14.250,00', '13.100,75', '6.000,00', '6.000,00', '5.400,00'],
  2024: ['18.000,00', '16.500,00', '12.000,00', '7.000,00', '6.500,00', '2.250,25'],
};
/** "12.500,00" as it-IT and en-GB print it in euros (Italian groups from five digits: 9800,50 €), spaces as " ". */
/** An amount as the pages print it in euros (grouped from four digits, as Italian budgets do). */
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
/** The admin's page, reused through the journey. */
let page: Page;
let id: string;
const users: Record<'admin' | 'viewer' | 'other', Who> = {} as never;

beforeAll(async () => {
  // The demo on purpose: the objective is the seed's, word for word.
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  mkdirSync(SHOTS, { recursive: true });
  const { services } = server;
  const user = async (email: string, institution: string, role: 'admin' | 'editor' | 'viewer') => {
    const created = await services.accounts.createUser({ email, institution, role });
    return { email: created.user.email, password: created.password! };
  };
  users.admin = await user('admin.piano.e2e@cittametropolitana.fi.example', 'cm-firenze', 'admin');
  users.viewer = await user('lettura.piano.e2e@cittametropolitana.fi.example', 'cm-firenze', 'viewer');
  users.other = await user('redazione.piano.e2e@comune.firenze.example', 'firenze', 'editor');
  const cm = await services.institutions.idOf('cm-firenze');
  id = (await services.plan.objectives(cm)).find((o) => o.code === CODE)!.id;
  await makeVisit(services, cm, {
    titleIt: VISIT.it,
    titleEn: VISIT.en,
    startsOn: '2023-05-10',
    endsOn: '2023-05-11',
  });
  page = await (await browser.newContext()).newPage();
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
    await p.screenshot({ path: join(SHOTS, `plan-${shot}-${width}.png`), fullPage: true });
  }
  await p.setViewportSize({ width: 1280, height: 900 });
}

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(content.items.map((x) => ('str' in x ? x.str : '')).join(' '));
  }
  return texts.join('\n');
}

describe('the plan, from the seed’s objective to its 2023 report, in Chromium', () => {
  test('when a new visitor opens the Metropolitan City’s objectives in each language, then 1901/0159 reads as the seed states it', async () => {
    const visitor = await (await browser.newContext()).newPage();
    for (const lang of LANGS) {
      await open(PORTAL[lang], visitor);
      expect(await visitor.locator('html').getAttribute('lang')).toBe(lang);
      const heading = visitor.getByRole('heading', { name: `${CODE} - ${TITLE[lang]}` });
      expect(await heading.count(), `${lang}: the objective's heading`).toBe(1);
      const block = visitor.locator('article', { has: heading });
      const read = (await block.innerText()).replace(/\s+/g, ' ');
      expect(read).toContain('1901');
      expect(read).toContain(lang === 'it' ? 'Programma' : 'Programme');
      expect(read).toContain('Cristiano Maggipinto');
      expect(read).toContain(DESCRIPTION[lang]);
      expect(read, 'no amount is recorded yet').toContain(lang === 'it' ? 'non registrato' : 'not recorded');
      await check(`portal-before-${lang}`, visitor);
    }
    await visitor.context().close();
  });

  test('when the admin opens the list, the new objective’s form (also refused) and the edit form, then none has a violation', async () => {
    await signIn(page, users.admin);
    for (const lang of LANGS) {
      await open(`/admin/${lang}/plan`);
      const link = page.getByRole('link', { name: `${CODE} ${TITLE[lang]}` });
      expect(await link.count()).toBe(1);
      await check(`list-${lang}`);
      await open(`/admin/${lang}/plan/new`);
      await check(`new-${lang}`);
      await page.getByLabel(lang === 'it' ? 'Risorse: primo anno' : 'Resources: first year').fill('22');
      await page.getByRole('button', { name: lang === 'it' ? 'Crea' : 'Create' }).click();
      await expect.poll(() => page.locator('[name="titleIt"]').getAttribute('aria-invalid')).toBe('true');
      const invalid = await page
        .locator('[aria-invalid="true"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('name')));
      expect(invalid).toContain('firstYear');
      await check(`new-refused-${lang}`);
      await open(`/admin/${lang}/plan/${id}/edit`);
      expect(await page.getByLabel(lang === 'it' ? 'Codice' : 'Code').inputValue()).toBe(CODE);
      await check(`edit-${lang}`);
    }
  });

  test('when the admin types the expenditure and income of 2022-2024 into the money form, then the objective’s page shows them in euros', async () => {
    for (const lang of LANGS) {
      await open(`/admin/${lang}/plan/${id}/money`);
      await check(`money-${lang}`);
    }
    // A refused save first, in each language: an amount that is not one.
    await open(`/admin/en/plan/${id}/money`);
    await page.getByLabel('Expenditure: paid (2023)').fill('lots');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('[name="expensePaid_2023"]').getAttribute('aria-invalid'))
      .toBe('true');
    await check('money-refused-en');
    await open(`/admin/it/plan/${id}/money`);
    // Each amount is labelled with its year, inside its year's fieldset.
    const field = (y: number, key: (typeof AMOUNT_KEYS)[number]) =>
      page.getByRole('group', { name: String(y) }).getByLabel(`${LABELS[key]} (${y})`, { exact: true });
    await field(2023, 'expensePaid').fill('molti');
    await page.getByRole('button', { name: 'Salva' }).click();
    await expect
      .poll(() => page.locator('[name="expensePaid_2023"]').getAttribute('aria-invalid'))
      .toBe('true');
    await check('money-refused-it');
    for (const [y, amounts] of Object.entries(MONEY)) {
      for (const [i, key] of AMOUNT_KEYS.entries()) {
        await field(Number(y), key).fill('');
        await field(Number(y), key).pressSequentially(amounts[i]!);
      }
    }
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(/\?saved=1$/);
    for (const lang of LANGS) {
      await open(`/admin/${lang}/plan/${id}`);
      const read = await text();
      for (const amounts of Object.values(MONEY)) {
        for (const a of amounts) expect(read, `${lang} shows ${a}`).toContain(euros(a, lang));
      }
      // The record's own figures, not its history (which tells the years as they were: "not recorded").
      const figures = read.slice(
        0,
        read.indexOf(lang === 'it' ? 'Storia della scheda' : 'History of the record'),
      );
      expect(figures).not.toContain(lang === 'it' ? 'non registrato' : 'not recorded');
      expect(read).toContain(
        lang === 'it' ? 'Anni, 2023: non registrato → ' : 'Years, 2023: not recorded → ',
      );
      expect(await page.locator('main svg[role="img"]').count(), 'the two charts').toBe(2);
    }
  });

  test('when the admin adds an indicator with its targets and actual values, then the page lists them', async () => {
    for (const lang of LANGS) {
      await open(`/admin/${lang}/plan/${id}/indicators/new`);
      await check(`indicator-${lang}`);
    }
    await open(`/admin/it/plan/${id}/indicators/new`);
    await page.getByLabel('Nome in italiano').fill('Accordi di collaborazione avviati');
    await page.getByLabel('Nome in inglese').fill('Cooperation agreements started');
    await page.getByLabel('Unità di misura').fill('accordi');
    const year = (y: number) => page.getByRole('group', { name: String(y) });
    for (const [y, target, actual] of [
      [2022, '2', '2'],
      [2023, '3', '4'],
      [2024, '5', ''],
    ] as const) {
      await year(y).getByLabel(`Valore atteso (${y})`).fill(target);
      await year(y).getByLabel(`Valore raggiunto (${y})`).fill(actual);
    }
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(/\?saved=1$/);
    const table = page.locator('table', {
      has: page.getByText('Accordi di collaborazione avviati (accordi)'),
    });
    expect(
      (await table.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()),
    ).toEqual(['2022 2 2', '2023 3 4', '2024 5 non registrato']);
  });

  test('when the admin links the visit of 2023 through the objective’s page, then it is listed there', async () => {
    await open(`/admin/it/plan/${id}`);
    await page.getByLabel('A che cosa').selectOption({ label: `${VISIT.it} (10 maggio 2023)` });
    await page.getByRole('button', { name: 'Collega', exact: true }).click();
    await page.waitForLoadState();
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Attività collegate' }),
    });
    expect((await section.innerText()).replace(/\s+/g, ' ')).toContain(`Visita: ${VISIT.it}`);
    for (const lang of LANGS) {
      await open(`/admin/${lang}/plan/${id}`);
      await check(`objective-${lang}`);
    }
  });

  test('when the admin opens the 2023 report, then it counts the visit, compares the indicator, shows the money and the chart, and its PDF reads back', async () => {
    for (const lang of LANGS) {
      await open(`/admin/${lang}/plan/${id}/report/2023`);
      const it = lang === 'it';
      const read = await text();
      expect(read).toContain(it ? `Relazione 2023: ${CODE}` : `Report 2023: ${CODE}`);
      expect(read).toContain(it ? 'Visite: 1' : 'Visits: 1');
      expect(read).toContain(VISIT[lang]);
      const indicators = page.locator('section', { has: page.locator('#indicators-title') });
      expect((await indicators.locator('tbody tr').innerText()).replace(/\s+/g, ' ')).toContain('3 4 +1');
      for (const a of MONEY[2023]!) expect(read).toContain(euros(a, lang));
      const chart = page.locator('main svg[role="img"]').first();
      expect(await chart.locator('title').textContent()).toContain(it ? 'Spese' : 'Expenditure');
      await check(`report-${lang}`);
    }
    const res = await page.request.get(`${server.baseUrl}/admin/it/plan/${id}/report/2023.pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const pdf = (await pdfText(await res.body())).replace(/\s+/g, ' ');
    expect(pdf).toContain('Relazione 2023');
    expect(pdf).toContain(VISIT.it);
    for (const a of MONEY[2023]!) expect(pdf, `the PDF has ${a}`).toContain(euros(a, 'it'));
  });

  test('when the visitor comes back to the portal, then the amounts are there, also filtered by term and programme', async () => {
    const visitor = await (await browser.newContext()).newPage();
    for (const lang of LANGS) {
      await open(`${PORTAL[lang]}?mandato=2019&programma=1901`, visitor);
      const read = await text(visitor);
      expect(read).toContain(`${CODE} - ${TITLE[lang]}`);
      for (const a of Object.values(MONEY).flat()) expect(read, `${lang}: ${a}`).toContain(euros(a, lang));
      await check(`portal-filtered-${lang}`, visitor);
    }
    await visitor.context().close();
  });

  test('when a viewer and an editor of another institution look, then the viewer sees no write button and the other gets 404', async () => {
    const viewer = await (await browser.newContext()).newPage();
    await signIn(viewer, users.viewer);
    await open(`/admin/it/plan`, viewer);
    expect(await viewer.getByRole('link', { name: 'Aggiungi un obiettivo' }).count()).toBe(0);
    await open(`/admin/it/plan/${id}`, viewer);
    expect(await text(viewer)).toContain(TITLE.it);
    expect(await viewer.locator('main form[method="post"]').count(), 'no form that writes').toBe(0);
    for (const name of ['Modifica', 'Registra gli importi', 'Aggiungi un indicatore', 'Collega']) {
      expect(await viewer.getByRole('link', { name }).count(), name).toBe(0);
      expect(await viewer.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect((await viewer.goto(`${server.baseUrl}/admin/it/plan/${id}/money`))?.status()).toBe(403);
    const other = await (await browser.newContext()).newPage();
    await signIn(other, users.other);
    for (const path of ['', '/edit', '/money', '/report/2023', '/report/2023.pdf']) {
      const res = await other.request.get(`${server.baseUrl}/admin/it/plan/${id}${path}`);
      expect(res.status(), path).toBe(404);
    }
    await open(`/admin/it/plan`, other);
    expect(await text(other)).not.toContain(CODE);
    await viewer.context().close();
    await other.context().close();
  });
});
