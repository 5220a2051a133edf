// The public agreements.csv and the audit log's CSV never hand a spreadsheet a formula, and the CSV export
// still imports back to the same texts.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../../test/admin.ts';
import { agreementInput, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import { dataPath } from '../portal/portal.paths.ts';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const TEXTS = {
  titleIt: '=HYPERLINK("https://evil.example.org","Clicca")',
  titleEn: "@SUM(1+1)*cmd|' /C calc'!A0",
  descriptionIt: '+39 02 88451',
  descriptionEn: "'=already quoted",
  signedPlace: '-Milano',
};

/** Every cell of a CSV as a spreadsheet would see it. */
const cellsOf = (csv: string) =>
  (parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][]).flat();

describe('formula cells in CSV files', () => {
  it('when agreements carry texts that start like formulas, then the open-data CSV writes them as text and the export imports back to the same texts', async () => {
    const from = await makeInstitution(ctx.services);
    await ctx.services.agreements.create(
      from.slug,
      { ...agreementInput(), ...TEXTS, published: true },
      TEST_ACTOR,
    );
    const res = await app.inject({ method: 'GET', url: dataPath(from.slug, 'csv') });
    expect(res.statusCode).toBe(200);
    const cells = cellsOf(res.body);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d/.test(c))).toEqual([]);
    expect(cells).toContain(`'${TEXTS.titleIt}`);

    const to = await makeInstitution(ctx.services);
    const report = await ctx.services.importAgreements({
      institution: to.slug,
      bytes: Buffer.from(res.body),
      format: 'csv',
      actor: TEST_ACTOR,
    });
    expect(report.problems).toEqual([]);
    const [imported] =
      (await ctx.services.agreements.listDetailed(to.slug, { includeUnpublished: true })) ?? [];
    expect(imported).toMatchObject(TEXTS);
  });

  it('when the audit log holds such a text (here the name of who wrote), then its CSV export writes it as text', async () => {
    const inst = await makeInstitution(ctx.services);
    const { signIn, get } = adminClient(app, ctx);
    const { cookie } = await signIn(inst.slug, 'admin');
    await ctx.services.admin.create(
      {
        userId: null,
        label: TEXTS.titleEn,
        institutionId: inst.id,
        institutionSlug: inst.slug,
        role: 'editor',
      },
      { ...agreementInput(), titleIt: TEXTS.titleIt },
    );
    const res = await get('/admin/it/audit.csv', cookie);
    expect(res.statusCode).toBe(200);
    const cells = cellsOf(res.body);
    expect(cells).toContain(`'${TEXTS.titleEn}`);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d/.test(c))).toEqual([]);
  });
});
