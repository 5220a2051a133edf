// The public portal in a real headless Chromium: WCAG 2.0/2.1 A and AA (axe-core) on every page type in both
// languages and at a phone's width, a keyboard-only journey with visible focus, the skip link, the language
// switch keeping the page, the issue's journey from the list to the GeoJSON, and the weight of a first visit.
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHROMIUM_MISSING,
  CHROMIUM_PATH,
  launchBrowser,
  type RunningServer,
  runAxe,
  startServer,
} from '../test/browser.ts';
import { makeMission, makeOrganisation, makePerson, makeVisit } from '../test/factories-backoffice.ts';
import { TEST_PUBLIC_URL } from '../test/support.ts';

type Lang = 'it' | 'en';

/** Every public page type, in Italian and English, with the status it must answer. */
const PAGES: { name: string; it: string; en: string; status: number }[] = [
  { name: 'the home page', it: '/', en: '/en/', status: 200 },
  { name: 'the overview', it: '/milano/it/', en: '/milano/en/', status: 200 },
  { name: 'the partnerships', it: '/milano/it/partenariati/', en: '/milano/en/partnerships/', status: 200 },
  {
    name: 'the partnerships with filters applied',
    it: '/milano/it/partenariati/?continent=EU&group=kind',
    en: '/milano/en/partnerships/?continent=EU&group=kind',
    status: 200,
  },
  {
    name: 'an active partnership',
    it: '/milano/it/partenariati/chicago',
    en: '/milano/en/partnerships/chicago',
    status: 200,
  },
  {
    name: 'a suspended partnership',
    it: '/milano/it/partenariati/san-pietroburgo',
    en: '/milano/en/partnerships/san-pietroburgo',
    status: 200,
  },
  {
    name: 'a partnership whose data are being verified',
    it: '/firenze/it/partenariati/kassel',
    en: '/firenze/en/partnerships/kassel',
    status: 200,
  },
  {
    name: 'a list of partnerships being verified',
    it: '/firenze/it/partenariati/',
    en: '/firenze/en/partnerships/',
    status: 200,
  },
  { name: 'the overview with nothing published', it: '/cm-firenze/it/', en: '/cm-firenze/en/', status: 200 },
  {
    name: 'the partnerships with nothing published',
    it: '/cm-firenze/it/partenariati/',
    en: '/cm-firenze/en/partnerships/',
    status: 200,
  },
  { name: 'the map', it: '/milano/it/mappa/', en: '/milano/en/map/', status: 200 },
  { name: 'the timeline', it: '/milano/it/cronologia/', en: '/milano/en/timeline/', status: 200 },
  { name: 'the networks', it: '/milano/it/reti/', en: '/milano/en/networks/', status: 200 },
  {
    name: 'the international agenda',
    it: '/milano/it/agenda-internazionale/',
    en: '/milano/en/international-agenda/',
    status: 200,
  },
  {
    name: 'an empty international agenda',
    it: '/cm-firenze/it/agenda-internazionale/',
    en: '/cm-firenze/en/international-agenda/',
    status: 200,
  },
  {
    name: 'the mission costs',
    it: '/milano/it/costi-delle-missioni/',
    en: '/milano/en/mission-costs/',
    status: 200,
  },
  {
    name: 'the consular corps',
    it: '/milano/it/corpo-consolare/',
    en: '/milano/en/consular-corps/',
    status: 200,
  },
  {
    name: 'the consular corps filtered',
    it: '/milano/it/corpo-consolare/?country=JP',
    en: '/milano/en/consular-corps/?kind=honorary_consulate',
    status: 200,
  },
  {
    name: 'an empty directory of associations',
    it: '/cm-firenze/it/associazioni-straniere/',
    en: '/cm-firenze/en/community-associations/',
    status: 200,
  },
  {
    name: 'the community associations',
    it: '/milano/it/associazioni-straniere/',
    en: '/milano/en/community-associations/',
    status: 200,
  },
  { name: 'the open data', it: '/milano/it/dati-aperti/', en: '/milano/en/open-data/', status: 200 },
  { name: 'the legal notes', it: '/milano/it/note-legali/', en: '/milano/en/legal-notes/', status: 200 },
  { name: 'the privacy notice', it: '/milano/it/privacy/', en: '/milano/en/privacy/', status: 200 },
  { name: "the platform's legal notes", it: '/note-legali', en: '/en/legal-notes', status: 200 },
  { name: "the platform's privacy notice", it: '/privacy', en: '/en/privacy', status: 200 },
  { name: 'an unknown address', it: '/milano/it/nessuna', en: '/milano/en/nothing', status: 404 },
];

const PAGE_CASES = PAGES.flatMap((p) =>
  (['it', 'en'] as const).map((lang) => ({ name: p.name, lang, path: p[lang], status: p.status })),
);

const DESKTOP = { width: 1280, height: 900 };

/** With SHOTS_DIR set, the page as a person sees it, saved there as a PNG. */
async function shot(path: string, width: number): Promise<void> {
  const dir = process.env['SHOTS_DIR'];
  if (!dir) return;
  const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
  await page.screenshot({ path: `${dir}/portal-${name}-${width}.png`, fullPage: true });
}
const PHONE = { width: 390, height: 844 };
/** The issue's budget for a first visit of the partnerships page, in transferred (compressed) bytes. */
const FIRST_VISIT_BUDGET = 150 * 1024;

/** What the keyboard has focused, and whether a sighted user can see it. */
interface Focused {
  tag: string;
  /** For links: pathname + search + hash of the target. */
  path: string;
  text: string;
  inMain: boolean;
  onScreen: boolean;
  /** The focused state draws an indicator (outline, box-shadow ring, or an SVG mark's stroke) unfocused lacks. */
  indicator: boolean;
  focusedStyle: string;
  unfocusedStyle: string;
}

/**
 * Installed in the journey's pages before any script: a snapshot of each focusable element's unfocused look
 * (taken on demand, once the page has loaded and nothing has focus) and a reader of the focused element. The
 * look of an element is that of whatever can draw its focus: itself unless it is transparent (bootstrap-italia's
 * radios are, and ring their label instead), its labels, and the mark of an SVG map link.
 */
function focusProbe() {
  type Part = { outline: string; drawn: boolean; boxShadow: string; stroke: string; size: boolean };
  type Snap = Record<string, Part>;
  const shown = (e: Element) => {
    for (let x: Element | null = e; x; x = x.parentElement) {
      const cs = getComputedStyle(x);
      if (cs.opacity === '0' || cs.visibility === 'hidden' || cs.display === 'none') return false;
    }
    return true;
  };
  const part = (e: Element): Part => {
    const cs = getComputedStyle(e);
    const transparent = /^transparent$|rgba\(.*,\s*0\)$/.test(cs.outlineColor);
    const r = e.getBoundingClientRect();
    return {
      outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      drawn: cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0 && !transparent,
      boxShadow: cs.boxShadow,
      stroke: e.tagName.toLowerCase() === 'circle' ? `${cs.stroke} ${cs.strokeWidth}` : '',
      size: r.width > 1 && r.height > 1,
    };
  };
  const snap = (el: Element): Snap => {
    const out: Snap = {};
    if (shown(el)) out['self'] = part(el);
    const labels = (el as HTMLInputElement).labels ?? [];
    labels.forEach((l, i) => {
      if (shown(l)) out[`label${i}`] = part(l);
    });
    const circle = el.querySelector('circle');
    if (circle && shown(circle)) out['circle'] = part(circle);
    return out;
  };
  const show = (s: Snap | undefined) =>
    s
      ? Object.entries(s)
          .map(
            ([k, p]) =>
              `${k}: outline ${p.outline}, box-shadow ${p.boxShadow}${p.stroke ? `, stroke ${p.stroke}` : ''}`,
          )
          .join('; ')
      : 'not seen before focus';
  const baseline = new WeakMap<Element, Snap>();
  const w = window as unknown as Record<string, unknown>;
  w['__ponteBaseline'] = () => {
    (document.activeElement as HTMLElement | null)?.blur?.();
    for (const el of document.querySelectorAll(
      'a[href], button, input, select, textarea, [tabindex], summary',
    ))
      baseline.set(el, snap(el));
  };
  w['__ponteFocused'] = async () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    // bootstrap-italia eases some focus styles in (.select-wrapper select has a 0.2s transition): judge the end.
    const moving = [el, ...((el as HTMLInputElement).labels ?? [])].flatMap((e) =>
      e.getAnimations({ subtree: true }),
    );
    await Promise.all(moving.map((a) => a.finished.catch(() => undefined)));
    const now = snap(el);
    const before = baseline.get(el);
    const indicator =
      !!before &&
      Object.entries(now).some(([k, p]) => {
        const b = before[k];
        if (!b || !p.size) return false;
        return (
          (p.drawn && (!b.drawn || p.outline !== b.outline)) ||
          (p.boxShadow !== 'none' && p.boxShadow !== b.boxShadow) ||
          (p.stroke !== '' && p.stroke !== b.stroke)
        );
      });
    const href = el.getAttribute('href');
    const url = href !== null ? new URL(href, location.href) : null;
    return {
      tag: el.tagName.toLowerCase(),
      path: url ? `${url.pathname}${url.search}${url.hash}` : '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
      inMain: !!el.closest('main'),
      onScreen: Object.values(now).some((p) => p.size),
      indicator,
      focusedStyle: show(now),
      unfocusedStyle: show(before),
    };
  };
}

const baselineFocus = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ponteBaseline: () => void }).__ponteBaseline());
const focused = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __ponteFocused: () => Promise<Focused | null> }).__ponteFocused(),
  );

const describeFocus = (f: Focused | null) => (f ? `<${f.tag}> "${f.text}" ${f.path}` : '(nothing)');

/**
 * Presses Tab until the focused element satisfies `wanted`; every element on the way must show its focus.
 * Returns the element reached.
 */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, max = 120): Promise<Focused> {
  const trail: string[] = [];
  const unseen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    trail.push(describeFocus(f));
    if (!f) continue;
    if (!f.indicator || !f.onScreen) {
      unseen.push(
        `${describeFocus(f)} on ${page.url()}: focused {${f.focusedStyle}} vs unfocused {${f.unfocusedStyle}}` +
          (f.onScreen ? '' : ' (no size on screen)'),
      );
    }
    if (wanted(f)) {
      expect(unseen, 'every element the keyboard focuses shows a visible focus indicator').toEqual([]);
      return f;
    }
  }
  throw new Error(
    `${max} presses of Tab on ${page.url()} never reached ${what}; focus went:\n${trail.join('\n')}`,
  );
}

/** Enter on the focused link, then wait for the page it leads to. */
async function follow(page: Page, base: string, path: string): Promise<void> {
  await Promise.all([page.waitForURL(`${base}${path}`, { waitUntil: 'load' }), page.keyboard.press('Enter')]);
  await baselineFocus(page);
}

let browser: Browser | undefined;
let server: RunningServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let base = '';

beforeAll(async () => {
  // CI installs Chromium; a machine without it must fail loudly, not skip the accessibility tests.
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
  // On the demo on purpose: the pages a new user first sees, with the demo's real variety of dates, statuses
  // and places, are what must pass axe and the journeys.
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  base = server.baseUrl;
  // The demo holds no dated visit or mission (the seeds state none): these, made for the test only, give the
  // agenda and the mission costs something to show.
  const milan = await server.services.institutions.idOf('milano');
  const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await makeVisit(server.services, milan, {
    titleIt: 'Delegazione in visita',
    startsOn: soon,
    endsOn: soon,
    published: 'yes',
    status: 'confirmed',
  });
  await makeMission(server.services, milan, {
    titleIt: 'Missione svolta',
    startsOn: '2025-05-10',
    endsOn: '2025-05-12',
    published: 'yes',
  });
  // Nor any consular post or association by name: these, made for the test only, fill the directories.
  const japan = await makeOrganisation(server.services, milan, {
    nameIt: 'Consolato di prova A',
    nameEn: 'Test consulate A',
    country: 'JP',
    address: 'Via di prova 1',
    city: 'Milano',
    coordinates: '45.4781, 9.1963',
    phone: '+39 02 0000 0001',
    email: 'prova@example.org',
    website: 'https://example.org',
    openingHoursIt: 'Lun–Ven 9–12',
    openingHoursEn: 'Mon–Fri 9–12',
    published: 'yes',
  });
  await makeOrganisation(server.services, milan, {
    postKind: 'honorary_consulate',
    nameIt: 'Consolato di prova B',
    country: 'IS',
    city: 'Bergamo',
    coordinates: '45.6983, 9.6773',
    published: 'yes',
  });
  await makeOrganisation(server.services, milan, {
    kind: 'association',
    postKind: '',
    district: '',
    nameIt: 'Associazione di prova',
    communities: 'Filippine',
    languages: 'tagalog, inglese',
    published: 'yes',
  });
  const head = await makePerson(server.services, milan, { name: 'Persona di prova', visibility: 'public' });
  await server.services.people.addRole(
    milan,
    head.id,
    {
      organisationId: japan.id,
      titleIt: 'Console generale',
      titleEn: 'Consul General',
      head: 'yes',
      startsOn: '',
      endsOn: '',
    },
    3,
  );
  context = await browser.newContext({ viewport: DESKTOP });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('WCAG 2.1 AA with axe-core in Chromium', () => {
  test('when the suite starts, then a Chromium to drive is installed', () => {
    expect(existsSync(CHROMIUM_PATH), CHROMIUM_MISSING).toBe(true);
  });

  test('when a page breaks a rule, then runAxe names the rule, the element and its HTML', async () => {
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><img src="x.png"></main></html>',
    );
    const violations = await runAxe(page);
    expect(violations.join('\n')).toMatch(/image-alt \(critical\).*\n\s+at img: <img src="x\.png">/);
  });

  test.each(PAGE_CASES)(
    'when $name ($lang, $path) is opened, then it answers $status in its language with no A/AA violation',
    async ({ lang, path, status }) => {
      const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      expect(res?.status()).toBe(status);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect(await runAxe(page), `axe-core violations on ${path}`).toEqual([]);
      await shot(path, 1280);
    },
  );

  test.each([
    { name: 'the partnerships', path: '/milano/it/partenariati/' },
    { name: 'a partnership', path: '/milano/en/partnerships/chicago' },
    { name: 'the international agenda', path: '/milano/en/international-agenda/' },
    { name: 'the mission costs', path: '/milano/it/costi-delle-missioni/' },
    { name: 'the consular corps', path: '/milano/en/consular-corps/' },
    { name: 'the community associations', path: '/milano/it/associazioni-straniere/' },
  ])('when $name ($path) is opened on a phone (390×844), then it has no A/AA violation', async ({ path }) => {
    await page.setViewportSize(PHONE);
    try {
      const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      expect(await runAxe(page), `axe-core violations on ${path} at 390×844`).toEqual([]);
      await shot(path, 390);
      // Nothing wider than the phone: no sideways scrolling (WCAG 1.4.10 reflow).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'horizontal overflow in CSS pixels').toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });
});

describe('keyboard only, with visible focus', () => {
  let kb: Page;
  beforeAll(async () => {
    kb = await context!.newPage();
    await kb.addInitScript(focusProbe);
  });
  afterAll(async () => {
    await kb?.close();
  });

  test.each([
    { lang: 'it' as Lang, path: '/', label: 'Vai al contenuto' },
    { lang: 'en' as Lang, path: '/milano/en/partnerships/', label: 'Skip to content' },
  ])(
    'when the first Tab on $path focuses "$label" and Enter follows it, then the next Tab is inside main',
    async ({ path, label }) => {
      await kb.goto(`${base}${path}`, { waitUntil: 'load' });
      await baselineFocus(kb);
      await kb.keyboard.press('Tab');
      const skip = await focused(kb);
      expect(skip).toMatchObject({ tag: 'a', text: label, path: `${path}#main-content` });
      expect(skip!.onScreen, 'the skip link appears when focused').toBe(true);
      expect(skip!.indicator, `skip link focus: {${skip!.focusedStyle}} vs {${skip!.unfocusedStyle}}`).toBe(
        true,
      );
      await kb.keyboard.press('Enter');
      await expect.poll(() => kb.evaluate(() => location.hash)).toBe('#main-content');
      // Chromium moves the sequential focus navigation starting point to main: the next Tab lands in it, past
      // the header's links.
      await kb.keyboard.press('Tab');
      const next = await focused(kb);
      expect(next?.inMain, `after the skip link, Tab focused ${describeFocus(next)}`).toBe(true);
    },
  );

  test('when a keyboard user goes from the home page to Milan, its partnerships and Chicago, then each step shows its focus and Chicago opens', async () => {
    await kb.goto(`${base}/`, { waitUntil: 'load' });
    await baselineFocus(kb);

    const milan = await tabTo(kb, (f) => f.path === '/milano/it/', "Milan's overview link");
    expect(milan.text).toContain('Milano');
    await follow(kb, base, '/milano/it/');
    expect((await kb.locator('h1').textContent())?.trim()).not.toBe('');

    const section = await tabTo(
      kb,
      (f) => f.path === '/milano/it/partenariati/',
      'the Partenariati section link',
    );
    expect(section.text).toBe('Partenariati');
    await follow(kb, base, '/milano/it/partenariati/');
    expect((await kb.locator('h1').textContent())?.trim()).toBe('Partenariati');

    const chicago = await tabTo(kb, (f) => f.path === '/milano/it/partenariati/chicago', 'the Chicago link');
    expect(chicago.inMain).toBe(true);
    await follow(kb, base, '/milano/it/partenariati/chicago');
    expect(kb.url()).toBe(`${base}/milano/it/partenariati/chicago`);
    expect(await kb.locator('h1').textContent()).toContain('Chicago');
  });
});

describe('the language switch', () => {
  test('when ENG is followed on Chicago in Italian, then the same partnership opens in English', async () => {
    await page.goto(`${base}/milano/it/partenariati/chicago`, { waitUntil: 'load' });
    const eng = page.getByRole('link', { name: /^ENG\b/ });
    await Promise.all([page.waitForURL(`${base}/milano/en/partnerships/chicago`), eng.click()]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('Chicago');
  });
});

describe("the issue's journey", () => {
  test('when a citizen reads the Milan partnerships, its map and timeline, switches to English and downloads the GeoJSON, then St Petersburg is suspended since 2012 everywhere', async () => {
    await page.goto(`${base}/milano/it/partenariati/`, { waitUntil: 'load' });
    const main = page.locator('main');
    // The list: fifteen twinnings, St Petersburg among them with its suspension.
    const entries = main.locator('li', { has: page.locator('a.fw-semibold') });
    const twinnings = entries.filter({ hasText: /^[\s\S]*Gemellaggio ·/ });
    expect(await twinnings.count()).toBe(15);
    const spb = entries.filter({ has: page.getByRole('link', { name: 'San Pietroburgo', exact: true }) });
    await expect.poll(() => spb.locator('.ponte-badge').textContent()).toBe('Sospeso dal novembre 2012');

    // The map: St Petersburg's point is drawn as inactive and says so to a screen reader.
    await Promise.all([
      page.waitForURL(`${base}/milano/it/mappa/`),
      page.locator('[data-element="main-navigation"]').getByRole('link', { name: 'Mappa' }).click(),
    ]);
    const point = page.locator('svg a[href="/milano/it/partenariati/san-pietroburgo"]');
    expect(await point.getAttribute('aria-label')).toBe('San Pietroburgo, Russia — Gemellaggio, sospeso');
    expect(await point.locator('circle').getAttribute('class')).toContain('pt-inactive');
    expect(await page.locator('svg a.pt-link').count()).toBeGreaterThanOrEqual(15);

    // The timeline: the suspension is an entry of 2012, marked inactive.
    await Promise.all([
      page.waitForURL(`${base}/milano/it/cronologia/`),
      page.locator('[data-element="main-navigation"]').getByRole('link', { name: 'Cronologia' }).click(),
    ]);
    const year2012 = page.locator('section', { has: page.locator('h2', { hasText: /^2012$/ }) });
    const suspension = year2012.locator('li', { hasText: 'Gemellaggio con San Pietroburgo: sospeso' });
    expect(await suspension.getAttribute('class')).toBe('is-inactive');
    expect(await suspension.textContent()).toContain('novembre 2012');
    expect(await page.locator('h2').first().textContent()).toBe('1961');

    // Back on the list, ENG keeps the page.
    await page.goto(`${base}/milano/it/partenariati/`, { waitUntil: 'load' });
    await Promise.all([
      page.waitForURL(`${base}/milano/en/partnerships/`),
      page.getByRole('link', { name: /^ENG\b/ }).click(),
    ]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const en = page.locator('main li', {
      has: page.getByRole('link', { name: 'Saint Petersburg', exact: true }),
    });
    expect(await en.locator('.ponte-badge').textContent()).toBe('Suspended since November 2012');

    // The open data page offers the GeoJSON as a download: fifteen twinnings with their points.
    await Promise.all([
      page.waitForURL(`${base}/milano/en/open-data/`),
      page.locator('[data-element="main-navigation"]').getByRole('link', { name: 'Open data' }).click(),
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /agreements\.geojson/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('milano-agreements.geojson');
    const geojson = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      type: string;
      features: { geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(geojson.type).toBe('FeatureCollection');
    const twins = geojson.features.filter((f) => f.properties['kind'] === 'twinning');
    expect(twins).toHaveLength(15);
    const stp = twins.find((f) => f.properties['slug'] === 'san-pietroburgo');
    expect(stp?.properties).toMatchObject({ status: 'suspended', partnerEn: 'Saint Petersburg' });
    expect(String(stp?.properties['statusSince'])).toMatch(/^2012-11/);
    expect(stp?.geometry.type).toBe('Point');
  });
});

describe('page weight', () => {
  test('when the partnerships page is visited for the first time, then everything it transfers fits the 150 KB budget', async () => {
    const fresh = await browser!.newContext({ viewport: DESKTOP });
    try {
      const p = await fresh.newPage();
      const cdp = await fresh.newCDPSession(p);
      const seen = new Map<string, { url: string; type: string; status: number; encoding: string }>();
      const done = new Map<string, number>();
      const failed: string[] = [];
      cdp.on('Network.responseReceived', (e) => {
        const h = Object.fromEntries(
          Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
        );
        seen.set(e.requestId, {
          url: e.response.url,
          type: e.type,
          status: e.response.status,
          encoding: String(h['content-encoding'] ?? 'identity'),
        });
      });
      cdp.on('Network.loadingFinished', (e) => done.set(e.requestId, e.encodedDataLength));
      cdp.on('Network.loadingFailed', (e) => failed.push(`${e.requestId}: ${e.errorText}`));
      await cdp.send('Network.enable');
      await p.goto(`${base}/milano/it/partenariati/`, { waitUntil: 'load' });
      await p.waitForLoadState('networkidle');
      await cdp.detach();

      const rows = [...done].map(([id, bytes]) => {
        const r = seen.get(id);
        return {
          resource: r ? r.url.replace(base, '') : id,
          type: r?.type ?? '?',
          status: r?.status ?? 0,
          encoding: r?.encoding ?? '?',
          bytes,
        };
      });
      rows.sort((a, b) => b.bytes - a.bytes);
      const total = rows.reduce((sum, r) => sum + r.bytes, 0);
      console.log(
        [
          `First visit of /milano/it/partenariati/: ${rows.length} responses, ${(total / 1024).toFixed(1)} KB transferred (budget ${FIRST_VISIT_BUDGET / 1024} KB)`,
          ...rows.map(
            (r) =>
              `  ${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${r.type.padEnd(10)} ${r.status} ${r.encoding.padEnd(8)} ${r.resource}`,
          ),
        ].join('\n'),
      );
      expect(failed, 'requests that failed').toEqual([]);
      expect(rows.some((r) => r.type === 'Document' && r.status === 200)).toBe(true);
      expect(
        total,
        `bytes transferred: ${rows.map((r) => `${r.resource} ${r.bytes}`).join(', ')}`,
      ).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
    } finally {
      await fresh.close();
    }
  });
});

describe('type', () => {
  test("when the home page's cards are drawn, then their text is in Titillium Web, not a serif fallback", async () => {
    await page.goto(`${base}/`);
    const font = await page
      .locator('.card .card-text')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toMatch(/^"?Titillium Web/);
  });
});

describe('the API documentation', () => {
  test('when /api/docs opens on a phone, then it is titled and marked as Ponte, fits the screen and breaks no policy', async () => {
    const phone = await context!.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}/api/docs`);
    await phone.locator('.swagger-ui .info .title').waitFor();
    expect(await phone.title()).toBe('Ponte API');
    expect(await phone.locator('meta[name="viewport"]').getAttribute('content')).toContain(
      'width=device-width',
    );
    const logo = phone.locator('.topbar img').first();
    expect(await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    // The page's servers are the configured public address, not a placeholder.
    expect(await phone.locator('.servers select').textContent()).toContain(TEST_PUBLIC_URL);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(
      await phone.evaluate(() => (window as unknown as { __cspBlocked: string[] }).__cspBlocked),
    ).toEqual([]);
    if (process.env['SCREENSHOT_DIR']) {
      await phone.screenshot({ path: `${process.env['SCREENSHOT_DIR']}/api-docs-390.png` });
    }
    await phone.close();
  });
});
