// Importing the consular list as an office keeps it (semicolons, Latin-1, Italian headers): all or nothing with
// line-numbered problems and a dry run; the heads of post as people; likely duplicates flagged, then merged with
// their history (a post's roles move to the record kept).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../test/cli.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { createTestDeps, type TestContext } from '../../../test/support.ts';

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestDeps();
  dir = mkdtempSync(join(tmpdir(), 'ponte-contacts-'));
});
afterAll(async () => {
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCommand(argv, { deps: ctx });
const file = (name: string, content: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const LIST = (row4: string) =>
  [
    'Paese;Sede;Nome;Indirizzo;Città;Telefono;Circoscrizione;Capo sede;Qualifica;Dal',
    'Giappone;Consolato generale;Consolato generale del Giappone;Via Privata Cesare Mangili 2/4;Milano;+39 02 6241141;Lombardia, Emilia-Romagna;Tanaka Hiroshi;Console generale;2023-04-01',
    'Islanda;Consolato onorario;Consolato onorario d’Islanda;Via Tasso 2;Bergamo;;Lombardia;;;',
    row4,
  ].join('\r\n');

describe('importing the contacts register', () => {
  it('when a Latin-1 semicolon consular list has a bad row, then nothing is imported and the line is named; fixed, it all is, a duplicate flagged', async () => {
    const office = await makeInstitution(ctx.services);
    const broken = file(
      'consolati.csv',
      Buffer.from(
        LIST('Perù;Consolato generale;Consolato generale del Perù;Via Siusi 7;Milano;;Baviera;;;'),
        'latin1',
      ),
    );
    const refused = await cli('import', 'contacts', broken, '--institution', office.slug);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${broken}:4: district:`);
    expect(refused.err).toContain('Baviera');
    expect(refused.err).toContain('Windows-1252');
    const count = async () =>
      (
        await ctx.database.query<{ n: number }>(
          'select count(*)::int as n from organisations where institution_id = $1',
          [office.id],
        )
      )[0]!.n;
    expect(await count()).toBe(0);

    const fixed = file(
      'consolati-ok.csv',
      Buffer.from(
        LIST(
          'Giappone;Consolato generale;Consolato Generale del Giappone a Milano;Via Mangili 2;Milano;;Lombardia;;;',
        ),
        'latin1',
      ),
    );
    const dry = await cli('import', 'contacts', fixed, '--institution', office.slug, '--dry-run');
    expect(dry.out).toContain('Dry run: all 3 rows can be imported (3 organisations, 1 people)');
    expect(await count()).toBe(0);
    const done = await cli('import', 'contacts', fixed, '--institution', office.slug);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toContain('Imported 3 organisations and 1 people from 3 rows.');
    expect(done.err).toContain(
      'line 4: "Consolato Generale del Giappone a Milano" is likely the same organisation as line 2',
    );

    const [japan] = await ctx.database.query<{
      id: string;
      post_kind: string;
      country_code: string;
      district: string[];
    }>(
      "select id, post_kind, country_code, district from organisations where institution_id = $1 and name_it = 'Consolato generale del Giappone'",
      [office.id],
    );
    expect(japan).toMatchObject({
      post_kind: 'consulate_general',
      country_code: 'JP',
      district: ['Emilia-Romagna', 'Lombardia'],
    });
    const heads = await ctx.database.query<{
      name: string;
      title_it: string;
      starts_on: string;
      head: boolean;
    }>(
      'select p.name, r.title_it, r.starts_on::text, r.head from person_roles r join people p on p.id = r.person_id where r.organisation_id = $1',
      [japan!.id],
    );
    expect(heads).toEqual([
      { name: 'Tanaka Hiroshi', title_it: 'Console generale', starts_on: '2023-04-01', head: true },
    ]);

    // The duplicate is merged into the first record: its history stays with the post.
    const [twin] = await ctx.database.query<{ id: string }>(
      "select id from organisations where institution_id = $1 and name_it like '%a Milano'",
      [office.id],
    );
    await ctx.database.query('update person_roles set organisation_id = $1 where organisation_id = $2', [
      twin!.id,
      japan!.id,
    ]);
    const merged = await cli('organisations', 'merge', japan!.id, twin!.id, '--institution', office.slug);
    expect(merged.code, merged.err).toBe(0);
    expect(JSON.parse(merged.out)).toEqual({ kept: japan!.id, roles: 1 });
    expect(await count()).toBe(2);
    expect(
      await ctx.database.query('select 1 from person_roles where organisation_id = $1', [japan!.id]),
    ).toHaveLength(1);
    const log = await ctx.database.query<{ action: string; entity_id: string }>(
      "select action, entity_id from audit_events where action in ('merge', 'merged_into', 'import') and institution_id = $1 order by id",
      [office.id],
    );
    expect(log.map((r) => r.action)).toEqual(['import', 'merge', 'merged_into']);
  });

  it('when the same person is recorded twice, then merging keeps one with the roles and languages of both', async () => {
    const office = await makeInstitution(ctx.services);
    const post = await ctx.services.organisations.create(office.id, {
      kind: 'association',
      postKind: '',
      nameIt: 'Associazione di prova',
      nameEn: '',
      country: '',
      communities: '',
      languages: '',
      district: '',
      address: '',
      city: '',
      coordinates: '',
      phone: '',
      email: '',
      website: '',
      openingHoursIt: '',
      openingHoursEn: '',
      activitiesIt: '',
      activitiesEn: '',
      registerNumber: '',
      notes: '',
      published: '',
    });
    const base = {
      honorific: '',
      preferredLanguage: '',
      email: '',
      address: '',
      notes: '',
      visibility: '',
      emailVisibility: '',
      phoneVisibility: '',
      addressVisibility: '',
      notesVisibility: '',
      legalBasis: 'public_task',
      consentOn: '',
      consentText: '',
      reviewOn: '',
    };
    const a = await ctx.services.people.create(office.id, {
      ...base,
      name: 'María José Pérez',
      languages: 'spagnolo',
      phone: '',
    });
    const b = await ctx.services.people.create(office.id, {
      ...base,
      name: 'Maria Jose Perez',
      languages: 'inglese',
      phone: '+39 02 1234 5678',
    });
    await ctx.services.people.addRole(
      office.id,
      b.id,
      { organisationId: post.id, titleIt: 'Presidente', titleEn: '', head: 'yes', startsOn: '', endsOn: '' },
      3,
    );
    const merged = await cli('people', 'merge', a.id, b.id, '--institution', office.slug);
    expect(merged.code, merged.err).toBe(0);
    expect(JSON.parse(merged.out)).toMatchObject({
      name: 'María José Pérez',
      languages: ['es', 'en'],
      phone: '+39 02 1234 5678',
      roles: [{ titleIt: 'Presidente' }],
    });
    expect(await ctx.database.query('select 1 from people where id = $1', [b.id])).toEqual([]);
  });
});
