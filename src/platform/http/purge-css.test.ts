import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PURGED_CSS_FILE, purgedCss } from './purge-css.ts';

describe('reduced bootstrap-italia stylesheet', () => {
  it('when the views change their classes, then the committed stylesheet must be regenerated (npm run css)', async () => {
    expect(await purgedCss()).toBe(readFileSync(PURGED_CSS_FILE, 'utf8'));
  });

  it('when served, then it still declares the bootstrap-italia version and the Titillium Web fonts', () => {
    const css = readFileSync(PURGED_CSS_FILE, 'utf8');
    expect(css).toMatch(/--bootstrap-italia-version:\s*'2\./);
    expect(css).toContain('Titillium Web');
    expect(css.length).toBeLessThan(120_000);
  });

  it('when served, then the version variable sits in a rule whose selector is exactly :root (no byte-order mark glued to it)', async () => {
    const css = readFileSync(PURGED_CSS_FILE, 'utf8');
    expect(css.includes('\uFEFF')).toBe(false);
    // Comments out, then the selector of the rule that declares the variable, as a browser would parse it.
    const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const at = rules.indexOf('--bootstrap-italia-version');
    const open = rules.lastIndexOf('{', at);
    const selector = rules.slice(rules.lastIndexOf('}', open) + 1, open).trim();
    expect(selector).toBe(':root');
  });
});
