// Florence's demo partnerships as facts.md lists them: every row, its kind, its date at its own precision,
// the other date a second source gives, and the same source text on every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import type { Agreement } from '../agreements/agreements.schemas.ts';

const SOURCE = 'Comune di Firenze e Wikipedia, non ancora verificato riga per riga';

// slug, country, kind, date, precision, alternative date (year) — one line per row of facts.md's table.
const ROWS: [string, string, string, string | null, string, string | null][] = [
  ['reims', 'FR', 'twinning', '1954-07-03', 'day', null],
  ['kassel', 'DE', 'twinning', '1952', 'year', '1958'],
  ['fez', 'MA', 'twinning', '1961', 'year', null],
  ['filadelfia', 'US', 'twinning', '1964', 'year', null],
  ['edimburgo', 'GB', 'twinning', '1964', 'year', '1965'],
  ['kyoto', 'JP', 'twinning', '1965-11-06', 'day', null],
  ['kiev', 'UA', 'twinning', '1967-07-27', 'day', null],
  ['dresda', 'DE', 'twinning', '1978', 'year', null],
  ['nanchino', 'CN', 'twinning', '1980', 'year', null],
  ['cracovia', 'PL', 'friendship_pact', '1985', 'year', null],
  ['kuwait-city', 'KW', 'twinning', '1991', 'year', null],
  ['salvador-de-bahia', 'BR', 'twinning', '1991', 'year', null],
  ['turku', 'FI', 'twinning', '1991', 'year', '1992'],
  ['sydney', 'AU', 'twinning', '1991', 'year', null],
  ['asmara', 'ER', 'twinning', '1992', 'year', null],
  ['nazaret', 'IL', 'twinning', '1996-03-25', 'day', null],
  ['betlemme', 'PS', 'twinning', '1962', 'year', '2012'],
  ['valladolid', 'ES', 'twinning', '2007-01-24', 'day', null],
  ['budapest', 'HU', 'twinning', '2007', 'year', '2008'],
  ['atene', 'GR', 'twinning', null, 'unknown', null],
  ['riga', 'LV', 'twinning', null, 'unknown', null],
  ['tirana', 'AL', 'twinning', null, 'unknown', null],
  ['isfahan', 'IR', 'twinning', null, 'unknown', null],
  ['el-aaiun', 'EH', 'twinning', null, 'unknown', null],
  ['porto-vecchio', 'FR', 'friendship_pact', '2007-01-22', 'day', null],
  ['puebla', 'MX', 'friendship_pact', '2005-02', 'month', null],
  ['sanaa', 'YE', 'friendship_pact', '2007', 'year', '2008'],
  ['xian', 'CN', 'friendship_pact', '2007', 'year', '2008'],
  ['arequipa', 'PE', 'friendship_pact', '2007', 'year', '2008'],
  ['tallinn', 'EE', 'friendship_pact', '2008', 'year', null],
  ['austin', 'US', 'collaboration_agreement', '2023', 'year', null],
];

describe('Florence demo partnerships', () => {
  let ctx: TestContext;
  let bySlug: Map<string, Agreement>;

  beforeAll(async () => {
    ctx = await createTestDeps({ seed: true });
    const all = await ctx.services.agreements.listDetailed('firenze');
    bySlug = new Map(all.map((a) => [a.slug, a]));
  });
  afterAll(() => ctx.close());

  it('when seeded, then Florence has exactly the rows of facts.md, all published', () => {
    expect([...bySlug.keys()].sort()).toEqual(ROWS.map((r) => r[0]).sort());
    expect([...bySlug.values()].every((a) => a.published && a.status === 'active')).toBe(true);
  });

  it.each(ROWS)(
    'when %s is read, then its country, kind, date, precision and alternative date are as facts.md gives them',
    (slug, country, kind, date, precision, other) => {
      const a = bySlug.get(slug)!;
      expect(a.partner.country?.code).toBe(country);
      expect(a.kind).toBe(kind);
      expect(a.signed).toEqual({ date, precision, source: SOURCE });
      expect(a.sources).toEqual([]);
      expect(a.alternativeDates).toEqual(
        other ? [{ field: 'signed', date: other, precision: 'year', source: SOURCE }] : [],
      );
      expect(a.descriptionIt).toBeTruthy();
      expect(a.descriptionEn).toBeTruthy();
    },
  );

  it('when El Aaiún is read, then it is tied to no gazetteer place and says it may be the refugee camp', () => {
    const a = bySlug.get('el-aaiun')!;
    expect(a.partner.place).toBeNull();
    expect(a.descriptionEn).toContain('refugee camp');
    expect(a.descriptionEn).toContain('Tindouf');
    expect(a.descriptionIt).toContain('Tindouf');
  });

  it('when uncertain rows are read, then their descriptions say so', () => {
    expect(bySlug.get('sydney')!.descriptionEn).toContain('may have lapsed');
    expect(bySlug.get('budapest')!.descriptionIt).toContain('incerto');
    expect(bySlug.get('betlemme')!.descriptionEn).toContain('2012');
  });

  it('when Milan and Florence both have a partnership with Kraków, then each keeps the slug in its own list', async () => {
    const milan = await ctx.services.agreements.listDetailed('milano');
    expect(milan.find((a) => a.slug === 'cracovia')?.kind).toBe('twinning');
    expect(bySlug.get('cracovia')?.kind).toBe('friendship_pact');
  });
});
