import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tarOf } from './tar.ts';

describe('tar archives', () => {
  it('when folders and files are archived, long paths included, then tar reads them back byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-tar-'));
    try {
      const long = `base/${'x'.repeat(90)}/${'y'.repeat(60)}`;
      const data = Uint8Array.from({ length: 1500 }, (_, i) => i % 256);
      const mtime = new Date('2026-01-02T03:04:05Z');
      const archive = tarOf([
        { name: '/base', mode: 0o700, mtime },
        { name: `/${long.slice(0, long.lastIndexOf('/'))}`, mode: 0o700, mtime },
        { name: `/${long}`, data, mode: 0o600, mtime },
        { name: '/PG_VERSION', data: new TextEncoder().encode('17\n'), mode: 0o600, mtime },
        { name: '/empty', mode: 0o700, mtime },
      ]);
      expect(archive.length % 512).toBe(0);
      writeFileSync(join(dir, 'a.tar'), archive);
      const out = join(dir, 'out');
      spawnSync('mkdir', [out]);
      // GNU tar here; PGlite's own reader loads these archives in the backup tests.
      const res = spawnSync('tar', ['-xf', join(dir, 'a.tar'), '-C', out], { encoding: 'utf8' });
      expect(res.status, res.stderr).toBe(0);
      expect(new Uint8Array(readFileSync(join(out, long)))).toEqual(data);
      expect(readFileSync(join(out, 'PG_VERSION'), 'utf8')).toBe('17\n');
      expect(statSync(join(out, 'empty')).isDirectory()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
