// `npm start` as a new user runs it: scripts/start.mjs bundles the server, and a new data folder begins as a copy
// of the database template `npm install` made (made here when missing). The server must then answer with the
// gazetteer and the demo data, and stop cleanly. The other tests run the sources: this one is where the bundle
// (Ponte with its dependencies, and the database's thread) is checked, so it goes through each kind of page.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCluster, TEMPLATE_DIR } from '../src/platform/db/template.ts';
import { makeDatabaseTemplate } from '../src/prepare.ts';
import { freePort } from '../test/support.ts';

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-start-'));
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('when a new user starts Ponte, then the bundled server begins from the template and serves the demo', async () => {
    await makeDatabaseTemplate();
    expect(hasCluster(TEMPLATE_DIR)).toBe(true);
    const port = await freePort();
    let output = '';
    server = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), SEED_DEMO: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => {
      output += d;
    });
    server.stderr?.on('data', (d) => {
      output += d;
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    while (
      (await fetch(`${base}/readyz`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    ) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`not ready:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // From the template: no migration applied and no gazetteer loaded at this start.
    expect(output).not.toContain('Applied');
    expect(output).not.toContain('Loading the gazetteer');
    expect(output).toContain('Administrators created');
    expect(existsSync(join(dataDir, 'ponte-template.json'))).toBe(false);

    const florence = await (await fetch(`${base}/api/v1/places?q=Firenze`)).json();
    expect(florence.match).toMatchObject({ geonamesId: 3176959 });
    const overview = await fetch(`${base}/milano/it/`);
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('Milano');
    await expectBundleServes(base, output);

    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code, output).toBe(0);
    server = undefined;
  }, 180_000);
});

/**
 * What the bundle must still do with its dependencies inside it: the API's document and renderer, the
 * portal's assets, open data, and a sign-in (password hashing, sessions, a transaction through the database's
 * thread) down to the dashboard.
 */
async function expectBundleServes(base: string, output: string): Promise<void> {
  const openapi = await (await fetch(`${base}/api/openapi.json`)).json();
  expect(openapi.paths['/api/v1/agreements']).toBeDefined();
  expect((await fetch(`${base}/api/docs/`)).status).toBe(200);
  const list = await (await fetch(`${base}/api/v1/agreements?institution=milano`)).json();
  expect(list.items.length).toBeGreaterThan(0);
  const page = await (await fetch(`${base}/milano/en/partnerships/`)).text();
  const css = page.match(/href="(\/assets\/[^"]+\.css)"/)?.[1];
  expect(css, 'the stylesheet').toBeDefined();
  expect((await fetch(`${base}${css}`)).status).toBe(200);

  const [, email, password] = output.match(/^\s+milano\s+(\S+)\s+(\S+)$/m) ?? [];
  expect(email, output).toBeDefined();
  const form = await fetch(`${base}/admin/it/login`);
  const preSession = cookieOf(form);
  const csrf = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const signedIn = await fetch(`${base}/admin/it/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: preSession },
    body: new URLSearchParams({ _csrf: csrf, email: email!, password: password! }).toString(),
  });
  expect(signedIn.status).toBe(303);
  const dashboard = await fetch(`${base}/admin/it/`, { headers: { cookie: cookieOf(signedIn) } });
  expect(dashboard.status).toBe(200);
  expect(await dashboard.text()).toContain('Milano');
}

/** The cookies an answer sets, as a request's Cookie header. */
const cookieOf = (res: Response): string =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
