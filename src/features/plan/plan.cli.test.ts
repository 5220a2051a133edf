// The plan and projects from the command line: an objective and a project created, the objective's money
// recorded, a project listed and its IATI file written, each as the API would take it and audited as the CLI's.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../test/cli.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import { BLANK_VISIT } from '../visits/visits.service.ts';

let ctx: TestContext;
let dir: string;
let office: { id: string; slug: string };
beforeAll(async () => {
  ctx = await createTestDeps();
  dir = mkdtempSync(join(tmpdir(), 'ponte-plan-cli-'));
  office = await makeInstitution(ctx.services);
  await ctx.database.query("update institutions set tax_code = '80016450480' where id = $1", [office.id]);
});
afterAll(async () => {
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCommand(argv, { deps: ctx });
async function json<T = Record<string, unknown>>(...argv: string[]): Promise<T> {
  const r = await cli(...argv);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
}

describe('the plan and projects from the command line', () => {
  it('when an objective is created and its money recorded, then the CLI answers the API’s JSON, refuses a bad amount naming it, and audits as the CLI', async () => {
    const inst = ['--institution', office.slug];
    const made = await json<{ id: string; version: number }>(
      'objectives',
      'create',
      ...inst,
      '--data',
      JSON.stringify({
        level: 'strategic',
        titleIt: 'RELAZIONI INTERNAZIONALI',
        mandateFrom: 2019,
        mandateTo: 2024,
        mission: '19',
        firstYear: 2022,
        lastYear: 2024,
      }),
    );
    const money = await json<{ version: number; years: { year: number; expensePlanned: string | null }[] }>(
      'objectives',
      'years',
      made.id,
      ...inst,
      '--version',
      '1',
      '--data',
      JSON.stringify({ years: [{ year: 2022, expensePlanned: '12500.00' }] }),
    );
    expect(money.version).toBe(2);
    expect(money.years[0]).toMatchObject({ year: 2022, expensePlanned: '12500.00' });
    const bad = await cli(
      'objectives',
      'years',
      made.id,
      ...inst,
      '--version',
      '2',
      '--data',
      JSON.stringify({ years: [{ year: 2023, expensePaid: '12,5' }] }),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('expensePaid');
    const withIndicator = await json<{ indicators: { nameIt: string }[] }>(
      'objectives',
      'indicators',
      'add',
      made.id,
      ...inst,
      '--data',
      JSON.stringify({
        version: 2,
        nameIt: 'Accordi attivi',
        values: [{ year: 2023, target: '4', actual: '3' }],
      }),
    );
    expect(withIndicator.indicators[0]?.nameIt).toBe('Accordi attivi');
    const visit = await ctx.services.visits.create(office.id, {
      ...BLANK_VISIT,
      titleIt: 'Delegazione',
      startsOn: '2023-05-10',
    });
    const link = await json<{ kind: string; id: string }>(
      'objectives',
      'link',
      made.id,
      ...inst,
      '--kind',
      'visit',
      '--record',
      visit.id,
    );
    expect(link).toMatchObject({ kind: 'visit', id: visit.id });
    const listed = await cli('objectives', 'list', ...inst);
    expect(listed.out).toContain('RELAZIONI INTERNAZIONALI');
    const audit = await ctx.database.query<{ actor: string }>(
      'select actor from audit_events where entity_id = $1',
      [made.id],
    );
    expect(audit.map((a) => a.actor)).toEqual(['cli', 'cli', 'cli', 'cli']);
  });

  it('when a published cooperation project is created, then it is listed and its IATI file is written', async () => {
    const inst = ['--institution', office.slug];
    await json(
      'projects',
      'create',
      ...inst,
      '--data',
      JSON.stringify({
        code: 'COOP-1',
        kind: 'cooperation',
        titleIt: 'Acqua a Thiès',
        role: 'lead',
        status: 'running',
        startsOn: '2025-01-01',
        endsOn: '2026-12-31',
        countries: ['SN'],
        funder: 'AICS',
        published: true,
      }),
    );
    const listed = await cli('projects', 'list', ...inst, '--status', 'running');
    expect(listed.out).toContain('COOP-1');
    const out = join(dir, 'iati.xml');
    const r = await cli('export', 'projects-iati', ...inst, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(
      '<iati-identifier>IT-CF-80016450480-COOP-1</iati-identifier>',
    );
  });
});
