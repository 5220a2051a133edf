// `npm start` as a new user runs it: scripts/start.mjs bundles the server, and a new data folder begins as a copy
// of the database template `npm install` made (made here when missing). The server must then answer with the
// gazetteer and the demo data, and stop cleanly.
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

    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code, output).toBe(0);
    server = undefined;
  }, 180_000);
});
