// The exonym test set (data/exonyms.cases.csv): names as offices write them, each with the GeoNames city it must
// reach. "match": taken alone; "first": a question with that city first; "offered": among the candidates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import type { LookupResult } from './places.service.ts';

interface Case {
  region: string;
  name: string;
  country: string;
  geonames_id: string;
  expect: 'match' | 'first' | 'offered';
}

const cases = parse(readFileSync(join(import.meta.dirname, 'data/exonyms.cases.csv')), {
  columns: true,
  skip_empty_lines: true,
}) as Case[];

let ctx: TestContext;
let results: LookupResult[];

beforeAll(async () => {
  ctx = await createTestDeps();
  const started = Date.now();
  const out = await ctx.services.places.lookupMany(
    cases.map((c) => ({ name: c.name, country: c.country || undefined })),
  );
  console.log(`${cases.length} lookups in ${Date.now() - started} ms on ${ctx.engine}`);
  results = out.map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
});
afterAll(async () => {
  await ctx?.close();
});

describe('exonym test set', () => {
  it('covers every region with several names and the three kinds of outcome', () => {
    const byRegion = new Map<string, number>();
    for (const c of cases) byRegion.set(c.region, (byRegion.get(c.region) ?? 0) + 1);
    expect(byRegion.size).toBeGreaterThanOrEqual(10);
    for (const [region, n] of byRegion) expect(n, region).toBeGreaterThanOrEqual(4);
    expect(new Set(cases.map((c) => c.expect))).toEqual(new Set(['match', 'first', 'offered']));
  });

  it.each(
    cases.map((c, i) => [c.region, c.name, c.country || '-', c.expect, Number(c.geonames_id), i] as const),
  )('%s: when "%s" (%s) is looked up, then it is a %s of %i', (_region, _name, _country, kind, id, i) => {
    const r = results[i]!;
    const offered = r.candidates.map((c) => c.geonamesId);
    if (kind === 'match') {
      expect(r.status, JSON.stringify(offered)).toBe('matched');
      expect(r.match?.geonamesId).toBe(id);
    } else {
      expect(r.status).toBe('ambiguous');
      if (kind === 'first') expect(offered[0]).toBe(id);
      else expect(offered).toContain(id);
    }
  });
});
