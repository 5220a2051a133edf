import { describe, expect, it } from 'vitest';
import { thrownSync } from '../test/support.ts';
import { CONFIG_KEYS, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('when nothing is set, then the embedded database in ./data on port 3000 is used', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.seedDemo).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('when only PORT is set, then the public address follows it; PUBLIC_URL, when set, wins', () => {
    expect(loadConfig({ PORT: '3101' }).publicUrl).toBe('http://localhost:3101');
    expect(loadConfig({ PORT: '3101', PUBLIC_URL: 'https://relazioni.example.org' }).publicUrl).toBe(
      'https://relazioni.example.org',
    );
  });

  it('when values are set, then they are parsed and typed', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@h/db',
      SEED_DEMO: 'no',
      LOG_LEVEL: 'warn',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@h/db',
      seedDemo: false,
      logLevel: 'warn',
    });
  });

  it('when several values are bad, then one error names every bad key and hides the values of URLs', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', SEED_DEMO: 'maybe', DATABASE_URL: 'secret-not-a-url' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL must be a URL, got a value that is not one[\s\S]*SEED_DEMO/);
    const err = thrownSync(() => loadConfig({ DATABASE_URL: 'secret-not-a-url' }));
    expect(err.message).toMatch(/DATABASE_URL must be a URL/);
    expect(err.message).not.toContain('secret');
  });

  it('when a key is documented, then it has an environment name and a doc', () => {
    for (const spec of Object.values(CONFIG_KEYS)) {
      expect(spec.env).toMatch(/^[A-Z_]+$/);
      expect(spec.doc.length).toBeGreaterThan(10);
    }
  });
});

describe('README', () => {
  it('when a configuration key exists, then the README table documents it with its default', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync('README.md', 'utf8');
    for (const spec of Object.values(CONFIG_KEYS)) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${spec.env}\` |`));
      expect(row, spec.env).toBeDefined();
      if (spec.default) expect(row, spec.env).toContain(`\`${spec.default}\``);
    }
  });
});
