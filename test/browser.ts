// Browser test support: the system's Chromium (Debian's, driven by playwright-core), Ponte listening on a free
// port with a database of its own (the demo's, or empty for a journey that makes its data), and axe-core
// run inside the page.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { AxeResults, Result } from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import { createTestDeps, TEST_PUBLIC_URL, type TestContext } from './support.ts';

const require = createRequire(import.meta.url);

/** Where the Chromium the suite drives lives: CHROMIUM_PATH, else Debian's package. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_MISSING =
  `Chromium not found at ${CHROMIUM_PATH}: the browser tests need a real Chromium. ` +
  'Install it (apt-get install -y chromium) or set CHROMIUM_PATH to its executable.';

/**
 * Launches the system's headless Chromium; fails with how to install it when it is not there. Every page of
 * its contexts records what the Content-Security-Policy blocked, and runAxe reports it with the violations.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    // Injected by the browser itself, so the page's policy does not apply to this script.
    await context.addInitScript(() => {
      const blocked: string[] = [];
      (window as unknown as { __cspBlocked: string[] }).__cspBlocked = blocked;
      document.addEventListener('securitypolicyviolation', (e) =>
        blocked.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'an inline resource'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
    });
    return context;
  };
  return browser;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234, without a trailing slash. */
  baseUrl: string;
  /** The server's services, to set up what a journey needs (a user, say). */
  services: TestContext['services'];
  /** Its database, for a fixture written as the owner. */
  database: TestContext['database'];
  close: () => Promise<void>;
}

/**
 * Ponte's HTTP app over a fresh database, listening on a free local port: with the demo data unless `seed` is
 * false, for a journey that makes its own data through `services`.
 */
export async function startServer(opts: { seed?: boolean } = {}): Promise<RunningServer> {
  const deps = await createTestDeps({ seed: opts.seed ?? true });
  const app = await buildApp({ deps, config: { publicUrl: TEST_PUBLIC_URL } });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await app.close();
    await deps.close();
    throw err;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services: deps.services,
    database: deps.database,
    close: async () => {
      await app.close();
      await deps.close();
    },
  };
}

/** The WCAG 2.0 and 2.1 level A and AA rules. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let axeSource: string | undefined;

/** One violation as a line a failing test can show: rule, impact, help, and where. */
export function formatViolation(v: Result, examples = 3): string {
  const nodes = v.nodes.slice(0, examples).map((n) => {
    const html = n.html.replace(/\s+/g, ' ').slice(0, 200);
    return `    at ${n.target.join(' ')}: ${html}`;
  });
  const more = v.nodes.length > examples ? [`    … and ${v.nodes.length - examples} more`] : [];
  return [`${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`, ...nodes, ...more].join('\n');
}

/**
 * Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; returns each violation formatted, and
 * each thing the page's Content-Security-Policy blocked (empty when there is none), so
 * `expect(await runAxe(page)).toEqual([])` says what is wrong when it fails.
 */
export async function runAxe(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const blocked = await page.evaluate(
    () => (window as unknown as { __cspBlocked?: string[] }).__cspBlocked ?? [],
  );
  // Evaluated by the test driver, not added as an inline <script>, which the page's policy forbids.
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    WCAG_AA_TAGS,
  );
  return [
    ...results.violations.map((v) => formatViolation(v)),
    ...blocked.map((b) => `Content-Security-Policy: ${b}`),
  ];
}
