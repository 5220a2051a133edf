import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { migrationsFingerprint } from './migrate.ts';
import { hasCluster, makeTemplate, startFromTemplate, templateStamp } from './template.ts';

// The embedded engine's own files: these tests make one real template (initdb, a few seconds) and copy it.
describe('database template', () => {
  const root = mkdtempSync(join(tmpdir(), 'ponte-template-'));
  const template = join(root, 'template');
  // The committed migrations' stamp, so that openDatabase takes this template for a new folder.
  const stamp = { pglite: 'test', migrations: migrationsFingerprint(), gazetteer: 'g1' };
  let fills = 0;
  const fill = async (dataDir: string) => {
    fills++;
    const database = await openDatabase({ dataDir, template: false });
    try {
      await database.query('create table made_in_template (note text)');
      await database.query("insert into made_in_template values ('from the template')");
    } finally {
      await database.close();
    }
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('when made, then it is whole and stamped, and made again only when the stamp differs', async () => {
    expect(await makeTemplate(stamp, fill, template)).toBe(true);
    expect(hasCluster(template)).toBe(true);
    expect(templateStamp(template)).toEqual(stamp);
    // No lock and no half-made folder left behind.
    expect(readdirSync(template)).not.toContain('ponte.lock');
    expect(readdirSync(root).filter((n) => n.includes('.making-'))).toEqual([]);

    expect(await makeTemplate(stamp, fill, template)).toBe(false);
    expect(fills).toBe(1);
  }, 120_000);

  it('when a new data folder is copied, then its own files stay and the stamp is not copied', () => {
    const dataDir = mkdtempSync(join(root, 'data-'));
    writeFileSync(join(dataDir, 'keep.txt'), 'mine');
    expect(startFromTemplate(dataDir, template, { migrations: stamp.migrations })).toBe(true);
    expect(hasCluster(dataDir)).toBe(true);
    expect(existsSync(join(dataDir, 'keep.txt'))).toBe(true);
    expect(existsSync(join(dataDir, 'ponte-template.json'))).toBe(false);
  });

  it('when a new data folder opens, then it holds what the template held and changes only its own copy', async () => {
    const dataDir = mkdtempSync(join(root, 'data-'));
    const database = await openDatabase({ dataDir, template });
    try {
      expect(await database.query('select note from made_in_template')).toEqual([
        { note: 'from the template' },
      ]);
      await database.query("insert into made_in_template values ('only in the copy')");
    } finally {
      await database.close();
    }
    const again = await openDatabase({ dataDir: mkdtempSync(join(root, 'data-')), template });
    try {
      expect(await again.query('select count(*)::int as n from made_in_template')).toEqual([{ n: 1 }]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('when the folder already holds a database, or the template is of other migrations, then nothing is copied', () => {
    const used = mkdtempSync(join(root, 'data-'));
    writeFileSync(join(used, 'PG_VERSION'), '17\n');
    expect(startFromTemplate(used, template)).toBe(false);
    expect(readdirSync(used)).toEqual(['PG_VERSION']);

    const fresh = mkdtempSync(join(root, 'data-'));
    expect(startFromTemplate(fresh, template, { migrations: 'm2' })).toBe(false);
    expect(startFromTemplate(fresh, join(root, 'no-template'))).toBe(false);
    expect(readdirSync(fresh)).toEqual([]);
  });
});
