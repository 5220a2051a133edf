// The Metropolitan City of Florence's objectives as seed 002 states them: read through the open data and
// compared with the seed document itself, word for word; the money of 2022–2024 is not recorded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { Objective } from './plan.schemas.ts';

const SEEDS = join(process.cwd(), '..', 'shared', 'seeds');
const seed002 = () => {
  const file = readdirSync(SEEDS).find((f) => f.startsWith('002_'))!;
  return readFileSync(join(SEEDS, file), 'utf8');
};
/** The paragraph after "DESCRIZIONE:" in each of the document's two objectives. */
const descriptions = (text: string) =>
  [...text.matchAll(/DESCRIZIONE:\s*\n\s*\n(.+)\n/g)].map((m) => m[1]!.trim());

let ctx: TestContext;
let app: App;
let items: Objective[];

beforeAll(async () => {
  ctx = await createTestDeps({ seed: true });
  app = await createTestApp(ctx);
  const res = await app.inject({ url: '/api/v1/institutions/cm-firenze/objectives' });
  items = res.json().items;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe("the Metropolitan City's plan, as seed 002 states it", () => {
  it('when the open data is read, then the strategic objective and 1901/0159 under it carry the seed’s codes, mission, programme and person responsible', () => {
    expect(items).toHaveLength(2);
    const strategic = items.find((o) => o.level === 'strategic')!;
    const operational = items.find((o) => o.level === 'operational')!;
    expect(strategic).toMatchObject({
      titleIt: 'RELAZIONI INTERNAZIONALI',
      code: null,
      mission: '19',
      programme: null,
      mandateFrom: 2019,
      mandateTo: 2024,
      responsible: 'Cristiano Maggipinto',
      addressIt: 'CULTURA, TURISMO, SVILUPPO ECONOMICO, RELAZIONI INTERNAZIONALI',
      published: true,
    });
    expect(operational).toMatchObject({
      parentId: strategic.id,
      code: '1901/0159',
      titleIt: 'LA CITTÀ METROPOLITANA NEL MONDO',
      mission: '19',
      programme: '1901',
      responsible: 'Cristiano Maggipinto',
      firstYear: 2022,
      lastYear: 2024,
      currency: 'EUR',
    });
  });

  it('when the descriptions are compared with the seed document, then they are its words exactly', () => {
    const [strategicText, operationalText] = descriptions(seed002());
    expect(strategicText).toMatch(/^Lo Statuto/);
    expect(items.find((o) => o.level === 'strategic')!.descriptionIt).toBe(strategicText);
    expect(items.find((o) => o.level === 'operational')!.descriptionIt).toBe(operationalText);
  });

  it('when the money is read, then 2022, 2023 and 2024 are there and every amount is "not recorded", as the seed gives none', () => {
    for (const o of items) {
      expect(o.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
      for (const y of o.years) {
        const { year: _y, ...amounts } = y;
        expect(Object.values(amounts).every((v) => v === null)).toBe(true);
      }
      expect(o.sources[0]!.title).toContain('Documento Unico di Programmazione');
    }
  });

  it('when a visitor opens "Obiettivi e risorse" in Italian and English, then 1901/0159 reads as the seed states it, with its years not recorded', async () => {
    const it = await app.inject({ url: '/cm-firenze/it/obiettivi-e-risorse/' });
    expect(it.statusCode).toBe(200);
    expect(it.body).toContain('1901/0159 - LA CITTÀ METROPOLITANA NEL MONDO');
    expect(it.body).toContain('1901 - Relazioni internazionali e Cooperazione allo sviluppo');
    expect(it.body).toContain('Cristiano Maggipinto');
    expect(it.body).toContain(descriptions(seed002())[1]!.slice(0, 80));
    expect(it.body).toContain('non registrato');
    expect(it.body).toContain('role="img"');
    const en = await app.inject({ url: '/cm-firenze/en/objectives-and-resources/' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('The Metropolitan City in the world');
    expect(en.body).toContain('not recorded');
    expect(en.body).toContain('this is a translation');
    const filtered = await app.inject({ url: '/cm-firenze/it/obiettivi-e-risorse/?programma=1902' });
    expect(filtered.body).not.toContain('1901/0159 - LA CITTÀ');
    expect(filtered.body).toContain('RELAZIONI INTERNAZIONALI');
    const milan = await app.inject({ url: '/milano/it/obiettivi-e-risorse/' });
    expect(milan.body).toContain('non ha ancora pubblicato');
  });

  it('when the open data is downloaded as CSV, then there is a row per objective and year with empty amounts', async () => {
    const res = await app.inject({ url: '/cm-firenze/data/objectives.csv' });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'level,code,title_it,title_en,mandate_from,mandate_to,mission,programme,responsible,year,currency,income_planned,income_committed,income_paid,expense_planned,expense_committed,expense_paid',
    );
    expect(lines).toHaveLength(7);
    expect(lines).toContain(
      'operational,1901/0159,LA CITTÀ METROPOLITANA NEL MONDO,The Metropolitan City in the world,2019,2024,19,1901,Cristiano Maggipinto,2023,EUR,,,,,,',
    );
  });
});
