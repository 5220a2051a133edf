// Importing past visits and missions from spreadsheets through the CLI: a semicolon CSV saved in Latin-1, all
// or nothing with problems named by line and column, a dry run that writes nothing, a mission's rows sharing
// its title and day as one mission with its travellers, everything audited; and the public calendar written
// to a file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../test/cli.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { organisation } from '../../../test/factories-backoffice.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestDeps();
  dir = mkdtempSync(join(tmpdir(), 'ponte-agenda-'));
});
afterAll(async () => {
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCommand(argv, { deps: ctx });

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('importing the agenda', () => {
  it('when a Latin-1 semicolon CSV of past visits has one bad row, then nothing is imported and the line and column are named; fixed, all of it is', async () => {
    const office = await makeInstitution(ctx.services);
    await ctx.services.agreements.create(
      office.slug,
      {
        kind: 'twinning',
        partner: organisation('Città di Kyoto'),
        signed: { date: '1990-01-01' },
        term: { type: 'permanent' },
        sectors: [],
        statusHistory: [{ status: 'active', date: '1990-01-01' }],
        published: false,
      },
      { userId: null, label: 'test' },
    );
    const rows = (bad: string) =>
      [
        'title_it;starts_on;ends_on;partner;head_name;languages;outcome_it',
        'Delegazione giapponese;12/03/2024;14/03/2024;Città di Kyoto;Tanaka;giapponese, inglese;Accordo sulla cultura',
        `Visita della società civile;${bad};;;;;`,
      ].join('\r\n');
    const broken = file('visite.csv', Buffer.from(rows('31/02/2024'), 'latin1'));
    const refused = await cli('import', 'visits', broken, '--institution', office.slug);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${broken}:3: starts_on:`);
    expect(refused.err).toContain('Windows-1252');
    expect(refused.out, refused.err).toContain('Nothing imported: 1 problem(s) in 2 rows');
    const count = async () =>
      (
        await ctx.database.query<{ n: number }>(
          'select count(*)::int as n from visits where institution_id = $1',
          [office.id],
        )
      )[0]!.n;
    expect(await count()).toBe(0);

    const good = file('visite-ok.csv', Buffer.from(rows('2024-09-20'), 'latin1'));
    const dry = await cli('import', 'visits', good, '--institution', office.slug, '--dry-run');
    expect(dry.out).toContain('Dry run: all 2 rows can be imported (2 visits); nothing was written.');
    expect(await count()).toBe(0);
    const done = await cli('import', 'visits', good, '--institution', office.slug);
    expect(done, done.err).toMatchObject({ code: 0, out: 'Imported 2 visits from 2 rows.\n' });
    const [kyoto] = await ctx.database.query<{ languages: string[]; status: string; counterpart: string }>(
      `select v.languages, v.status, c.name_it as counterpart from visits v join counterparts c on c.id = v.counterpart_id
        where v.institution_id = $1`,
      [office.id],
    );
    expect(kyoto).toEqual({ languages: ['ja', 'en'], status: 'held', counterpart: 'Città di Kyoto' });
    const audit = await ctx.database.query<{ actor: string; action: string }>(
      "select actor, action from audit_events where institution_id = $1 and entity in ('visit', 'visits') order by at, id",
      [office.id],
    );
    expect(audit.map((a) => `${a.actor}:${a.action}`)).toEqual(['cli:import', 'cli:create', 'cli:create']);
  });

  it("when a mission's rows share its title and first day, then they are one mission with each row's traveller and costs", async () => {
    const office = await makeInstitution(ctx.services);
    const csv = file(
      'missioni.csv',
      [
        'title_it,starts_on,ends_on,destinations,status,traveller,traveller_office,travel_cost,lodging_cost',
        'Missione a Lione,2026-03-10,2026-03-12,"Lione, FR",held,Anna Sindaca,mayor,850.50,420',
        'Missione a Lione,2026-03-10,2026-03-12,"Lione, FR",held,Paolo Funzionario,staff,300,',
        'Missione a Tokyo,2026-10-01,2026-10-05,"Tokyo, JP",held,Anna Sindaca,mayor,1200,900',
      ].join('\n'),
    );
    const done = await cli('import', 'missions', csv, '--institution', office.slug);
    expect(done, done.err).toMatchObject({ code: 0, out: 'Imported 2 missions from 3 rows.\n' });
    expect(await ctx.services.missions.costs(office.id)).toEqual([
      expect.objectContaining({ year: 2026, name: 'Anna Sindaca', missions: 2, total: '3370.50' }),
    ]);

    await ctx.database.query('update missions set published = true where institution_id = $1', [office.id]);
    const out = join(dir, 'agenda.ics');
    const exported = await cli('export', 'agenda', '--institution', office.slug, '--out', out);
    expect(exported.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/BEGIN:VCALENDAR[\s\S]*SUMMARY:Missione: Missione a Tokyo/);
  });
});
